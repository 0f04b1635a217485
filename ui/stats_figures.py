"""The figures as a tree: a section per heading of statistics.md, each figure a row
with the period and the same period one and two years earlier side by side."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from panelapp.stats.layout import ATTENDANCE, OUTCOME_LABELS, PERIOD_HEADINGS, SECTIONS, attendance_table, lookup

KEY_ROLE = Qt.ItemDataRole.UserRole
WORDS_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WORDS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ATTENDANCE_HEADING = "Attendance (present, of the meetings held while on the central list)"


def cell(key: str, value) -> str:
    if value is None:
        return "–"
    number = f"{value:g}" if isinstance(value, float) else f"{value:,}"
    return f"{number}%" if key.endswith(".percent") else number


class FiguresTree(QTreeWidget):
    """Each figure's row holds its key, its words and its value in each period's column."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Figures")
        self.setColumnCount(4)
        self.setHeaderLabels(["Figure", *PERIOD_HEADINGS])
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.headerItem().setTextAlignment(column, NUMBER)
        self.headerItem().setTextAlignment(0, WORDS)

    def show_years(self, result: dict, years: list[tuple[str, dict]]) -> None:
        """``years``: (label, figures) of ``result``'s periods, newest first."""
        self.setHeaderLabels(["Figure", *(f"{heading}\n{label}" for heading, (label, _)
                                          in zip(PERIOD_HEADINGS, years))])
        self.headerItem().setTextAlignment(0, WORDS)
        for column in range(1, len(years) + 1):
            self.headerItem().setTextAlignment(column, NUMBER)
        # Sections the user folded stay folded when another period is shown.
        folded = {self.topLevelItem(n).text(0) for n in range(self.topLevelItemCount())
                  if not self.topLevelItem(n).isExpanded()}
        self.clear()
        figures = [f for _, f in years]
        for _key, heading, rows in SECTIONS:
            section = self._section(heading)
            types: dict[str, QTreeWidgetItem] = {}
            for key, words in rows:
                parts = key.split(".")
                if key.startswith("panel.outcomes_by_type."):
                    # Under its item type, folded: thirty-two outcome rows would bury the rest.
                    parent, shown_words = types[parts[2]], OUTCOME_LABELS[parts[3]].capitalize()
                else:
                    parent, shown_words = section, words
                item = self._figure(parent, key, words, shown_words, [lookup(f, key) for f in figures])
                if key.startswith("panel.items_by_type."):
                    types[parts[2]] = item
        section = self._section(ATTENDANCE_HEADING)
        for member, *counts in attendance_table(result)[1]:
            pairs = [counts[n:n + 2] for n in range(0, len(counts), 2)]
            item = self._figure(section, f"{ATTENDANCE}.{member}.present", f"{member}: meetings attended",
                                member, [present for present, _ in pairs])
            for column, (present, expected) in enumerate(pairs, start=1):
                item.setText(column, "–" if present is None else f"{present} of {expected}")
        for n in range(self.topLevelItemCount()):
            item = self.topLevelItem(n)
            item.setFirstColumnSpanned(True)
            item.setExpanded(item.text(0) not in folded)

    def _section(self, heading: str) -> QTreeWidgetItem:
        section = QTreeWidgetItem([heading])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        self.addTopLevelItem(section)
        return section

    @staticmethod
    def _figure(parent: QTreeWidgetItem, key: str, words: str, shown_words: str,
                values: list) -> QTreeWidgetItem:
        item = QTreeWidgetItem([shown_words, *(cell(key, v) for v in values)])
        item.setData(0, KEY_ROLE, key)
        item.setData(0, WORDS_ROLE, words)
        tip = f"{words} ({key})\nClick a figure, or press Enter, to list the records behind it."
        for column, value in enumerate(values, start=1):
            item.setData(column, VALUE_ROLE, value)
            item.setTextAlignment(column, NUMBER)
        for column in range(len(values) + 1):
            item.setToolTip(column, tip)
        parent.addChild(item)
        return item

    def figure_item(self, key: str) -> QTreeWidgetItem | None:
        """The row showing the figure ``key``."""
        return next((item for item in self.rows() if item.data(0, KEY_ROLE) == key), None)

    def rows(self):
        """Every row, headings too, top to bottom."""
        pending = [self.topLevelItem(n) for n in range(self.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            yield item
            pending[:0] = [item.child(n) for n in range(item.childCount())]
