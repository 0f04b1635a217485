"""The figures as a tree: a section per heading of statistics.md, each figure a row
with the period and the same period one and two years earlier side by side."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from panelapp.stats.coverage import NO_RECORDS
from panelapp.stats.layout import (
    ATTENDANCE,
    BY_NEED,
    OUTCOME_LABELS,
    PERIOD_HEADINGS,
    SECTIONS,
    attendance_table,
    lookup,
    rows_of,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
WORDS_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WORDS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ATTENDANCE_HEADING = "Attendance (present, of the meetings held while on the central list)"
# Figures shown folded under the figure they split: (first part of their key, the key they split).
SPLITS = (("adm.qd_outcomes.", "adm.qualifying_determinations"),
          ("adopters.withdrawals_by_stage.", "adopters.withdrawals.total"),
          (BY_NEED + ".", "children.awaiting_match_with_needs"))


def cell(key: str, value) -> str:
    if value is None:
        return "–"
    number = f"{value:g}" if isinstance(value, float) else f"{value:,}"
    return f"{number}%" if key.endswith(".percent") else number


class FigureRow:
    """One row of the figures, read by column: its key and words in column 0, each
    period's value in its own column (``data(column, role)``, as the page reads it)."""

    def __init__(self, index: QModelIndex):
        self.index = QPersistentModelIndex(index.siblingAtColumn(0))

    def data(self, column: int, role=Qt.ItemDataRole.DisplayRole):
        return self.index.model().index(self.index.row(), column, self.index.parent()).data(role)

    def text(self, column: int) -> str:
        return self.data(column) or ""

    def model_index(self, column: int = 0) -> QModelIndex:
        return self.index.model().index(self.index.row(), column, self.index.parent())


def _heading(text: str, alignment) -> QStandardItem:
    item = QStandardItem(text)
    item.setTextAlignment(alignment)
    return item


class FiguresTree(QTreeView):
    """The figures, on a QStandardItemModel (``figures``)."""

    # Named as QTreeWidget's were: a figure clicked or activated, and the column (period) it was in.
    itemClicked = Signal(object, int)
    itemActivated = Signal(object, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Figures")
        self.figures = QStandardItemModel(0, 1 + len(PERIOD_HEADINGS), self)
        self._set_headings(["Figure", *PERIOD_HEADINGS])
        self.setModel(self.figures)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(PERIOD_HEADINGS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(lambda index: self.itemClicked.emit(FigureRow(index), index.column()))
        self.activated.connect(lambda index: self.itemActivated.emit(FigureRow(index), index.column()))

    def _set_headings(self, texts: list[str]) -> None:
        for column, text in enumerate(texts):
            self.figures.setHorizontalHeaderItem(column, _heading(text, NUMBER if column else WORDS))

    def heading(self, column: int) -> str:
        return self.figures.headerData(column, Qt.Orientation.Horizontal) or ""

    def show_years(self, result: dict, years: list[tuple[str, dict]], covered: dict[str, list[bool]] | None = None
                   ) -> None:
        """``years``: (label, figures) of ``result``'s periods, newest first; ``covered``: for
        each section, whether the store's records reach each of them ("no records" where not)."""
        self._set_headings(["Figure", *(f"{heading}\n{label}" for heading, (label, _)
                                        in zip(PERIOD_HEADINGS, years, strict=False))])
        # Sections the user folded stay folded when another period is shown.
        root = QModelIndex()
        folded = {self.figures.index(n, 0).data() for n in range(self.figures.rowCount())
                  if not self.isExpanded(self.figures.index(n, 0))}
        self.figures.setRowCount(0)
        figures = [f for _, f in years]
        for section_key, heading, rows in SECTIONS:
            seen = (covered or {}).get(section_key, [True] * len(figures))
            section = self._section(heading)
            types: dict[str, QStandardItem] = {}
            split: dict[str, QStandardItem] = {}
            for key, words in rows_of(rows, figures):
                parts = key.split(".")
                whole = next((of for start, of in SPLITS if key.startswith(start)), None)
                if key.startswith("panel.outcomes_by_type."):
                    # Under its item type, folded: thirty-two outcome rows would bury the rest.
                    parent, shown_words = types[parts[2]], OUTCOME_LABELS[parts[3]].capitalize()
                elif whole in split:
                    words_after = words.split(": ", 1)[-1]
                    parent, shown_words = split[whole], words_after[0].upper() + words_after[1:]
                else:
                    parent, shown_words = section, words
                values = [lookup(f, key) if shown else None for f, shown in zip(figures, seen, strict=False)]
                texts = [cell(key, value) if shown else NO_RECORDS for value, shown in zip(values, seen, strict=False)]
                item = self._figure(parent, key, words, shown_words, values, texts)
                if key.startswith("panel.items_by_type."):
                    types[parts[2]] = item
                split[key] = item
        section = self._section(ATTENDANCE_HEADING)
        seen = (covered or {}).get("panel", [True] * len(figures))
        for member, *counts in attendance_table(result)[1]:
            pairs = [counts[n:n + 2] for n in range(0, len(counts), 2)]
            self._figure(section, f"{ATTENDANCE}.{member}.present", f"{member}: meetings attended", member,
                         [present for present, _ in pairs],
                         [NO_RECORDS if not shown else "–" if present is None else f"{present} of {expected}"
                          for (present, expected), shown in zip(pairs, seen, strict=False)])
        for row in range(self.figures.rowCount()):
            self.setFirstColumnSpanned(row, root, True)
            index = self.figures.index(row, 0)
            self.setExpanded(index, index.data() not in folded)

    def _section(self, heading: str) -> QStandardItem:
        section = QStandardItem(heading)
        font = section.font()
        font.setBold(True)
        section.setFont(font)
        self.figures.appendRow(section)
        return section

    @staticmethod
    def _figure(parent: QStandardItem, key: str, words: str, shown_words: str, values: list,
                texts: list[str]) -> QStandardItem:
        tip = f"{words} ({key})\nClick a figure, or press Enter, to list the records behind it."
        first = QStandardItem(shown_words)
        first.setData(key, KEY_ROLE)
        first.setData(words, WORDS_ROLE)
        row = [first]
        for value, text in zip(values, texts, strict=False):
            figure = QStandardItem(text)
            figure.setData(value, VALUE_ROLE)
            figure.setTextAlignment(NUMBER)
            row.append(figure)
        for item in row:
            item.setToolTip(tip)
        parent.appendRow(row)
        return first

    def figure_index(self, key: str) -> QModelIndex:
        """The row showing the figure ``key`` (its first column), or an invalid index."""
        found = self.figures.match(self.figures.index(0, 0), KEY_ROLE, key, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else QModelIndex()

    def figure_item(self, key: str) -> FigureRow | None:
        """The row showing the figure ``key``."""
        index = self.figure_index(key)
        return FigureRow(index) if index.isValid() else None
