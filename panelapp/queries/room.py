"""What the meeting room shows: the meeting, who is on the central list that day and
what their attendance says, the declarations, and for each item who is in the room,
its papers, what was recorded, the drafts typed and not yet recorded, and whether the
item can be recorded (the service's own words when it cannot).
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..enums import ADVISERS, MEMBER_ROLES
from ..errors import PanelAppError
from ..models import Meeting, PanelMember
from ..rules.quorum import ABSENT_FOR_ITEM, item_quorum, meeting_quorum
from ..services.common import agency_of, minutes_are_final
from ..services.drafts import draft_key, load_drafts
from ..services.meetings import recorded_at
from ..services.minutes import minutes_state
from ..services.permissions import Actor
from ..services.recording import check_can_record
from . import may_read
from .meetings import MeetingChoice, meeting_choices

# form: outcome, terms, views and dissent; advice:<adviser>: an adviser's advice typed, not yet kept
DRAFTED = ("discussion", "wording", "reasons", "form", *(f"advice:{who}" for who in ADVISERS))


@dataclass(frozen=True)
class MemberRow:
    ref: str
    name: str
    roles: tuple[str, ...]
    status: str | None  # present, apologies, absent; None when not recorded
    acting_as: str | None
    arrived_at: dt.time | None
    left_at: dt.time | None


@dataclass(frozen=True)
class DeclarationRow:
    member_ref: str
    member_name: str
    item_number: int | None
    interest: str
    action: str


@dataclass(frozen=True)
class Paper:
    title: str
    kind: str
    late: bool
    path: str


@dataclass(frozen=True)
class InRoom:
    ref: str
    name: str
    roles: tuple[str, ...]
    away: str | None  # left_for_item / took_no_part: out of the room for this item


@dataclass(frozen=True)
class ItemState:
    id: int
    uid: str
    ref: str
    number: int
    item_type: str
    applicants: list[str]
    households: list[str]
    children: list[str]
    presenters: list[str]
    papers: list[Paper]
    outcome: str | None
    discussion: str | None
    wording: str | None
    reasons: str | None
    votes: tuple[int, int, int] | None
    dissent: list[tuple[str, str, str]]  # member ref, name, view
    terms: tuple[int | None, int | None, int | None, bool | None]
    people: list[InRoom]
    quorate: bool
    quorum_text: str
    refusal: str | None  # why the item cannot be recorded now, in the service's words
    drafts: dict[str, str] = field(default_factory=dict)
    applicants_attended: bool | None = None  # None: not recorded
    applicants_spoke: bool | None = None
    advice: dict[str, str] = field(default_factory=dict)  # by adviser (enums.ADVISERS)
    version: int = 0  # sent back with a change, so that another desk's change since is not overwritten

    @property
    def in_room(self) -> list[InRoom]:
        return [p for p in self.people if p.away is None]

    @property
    def may_give_view(self) -> list[InRoom]:
        """Those in the room whose role counts them as a member: only they give a view or dissent
        (an adviser or the minute taker does not)."""
        return [p for p in self.in_room if MEMBER_ROLES & set(p.roles)]


@dataclass(frozen=True)
class RoomState:
    meeting_id: int
    ref: str
    date: dt.date
    start: dt.time | None
    venue: str | None
    status: str
    minutes: str
    locked: bool
    members: list[MemberRow]
    declarations: list[DeclarationRow]
    items: list[ItemState]
    quorate: bool
    quorum_text: str
    end: dt.time | None = None  # when the meeting finished
    recorded: tuple[str, ...] = ()  # what is recorded at it, in words (services.meetings.recorded_at)

    def item(self, item_id: int | None) -> ItemState | None:
        return next((i for i in self.items if i.id == item_id), None)


def room_choices(session: Session, actor: Actor) -> list[MeetingChoice]:
    """Meetings that are planned or held, newest first."""
    return meeting_choices(session, actor, statuses=("planned", "held"))


def meeting_of_the_day(choices: list[MeetingChoice], today: dt.date) -> int | None:
    """Today's meeting; else the latest held one; else the next planned; else the newest."""
    for wanted in (lambda c: c[2] == today,
                   lambda c: c[3] == "held" and c[2] <= today):
        found = [c for c in choices if wanted(c)]
        if found:
            return max(found, key=lambda c: c[2])[0]
    coming = [c for c in choices if c[2] >= today]
    if coming:
        return min(coming, key=lambda c: c[2])[0]
    return choices[0][0] if choices else None


