"""The dialogs that gather what taking a meeting away, opening it, returning it and merging it
need: the meeting and chair, the passphrase, and where the files go. Each checks what it can
before it closes, and says in a sentence what is missing."""

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from panelapp.config import data_dir
from panelapp.queries.takeaway import TakeAwayChoices
from panelapp.takeaway import SUFFIX
from ui.common.widgets import ok_cancel, warning_label
from ui.common.words import day
from ui.takeaway.fields import Passphrase, PathField

MEETING_FILES = f"PanelApp meeting files (*{SUFFIX});;All files (*)"
STORES = "PanelApp stores (*.sqlite);;All files (*)"


class _Form(QDialog):
    """An intro, a form, a warning line and the buttons; ``problem()`` is checked on OK."""

    def __init__(self, title: str, intro: str, action: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("What this does")
        self.form = QFormLayout()
        self.warning = warning_label("What is missing", selectable=True)
        self.buttons, self.ok = ok_cancel(self, action)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.check_and_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def problem(self) -> str | None:
        raise NotImplementedError

    def check_and_accept(self) -> None:
        problem = self.problem()
        self.warning.setText(problem or "")
        self.warning.setVisible(problem is not None)
        if problem is None:
            self.accept()


def _save_path(field: PathField, what: str, suffix: str) -> str | None:
    text = field.text()
    if not text:
        return f"Say where to save {what}."
    if not text.endswith(suffix):
        return f"{Path(text).name}: {what} is saved as a {suffix} file; end the name with {suffix}."
    if not Path(text).expanduser().parent.is_dir():
        return f"The folder {Path(text).expanduser().parent} does not exist."
    return None


class TakeAwayDialog(_Form):
    """Meeting > Take away for the chair…"""

    def __init__(self, choices: TakeAwayChoices, meeting_id: int | None, folder: str,
                 parent: QWidget | None = None):
        super().__init__("Take a meeting away for the chair",
                         "The meeting, its agenda and papers, the central list, the households and children on "
                         "its agenda (only what the chair's screens need) and the chair's account go into one "
                         "file sealed with a passphrase. The chair opens it on their laptop and records the "
                         "meeting there with no network, then returns it to be merged here.",
                         "Ta&ke away", parent)
        self.choices, self.folder = choices, folder
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting")
        for m in choices.meetings:
            self.meeting.addItem(f"{day(m.meeting_date)} — {m.ref} ({m.status})", m.id)
        self.meeting.setCurrentIndex(max(self.meeting.findData(meeting_id), 0))
        self.chair = QComboBox()
        self.chair.setAccessibleName("Chair")
        for c in choices.chairs:
            self.chair.addItem(f"{c.display_name} ({c.username})", c.username)
        self.form.addRow("&Meeting:", self.meeting)
        self.form.addRow("C&hair:", self.chair)
        self.passphrase = Passphrase(self.form, twice=True)
        self.path = PathField("Meeting file", "save", "Save the meeting file", MEETING_FILES)
        self.form.addRow("Save &to:", self.path)
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self._meeting_chosen()

    def _meeting_chosen(self, *_args) -> None:
        meeting_id = self.meeting.currentData()
        chair = self.choices.chairing.get(meeting_id)
        if chair is not None:
            self.chair.setCurrentIndex(max(self.chair.findData(chair), 0))
        ref = next((m.ref for m in self.choices.meetings if m.id == meeting_id), "meeting")
        self.path.set(Path(self.folder) / f"{ref}{SUFFIX}")

    def problem(self) -> str | None:
        if self.meeting.currentData() is None:
            return "There is no meeting to take away: plan one first."
        if self.chair.currentData() is None:
            return ("No panel chair has an account in this store: an administrator creates one for the chair "
                    "first, so that they can sign in on the laptop.")
        return self.passphrase.problem() or _save_path(self.path, "the meeting file", SUFFIX)

    def values(self) -> dict:
        return {"meeting_id": self.meeting.currentData(), "meeting": self.meeting.currentText(),
                "chair": self.chair.currentData(), "passphrase": self.passphrase.value(),
                "path": str(Path(self.path.text()).expanduser())}


def default_store_path(file: str) -> Path:
    """In the user's data folder, named after the meeting file; never one that exists."""
    stem = Path(file).name.removesuffix(SUFFIX) or "meeting"
    folder = data_dir() / "meetings taken away"
    candidate = folder / f"{stem}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.sqlite"
        number += 1
    return candidate


class OpenTakenAwayDialog(_Form):
    """File > Open a meeting taken away…"""

    def __init__(self, file: str = "", parent: QWidget | None = None):
        super().__init__("Open a meeting taken away",
                         "A meeting file from the panel adviser becomes a store of its own on this computer, "
                         "where the chair records the meeting with no network. The passphrase came separately "
                         "from the file. PanelApp then opens that store: the chair signs in with their own "
                         "password.", "&Open", parent)
        self.file = PathField("Meeting file", "open", "Open a meeting file", MEETING_FILES, browse="&Browse…")
        self.form.addRow("Meeting &file:", self.file)
        self.passphrase = Passphrase(self.form, twice=False)
        self.store = PathField("Store on this computer", "save", "Where the meeting's store goes", STORES)
        self.form.addRow("&Store on this computer:", self.store)
        self.file.line.textChanged.connect(self._file_chosen)
        self.file.set(file)
        self._file_chosen(file)

    def _file_chosen(self, text: str) -> None:
        self.store.set(default_store_path(text or "meeting"))

    def problem(self) -> str | None:
        file = self.file.text()
        if not file:
            return "Choose the meeting file (.panelmeeting) the panel adviser sent."
        if not Path(file).expanduser().is_file():
            return f"There is no file at {file}."
        problem = self.passphrase.problem()
        if problem:
            return problem
        store = self.store.text()
        if not store:
            return "Say where the meeting's store goes on this computer."
        if Path(store).expanduser().exists():
            return f"{store} exists already: the meeting opens into a new store, so choose a name not yet used."
        return None

    def values(self) -> dict:
        store = Path(self.store.text()).expanduser()
        store.parent.mkdir(parents=True, exist_ok=True)  # the default lives in a folder of its own
        return {"file": str(Path(self.file.text()).expanduser()), "passphrase": self.passphrase.value(),
                "store": str(store)}


class ReturnDialog(_Form):
    """Meeting > Return to the agency…"""

    def __init__(self, meeting: str, folder: str, parent: QWidget | None = None):
        super().__init__("Return the meeting to the agency",
                         f"What was recorded here for the meeting {meeting} (attendance, declarations, drafts, "
                         "recommendations, minutes and their versions, and this store's audit trail) goes into "
                         "one file sealed with a passphrase, for the panel adviser to merge at the office. "
                         "Send the passphrase separately from the file.", "&Return", parent)
        self.passphrase = Passphrase(self.form, twice=True)
        self.path = PathField("Return file", "save", "Save the return file", MEETING_FILES)
        self.path.set(Path(folder) / f"{meeting}-return-{dt.date.today():%Y-%m-%d}{SUFFIX}")
        self.form.addRow("Save &to:", self.path)

    def problem(self) -> str | None:
        return self.passphrase.problem() or _save_path(self.path, "the return file", SUFFIX)

    def values(self) -> dict:
        return {"passphrase": self.passphrase.value(), "path": str(Path(self.path.text()).expanduser())}


class MergeFileDialog(_Form):
    """File > Merge a returned meeting…: the file and its passphrase; the merge is tried first."""

    def __init__(self, file: str = "", parent: QWidget | None = None):
        super().__init__("Merge a returned meeting",
                         "The chair's return is compared with this store record by record: what changed only "
                         "on the laptop goes in, what changed only here stays, and anything both sides changed "
                         "is shown side by side for you to choose before anything is written.",
                         "&Check the return", parent)
        self.file = PathField("Return file", "open", "Open a return file", MEETING_FILES, browse="&Browse…")
        self.file.set(file)
        self.form.addRow("&Return file:", self.file)
        self.passphrase = Passphrase(self.form, twice=False)

    def problem(self) -> str | None:
        file = self.file.text()
        if not file:
            return "Choose the return file (.panelmeeting) the chair sent."
        if not Path(file).expanduser().is_file():
            return f"There is no file at {file}."
        return self.passphrase.problem()

    def values(self) -> dict:
        return {"file": str(Path(self.file.text()).expanduser()), "passphrase": self.passphrase.value()}
