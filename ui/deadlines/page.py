"""Every clock the panel runs to, as of today: a to-do list, overdue first, each row
opening what it concerns (deadline_links)."""

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from panelapp.db import Store
from panelapp.queries.deadline_names import named_deadlines
from panelapp.rules.clocks import Deadline
from panelapp.services.permissions import Actor
from ui.common import queries
from ui.common.tablemodel import Column
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.common.words import day

CLOCK_NAMES = {
    "papers": "Papers to members", "minutes": "Minutes", "adm_decision": "ADM decision",
    "decision_letter": "Decision letter", "qualifying_determination": "Representations or review",
    "stage1": "Adopter stage 1", "stage_gap": "Gap between stages", "stage2": "Adopter stage 2",
    "review": "Review of approval", "child_match": "Child's match",
    "child_journey": "Child's journey", "term_ends": "Central list term",
}


def left_words(d: Deadline) -> str:
    n = abs(d.left)
    unit = d.unit if n != 1 else d.unit.rstrip("s")
    if d.overdue:
        return f"{n} {unit} overdue"
    return "due today" if n == 0 else f"{n} {unit} left"


DEADLINE_COLUMNS = (
    Column("Due", lambda d: d.due, day),
    Column("Time left", lambda d: d.left, show=left_words,
           tip="Working days for the agency's own targets, days for the statutory ones"),
    Column("Clock", lambda d: CLOCK_NAMES.get(d.clock, d.clock.replace("_", " ").capitalize())),
    Column("Concerns", lambda d: d.subject),
    Column("Name", lambda d: d.name),
    Column("Since", lambda d: d.started, day),
    Column("What is due", lambda d: d.what),
)


class DeadlinesPage(TablePage):
    title = "Deadlines"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, today: dt.date | None = None, *,
                 actor: Actor):
        # Today as of each reading, so a workspace left open overnight moves on with the clocks.
        # The filters are read on the GUI thread into ``self.wanted``; the worker reads only that.
        wanted: dict = {"kind": None, "overdue": False}

        def load():
            kind, overdue = wanted["kind"], wanted["overdue"]
            return [d for d in queries.read(store, actor, named_deadlines, today or dt.date.today())
                    if (kind is None or d.clock == kind) and (d.overdue or not overdue)]

        super().__init__(runner, "deadlines", DEADLINE_COLUMNS, load,
                         mark=lambda d: int(d.overdue),
                         hint="Search deadlines: a ref, a name, a clock, or overdue",
                         legend="Highlighted: overdue. Double-click a deadline, or press Enter, "
                                "to open what it concerns.", parent=parent)
        self.wanted = wanted
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of clock shown")
        self.kind.addItem("every clock", None)
        for code, words in CLOCK_NAMES.items():
            self.kind.addItem(words, code)
        self.overdue_only = QCheckBox("Overd&ue only")
        self.overdue_only.setAccessibleName("Show only the overdue deadlines")
        kind_label = QLabel("C&lock:")
        kind_label.setBuddy(self.kind)
        top = self.layout().itemAt(0).layout()  # TablePage's search row
        for position, widget in enumerate((kind_label, self.kind, self.overdue_only), start=1):
            top.insertWidget(position, widget)
        self.kind.currentIndexChanged.connect(self._filter_changed)
        self.overdue_only.toggled.connect(self._filter_changed)

    def _filter_changed(self, *_args) -> None:
        self.wanted.update(kind=self.kind.currentData(), overdue=self.overdue_only.isChecked())
        self.reload()
