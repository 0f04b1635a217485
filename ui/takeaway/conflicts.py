"""What both the office and the laptop changed, side by side, with a choice per record: keep the
office's or take the laptop's. Nothing is merged until every conflict has a choice."""

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.takeaway import Conflict
from panelapp.takeaway.merge import show_value
from ui.common.tablemodel import ROW_ROLE, Column, RowTableModel, prepare
from ui.common.widgets import ok_cancel

CHOICE_WORDS = {None: "not chosen yet", "office": "keep the office's", "laptop": "take the laptop's"}


@dataclass(frozen=True)
class Side:
    record: str
    field: str
    office: str
    laptop: str


CONFLICT_COLUMNS = [Column("Record", lambda c: c.label), Column("Choice", lambda c: c.choice)]
SIDE_COLUMNS = [Column("Record", lambda s: s.record), Column("Field", lambda s: s.field),
                Column("Office", lambda s: s.office), Column("Laptop", lambda s: s.laptop)]


@dataclass(frozen=True)
class Listed:
    key: str
    label: str
    choice: str


def sides(conflict: Conflict) -> list[Side]:
    out = []
    for row in conflict.rows:
        record = f"{row.table} ({row.why})"
        if not row.fields:
            out.append(Side(record, "", "", ""))
        for f in row.fields:
            out.append(Side(record, f.name, show_value(f.office), show_value(f.laptop)))
    return out


def _table(name: str, model: RowTableModel) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ConflictDialog(QDialog):
    """One line per conflict (what it is, what was chosen); the chosen one's fields beside it,
    office and laptop in two columns."""

    choices_changed = Signal()

    def __init__(self, meeting: str, conflicts: list[Conflict], would: str, parent: QWidget | None = None):
        super().__init__(parent)
        title = f"Merge the meeting {meeting}: choose what stays"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.conflicts = conflicts
        self.chosen: dict[str, str] = {}
        count = len(conflicts)
        intro = QLabel(f"{count} record{'s' if count != 1 else ''} changed both here and on the laptop since "
                       f"the meeting went away. For each, keep the office's or take the laptop's; the choice "
                       f"covers the whole record (an item's outcome, recommendation and views go together). "
                       f"Besides these: {would}.")
        intro.setWordWrap(True)
        intro.setAccessibleName("What to choose")
        self.list_model = RowTableModel(CONFLICT_COLUMNS, self)
        self.list = _table("Conflicts", self.list_model)
        self.side_model = RowTableModel(SIDE_COLUMNS, self)
        self.side = _table("Office and laptop side by side", self.side_model)
        self.side.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.side.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.keep_office = QPushButton("Keep the &office's")
        self.keep_office.setAccessibleName("Keep the office's record")
        self.take_laptop = QPushButton("Take the &laptop's")
        self.take_laptop.setAccessibleName("Take the laptop's record")
        for button, side in ((self.keep_office, "office"), (self.take_laptop, "laptop")):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=side: self.choose(s))
        self.buttons, self.ok = ok_cancel(self, "&Merge")
        self.status = QLabel()
        self.status.setAccessibleName("How many are chosen")

        choose_row = QHBoxLayout()
        choose_row.addWidget(QLabel("For the record chosen above:"))
        choose_row.addWidget(self.keep_office)
        choose_row.addWidget(self.take_laptop)
        choose_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(choose_row)
        layout.addWidget(self.side, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._fill_list()
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.show_row(0)
        self.resize(900, 560)

    # -- the list ----------------------------------------------------------------------
    def _fill_list(self) -> None:
        listed = [Listed(c.key, c.label, CHOICE_WORDS[self.chosen.get(c.key)]) for c in self.conflicts]
        self.list_model.set_prepared(prepare(CONFLICT_COLUMNS, listed))
        self.list.resizeColumnToContents(0)
        done = len(self.chosen)
        self.status.setText(f"{done} of {len(self.conflicts)} chosen." if done < len(self.conflicts)
                            else "Every record has a choice: Merge writes them, with the rest of the return, "
                                 "in one transaction.")
        self.ok.setEnabled(done == len(self.conflicts))

    def current(self) -> Conflict | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        key = index.data(ROW_ROLE).key
        return next(c for c in self.conflicts if c.key == key)

    def show_row(self, row: int) -> None:
        index = self.list.model().index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    def _show_current(self) -> None:
        conflict = self.current()
        self.side_model.set_prepared(prepare(SIDE_COLUMNS, sides(conflict) if conflict else []))
        self.side.resizeColumnsToContents()
        self.side.resizeRowsToContents()
        for button in (self.keep_office, self.take_laptop):
            button.setEnabled(conflict is not None)

    # -- choosing ----------------------------------------------------------------------
    def choose(self, side: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        row = self.list.currentIndex().row()
        self.chosen[conflict.key] = side
        self._fill_list()
        waiting = [i for i, c in enumerate(self.conflicts) if c.key not in self.chosen]
        # On to the next one still waiting, so choosing down the list is one press each.
        self.show_row(waiting[0] if waiting else row)
        self.choices_changed.emit()

    def choose_for(self, key: str, side: str) -> None:
        """Choose for the conflict called ``key`` (as a person would: select it, press the button)."""
        row = next(i for i in range(self.list.model().rowCount())
                   if self.list.model().index(i, 0).data(ROW_ROLE).key == key)
        self.show_row(row)
        (self.take_laptop if side == "laptop" else self.keep_office).click()