def meeting_to_open(choices: list[MeetingChoice], today: dt.date, remembered: str | None) -> int | None:
    """Today's meeting, or the next one planned, comes first; else the one last viewed
    (by ref); else meeting_of_the_day."""
    todays = [c for c in choices if c[2] == today]
    if todays:
        return todays[0][0]
    coming = [c for c in choices if c[2] > today and c[3] == "planned"]
    if coming:
        return min(coming, key=lambda c: c[2])[0]
    by_ref = {c[1]: c[0] for c in choices}
    return by_ref.get(remembered) or meeting_of_the_day(choices, today)


def read_room(session: Session, actor: Actor, meeting_id: int) -> RoomState:
    may_read(actor)
    meeting = session.get_one(Meeting, meeting_id)
    agency = agency_of(session)
    attendance = {a.member.ref: a for a in meeting.attendance}
    listed = session.exec(select(PanelMember).order_by(PanelMember.name)).all()
    members = []
    for person in listed:
        row = attendance.get(person.ref)
        if row is None and not person.on_list(meeting.meeting_date):
            continue
        members.append(MemberRow(person.ref, person.name, tuple(person.role_names),
                                 row.status if row else None, row.acting_as if row else None,
                                 row.arrived_at if row else None, row.left_at if row else None))
    declarations = [DeclarationRow(d.member.ref, d.member.name,
                                   d.item.position + 1 if d.item else None, d.interest, d.action)
                    for d in meeting.declarations]
    present = [m for m in members if m.status == "present"]
    drafts = load_drafts(session, "item:")
    items = [_item_state(session, item, agency, meeting, present, drafts) for item in meeting.items]
    quorum = meeting_quorum(session, meeting, agency)
    return RoomState(meeting_id, meeting.ref, meeting.meeting_date, meeting.start_time, meeting.venue,
                     meeting.status, minutes_state(meeting), minutes_are_final(meeting), members,
                     declarations, items, quorum.quorate, quorum.explanation("The meeting"),
                     meeting.end_time, tuple(recorded_at(meeting)) if meeting.status == "held" else ())


def _item_state(session, item, agency, meeting, present, drafts) -> ItemState:
    away = {d.member.ref: d.action for d in meeting.declarations
            if d.item_id == item.id and d.action in ABSENT_FOR_ITEM}
    people = [InRoom(m.ref, m.name, m.roles, away.get(m.ref)) for m in present]
    quorum = item_quorum(session, item, agency)
    try:
        check_can_record(session, item)
        refusal = None
    except PanelAppError as exc:
        refusal = str(exc)
    households = [link.household for link in item.household_links]
    rec = item.recommendation
    first = households[0] if households else None
    mine = {name: drafts[draft_key(item.uid, name)] for name in DRAFTED if draft_key(item.uid, name) in drafts}
    return ItemState(
        id=item.id, uid=item.uid, ref=item.ref, number=item.position + 1, item_type=item.item_type,
        applicants=[a.name for h in households for a in h.applicants],
        households=[h.display_name for h in households],
        children=[link.child.name for link in item.child_links],
        presenters=list(item.presenters or []),
        papers=[Paper(p.title, p.kind, p.late, p.stored_path) for p in item.papers],
        outcome=item.outcome, discussion=item.discussion,
        wording=rec.wording if rec else None, reasons=rec.reasons if rec else None,
        votes=(rec.votes_for, rec.votes_against, rec.votes_abstain)
        if rec is not None and rec.votes_for is not None else None,
        dissent=[(d.member.ref, d.member.name, d.view) for d in rec.dissent] if rec else [],
        terms=(first.approval_children_max, first.approval_age_min_years, first.approval_age_max_years,
               first.approval_early_permanence) if first else (None, None, None, None),
        people=people, quorate=quorum.quorate, quorum_text=quorum.explanation(f"Item {item.position + 1}"),
        refusal=refusal, drafts=mine, applicants_attended=item.applicants_attended,
        applicants_spoke=item.applicants_spoke, advice=dict(item.advice or {}), version=item.version)
