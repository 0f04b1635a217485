"""The records behind a figure: the refs ``explain`` gives, never a name, and how many.

A count lists exactly as many records as the figure says; an average, median
or percentage lists the records it was worked out from; a national target is
fixed, so it has no records behind it and says so.
"""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from panelapp.db import Store
from panelapp.stats import explain, explainable_keys
from panelapp.stats.layout import ATTENDANCE, BY_NEED
from ui.common.tasks import Task, TaskRunner

# Figures worked out from records rather than counting them.
MEASURED_ENDINGS = (".days", ".percent", "median_working_days", "_median_days")
HINT = ("Click a figure, or choose it and press Enter, to list the records behind it. "
        "Click a year's column to see that year's records.")


@dataclass(frozen=True)
class Question:
    """Which figure, for which period: what the user clicked."""
    key: str
    words: str
    value: object
    period_words: str
    start: dt.date
    end: dt.date


def can_explain(key: str) -> bool:
    return key in _EXPLAINABLE or key.startswith((ATTENDANCE + ".", BY_NEED + "."))


_EXPLAINABLE = frozenset(explainable_keys())


def records_behind(_task: Task, store: Store, question: Question) -> list[str]:
    """The worker: its own session, and only refs back to the GUI thread."""
    with store.session() as session:
        return explain(session, question.start, question.end, question.key)


def shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def summary(question: Question, refs: list[str]) -> str:
    """One sentence saying what the list is, its count beside the figure's."""
    count = len(refs)
    records = f"{count} record{'' if count == 1 else 's'}"
    if question.key.endswith(MEASURED_ENDINGS):
        if not refs:
            return "Nothing was measured in this period, so there is no figure to work out."
        return f"The figure, {shown(question.value)}, is worked out from these {records}."
    if question.key.startswith(ATTENDANCE + "."):
        return f"Present at these {count} meeting{'' if count == 1 else 's'}."
    if not refs:
        return "No records lie behind this figure: it is 0."
    if count == question.value:
        return f"{records}, the same as the figure."
    return f"{records}; the figure shows {shown(question.value)}."


class RecordsPanel(QFrame):
    """Beside the figures: the clicked figure, its period, and its records' refs."""

    shown = Signal(object)  # the refs listed, or None when the figure has no records behind it

    def __init__(self, runner: TaskRunner, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.setObjectName("detail")
        self.setAccessibleName("Records behind the figure")
        self.question: Question | None = None
        self._task: Task | None = None

        self.title = QLabel("Records behind a figure")
        self.title.setObjectName("subheading")
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Figure explained")
        self.period = QLabel()
        self.period.setObjectName("muted")
        self.period.setWordWrap(True)
        self.period.setAccessibleName("Period explained")
        self.words = QLabel(HINT)
        self.words.setWordWrap(True)
        self.words.setAccessibleName("What the list is")
        self.refs = QListWidget()
        self.refs.setAccessibleName("Refs of the records behind the figure")
        self.refs.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.refs.setUniformItemSizes(True)
        self.refs.hide()
        self.period.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addWidget(self.words)
        layout.addWidget(self.refs, 1)
        layout.addStretch(0)

    def ask(self, question: Question) -> None:
        if question == self.question and self._task is None and self.refs.count():
            return
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.question = question
        self.title.setText(question.words)
        self.period.setText(question.period_words)
        self.period.show()
        self.refs.clear()
        if not can_explain(question.key):
            self.refs.hide()
            self.words.setText("This is a national target, fixed rather than counted, "
                               "so there are no records behind it.")
            self.shown.emit(None)
            return
        self.words.setText("Finding the records…")
        self._task = self.runner.submit(records_behind, self.store, question, name="records behind a figure",
                                        on_done=lambda refs, q=question: self._answer(q, refs),
                                        on_error=lambda exc, _d, q=question: self._failed(q, exc),
                                        on_cancelled=lambda: None, owner=self)

    def _answer(self, question: Question, refs: list[str]) -> None:
        if question != self.question:
            return
        self._task = None
        self.words.setText(summary(question, refs))
        self.refs.addItems(refs)
        self.refs.setVisible(bool(refs))
        self.shown.emit(refs)

    def _failed(self, question: Question, exc: BaseException) -> None:
        if question != self.question:
            return
        self._task = None
        self.refs.hide()
        self.words.setText(f"The records could not be listed: {exc}")
        self.shown.emit(None)

    def reset(self) -> None:
        """New figures are shown: the last explanation was about the old ones."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.question = None
        self.title.setText("Records behind a figure")
        self.period.clear()
        self.period.hide()
        self.words.setText(HINT)
        self.refs.clear()
        self.refs.hide()
