"""A meeting's agenda: its items in order, their time slots and papers, what the adviser
should be warned of; one item's recommendation and decision; what an item may concern."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from ..models import Agency, AgendaItem, Applicant, Child, Dissent, Household, ItemChild, ItemHousehold, Meeting
from ..services.agenda import agenda_warnings, papers_deadline
from ..services.common import minutes_are_final
from ..services.permissions import Actor
from . import may_read

# When a meeting's start is not set, its slots are counted from the usual start;
# an item with no estimate takes the usual time.
DEFAULT_START = dt.time(10, 0)
DEFAULT_MINUTES = 30


@dataclass(frozen=True, slots=True)
class PaperRow:
    uid: str
    title: str
    kind: str
    file_name: str
    stored_path: str
    sha256: str
    added_on: dt.date
    late: bool


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    uid: str
    ref: str
    number: int
    item_type: str
    households: str
    children: str
    presenters: str
    outcome: str | None
    decision: str | None
    slot: str
    papers: tuple[PaperRow, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Agenda:
    meeting_id: int
    meeting_ref: str
    meeting_date: dt.date
    start_time: dt.time | None
    venue: str | None
    status: str
    capacity: int | None
    papers_sent: dt.date | None
    deadline: dt.date | None
    final: bool
    items: list[ItemRow]
    warnings: list[str]

    @property
    def is_open(self) -> bool:
        """Whether the agenda can still change at all."""
        return self.status != "cancelled" and not self.final

    @property
    def listed(self) -> int:
        return sum(1 for i in self.items if i.outcome != "removed")


def time_slots(start: dt.time | None, items: list[tuple[int | None, bool]]) -> list[str]:
    """``items``: (estimated minutes, removed) in agenda order. Each item starts when the one
    before it ends; a removed item takes no time."""
    at = dt.datetime.combine(dt.date(2000, 1, 1), start or DEFAULT_START)
    slots = []
    for minutes, removed in items:
        if removed:
            slots.append("")
            continue
        end = at + dt.timedelta(minutes=minutes or DEFAULT_MINUTES)
        slots.append(f"{at:%H:%M}–{end:%H:%M}")
        at = end
    return slots


def read_agenda(session: Session, actor: Actor, meeting_id: int, today: dt.date) -> Agenda:
    may_read(actor)
    meeting = session.get_one(Meeting, meeting_id)
    items = session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        .options(selectinload(AgendaItem.household_links).selectinload(ItemHousehold.household),
                 selectinload(AgendaItem.child_links).selectinload(ItemChild.child),
                 selectinload(AgendaItem.papers), selectinload(AgendaItem.adm_decision))
        .order_by(AgendaItem.position)).all()
    has_agency = session.exec(select(Agency.id)).first() is not None
    warnings = agenda_warnings(session, meeting, today) if has_agency else []
    slots = time_slots(meeting.start_time, [(i.duration_minutes, i.outcome == "removed") for i in items])
    rows = []
    for item, slot in zip(items, slots, strict=True):
        papers = tuple(PaperRow(p.uid, p.title, p.kind, p.file_name, p.stored_path, p.sha256, p.added_on,
                                p.late) for p in item.papers)
        mine = tuple(w for w in warnings if f"({item.ref})" in w)
        rows.append(ItemRow(
            item.id, item.uid, item.ref, item.position + 1, item.item_type,
            "; ".join(f"{link.household.display_name} ({link.household.ref})"
                      for link in item.household_links),
            "; ".join(f"{link.child.name} ({link.child.ref})" for link in item.child_links),
            ", ".join(item.presenters or []), item.outcome,
            item.adm_decision.decision if item.adm_decision else None, slot, papers, mine))
    return Agenda(meeting.id, meeting.ref, meeting.meeting_date, meeting.start_time, meeting.venue,
                  meeting.status, meeting.capacity, meeting.papers_sent,
                  papers_deadline(session, meeting) if has_agency else None,
                  minutes_are_final(meeting), rows, warnings)


@dataclass(frozen=True)
class Decision:
    """The agency decision maker's decision on an item."""

    decision: str
    decision_maker: str | None
    decided_on: dt.date | None
    notified: dt.date | None
    final_decision: str | None
    final_date: dt.date | None
    final_review: str | None
    reasons: str | None


@dataclass(frozen=True)
class ItemDetail:
    """One item's recommendation and decision, for the pane beside the agenda."""

    number: int
    item_type: str
    ref: str
    outcome: str | None
    presenters: list[str]
    duration_minutes: int | None
    recorded: bool  # a recommendation is recorded
    votes: tuple[int | None, int | None, int | None]
    wording: str | None
    reasons: str | None
    dissent: list[tuple[str, str]]  # member's name, view
    decision: Decision | None


def item_detail(session: Session, actor: Actor, item_id: int) -> ItemDetail:
    may_read(actor)
    item = session.get_one(AgendaItem, item_id)
    rec = item.recommendation
    dissent = [] if rec is None else [
        (d.member.name, d.view) for d in session.exec(
            select(Dissent).where(Dissent.recommendation_id == rec.id).order_by(Dissent.position))]
    adm = item.adm_decision
    decision = None if adm is None else Decision(
        adm.decision, adm.decision_maker, adm.decided_on, adm.notified, adm.final_decision, adm.final_date,
        adm.final_review, adm.reasons)
    return ItemDetail(
        item.position + 1, item.item_type, item.ref, item.outcome, list(item.presenters or []),
        item.duration_minutes, rec is not None,
        (rec.votes_for, rec.votes_against, rec.votes_abstain) if rec else (None, None, None),
        rec.wording if rec else None, rec.reasons if rec else None, dissent, decision)


@dataclass(frozen=True)
class ItemChoices:
    households: list[tuple[str, str]]  # (ref, "ref — applicant names")
    children: list[tuple[str, str]]  # (ref, "ref — name")


def item_choices(session: Session, actor: Actor) -> ItemChoices:
    """Every household and child, as the pickers show them; two flat queries each."""
    may_read(actor)
    names: dict[int, list[str]] = defaultdict(list)
    for household_id, name in session.exec(select(Applicant.household_id, Applicant.name)
                                           .order_by(Applicant.household_id, Applicant.position)):
        names[household_id].append(name)
    households = [(ref, f"{ref} — {' and '.join(names.get(hid, ())) or 'no applicants recorded'}")
                  for hid, ref in session.exec(select(Household.id, Household.ref).order_by(Household.ref))]
    children = [(ref, f"{ref} — {name}")
                for ref, name in session.exec(select(Child.ref, Child.name).order_by(Child.ref))]
    return ItemChoices(households, children)
