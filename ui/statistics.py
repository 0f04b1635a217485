"""The panel's figures for a financial year or half year, beside the two years before.

Every figure comes from panelapp.stats, the one place they are worked out.
"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import func
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Meeting
from panelapp.stats import compute_statistics, financial_year, half_year
from panelapp.stats.layout import SECTIONS, attendance_table, lookup, side_by_side

from .tasks import TaskRunner


def fy_start(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def period_choices(store: Store, today: dt.date) -> list[tuple[str, str]]:
    """(label, name) for every financial year and half year with meetings, newest first."""
    with store.session() as session:
        first = session.exec(select(func.min(Meeting.meeting_date))).one()
    newest = fy_start(today)
    oldest = fy_start(first) if first else newest
    choices = []
    for year in range(newest, oldest - 1, -1):
        label = f"{year}–{(year + 1) % 100:02d}"
        choices.append((f"Financial year {label}", str(year)))
        choices.append((f"Second half of {label} (October to March)", f"{year}H2"))
        choices.append((f"First half of {label} (April to September)", f"{year}H1"))
    return choices


def compute(store: Store, name: str) -> dict:
    start, end = half_year(name) if "H" in name else financial_year(int(name))
    with store.session() as session:
        return compute_statistics(session, start, end)


def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class StatisticsPage(QWidget):
    title = "Statistics"

    def __init__(self, runner: TaskRunner, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.result: dict | None = None
        self._task = None
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Period")
        self.chooser.currentIndexChanged.connect(self._chosen)
        label = QLabel("&Period:")
        label.setBuddy(self.chooser)
        self.state = QLabel()
        self.state.setObjectName("muted")
        self.state.setAccessibleName("What the figures are")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Figures")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Figure", "This period", "One year earlier", "Two years earlier"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.tree, 1)

    def reload(self) -> None:
        store = self.store
        self.runner.submit(lambda _t: period_choices(store, dt.date.today()), name="periods",
                           on_done=self._choices, owner=self)

    def _choices(self, choices) -> None:
        current = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for text, name in choices:
            self.chooser.addItem(text, name)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(current) if current else -1
        if index < 0:
            # The last whole financial year is what a report is usually about.
            index = self.chooser.findData(str(fy_start(dt.date.today()) - 1))
        self.chooser.setCurrentIndex(max(index, 0))
        self._chosen(self.chooser.currentIndex())

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        if self._task is not None:
            self._task.cancel()
        name, store = self.chooser.itemData(index), self.store
        self.state.setText("Counting…")
        self._task = self.runner.submit(lambda _t: compute(store, name), name="statistics",
                                        on_done=self._show, on_error=self._failed,
                                        on_cancelled=lambda: None, owner=self)

    def _failed(self, exc, _details) -> None:
        self._task = None
        self.state.setText(f"Could not count the figures: {exc}")

    def _show(self, result: dict) -> None:
        self._task = None
        self.result = result
        periods = side_by_side(result)
        self.tree.setHeaderLabels(["Figure", *(heading.replace(", ", "\n") for heading, _ in periods)])
        self.tree.clear()
        for _key, heading, rows in SECTIONS:
            section = QTreeWidgetItem([heading])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            self.tree.addTopLevelItem(section)
            for key, words in rows:
                item = QTreeWidgetItem([words, *(cell(lookup(figures, key)) for _, figures in periods)])
                item.setToolTip(0, key)
                for column in range(1, len(periods) + 1):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                section.addChild(item)
            section.setExpanded(True)
        headings, rows = attendance_table(result)
        section = QTreeWidgetItem(["Attendance (present of expected held meetings)"])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        self.tree.addTopLevelItem(section)
        for member, *counts in rows:
            pairs = [counts[n:n + 2] for n in range(0, len(counts), 2)]
            item = QTreeWidgetItem([member, *("–" if p is None else f"{p} of {e}" for p, e in pairs)])
            for column in range(1, len(pairs) + 1):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            section.addChild(item)
        section.setExpanded(True)
        p = result["period"]
        self.state.setText(f"{self.chooser.currentText()}: {p['from']} to {p['to']}. "
                           "No names are shown; hover over a figure to see its key.")

    def focus_search(self) -> None:
        self.chooser.setFocus(Qt.FocusReason.ShortcutFocusReason)
