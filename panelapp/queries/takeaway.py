"""What the takeaway dialogs offer: the meetings that may go away, the chairs' accounts that may
take them (with the one chairing each meeting first), and whether this store is a meeting taken
away (for the window's banner and its Meeting menu)."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..models import Attendance, Meeting, PanelMember, UserAccount
from ..services.permissions import Actor
from ..takeaway import TakenAway, taken_away
from . import may_read
from .meetings import MeetingChoice


@dataclass(frozen=True)
class ChairAccount:
    username: str
    display_name: str


@dataclass(frozen=True)
class TakeAwayChoices:
    meetings: list[MeetingChoice]  # not cancelled, newest first
    chairs: list[ChairAccount]
    chairing: dict[int, str]  # meeting id -> the username offered first for it


def take_away_choices(session: Session, actor: Actor) -> TakeAwayChoices:
    """The meetings and chairs' accounts, and for each meeting the account of the member chairing
    it (from its attendance), else of a chair on the central list that day, else the first."""
    may_read(actor, "meeting.plan")
    meetings = [MeetingChoice(m.id, m.ref, m.meeting_date, m.status) for m in session.exec(
        select(Meeting).where(Meeting.status != "cancelled")
        .order_by(col(Meeting.meeting_date).desc(), col(Meeting.ref))) if m.id is not None]
    accounts = list(session.exec(select(UserAccount).where(UserAccount.role == "chair",
                                                          col(UserAccount.active).is_(True))
                                 .order_by(col(UserAccount.display_name))))
    chairs = [ChairAccount(a.username, a.display_name) for a in accounts]
    by_member = {a.member_id: a.username for a in accounts if a.member_id is not None}
    chairing: dict[int, str] = {}
    if not chairs:
        return TakeAwayChoices(meetings, chairs, chairing)
    acting: dict[int, int] = {a.meeting_id: a.member_id for a in session.exec(
        select(Attendance).where(Attendance.acting_as == "chair", Attendance.status == "present"))}
    members = [m for m in session.exec(select(PanelMember).where(col(PanelMember.id).in_(list(by_member))))
               if "chair" in m.role_names and m.id is not None] if by_member else []
    for meeting in meetings:
        member = acting.get(meeting.id)
        chosen = by_member.get(member) if member is not None else None
        if chosen is None:
            chosen = next((by_member[m.id] for m in members if m.id is not None and m.on_list(meeting.meeting_date)),
                          chairs[0].username)
        chairing[meeting.id] = chosen
    return TakeAwayChoices(meetings, chairs, chairing)


def store_taken_away(session: Session, actor: Actor) -> TakenAway | None:
    """The meeting this store was opened from (a chair's laptop), or None at the office."""
    may_read(actor)
    return taken_away(session)


def next_meeting(choices: list[MeetingChoice], today: dt.date) -> int | None:
    """The first meeting on or after ``today``, else the latest."""
    coming = [c for c in choices if c.meeting_date >= today]
    if coming:
        return min(coming, key=lambda c: (c.meeting_date, c.ref)).id
    return choices[0].id if choices else None
