"""What the agency decision maker's queue shows.

A recommendation waits for a decision once the minutes are final; a qualifying
determination waits for the final decision; a decision waits for the letter
telling the applicants. The decision's clock is services.adm.decision_clock; the
letter's and the representations' run from the decision.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from ..models import AdmDecision, AgendaItem, ItemChild, ItemHousehold, Meeting
from ..reports.words import listed
from ..rules.clocks import representations_end
from ..rules.workdays import WorkingDays
from ..services.adm import QD_TYPES, decision_clock, decision_summary
from ..services.common import agency_of
from ..services.permissions import Actor
from . import may_read

WAITING = {
    "decision": "Awaiting a decision",
    "final": "Awaiting the final decision after a qualifying determination",
    "letter": "Decided: the applicants not yet told",
}


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    uid: str
    ref: str
    meeting_ref: str
    meeting_date: dt.date
    number: int
    item_type: str
    concerning: str
    outcome: str
    minutes_final: dt.date
    due: dt.date | None
    left: int | None
    late: bool
    waiting: str
    decision: str | None


def concerning(item: AgendaItem) -> str:
    """The households and children an item is about, by name."""
    return listed([link.household.display_name for link in item.household_links]
                  + [link.child.name for link in item.child_links], "")


def queue_rows(session: Session, actor: Actor, waiting: str = "decision",
               today: dt.date | None = None) -> list[QueueRow]:
    may_read(actor)
    today = today or dt.date.today()
    stmt = (select(AgendaItem).join(Meeting)
            .outerjoin(AdmDecision, AdmDecision.item_id == AgendaItem.id)
            .where(Meeting.minutes_final.is_not(None),
                   AgendaItem.outcome.in_(("recommended", "not_recommended")))
            .options(selectinload(AgendaItem.household_links).selectinload(ItemHousehold.household),
                     selectinload(AgendaItem.child_links).selectinload(ItemChild.child),
                     selectinload(AgendaItem.adm_decision), selectinload(AgendaItem.meeting))
            .order_by(Meeting.minutes_final, Meeting.meeting_date, AgendaItem.position))
    if waiting == "decision":
        stmt = stmt.where(AdmDecision.id.is_(None))
    elif waiting == "final":
        stmt = stmt.where(AdmDecision.decision == "qualifying_determination",
                          AdmDecision.final_decision.is_(None))
    else:
        stmt = stmt.where(AdmDecision.id.is_not(None), AdmDecision.notified.is_(None))
    rows = []
    agency = agency_of(session)
    workdays = WorkingDays.for_agency(agency)
    letter_days = int(agency.setting("letter_working_days"))
    for item in session.exec(stmt).all():
        if waiting == "decision":
            clock = decision_clock(session, item, today)
            due, left, late = clock["due"], clock["left"], bool(clock["late"])
        else:
            due, left, late = _after_decision_clock(workdays, item.adm_decision, waiting, letter_days, today)
        rows.append(QueueRow(item.id, item.uid, item.ref, item.meeting.ref, item.meeting.meeting_date,
                             item.position + 1, item.item_type, concerning(item), item.outcome,
                             item.meeting.minutes_final, due, left, late,
                             waiting, item.adm_decision.decision if item.adm_decision else None))
    return rows


def _after_decision_clock(workdays: WorkingDays, decision: AdmDecision, waiting: str, letter_days: int,
                          today: dt.date) -> tuple[dt.date | None, int | None, bool]:
    """The clock that runs once the decision is made (domain.md, Timescales): the letter to the
    applicants within the agency's target; after a qualifying determination, the 40 working
    days for representations, which the final decision waits for. That period is not a
    deadline the agency can miss, so it is never late."""
    if waiting == "letter":
        due = workdays.add(decision.decided_on, letter_days)
        used = workdays.between(decision.decided_on, today)
        return due, letter_days - used, used > letter_days
    if decision.notified is None:
        return None, None, False  # the 40 days start only when the applicants are told
    due = representations_end(workdays, decision.notified)
    if today > due:
        return due, 0, False
    return due, workdays.between(today, due) + (1 if workdays.is_working_day(today) else 0), False


@dataclass(frozen=True)
class Case:
    """One recommendation beside the decision form, with its extract from the minutes."""

    id: int
    ref: str
    number: int
    item_type: str
    outcome: str
    meeting_ref: str
    meeting_date: dt.date
    minutes_final: dt.date
    concerning: str
    recorded: bool  # a recommendation is recorded
    votes: tuple[int | None, int | None, int | None]
    wording: str | None
    reasons: str | None
    discussion: str | None
    dissent: list[tuple[str, str]]  # member's name, view
    papers: list[tuple[str, str]]  # title, path
    qd_allowed: bool
    decision: dict  # decision_summary
    qd_end_if_told_today: dt.date

    @property
    def label(self) -> str:
        return f"Item {self.number} of {self.meeting_ref}"


def read_case(session: Session, actor: Actor, item_id: int, today: dt.date | None = None) -> Case:
    may_read(actor)
    today = today or dt.date.today()
    item = session.get_one(AgendaItem, item_id)
    meeting = item.meeting
    rec = item.recommendation
    qd_end = representations_end(WorkingDays.for_agency(agency_of(session)), today)
    return Case(item.id, item.ref, item.position + 1, item.item_type, item.outcome, meeting.ref,
                meeting.meeting_date, meeting.minutes_final, concerning(item), rec is not None,
                (rec.votes_for, rec.votes_against, rec.votes_abstain) if rec else (None, None, None),
                rec.wording if rec else None, rec.reasons if rec else None, item.discussion,
                [(d.member.name, d.view) for d in rec.dissent] if rec else [],
                [(p.title, p.stored_path) for p in item.papers],
                item.item_type in QD_TYPES, decision_summary(session, item), qd_end)
