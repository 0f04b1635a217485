"""The agenda's table: items in order, dragged and dropped to reorder them.

A drop does not move rows itself: it says what the new order would be
(``order_dropped``), the page makes that change through the service as an
undoable command, and the table is read again from the store. So the order
shown is always the order stored, and a refused change leaves nothing moved.
"""

import json
import math

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView

from panelapp.services.agenda import ITEM_TYPE_WORDS
from ui.common.tablemodel import Column, RowTableModel
from ui.common.tablepage import TablePage
from ui.common.words import word
from ui.shell import theme

AGENDA_MIME = "application/x-panelapp-agenda-items"

ITEM_COLUMNS = (
    Column("No.", lambda i: i.number, numeric=True),
    Column("Time", lambda i: i.slot, tip="Estimated: the meeting's start plus each item's minutes"),
    Column("Ref", lambda i: i.ref),
    Column("Type", lambda i: ITEM_TYPE_WORDS.get(i.item_type, word(i.item_type))),
    Column("Papers", lambda i: len(i.papers), numeric=True, tip="Papers attached for the panel to read"),
    Column("Households", lambda i: i.households),
    Column("Children", lambda i: i.children),
    Column("Presenters", lambda i: i.presenters),
    Column("Outcome", lambda i: i.outcome, word),
    Column("ADM decision", lambda i: i.decision, word),
)
# The households named are what people look for first: their column may take more room.
WIDE = {"Households": 52}
# The names columns give up width (down to NARROWEST characters) so the table fits its window.
SHRINKS = ("Households", "Children", "Presenters")
NARROWEST = 16

PLANNED_HIDES = {"Outcome", "ADM decision"}
HELD_HIDES = {"Time"}


def dropped_order(order: list[str], moving: list[str], target: int) -> list[str]:
    """The order after ``moving`` (refs, kept in their own order) is dropped before the
    item at ``target`` (``len(order)``: at the end)."""
    ahead = [ref for ref in order[:target] if ref not in moving]
    behind = [ref for ref in order[target:] if ref not in moving]
    return ahead + [ref for ref in order if ref in moving] + behind


class AgendaModel(RowTableModel):
    order_dropped = Signal(list, list)  # the refs moved, and every ref in the new order

    def __init__(self, columns, parent=None):
        super().__init__(columns, parent)
        self.meeting_id: int | None = None
        self.movable = False
        self.muted = QBrush(QColor(theme.colours(theme.current_is_dark())["muted"]))
        self._italic = QFont()
        self._italic.setItalic(True)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_object(index.row())
            if role == Qt.ItemDataRole.ToolTipRole and row.warnings:
                return "\n".join(row.warnings)
            if row.outcome == "removed" and role == Qt.ItemDataRole.ForegroundRole:
                return self.muted
            if row.outcome == "removed" and role == Qt.ItemDataRole.FontRole:
                return self._italic
        return super().data(index, role)

    # -- dragging and dropping ------------------------------------------------
    def flags(self, index):
        if not index.isValid():
            # Drops land between rows (the root takes them), never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled if self.movable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [AGENDA_MIME]

    def mimeData(self, indexes):
        refs = [self.row_object(r).ref for r in sorted({i.row() for i in indexes if i.isValid()})]
        data = QMimeData()
        data.setData(AGENDA_MIME, QByteArray(json.dumps({"meeting": self.meeting_id, "refs": refs}).encode()))
        data.setText("\n".join(refs))
        return data

    def _refs(self, data: QMimeData) -> list[str] | None:
        """The refs dragged, when they are items of this agenda."""
        if data is None or not data.hasFormat(AGENDA_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(AGENDA_MIME).data()).decode())
        except ValueError:
            return None
        refs = payload.get("refs") or []
        known = {row.ref for row in self.rows()}
        if payload.get("meeting") != self.meeting_id or not refs or not set(refs) <= known:
            return None
        return refs

    def canDropMimeData(self, data, action, row, column, parent):
        return self.movable and action == Qt.DropAction.MoveAction and self._refs(data) is not None

    def dropMimeData(self, data, action, row, column, parent=QModelIndex()):
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        refs = self._refs(data)
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        order = [r.ref for r in self.rows()]
        after = dropped_order(order, refs, target)
        if after == order:
            return False
        self.order_dropped.emit(refs, after)
        return True

    def removeRows(self, row, count, parent=QModelIndex()):
        # After a move the view offers to remove the rows it dragged; the reload does that.
        return False


class AgendaTable(TablePage):
    """The items table, with rows that can be dragged into a new order."""

    def __init__(self, runner, load, parent=None):
        super().__init__(runner, "items", ITEM_COLUMNS, load, mark=lambda row: int(bool(row.warnings)),
                         hint="Search the items: a ref, a name, a type or an outcome", parent=parent)
        plain = self.model
        self.model = AgendaModel(ITEM_COLUMNS, self)
        self.model.highlight = plain.highlight
        self.proxy.setSourceModel(self.model)
        plain.deleteLater()
        table = self.table
        table.setSortingEnabled(False)  # the agenda's order is the order items are heard
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.viewport().setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        table.setDragDropOverwriteMode(False)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setAccessibleDescription("Drag an item to a new place, or use Move up and Move down")
        # A long name loses its middle, not the ref at its end ("… (H001010)"); the tip has it whole.
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def _cap_column_widths(self) -> None:
        super()._cap_column_widths()
        header, chars = self.table.horizontalHeader(), self.fontMetrics().averageCharWidth()
        for number, column in enumerate(ITEM_COLUMNS):
            if column.title in WIDE:
                wanted = max(header.sectionSize(number), self.table.sizeHintForColumn(number))
                header.resizeSection(number, min(wanted, chars * WIDE[column.title]))

    def fit_columns(self) -> None:
        """Size the columns to the items shown (read again after every change, so a longer name
        widens its column and a shorter meeting's narrows it), then, where they would run past
        the table's edge, narrow the long text columns (their middles elided, the tips whole)."""
        self.table.resizeColumnsToContents()
        self._cap_column_widths()
        header, chars = self.table.horizontalHeader(), self.fontMetrics().averageCharWidth()
        shown = [n for n in range(len(ITEM_COLUMNS)) if not self.table.isColumnHidden(n)]
        overflow = sum(header.sectionSize(n) for n in shown) - self.table.viewport().width()
        floor = chars * NARROWEST
        giving = {n: header.sectionSize(n) - floor for n in shown
                  if ITEM_COLUMNS[n].title in SHRINKS and header.sectionSize(n) > floor}
        spare = sum(giving.values())
        if overflow <= 0 or spare <= 0 or self.table.viewport().width() <= 1:
            return
        for number, room in giving.items():
            header.resizeSection(number, header.sectionSize(number) - math.ceil(overflow * room / spare))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.model.rowCount():
            self.fit_columns()

    def show_columns_for(self, status: str) -> None:
        """A planned meeting has no outcomes yet; once held, its time slots are past."""
        for number, column in enumerate(ITEM_COLUMNS):
            hidden = column.title in PLANNED_HIDES if status == "planned" else column.title in HELD_HIDES
            self.table.setColumnHidden(number, hidden)

    def retheme(self) -> None:
        self.model.muted = QBrush(QColor(theme.colours(theme.current_is_dark())["muted"]))
        super().retheme()
