"""Fast tables: a row model with everything precomputed, and a filtering proxy.

A table can hold 100,000 rows, so nothing slow happens per cell or per
keystroke: ``prepare`` (run off the GUI thread) turns rows into display text,
sort keys and one lowercase search string per row; ``data()`` only indexes
lists; sorting reorders those lists in Python (QSortFilterProxyModel's own sort
would call ``data()`` millions of times); filtering tests a substring.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush

ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    text: Callable[[Any], str] = _plain
    numeric: bool = False
    tip: str = ""
    show: Callable[[Any], str] | None = None  # the text from the whole row, where value alone won't do


def sort_key(value):
    """Unknown values sort last whichever way; text sorts without regard to case."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


@dataclass
class Prepared:
    """Rows made ready for display; built in a worker, handed to the model whole."""

    rows: list
    texts: list[tuple[str, ...]]
    keys: list[tuple]
    search: list[str]
    marks: list[int] = field(default_factory=list)


def prepare(columns: Sequence[Column], rows: Sequence, mark: Callable[[Any], int] | None = None,
            extra_search: Callable[[Any], str] | None = None) -> Prepared:
    texts, keys, search = [], [], []
    for row in rows:
        values = [c.value(row) for c in columns]
        shown = tuple(c.show(row) if c.show else c.text(v) for c, v in zip(columns, values, strict=True))
        texts.append(shown)
        keys.append(tuple(sort_key(v) for v in values))
        extra = extra_search(row) if extra_search else ""
        # Raw values too, so "2024-09" finds a date shown as "12 Sep 2024".
        search.append("\t".join((*shown, *(str(v) for v in values if v is not None), extra)).lower())
    marks = [mark(row) for row in rows] if mark else []
    return Prepared(list(rows), texts, keys, search, marks)


class RowTableModel(QAbstractTableModel):
    """Read-only rows. ``mark(row)`` (in ``prepare``) gives 0 or a highlight level per row."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._data = Prepared([], [], [], [])
        self.highlight: QBrush | None = None

    # -- filling ------------------------------------------------------------
    def set_prepared(self, prepared: Prepared) -> None:
        self.beginResetModel()
        self._data = prepared
        self.endResetModel()

    def row_object(self, row: int):
        return self._data.rows[row]

    def rows(self) -> list:
        return self._data.rows

    def search_list(self) -> list[str]:
        return self._data.search

    def search_text(self, row: int) -> str:
        return self._data.search[row]

    # -- QAbstractItemModel -------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._data.texts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self._data.texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.columns[index.column()].numeric else LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.highlight is not None and self._data.marks and self._data.marks[index.row()]:
                return self.highlight
            return None
        if role == ROW_ROLE:
            return self._data.rows[index.row()]
        if role == SORT_ROLE:
            return self._data.keys[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole and column.tip:
                return column.tip
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if column.numeric else LEFT
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        d = self._data
        if not d.rows or not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        column_keys = [k[column] for k in d.keys]
        perm = sorted(range(len(column_keys)), key=column_keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)
        if order == Qt.SortOrder.DescendingOrder:
            # Unknowns stay last in both directions.
            known = [i for i in perm if column_keys[i][0] == 0]
            perm = known + [i for i in perm if column_keys[i][0] == 1][::-1]
        self._data = Prepared([d.rows[i] for i in perm], [d.texts[i] for i in perm],
                              [d.keys[i] for i in perm], [d.search[i] for i in perm],
                              [d.marks[i] for i in perm] if d.marks else [])
        old_indexes = self.persistentIndexList()
        if old_indexes:
            new_row = {old: new for new, old in enumerate(perm)}
            self.changePersistentIndexList(
                old_indexes, [self.index(new_row[i.row()], i.column()) for i in old_indexes])
        self.layoutChanged.emit()


class SearchProxy(QSortFilterProxyModel):
    """Keeps the rows whose search string holds every word typed; sorting is the source's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._search: list[str] = []  # the source's, fetched once per filter, not per row
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self.sourceModelChanged.connect(self._follow_source)

    def _follow_source(self) -> None:
        # The source replaces its lists when it is refilled or sorted; keep hold of the new one.
        source = self.sourceModel()
        if source is not None:
            for signal in (source.modelReset, source.layoutChanged):
                signal.connect(self._refresh_search)

    def _refresh_search(self, *_args) -> None:
        self._search = self.sourceModel().search_list()

    def set_search(self, text: str) -> None:
        words = text.lower().split()
        if words == self._words:
            return
        self._words = words
        self._search = self.sourceModel().search_list()
        # One reset rather than a begin/end filter change: on 100 000 rows the
        # latter reports thousands of separate row moves (276 ms a keystroke
        # measured by benchmarks/bench_ui_tables.py, against 60-90 ms this way).
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        words = self._words
        if not words:
            return True
        text = self._search[source_row]
        for w in words:
            if w not in text:
                return False
        return True

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.sourceModel().sort(column, order)

    def resort(self) -> None:
        """Sort fresh rows the way the user last asked."""
        if self._sort[0] >= 0:
            self.sourceModel().sort(*self._sort)

    def row_object(self, proxy_row: int):
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_object(source.row())

