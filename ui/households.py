"""Prospective adopters: every household, where it has got to, and its time at panel."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import select

from panelapp.db import Store
from panelapp.enums import HOUSEHOLD_MILESTONES
from panelapp.listing import household_count, household_window
from panelapp.models import Applicant, Child, Household
from panelapp.services.permissions import Actor
from panelapp.services.records import create_household, read_household, update_household

from .common.paged_table import PagedTablePage
from .detail import DetailPane
from .edit_actions import RecordEditing
from .edit_household import HouseholdForm
from .history import household_items, items_html
from .recordspage import RecordsPage
from .tablemodel import Column
from .tablepage import TablePage
from .tasks import TaskRunner
from .words import day, word

# The furthest milestone reached says where a household is.
STAGE_NAMES = {
    "enquiry": "Enquiry", "initial_visit": "Initial visit",
    "registration_of_interest": "Registered interest", "stage1_start": "Stage 1",
    "stage1_end": "Between stages", "stage2_start": "Stage 2", "approved": "Approved",
    "withdrawn": "Withdrawn",
}


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    id: int
    uid: str
    ref: str
    applicants: str
    relationship: str | None
    route: str | None
    stage: str
    enquiry: dt.date | None
    approved: dt.date | None
    withdrawn: dt.date | None


def stage_of(milestones: dict) -> str:
    reached = [m for m in HOUSEHOLD_MILESTONES if milestones.get(m)]
    return STAGE_NAMES[reached[-1]] if reached else "Not started"


def household_rows(store: Store) -> list[HouseholdRow]:
    """Two flat queries rather than one per household: this must cope with 100,000."""
    columns = [getattr(Household, m) for m in HOUSEHOLD_MILESTONES]
    with store.session() as session:
        names = defaultdict(list)
        for household_id, name in session.exec(
                select(Applicant.household_id, Applicant.name)
                .order_by(Applicant.household_id, Applicant.position)):
            names[household_id].append(name)
        rows = []
        for r in session.exec(select(Household.id, Household.uid, Household.ref,
                                     Household.relationship_status, Household.route, *columns)):
            hid, uid, ref, relationship, route, *dates = r
            milestones = dict(zip(HOUSEHOLD_MILESTONES, dates))
            rows.append(HouseholdRow(hid, uid, ref, " and ".join(names.get(hid, ())), relationship,
                                     route or "standard", stage_of(milestones),
                                     milestones["enquiry"], milestones["approved"], milestones["withdrawn"]))
        return rows


# The store's sort key behind each column, in HOUSEHOLD_COLUMNS' order (none runs the other way).
HOUSEHOLD_SORTS = [(key, False) for key in ("ref", "applicants", "stage", "route", "relationship",
                                             "enquiry", "approved", "withdrawn")]

HOUSEHOLD_COLUMNS = (
    Column("Ref", lambda h: h.ref),
    Column("Applicants", lambda h: h.applicants),
    Column("Stage", lambda h: h.stage, tip="The furthest milestone reached"),
    Column("Route", lambda h: h.route, word),
    Column("Relationship", lambda h: h.relationship, word),
    Column("Enquiry", lambda h: h.enquiry, day),
    Column("Approved", lambda h: h.approved, day),
    Column("Withdrawn", lambda h: h.withdrawn, day),
)


@dataclass(frozen=True)
class HouseholdDetail:
    ref: str
    names: str
    facts: list
    milestones: list
    history: str


def household_detail(store: Store, row: HouseholdRow) -> HouseholdDetail:
    with store.session() as session:
        h = session.get(Household, row.id)
        matched = session.exec(select(Child.ref, Child.name, Child.match_decision, Child.placed)
                               .where(Child.matched_household_id == h.id)).all()
        facts = [
            ("Stage", row.stage),
            ("Route", word(h.route or "standard")),
            ("Relationship", word(h.relationship_status)),
            ("Applicants", "; ".join(
                f"{a.name}" + (f", born {day(a.dob)}" if a.dob else "") for a in h.applicants)),
        ]
        if h.approved:
            terms = []
            if h.approval_children_max:
                terms.append(f"up to {h.approval_children_max} "
                             f"{'child' if h.approval_children_max == 1 else 'children'}")
            if h.approval_age_min_years is not None or h.approval_age_max_years is not None:
                terms.append(f"aged {h.approval_age_min_years or 0} to {h.approval_age_max_years or '?'}")
            if h.approval_early_permanence:
                terms.append("early permanence")
            facts.append(("Approved for", ", ".join(terms)))
        if h.withdrawal_date:
            facts.append(("Withdrawal", f"{day(h.withdrawal_date)}, by the {word(h.withdrawal_by).lower()}"
                          f" at {word(h.withdrawal_stage).lower()}"
                          + (f": {h.withdrawal_reason}" if h.withdrawal_reason else "")))
        if matched:
            facts.append(("Matched with", "; ".join(
                f"{name} ({ref}), match {day(match)}" + (f", placed {day(placed)}" if placed else "")
                for ref, name, match, placed in matched)))
        milestones = [(getattr(h, m), word(m)) for m in HOUSEHOLD_MILESTONES]
        history = items_html(household_items(session, h.id))
        return HouseholdDetail(h.ref, h.display_name, facts, milestones, history)


def show_household(pane: DetailPane, detail: HouseholdDetail) -> None:
    pane.show_detail(f"{detail.names} ({detail.ref})", detail.facts, detail.milestones, detail.history,
                     warn={"Withdrawn"})


class HouseholdsPage(RecordsPage):
    title = "Households"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, *, actor: Actor | None = None):
        table = PagedTablePage(
            runner, "households", HOUSEHOLD_COLUMNS,
            lambda search, sort, descending, offset, limit: household_window(
                store, search=search, sort=sort, descending=descending, offset=offset, limit=limit),
            lambda search: household_count(store, search=search), HOUSEHOLD_SORTS,
            hint="Search households: any part of a ref or an applicant's name")
        super().__init__("households", runner, table, "household",
                         lambda row: household_detail(store, row), show_household, parent)
        self.editing = RecordEditing(table, store, actor, "household", HouseholdForm, read_household,
                                     create_household, update_household, self)
        self.layout().insertLayout(0, self.editing.bar)
