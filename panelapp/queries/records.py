"""The records: households, children and the central list, each as the rows of its
table and the file of one record, with the panel items that concerned it."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from ..models import (
    AgendaItem,
    Applicant,
    Attendance,
    Child,
    ChildNeed,
    Household,
    ItemChild,
    ItemHousehold,
    Meeting,
    PanelMember,
)
from ..rules.clocks import TERM_WARNING_DAYS
from ..services.permissions import Actor
from . import may_read

# The furthest milestone reached says where a household is.
STAGE_NAMES = {
    "enquiry": "Enquiry", "initial_visit": "Initial visit",
    "registration_of_interest": "Registered interest", "stage1_start": "Stage 1",
    "stage1_end": "Between stages", "stage2_start": "Stage 2", "approved": "Approved",
    "withdrawn": "Withdrawn",
}

# Where a child's journey has got to: the furthest of these reached (plan changes and
# disruptions are shown as they are, whatever came before).
JOURNEY = ("entered_care", "should_be_placed_decision", "placement_order", "match_decision",
           "placed", "adoption_application", "adoption_order")
JOURNEY_NAMES = {
    "entered_care": "In care", "should_be_placed_decision": "Should be placed",
    "placement_order": "Placement order", "match_decision": "Matched", "placed": "Placed",
    "adoption_application": "Application lodged", "adoption_order": "Adopted",
}
# The stage words, here once: the paged listings sort by the same words in SQL.
NOT_STARTED = "Not started"
DISRUPTED = "Disrupted"
PLAN_CHANGED = "Plan changed"

ATTENDANCE_DAYS = 365


@dataclass(frozen=True)
class ItemLine:
    """A panel item that concerned a record, with what was decided."""

    meeting_date: dt.date
    meeting_ref: str
    ref: str
    item_type: str
    outcome: str | None
    wording: str | None
    decision: str | None
    decided_on: dt.date | None
    final_decision: str | None


def _items_about(session: Session, link, column, record_id: int) -> list[ItemLine]:
    stmt = (select(AgendaItem, Meeting.meeting_date, Meeting.ref)
            .join(link, link.item_id == AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(column == record_id)
            .options(selectinload(AgendaItem.recommendation), selectinload(AgendaItem.adm_decision))
            .order_by(Meeting.meeting_date, AgendaItem.position))
    lines = []
    for item, meeting_date, meeting_ref in session.exec(stmt):
        rec, adm = item.recommendation, item.adm_decision
        lines.append(ItemLine(meeting_date, meeting_ref, item.ref, item.item_type, item.outcome,
                              rec.wording if rec else None, adm.decision if adm else None,
                              adm.decided_on if adm else None, adm.final_decision if adm else None))
    return lines


# -- households ---------------------------------------------------------------

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


def household_stage(milestones: dict) -> str:
    reached = [m for m in HOUSEHOLD_MILESTONES if milestones.get(m)]
    return STAGE_NAMES[reached[-1]] if reached else NOT_STARTED


def household_rows(session: Session, actor: Actor) -> list[HouseholdRow]:
    """Two flat queries rather than one per household: this must cope with 100,000."""
    may_read(actor)
    columns = [getattr(Household, m) for m in HOUSEHOLD_MILESTONES]
    names: dict[int, list[str]] = defaultdict(list)
    for household_id, name in session.exec(
            select(Applicant.household_id, Applicant.name)
            .order_by(Applicant.household_id, Applicant.position)):
        names[household_id].append(name)
    rows = []
    for r in session.exec(select(Household.id, Household.uid, Household.ref,
                                 Household.relationship_status, Household.route, *columns)):
        hid, uid, ref, relationship, route, *dates = r
        milestones = dict(zip(HOUSEHOLD_MILESTONES, dates, strict=True))
        rows.append(HouseholdRow(hid, uid, ref, " and ".join(names.get(hid, ())), relationship,
                                 route or "standard", household_stage(milestones),
                                 milestones["enquiry"], milestones["approved"], milestones["withdrawn"]))
    return rows


@dataclass(frozen=True)
class HouseholdFile:
    ref: str
    names: str
    route: str
    relationship: str | None
    applicants: list[tuple[str, dt.date | None]]  # name, date of birth
    approved: dt.date | None
    children_max: int | None
    age_min: int | None
    age_max: int | None
    early_permanence: bool | None
    withdrawal_date: dt.date | None
    withdrawal_by: str | None
    withdrawal_stage: str | None
    withdrawal_reason: str | None
    matched: list[tuple[str, str, dt.date | None, dt.date | None]]  # child's ref, name, match, placed
    milestones: list[tuple[str, dt.date | None]]  # milestone, date
    items: list[ItemLine]


def household_file(session: Session, actor: Actor, household_id: int) -> HouseholdFile:
    may_read(actor)
    h = session.get_one(Household, household_id)
    matched = session.exec(select(Child.ref, Child.name, Child.match_decision, Child.placed)
                           .where(Child.matched_household_id == h.id)).all()
    return HouseholdFile(
        h.ref, h.display_name, h.route or "standard", h.relationship_status,
        [(a.name, a.dob) for a in h.applicants], h.approved, h.approval_children_max,
        h.approval_age_min_years, h.approval_age_max_years, h.approval_early_permanence,
        h.withdrawal_date, h.withdrawal_by, h.withdrawal_stage, h.withdrawal_reason,
        [tuple(m) for m in matched], [(m, getattr(h, m)) for m in HOUSEHOLD_MILESTONES],
        _items_about(session, ItemHousehold, ItemHousehold.household_id, h.id))


# -- children -----------------------------------------------------------------

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


def child_stage(m: dict) -> str:
    if m.get("disruption"):
        return DISRUPTED
    if m.get("plan_changed"):
        return PLAN_CHANGED
    reached = [k for k in JOURNEY if m.get(k)]
    return JOURNEY_NAMES[reached[-1]] if reached else NOT_STARTED


def child_rows(session: Session, actor: Actor) -> list[ChildRow]:
    may_read(actor)
    columns = [getattr(Child, m) for m in CHILD_MILESTONES]
    household_refs = dict(session.exec(select(Household.id, Household.ref)).all())
    rows = []
    for r in session.exec(select(Child.id, Child.uid, Child.ref, Child.name, Child.dob, Child.gender,
                                 Child.sibling_group, Child.matched_household_id, *columns)):
        cid, uid, ref, name, dob, gender, sibling, matched, *dates = r
        m = dict(zip(CHILD_MILESTONES, dates, strict=True))
        rows.append(ChildRow(cid, uid, ref, name, dob, gender, sibling, child_stage(m),
                             m["placement_order"], household_refs.get(matched), m["placed"],
                             m["adoption_order"]))
    return rows


@dataclass(frozen=True)
class ChildFile:
    ref: str
    name: str
    dob: dt.date | None
    gender: str | None
    ethnicity: str | None
    needs: list[str]
    siblings: list[tuple[str, str]]  # ref, name
    early_permanence: bool | None
    matched_with: str | None  # "names (ref)" of the household
    milestones: list[tuple[str, dt.date | None]]
    items: list[ItemLine]


def child_file(session: Session, actor: Actor, child_id: int) -> ChildFile:
    may_read(actor)
    c = session.get_one(Child, child_id)
    needs = [n.need for n in session.exec(select(ChildNeed).where(ChildNeed.child_id == c.id)
                                          .order_by(ChildNeed.position))]
    siblings: list[tuple[str, str]] = []
    if c.sibling_group:
        siblings = [(r, n) for r, n in session.exec(
            select(Child.ref, Child.name).where(Child.sibling_group == c.sibling_group, Child.id != c.id))]
    matched = session.get(Household, c.matched_household_id) if c.matched_household_id else None
    return ChildFile(c.ref, c.name, c.dob, c.gender, c.ethnicity, needs, siblings, c.early_permanence,
                     f"{matched.display_name} ({matched.ref})" if matched else None,
                     [(m, getattr(c, m)) for m in CHILD_MILESTONES],
                     _items_about(session, ItemChild, ItemChild.child_id, c.id))


# -- the central list ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MemberRow:
    id: int
    uid: str
    ref: str
    name: str
    roles: tuple[str, ...]
    pqe_years: float | None
    appointed: dt.date
    term_ends: dt.date | None
    left_on: dt.date | None
    present: int
    expected: int

    @property
    def attendance_rate(self) -> float | None:
        return round(100 * self.present / self.expected) if self.expected else None

    def term_ending_soon(self, today: dt.date) -> bool:
        ends = [d for d in (self.term_ends, self.left_on) if d is not None]
        return bool(ends) and today <= min(ends) <= today + dt.timedelta(days=TERM_WARNING_DAYS)


def member_rows(session: Session, actor: Actor, today: dt.date | None = None) -> list[MemberRow]:
    """Attendance counts the held meetings of the last year within each member's appointment."""
    may_read(actor)
    today = today or dt.date.today()
    since = today - dt.timedelta(days=ATTENDANCE_DAYS)
    held = dict(session.exec(select(Meeting.id, Meeting.meeting_date)
                             .where(Meeting.status == "held", Meeting.meeting_date >= since,
                                    Meeting.meeting_date <= today)).all())
    attended = set(session.exec(select(Attendance.member_id, Attendance.meeting_id)
                                .where(Attendance.status == "present")).all())
    rows = []
    for m in session.exec(select(PanelMember).order_by(PanelMember.name)):
        expected = [meeting for meeting, when in held.items() if m.on_list(when)]
        present = sum((m.id, meeting) in attended for meeting in expected)
        rows.append(MemberRow(m.id, m.uid, m.ref, m.name, tuple(m.role_names), m.social_worker_pqe_years,
                              m.appointed, m.term_ends, m.left_on, present, len(expected)))
    return rows
