"""A table that reads its rows from the store a window at a time, as the view scrolls.

For the record lists that grow to a million rows (households, children): the
store sorts and searches (``panelapp.listing``), the model holds only the windows
read so far, and every read runs in a worker, so neither memory nor the GUI
thread's work grows with the table. Qt asks for more through ``canFetchMore`` /
``fetchMore`` when the view scrolls near the end of what is loaded.

``PagedTablePage`` is a ``TablePage`` (same signals, search box, selection and
export hooks), so the records pages and the main window use it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush

from .tablemodel import LEFT, RIGHT, ROW_ROLE, Column
from .tablepage import TablePage
from .tasks import TaskRunner

NO_PARENT = QModelIndex()  # a table's rows have none

# Rows read at a time: a few screenfuls, so a scroll reads seldom and each read is quick.
WINDOW_ROWS = 200
# The count of a search's matches waits this long after the last window read (a pause in the typing).
COUNT_AFTER_MS = 250
# How far down selecting a record by what it holds reads before giving up.
FIND_ROWS = 50_000

# read_window(search, sort, descending, offset, limit) -> rows; read_count(search) -> int
ReadWindow = Callable[[str, str | None, bool, int, int], Sequence[Any]]
ReadCount = Callable[[str], int]


class PagedTableModel(QAbstractTableModel):
    """Rows read a window at a time. ``sorts[column]`` is the store's sort key for that
    column and whether it runs the other way (an age sorts by the date of birth,
    reversed), or None for a column the store cannot sort by."""

    reset_done = Signal(int)  # rows in the first window, after a search, sort or reload
    failed = Signal(str)

    def __init__(self, columns: Sequence[Column], read_window: ReadWindow,
                 sorts: Sequence[tuple[str, bool] | None], runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.read_window, self.sorts, self.runner = read_window, list(sorts), runner
        self.highlight: QBrush | None = None
        self.search = ""
        self.sort_key: str | None = None
        self.descending = False
        self._rows: list = []
        self._texts: list[tuple[str, ...]] = []
        self._more = False
        self._fetching = False
        self._generation = 0  # a read started before the latest reset is dropped when it ends

    # -- reading ------------------------------------------------------------------
    def _read(self, offset: int, then: Callable[[list, list], None]) -> None:
        generation = self._generation
        columns, read = self.columns, self.read_window
        search, sort, descending = self.search, self.sort_key, self.descending

        def work(_task):
            rows = list(read(search, sort, descending, offset, WINDOW_ROWS))
            texts = [tuple(c.show(r) if c.show else c.text(c.value(r)) for c in columns) for r in rows]
            return rows, texts

        def done(result) -> None:
            if generation == self._generation:
                then(*result)

        def failed(exc, _details) -> None:
            if generation == self._generation:
                self._fetching = False
                self.failed.emit(str(exc))

        self.runner.submit(work, name="read a window of rows", on_done=done, on_error=failed,
                           on_cancelled=lambda: None, owner=self)

    def reset(self) -> None:
        """Read the first window again (after a search, a sort, or a change in the store)."""
        self._generation += 1
        self._fetching = True
        self._read(0, self._first_window)

    def _first_window(self, rows: list, texts: list) -> None:
        self.beginResetModel()
        self._rows, self._texts = rows, texts
        self._more = len(rows) == WINDOW_ROWS
        self._fetching = False
        self.endResetModel()
        self.reset_done.emit(len(rows))

    def canFetchMore(self, parent=NO_PARENT) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent=NO_PARENT) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._read(len(self._rows), self._next_window)

    def _next_window(self, rows: list, texts: list) -> None:
        self._fetching = False
        self._more = len(rows) == WINDOW_ROWS
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows += rows
            self._texts += texts
            self.endInsertRows()

    @property
    def busy(self) -> bool:
        return self._fetching

    def read_on_now(self) -> bool:
        """Read the next window here and now (for finding a record further down); False
        at the end of the rows, or while a read is under way."""
        if not self._more or self._fetching:
            return False
        rows = list(self.read_window(self.search, self.sort_key, self.descending, len(self._rows), WINDOW_ROWS))
        texts = [tuple(c.show(r) if c.show else c.text(c.value(r)) for c in self.columns) for r in rows]
        self._next_window(rows, texts)
        return bool(rows)

    def set_search(self, text: str) -> None:
        if text.strip() != self.search.strip():
            self.search = text
            self.reset()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.sorts) or self.sorts[column] is None:
            return
        key, reversed_ = self.sorts[column]  # type: ignore[misc]
        self.sort_key = key
        self.descending = (order == Qt.SortOrder.DescendingOrder) != reversed_
        self.reset()

    # -- rows ---------------------------------------------------------------------
    def row_object(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list:
        return self._rows

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.columns[index.column()].numeric else LEFT
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if column.numeric else LEFT
        return None

    # What the search proxy of an ordinary TablePage offers, so this model can stand in for it.
    def mapFromSource(self, index):
        return index

    def mapToSource(self, index):
        return index


class PagedTablePage(TablePage):
    """A ``TablePage`` over a ``PagedTableModel``; ``read_count(search)`` says how many
    rows match, read in a worker after each search."""

    counted = Signal(int)  # the rows the search matches (all of them when nothing is typed)

    def __init__(self, runner: TaskRunner, noun: str, columns: Sequence[Column], read_window: ReadWindow,
                 read_count: ReadCount, sorts: Sequence[tuple[str, bool] | None], *, hint: str = "",
                 parent=None):
        super().__init__(runner, noun, columns, list, hint=hint, parent=parent)
        self.read_count = read_count
        # Counting a search's matches can scan the whole table (a one-letter search at a
        # million rows takes seconds): a count waits for a pause in the typing, so while
        # keys keep coming none runs beside the windows' reads, and one overtaken is skipped.
        self._counts_asked = 0
        self._count_later = QTimer(self)
        self._count_later.setSingleShot(True)
        self._count_later.setInterval(COUNT_AFTER_MS)
        self._count_later.timeout.connect(self._count_rows)
        self.total: int | None = None
        self.matching: int | None = None
        self.model = PagedTableModel(columns, read_window, sorts, runner, self)
        self.proxy = self.model  # type: ignore[assignment]  (the store filters; there is no proxy)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.reset_done.connect(self._window_read)
        self.model.failed.connect(self._failed)

    # -- loading ------------------------------------------------------------------
    def reload(self) -> None:
        self.count.setText(f"Loading {self.noun}…")
        self.total = None  # counted again: records may have come or gone
        self._chosen = self.current_object()
        self.model.reset()

    def cancel_load(self) -> None:  # a window read is short; there is nothing to stop
        return

    def _window_read(self, _rows: int) -> None:
        if not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            self._cap_column_widths()
        chosen, self._chosen = getattr(self, "_chosen", None), None
        if chosen is not None:
            self.select_where(lambda row: getattr(row, "uid", None) == getattr(chosen, "uid", None))
        self._counts_asked += 1  # a count already under way is for rows no longer shown
        self._count_later.start()
        self.loaded.emit(self.model.rowCount())

    def _count_rows(self) -> None:
        search, read = self.model.search, self.read_count
        self._counts_asked += 1
        asked = self._counts_asked

        def work(_task):
            if asked != self._counts_asked:  # typed on since: this count would be thrown away
                return None
            if self.total is None or not search.strip():
                total = read("")
            else:
                total = self.total  # the table's size does not change with the search
            return total, read(search) if search.strip() else None

        def done(numbers) -> None:
            if numbers is not None and asked == self._counts_asked:
                self.total, self.matching = numbers
                self._show_count()
                self.counted.emit(self.total if self.matching is None else self.matching)

        self.runner.submit(work, name=f"count {self.noun}", on_done=done, on_error=lambda *_: None,
                           on_cancelled=lambda: None, owner=self)

    def _failed(self, message) -> None:
        self.count.setText(f"Could not read the {self.noun}: {message}")

    # -- searching: every keystroke goes to the store (a window read in a worker) --
    def _search_changed(self, _text: str) -> None:
        self._apply_search()

    def _apply_search(self) -> None:
        self._typing.stop()
        self.model.set_search(self.search.text())

    def _show_count(self) -> None:
        model = getattr(self, "model", None)
        if not isinstance(model, PagedTableModel) or self.total is None:
            return
        self.count.setText(f"{self.total:,} {self.noun}" if self.matching is None
                           else f"{self.matching:,} of {self.total:,} {self.noun}")

    # -- selection ------------------------------------------------------------------
    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        """Select the first row ``predicate`` accepts, reading on through the store up to
        ``FIND_ROWS`` rows when it is not among those read so far."""
        start = 0
        while True:
            rows = self.model.rows()
            found = next((n for n in range(start, len(rows)) if predicate(rows[n])), None)
            if found is not None:
                break
            start = len(rows)
            if start >= FIND_ROWS or not self.model.read_on_now():
                return False
        for row, record in [(found, rows[found])]:
            if predicate(record):
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False
