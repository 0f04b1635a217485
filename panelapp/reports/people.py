"""Who the papers name: the people at a meeting, and the families an item concerns."""

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..enums import CHAIR_ROLES, MEMBER_ROLES
from ..models import AgendaItem, Attendance, Meeting, PanelMember
from .words import ROLES, clock, in_words, listed

AWAY = ("apologies", "absent")


@dataclass
class Attendee:
    name: str
    role: str
    arrived_at: dt.time | None = None
    left_at: dt.time | None = None

    @property
    def times(self) -> str:
        """Only a late arrival or early departure is worth a note."""
        notes = []
        if self.arrived_at:
            notes.append(f"arrived {clock(self.arrived_at)}")
        if self.left_at:
            notes.append(f"left {clock(self.left_at)}")
        return ", ".join(notes)


@dataclass
class Present:
    chair: Attendee | None = None
    members: list[Attendee] = field(default_factory=list)
    advisers: list[Attendee] = field(default_factory=list)
    minute_takers: list[Attendee] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)


def _in_chair(rows: list[Attendance]) -> Attendance | None:
    """Whoever acts as chair, else the chair, else a vice chair (as the quorum rule reads it)."""
    for wanted in (lambda a: a.acting_as in CHAIR_ROLES,
                   lambda a: "chair" in a.member.role_names,
                   lambda a: "vice_chair" in a.member.role_names):
        for row in rows:
            if wanted(row):
                return row
    return None


def _role(row: Attendance, chair: Attendance | None) -> str:
    if row is chair:
        if row.acting_as == "vice_chair" or "chair" not in row.member.role_names:
            return "Vice chair, in the chair"
        return "Chair"
    if row.acting_as:
        return in_words(ROLES, row.acting_as)
    roles = [r for r in row.member.role_names if r not in CHAIR_ROLES or chair is None]
    return listed([in_words(ROLES, r) for r in roles or row.member.role_names], empty="Member")


def _kind(row: Attendance) -> str:
    roles = {row.acting_as} if row.acting_as else set(row.member.role_names)
    if roles & MEMBER_ROLES:
        return "member"
    if "minute_taker" in roles:
        return "minute_taker"
    return "adviser"


def attendance_of(meeting: Meeting) -> Present:
    """The meeting's attendance sorted the way minutes list it."""
    present = [a for a in meeting.attendance if a.status == "present"]
    chair = _in_chair([a for a in present if _kind(a) == "member"])
    out = Present()
    for row in present:
        person = Attendee(row.member.name, _role(row, chair), row.arrived_at, row.left_at)
        if row is chair:
            out.chair = person
            out.members.insert(0, person)
        else:
            {"member": out.members, "adviser": out.advisers,
             "minute_taker": out.minute_takers}[_kind(row)].append(person)
    out.apologies = [a.member.name for a in meeting.attendance if a.status == "apologies"]
    out.absent = [a.member.name for a in meeting.attendance if a.status == "absent"]
    out.observers = [o.name + (f" ({o.organisation})" if o.organisation else "")
                     for o in meeting.observers]
    return out


def expected_chair(session: Session, meeting: Meeting) -> str | None:
    """Who is to chair a meeting not yet held: from its attendance if known, else the
    central list's chair (or a vice chair) on the day."""
    expected = [a for a in meeting.attendance if a.status not in AWAY]
    row = _in_chair(expected)
    if row is not None:
        return row.member.name
    away = {a.member_id for a in meeting.attendance if a.status in AWAY}
    listed_members = [m for m in session.exec(select(PanelMember).order_by(PanelMember.ref)).all()
                      if m.on_list(meeting.meeting_date) and m.id not in away]
    for role in ("chair", "vice_chair"):
        for member in listed_members:
            if role in member.role_names:
                return member.name
    return None


def households_of(item: AgendaItem) -> list[str]:
    return [link.household.display_name for link in item.household_links]


def children_of(item: AgendaItem) -> list[str]:
    return [link.child.name for link in item.child_links]


def family_names(item: AgendaItem) -> list[str]:
    """Every personal name of the families an item concerns (each applicant, each child)."""
    names = [a.name for link in item.household_links for a in link.household.applicants]
    return names + children_of(item)


def one_applicant(item: AgendaItem) -> bool:
    """Whether the item's families come to one person: a prospective adopter, "the applicant"."""
    return sum(len(link.household.applicants) for link in item.household_links) == 1


def concerning(item: AgendaItem) -> str:
    """``Pia Okafor and Aisha Lee (prospective adopters); Erin Lee (child)``."""
    parts = []
    households = households_of(item)
    if households:
        word = {"adopter_approval": "prospective adopters", "retrospective_approval": "prospective adopters",
                "withdrawal": "household"}.get(item.item_type, "adopters")
        if word != "household" and one_applicant(item):
            word = word[:-1]  # a single applicant is a prospective adopter, not adopters
        parts.append("; ".join(households) + f" ({word})")
    children = children_of(item)
    if children:
        parts.append(listed(children) + (" (child)" if len(children) == 1 else " (children)"))
    return "; ".join(parts) or "No household or child recorded"
