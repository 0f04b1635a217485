"""The agency's settings, for an administrator: the names its documents print and the
numbers its rules use (the working-day targets, the quorum, the casting vote).

The service checks every value and says what is wrong; the dialog shows that
sentence and keeps what was typed, so the administrator can put it right.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.enums import AGENCY_KINDS, REGIONS
from panelapp.queries import onboarding
from panelapp.services.agency import SETTINGS, agency_settings, update_agency
from panelapp.services.permissions import Actor, allowed
from ui.common import queries
from ui.common.change import change
from ui.common.widgets import warning_label
from ui.statistics.export import sentence

from .letter_settings import LetterSettings

KIND_WORDS = {
    "local_authority": "Local authority",
    "regional_adoption_agency": "Regional adoption agency",
    "voluntary_adoption_agency": "Voluntary adoption agency",
}
REGION_WORDS = {
    "england_and_wales": "England and Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
# (setting, label, unit shown after the number)
TARGETS = (
    ("papers_working_days", "Papers reach &members", "working days before the meeting"),
    ("minutes_working_days", "&Final minutes", "working days after the meeting"),
    ("adm_working_days", "&ADM's decision", "working days after final minutes"),
    ("letter_working_days", "Decision &letter", "working days after the decision"),
)
QUORUM = (
    ("quorum_members", "&Members for quorum", "members"),
    ("quorum_social_worker_pqe_years", "Social worker's &PQE", "years of post-qualifying experience"),
)


def window_title(agency: queries.AgencyInfo | None) -> str:
    return f"{agency.name} — PanelApp" if agency else "PanelApp"


def refresh_agency(window) -> None:
    """After the agency changed: what the workspace shows of it (its title, the name
    printed on exported lists) read again from the store."""
    window.agency = queries.agency_info(window.store)
    window.setWindowTitle(window_title(window.agency))


class AgencySettingsDialog(QDialog):
    saved = Signal(dict)  # the settings as stored, after a change

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle("Agency settings")
        self.setAccessibleName("Agency settings")
        with store.session() as session:
            self.current = {key: entry["value"] for key, entry in agency_settings(session).items()}
            agency = onboarding.agency_info(session)
        # Sent back with the change: settings another user saved while this form was open are
        # refused in a sentence, not overwritten.
        self.version = agency.version if agency is not None else None

        self.name = self._line("name", "The agency's name, as its documents print it")
        self.panel_name = self._line("panel_name", "The panel's name, as its documents print it; "
                                                   "may be left empty")
        self.kind = self._choice("kind", {None: "Not said", **{k: KIND_WORDS.get(k, k) for k in AGENCY_KINDS}})
        self.region = self._choice("region", {k: REGION_WORDS.get(k, k) for k in REGIONS})
        self.numbers: dict[str, QSpinBox] = {key: self._number(key, unit) for key, _, unit in TARGETS + QUORUM}
        self.casting_vote = QCheckBox("The chair has a &casting vote when the votes are tied")
        self.casting_vote.setAccessibleName("The chair has a casting vote")
        self.casting_vote.setToolTip(SETTINGS["chair_casting_vote"][1].capitalize())
        self.casting_vote.setChecked(bool(self.current.get("chair_casting_vote")))

        agency = QGroupBox("The agency")
        form = QFormLayout(agency)
        form.addRow("Agency &name:", self.name)
        form.addRow("&Panel name:", self.panel_name)
        form.addRow("&Kind of agency:", self.kind)
        form.addRow("&Region:", self.region)
        region_note = QLabel("Its bank holidays are not working days.")
        region_note.setObjectName("muted")
        form.addRow("", region_note)
        targets = QGroupBox("Working-day targets")
        form = QFormLayout(targets)
        for key, label, _unit in TARGETS:
            form.addRow(f"{label}:", self.numbers[key])
        quorum = QGroupBox("Quorum and voting")
        form = QFormLayout(quorum)
        for key, label, _unit in QUORUM:
            form.addRow(f"{label}:", self.numbers[key])
        form.addRow(self.casting_vote)

        self.letters = LetterSettings(self.current)
        self.problem = warning_label("Why the settings were not saved", selectable=True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save the settings")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(agency)
        layout.addWidget(targets)
        layout.addWidget(quorum)
        layout.addWidget(self.letters)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _line(self, key: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self.current.get(key) or "")
        edit.setAccessibleName(SETTINGS[key][1].capitalize())
        edit.setToolTip(tip)
        return edit

    def _choice(self, key: str, words: dict) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(SETTINGS[key][1].capitalize())
        for value, text in words.items():
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(self.current.get(key))))
        return box

    def _number(self, key: str, unit: str) -> QSpinBox:
        low, high = SETTINGS[key][0]
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(f" {unit}")
        spin.setValue(int(self.current.get(key) or 0))
        spin.setAccessibleName(SETTINGS[key][1].capitalize())
        spin.setToolTip(f"From {low} to {high}")
        return spin

    def _focus_named(self, message: str) -> None:
        """Put the cursor in the first setting the service's message is about."""
        fields = {"name": self.name, "panel_name": self.panel_name, "kind": self.kind, "region": self.region,
                  **self.numbers, "chair_casting_vote": self.casting_vote}
        for key, (_rule, means) in SETTINGS.items():
            if means in message and key in fields:
                fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def values(self) -> dict:
        """Every setting as the form has it; an empty name is no name."""
        return {
            "name": self.name.text().strip() or None,
            "panel_name": self.panel_name.text().strip() or None,
            "kind": self.kind.currentData(),
            "region": self.region.currentData(),
            **{key: spin.value() for key, spin in self.numbers.items()},
            "chair_casting_vote": self.casting_vote.isChecked(),
            **self.letters.values(),
        }

    def changes(self) -> dict:
        # Only what was changed is sent, so a default left alone stays a default.
        return {key: value for key, value in self.values().items() if value != self.current.get(key)}

    def _refused(self, text: str) -> None:
        self.problem.setText(sentence(text))
        self.problem.show()
        self.resize(self.width(), self.heightForWidth(self.width()))
        self._focus_named(text)

    def save(self) -> bool:
        changes = self.changes()
        if not changes:
            self.accept()
            return True
        outcome = change(self.store, self.actor, update_agency, refused=self._refused,
                         expected_version=self.version, **changes)
        if not outcome.done:
            return False
        stored = outcome.value
        self.current = {key: entry["value"] for key, entry in stored.items()}
        self.problem.hide()
        self.saved.emit(stored)
        self.accept()
        return True


def open_settings(window) -> AgencySettingsDialog | None:
    """Edit > Agency settings…: the dialog over ``window``; the title follows a saved name."""
    if not allowed(window.actor, "agency.edit"):
        return None
    dialog = AgencySettingsDialog(window.store, window.actor, parent=window)
    dialog.saved.connect(lambda _stored: refresh_agency(window))
    dialog.saved.connect(lambda _stored: window.statusBar().showMessage("Agency settings saved", 5000))
    window.dialog = dialog
    dialog.open()
    return dialog
