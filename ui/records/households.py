"""Prospective adopters: every household, where it has got to, and its time at panel."""

from dataclasses import dataclass

from panelapp.db import Store
from panelapp.listing import household_count, household_window
from panelapp.queries.records import HouseholdRow, household_file
from panelapp.services.permissions import Actor
from panelapp.services.records import create_household, read_household, update_household
from ui.common import queries
from ui.common.detail import DetailPane
from ui.common.paged_table import PagedTablePage
from ui.common.tablemodel import Column
from ui.common.tasks import TaskRunner
from ui.common.words import day, word
from ui.records.edit_household import HouseholdForm
from ui.records.editing import RecordEditing
from ui.records.history import items_html
from ui.records.page import RecordsPage

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


def household_detail(store: Store, actor: Actor, row: HouseholdRow) -> HouseholdDetail:
    h = queries.read(store, actor, household_file, row.id)
    facts = [
        ("Stage", row.stage),
        ("Route", word(h.route)),
        ("Relationship", word(h.relationship)),
        ("Applicants", "; ".join(f"{name}" + (f", born {day(dob)}" if dob else "") for name, dob in h.applicants)),
    ]
    if h.approved:
        terms = []
        if h.children_max:
            terms.append(f"up to {h.children_max} {'child' if h.children_max == 1 else 'children'}")
        if h.age_min is not None or h.age_max is not None:
            terms.append(f"aged {h.age_min or 0} to {h.age_max or '?'}")
        if h.early_permanence:
            terms.append("early permanence")
        facts.append(("Approved for", ", ".join(terms)))
    if h.withdrawal_date:
        facts.append(("Withdrawal", f"{day(h.withdrawal_date)}, by the {word(h.withdrawal_by).lower()}"
                      f" at {word(h.withdrawal_stage).lower()}"
                      + (f": {h.withdrawal_reason}" if h.withdrawal_reason else "")))
    if h.matched:
        facts.append(("Matched with", "; ".join(
            f"{name} ({ref}), match {day(match)}" + (f", placed {day(placed)}" if placed else "")
            for ref, name, match, placed in h.matched)))
    milestones = [(when, word(m)) for m, when in h.milestones]
    return HouseholdDetail(h.ref, h.names, facts, milestones, items_html(h.items))


def show_household(pane: DetailPane, detail: HouseholdDetail) -> None:
    pane.show_detail(f"{detail.names} ({detail.ref})", detail.facts, detail.milestones, detail.history,
                     warn={"Withdrawn"})


class HouseholdsPage(RecordsPage):
    title = "Households"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, *, actor: Actor):
        table = PagedTablePage(
            runner, "households", HOUSEHOLD_COLUMNS,
            lambda search, sort, descending, offset, limit: household_window(
                store, search=search, sort=sort, descending=descending, offset=offset, limit=limit),
            lambda search: household_count(store, search=search), HOUSEHOLD_SORTS,
            hint="Search households: any part of a ref or an applicant's name")
        super().__init__("households", runner, table, "household",
                         lambda row: household_detail(store, actor, row), show_household, parent)
        self.editing = RecordEditing(table, store, actor, "household", HouseholdForm, read_household,
                                     create_household, update_household, self)
        self.layout().insertLayout(0, self.editing.bar)
