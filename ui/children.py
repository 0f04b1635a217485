"""Children with a plan for adoption: where each is on the journey, and their time at panel."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from panelapp.db import Store
from panelapp.enums import CHILD_MILESTONES
from panelapp.listing import child_count, child_window
from panelapp.models import Child, ChildNeed, Household
from panelapp.services.permissions import Actor
from panelapp.services.records import create_child, read_child, update_child

from .common.paged_table import PagedTablePage
from .detail import DetailPane
from .edit_actions import RecordEditing
from .edit_child import ChildForm
from .history import child_items, items_html
from .recordspage import RecordsPage
from .tablemodel import Column
from .tablepage import TablePage
from .tasks import TaskRunner
from .words import day, word

# Where the journey has got to: the furthest of these reached (plan changes and
# disruptions are shown as they are, whatever came before).
JOURNEY = ("entered_care", "should_be_placed_decision", "placement_order", "match_decision",
           "placed", "adoption_application", "adoption_order")
JOURNEY_NAMES = {
    "entered_care": "In care", "should_be_placed_decision": "Should be placed",
    "placement_order": "Placement order", "match_decision": "Matched", "placed": "Placed",
    "adoption_application": "Application lodged", "adoption_order": "Adopted",
}


@dataclass(frozen=True, slots=True)
class ChildRow:
    id: int
    uid: str
    ref: str
    name: str
    dob: dt.date | None
    gender: str | None
    sibling_group: str | None
    stage: str
    placement_order: dt.date | None
    matched_with: str | None
    placed: dt.date | None
    adoption_order: dt.date | None


def stage_of(m: dict) -> str:
    if m.get("disruption"):
        return "Disrupted"
    if m.get("plan_changed"):
        return "Plan changed"
    reached = [k for k in JOURNEY if m.get(k)]
    return JOURNEY_NAMES[reached[-1]] if reached else "Not started"


def age_on(dob: dt.date | None, on: dt.date) -> int | None:
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def child_rows(store: Store) -> list[ChildRow]:
    columns = [getattr(Child, m) for m in CHILD_MILESTONES]
    with store.session() as session:
        household_refs = dict(session.exec(select(Household.id, Household.ref)).all())
        rows = []
        for r in session.exec(select(Child.id, Child.uid, Child.ref, Child.name, Child.dob, Child.gender,
                                     Child.sibling_group, Child.matched_household_id, *columns)):
            cid, uid, ref, name, dob, gender, sibling, matched, *dates = r
            m = dict(zip(CHILD_MILESTONES, dates))
            rows.append(ChildRow(cid, uid, ref, name, dob, gender, sibling, stage_of(m),
                                 m["placement_order"], household_refs.get(matched), m["placed"],
                                 m["adoption_order"]))
        return rows


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


def child_detail(store: Store, row: ChildRow) -> ChildDetail:
    with store.session() as session:
        c = session.get(Child, row.id)
        needs = [n.need for n in session.exec(select(ChildNeed).where(ChildNeed.child_id == c.id)
                                              .order_by(ChildNeed.position))]
        siblings = []
        if c.sibling_group:
            siblings = [f"{n} ({r})" for r, n in session.exec(
                select(Child.ref, Child.name).where(Child.sibling_group == c.sibling_group,
                                                    Child.id != c.id))]
        matched = session.get(Household, c.matched_household_id) if c.matched_household_id else None
        facts = [
            ("Stage", row.stage),
            ("Born", day(c.dob) + (f" (age {age_on(c.dob, dt.date.today())})" if c.dob else "")),
            ("Gender", word(c.gender)),
            ("Ethnicity", c.ethnicity or ""),
            ("Needs", ", ".join(word(n) for n in needs)),
            ("Siblings", "; ".join(siblings)),
            ("Early permanence", "Yes" if c.early_permanence else ""),
            ("Matched with", f"{matched.display_name} ({matched.ref})" if matched else ""),
        ]
        milestones = [(getattr(c, m), word(m)) for m in CHILD_MILESTONES]
        history = items_html(child_items(session, c.id))
        return ChildDetail(c.ref, c.name, facts, milestones, history)


def show_child(pane: DetailPane, detail: ChildDetail) -> None:
    pane.show_detail(f"{detail.name} ({detail.ref})", detail.facts, detail.milestones, detail.history,
                     warn={"Plan changed", "Disruption"})


class ChildrenPage(RecordsPage):
    title = "Children"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, *, actor: Actor | None = None):
        table = PagedTablePage(
            runner, "children", CHILD_COLUMNS,
            lambda search, sort, descending, offset, limit: child_window(
                store, search=search, sort=sort, descending=descending, offset=offset, limit=limit),
            lambda search: child_count(store, search=search), CHILD_SORTS,
            hint="Search children: any part of a ref or a name")
        super().__init__("children", runner, table, "child",
                         lambda row: child_detail(store, row), show_child, parent)
        self.editing = RecordEditing(table, store, actor, "child", ChildForm, read_child, create_child,
                                     update_child, self)
        self.layout().insertLayout(0, self.editing.bar)
