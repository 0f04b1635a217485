"""The minutes as the screens show them: services.minutes.minutes_content (what the chair
signs), the names behind the refs in it, and the earlier versions kept by amendments."""

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..models import Child, Household, Meeting, PanelMember
from ..services.common import minutes_are_final
from ..services.minutes import minutes_content, minutes_state, minutes_versions
from ..services.permissions import Actor
from . import may_read
from .meetings import MeetingChoice, meeting_choices


@dataclass(frozen=True)
class Version:
    number: int
    current: bool
    replaced_on: dt.date | None
    replaced_by: str | None
    hash: str | None
    content: dict
    reason: str | None


@dataclass(frozen=True)
class MinutesState:
    meeting_id: int
    ref: str
    date: dt.date
    status: str
    state: str  # minutes_state: held, draft, final, amended
    final: bool
    approved_by: str | None
    approved_on: dt.date | None
    hash: str | None
    items: list[tuple[int, int, str, str]]  # id, number, ref, type
    unheard: list[int]
    current: dict
    versions: list[Version]
    names: dict[str, str]
    about: dict[int, str] = field(default_factory=dict)  # item id: the household and children, in words


def held_meetings(session: Session, actor: Actor) -> list[MeetingChoice]:
    return meeting_choices(session, actor, statuses=("held",))


def read_minutes(session: Session, actor: Actor, meeting_id: int) -> MinutesState:
    may_read(actor)
    meeting = session.get_one(Meeting, meeting_id)
    names = {ref: name for ref, name in session.exec(select(PanelMember.ref, PanelMember.name))}
    names |= {ref: name for ref, name in session.exec(select(Child.ref, Child.name))}
    for household in session.exec(select(Household)).all():
        names[household.ref] = household.display_name
    record = meeting.minutes
    final = minutes_are_final(meeting)
    versions = []
    kept = minutes_versions(meeting) if final else []
    for number, version in enumerate(kept, start=1):
        if version["content"] is not None:
            replaced = version["replaced_on"]
            versions.append(Version(number, replaced is None, replaced.date() if replaced else None,
                                    version["replaced_by"], version["hash"], version["content"],
                                    version["reason"]))
    return MinutesState(
        meeting_id, meeting.ref, meeting.meeting_date, meeting.status, minutes_state(meeting), final,
        record.approved_by if record else None, meeting.minutes_final,
        record.signoff_hash if record else None,
        [(i.id, i.position + 1, i.ref, i.item_type) for i in meeting.items],
        [i.position + 1 for i in meeting.items if i.outcome is None],
        minutes_content(session, meeting), versions, names, {i.id: item_about(i) for i in meeting.items})


def item_about(item) -> str:
    """Whom an item concerns, by name: "Siân Jones and Łukasz Nowak; Amy Child"."""
    households = [link.household.display_name for link in item.household_links]
    children = [link.child.name for link in item.child_links]
    return "; ".join(part for part in (", ".join(households), ", ".join(children)) if part)
