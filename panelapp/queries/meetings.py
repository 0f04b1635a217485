"""The meetings: the list with each meeting's items, capacity, papers deadline and a
forecast of its quorum; the meetings a picker offers; what cancelling one would move.

The forecast: for a held meeting, whoever was present; for a planned one, the members
who have said they will come (marked present ahead of the meeting) once anyone has
replied, and before any reply everyone on the central list on the day who has not sent
apologies (or been marked absent), the most who could come. ``check_quorum`` judges
them, so "at risk" means the meeting is not quorate on what is known so far.
"""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ..models import Agency, AgendaItem, Attendance, Meeting, PanelMember
from ..rules.quorum import Person, QuorumRule, present_people
from ..services.agenda import papers_deadline
from ..services.permissions import Actor
from . import may_read

NOT_COMING = ("apologies", "absent")


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    uid: str
    ref: str
    meeting_date: dt.date
    start_time: dt.time | None
    venue: str | None
    status: str
    items: int  # listed: removed items take no place
    capacity: int | None
    forecast: str
    at_risk: bool
    papers_deadline: dt.date | None
    papers_sent: dt.date | None
    minutes_final: dt.date | None

    def papers_overdue(self, today: dt.date) -> bool:
        return (self.status == "planned" and self.papers_sent is None and self.papers_deadline is not None
                and today > self.papers_deadline)


class MeetingChoice(NamedTuple):
    """A meeting as a picker names it."""

    id: int
    ref: str
    meeting_date: dt.date
    status: str


def person(member: PanelMember) -> Person:
    return Person(ref=member.ref, name=member.name, roles=frozenset(member.role_names),
                  pqe_years=member.social_worker_pqe_years)


def forecast(rule: QuorumRule, status: str, people: list[Person] | None) -> tuple[str, bool]:
    """The words for the forecast column, and whether the meeting is at risk."""
    if status == "cancelled":
        return "", False
    if status == "held" and not people:
        return "attendance not recorded", False
    result = rule.check(people or [])
    if result.quorate:
        return "Quorate", False
    reasons = ", ".join(result.reasons)
    if status == "held":
        return f"Inquorate: {reasons}", True
    return f"At risk: {reasons.replace(' is present', ' is expected')}", True


def meeting_rows(session: Session, actor: Actor) -> list[MeetingRow]:
    """Every meeting, newest first; a few flat queries, whatever the number of meetings."""
    may_read(actor)
    agency = session.exec(select(Agency)).first()
    rule = QuorumRule.for_agency(agency)
    meetings = session.exec(select(Meeting).order_by(Meeting.meeting_date.desc(), Meeting.ref)).all()
    counts = dict(session.exec(
        select(AgendaItem.meeting_id, func.count(AgendaItem.id))
        .where(or_(AgendaItem.outcome.is_(None), AgendaItem.outcome != "removed"))
        .group_by(AgendaItem.meeting_id)).all())
    planned = [m.id for m in meetings if m.status == "planned"]
    marks = {(meeting_id, member_id): status for meeting_id, member_id, status in session.exec(
        select(Attendance.meeting_id, Attendance.member_id, Attendance.status)
        .where(Attendance.meeting_id.in_(planned)))} if planned else {}
    members = session.exec(select(PanelMember).order_by(PanelMember.ref)).all()
    people = {m.id: person(m) for m in members}
    present = present_people(session, [m.id for m in meetings if m.status == "held"])
    rows = []
    for m in meetings:
        if m.status == "planned":
            coming = [people[p.id] for p in members if marks.get((m.id, p.id)) == "present"]
            expected = coming or [people[p.id] for p in members
                                  if p.on_list(m.meeting_date) and marks.get((m.id, p.id)) not in NOT_COMING]
        else:
            expected = present.get(m.id)
        words, at_risk = forecast(rule, m.status, expected)
        deadline = papers_deadline(session, m) if agency is not None and m.status != "cancelled" else None
        rows.append(MeetingRow(m.id, m.uid, m.ref, m.meeting_date, m.start_time, m.venue, m.status,
                               counts.get(m.id, 0), m.capacity, words, at_risk, deadline,
                               m.papers_sent, m.minutes_final))
    return rows


def meeting_choices(session: Session, actor: Actor, *, statuses: tuple[str, ...] | None = None,
                    ) -> list[MeetingChoice]:
    """The meetings a picker offers, newest first; ``statuses`` keeps only those."""
    may_read(actor)
    stmt = select(Meeting.id, Meeting.ref, Meeting.meeting_date, Meeting.status)
    if statuses is not None:
        stmt = stmt.where(Meeting.status.in_(statuses))
    return [MeetingChoice(*row) for row in session.exec(stmt.order_by(Meeting.meeting_date.desc(), Meeting.ref))]


def meeting_id_by_ref(session: Session, actor: Actor, ref: str) -> int | None:
    may_read(actor)
    return session.exec(select(Meeting.id).where(Meeting.ref == ref)).first()


@dataclass(frozen=True)
class MeetingForm:
    """What the change-a-meeting form shows, read when it opens; ``version`` goes back
    with the change so that another user's change since is refused, not overwritten."""
    id: int
    ref: str
    meeting_date: dt.date
    start_time: dt.time | None
    venue: str | None
    capacity: int | None
    version: int


def meeting_form(session: Session, actor: Actor, meeting_id: int) -> MeetingForm:
    may_read(actor)
    m = session.get_one(Meeting, meeting_id)
    return MeetingForm(m.id, m.ref, m.meeting_date, m.start_time, m.venue, m.capacity, m.version)


@dataclass(frozen=True)
class LaterMeeting:
    id: int
    ref: str
    meeting_date: dt.date
    capacity: int | None
    items: int  # listed: removed items take no place


@dataclass(frozen=True)
class CancelChoices:
    ref: str
    meeting_date: dt.date
    waiting: int  # items not yet heard: they move with the cancellation
    later: list[LaterMeeting]  # later planned meetings that could take them


def cancel_choices(session: Session, actor: Actor, meeting_id: int) -> CancelChoices:
    may_read(actor)
    meeting = session.get_one(Meeting, meeting_id)
    waiting = sum(1 for i in meeting.items if i.outcome is None)
    later = session.exec(select(Meeting).where(Meeting.status == "planned", Meeting.id != meeting.id,
                                               Meeting.meeting_date >= meeting.meeting_date)
                         .order_by(Meeting.meeting_date, Meeting.ref)).all()
    counts = {m.id: 0 for m in later}
    for meeting_of, outcome in session.exec(select(AgendaItem.meeting_id, AgendaItem.outcome)
                                            .where(AgendaItem.meeting_id.in_(list(counts)))):
        if outcome != "removed":
            counts[meeting_of] += 1
    return CancelChoices(meeting.ref, meeting.meeting_date, waiting,
                         [LaterMeeting(m.id, m.ref, m.meeting_date, m.capacity, counts[m.id]) for m in later])
