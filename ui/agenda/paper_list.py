"""The papers the panel reads for an item: listed, attached from a file, opened.

Attached papers are copied into the store's document folder with their SHA-256
(the service does the copying); opening checks the copy still has that hash, so
a paper changed or lost since it was attached is not shown as if it were the one
the panel read.
"""

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.config import data_dir
from panelapp.db import Store
from panelapp.enums import PAPER_KINDS
from panelapp.queries.agenda import PaperRow
from ui.common.tablemodel import Column, RowTableModel, SearchProxy, prepare
from ui.common.widgets import ok_cancel
from ui.common.words import day
from ui.shell import theme

KIND_WORDS = {
    "prospective_adopters_report": "Prospective Adopter's Report",
    "child_permanence_report": "Child Permanence Report",
    "adoption_placement_report": "Adoption Placement Report",
    "medical_report": "Medical report",
    "other": "Other paper",
}
assert set(KIND_WORDS) == set(PAPER_KINDS)
# The paper an item of each type is usually heard on.
USUAL_KIND = {"adopter_approval": "prospective_adopters_report", "retrospective_approval":
              "prospective_adopters_report", "match": "adoption_placement_report",
              "child_plan": "child_permanence_report"}


PAPER_COLUMNS = (
    Column("Title", lambda p: p.title),
    Column("Kind", lambda p: KIND_WORDS.get(p.kind, p.kind)),
    Column("Added", lambda p: p.added_on, show=lambda p: day(p.added_on) + (" (late)" if p.late else "")),
)
ADDED_COLUMN = 2
LATE_TIP = "Added after the papers went out: send it to members as an addendum"


class PaperModel(RowTableModel):
    """Late papers highlighted (``prepare``'s mark); the tips give the file and its hash."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            paper = self.row_object(index.row())
            if paper.late and index.column() == ADDED_COLUMN:
                return LATE_TIP
            return f"{paper.file_name}\nSHA-256 {paper.sha256}"
        return super().data(index, role)


def documents_dir(store: Store) -> Path:
    """Where the store's papers are kept: a ``documents`` folder beside a SQLite store,
    or in the user's data folder for a database server."""
    own = getattr(store, "documents_dir", None)
    if own:
        return Path(own)
    if store.path is not None:
        return store.path.parent / "documents"
    return data_dir() / "documents"


def open_file(path: Path) -> bool:
    """Open with the system's viewer for the file's type."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def check_copy(paper: PaperRow) -> str | None:
    """Why the stored copy cannot be opened as the paper attached, or None when it can."""
    path = Path(paper.stored_path)
    if not path.is_file():
        return f"The stored copy of “{paper.title}” is missing: it should be at {path}."
    if hashlib.sha256(path.read_bytes()).hexdigest() != paper.sha256:
        return (f"The stored copy of “{paper.title}” ({path}) has changed since it was attached: it is not "
                "the paper the panel was sent. Attach the right version again.")
    return None


class AttachDialog(QDialog):
    def __init__(self, item: str, kind: str = "other", parent: QWidget | None = None):
        super().__init__(parent)
        title = f"Attach a paper to {item}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.path = QLineEdit()
        self.path.setAccessibleName("File")
        self.path.setPlaceholderText("the file's path, or choose it")
        self.browse = QPushButton("C&hoose…")
        self.browse.setAccessibleName("Choose the file")
        self.browse.clicked.connect(self.choose_file)
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("as the panel will see it listed")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of paper")
        for code, words in KIND_WORDS.items():
            self.kind.addItem(words, code)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.problem = QLabel()
        self.problem.setObjectName("muted")
        self.problem.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("&File:", file_row)
        form.addRow("&Title:", self.title)
        form.addRow("&Kind:", self.kind)
        buttons, self.ok_button = ok_cancel(self, "&Attach")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.path.textChanged.connect(self._check)
        self.title.textChanged.connect(self._check)
        self.setMinimumWidth(520)
        self._check()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the paper", self.path.text(),
                                              "Papers (*.pdf *.docx *.doc *.odt *.rtf *.txt);;Any file (*)")
        if path:
            self.path.setText(path)

    def _check(self) -> None:
        text = self.path.text().strip()
        path = Path(text).expanduser() if text else None
        if path is not None and path.is_file() and not self.title.text().strip():
            self.title.setText(path.stem.replace("_", " "))
        if path is None:
            problem = "Choose the file."
        elif not path.is_file():
            problem = f"No file is at {path}."
        elif not self.title.text().strip():
            problem = "Give the paper a title."
        else:
            problem = ""
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def values(self) -> dict:
        return {"source": Path(self.path.text().strip()).expanduser(), "title": self.title.text().strip(),
                "kind": self.kind.currentData()}


class PaperList(QWidget):
    """The selected item's papers, with Attach and Open. ``tell(title, text)`` reports problems."""

    attach_requested = Signal()

    def __init__(self, tell, parent: QWidget | None = None):
        super().__init__(parent)
        self.tell = tell
        self.papers: list[PaperRow] = []
        self.heading = QLabel("Papers")
        self.heading.setObjectName("subheading")
        self.model = PaperModel(PAPER_COLUMNS, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Papers for the selected item")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.attach_button = QPushButton("A&ttach a paper…")
        self.attach_button.clicked.connect(self.attach_requested.emit)
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the paper")
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.may_attach = False
        self._item_shown = False
        self.show_papers(None, [])

    def show_papers(self, item_label: str | None, papers: list[PaperRow] | tuple) -> None:
        self.papers = list(papers)
        if item_label is None:
            self.heading.setText("Papers")
        else:
            self.heading.setText(f"Papers for {item_label}" + ("" if self.papers else ": none attached yet"))
        self.model.highlight = QBrush(QColor(theme.colours(theme.current_is_dark())["warning"]))
        self.model.set_prepared(prepare(PAPER_COLUMNS, self.papers, mark=lambda p: int(p.late)))
        self.proxy.resort()
        if self.papers:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._item_shown = item_label is not None
        self._update_buttons()

    def set_may_attach(self, may: bool) -> None:
        self.may_attach = may
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.attach_button.setEnabled(self.may_attach and self._item_shown)
        self.open_button.setEnabled(self.current() is not None)

    def current(self) -> PaperRow | None:
        index = self.table.currentIndex()
        return self.proxy.row_object(index.row()) if index.isValid() else None

    def open_current(self) -> bool:
        paper = self.current()
        if paper is None:
            return False
        problem = check_copy(paper)
        if problem:
            self.tell("The paper cannot be opened", problem)
            return False
        if not open_file(Path(paper.stored_path)):
            self.tell("The paper cannot be opened",
                      f"No program on this computer opens {paper.file_name}. It is stored at {paper.stored_path}.")
            return False
        return True
