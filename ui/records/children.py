"""Children with a plan for adoption: where each is on the journey, and their time at panel."""

import datetime as dt
from dataclasses import dataclass

from panelapp.db import Store
from panelapp.listing import child_count, child_window
from panelapp.queries.records import ChildRow, child_file
from panelapp.services.permissions import Actor
from panelapp.services.records import create_child, read_child, update_child
from ui.common import queries
from ui.common.detail import DetailPane
from ui.common.paged_table import PagedTablePage
from ui.common.tablemodel import Column
from ui.common.tasks import TaskRunner
from ui.common.words import day, word
from ui.records.edit_child import ChildForm
from ui.records.editing import RecordEditing
from ui.records.history import items_html
from ui.records.page import RecordsPage


def age_on(dob: dt.date | None, on: dt.date) -> int | None:
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# The store's sort key behind each column, in CHILD_COLUMNS' order (an age runs against the birth date).
CHILD_SORTS = [("ref", False), ("name", False), ("dob", False), ("dob", True), ("gender", False),
               ("siblings", False), ("stage", False), ("placement_order", False), ("matched_with", False),
               ("placed", False), ("adoption_order", False)]

CHILD_COLUMNS = (
    Column("Ref", lambda c: c.ref),
    Column("Name", lambda c: c.name),
    Column("Born", lambda c: c.dob, day),
    Column("Age", lambda c: age_on(c.dob, dt.date.today()), numeric=True, tip="Age today, in years"),
    Column("Gender", lambda c: c.gender, word),
    Column("Siblings", lambda c: c.sibling_group, tip="Children sharing a group are placed together"),
    Column("Stage", lambda c: c.stage, tip="The furthest step of the journey reached"),
    Column("Placement order", lambda c: c.placement_order, day),
    Column("Matched with", lambda c: c.matched_with, tip="The household's ref"),
    Column("Placed", lambda c: c.placed, day),
    Column("Adopted", lambda c: c.adoption_order, day),
)


@dataclass(frozen=True)
class ChildDetail:
    ref: str
    name: str
    facts: list
    milestones: list
    history: str


def child_detail(store: Store, actor: Actor, row: ChildRow) -> ChildDetail:
    c = queries.read(store, actor, child_file, row.id)
    facts = [
        ("Stage", row.stage),
        ("Born", day(c.dob) + (f" (age {age_on(c.dob, dt.date.today())})" if c.dob else "")),
        ("Gender", word(c.gender)),
        ("Ethnicity", c.ethnicity or ""),
        ("Needs", ", ".join(word(n) for n in c.needs)),
        ("Siblings", "; ".join(f"{n} ({r})" for r, n in c.siblings)),
        ("Early permanence", "Yes" if c.early_permanence else ""),
        ("Matched with", c.matched_with or ""),
    ]
    milestones = [(when, word(m)) for m, when in c.milestones]
    return ChildDetail(c.ref, c.name, facts, milestones, items_html(c.items))


def show_child(pane: DetailPane, detail: ChildDetail) -> None:
    pane.show_detail(f"{detail.name} ({detail.ref})", detail.facts, detail.milestones, detail.history,
                     warn={"Plan changed", "Disruption"})


class ChildrenPage(RecordsPage):
    title = "Children"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, *, actor: Actor):
        table = PagedTablePage(
            runner, "children", CHILD_COLUMNS,
            lambda search, sort, descending, offset, limit: child_window(
                store, search=search, sort=sort, descending=descending, offset=offset, limit=limit),
            lambda search: child_count(store, search=search), CHILD_SORTS,
            hint="Search children: any part of a ref or a name")
        super().__init__("children", runner, table, "child",
                         lambda row: child_detail(store, actor, row), show_child, parent)
        self.editing = RecordEditing(table, store, actor, "child", ChildForm, read_child, create_child,
                                     update_child, self)
        self.layout().insertLayout(0, self.editing.bar)
