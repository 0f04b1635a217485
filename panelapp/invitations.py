"""Calendar invitations for panel meetings (iCalendar, RFC 5545), for Outlook and Thunderbird.

One invitation per meeting, every invitee an ATTENDEE of it: a calendar sees one
event with one UID whoever it reaches, so an update or a cancellation replaces
the earlier invitation in everyone's calendar. The UID is the meeting's own uid;
SEQUENCE rises each time what the invitation says changes (the store keeps the
last SEQUENCE and a digest of what it said). Only the meeting and the types of
its items are in it: never the name of a child or a household.
"""

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vText,
)
from sqlmodel import Session, select

from . import audit
from .errors import PanelAppError
from .models import Meeting, MeetingInvitation, PanelMember
from .models.base import utcnow
from .services.agenda import ITEM_TYPE_WORDS
from .services.common import agency_of
from .services.permissions import Actor, require

TZID = "Europe/London"
PRODID = "-//PanelApp//Adoption panel meetings//EN"
DEFAULT_HOURS = 3


@dataclass(frozen=True)
class Invitation:
    meeting: str
    method: str  # REQUEST or CANCEL
    sequence: int
    event: Event


def _address(email: str | None, fallback: str) -> str:
    return f"mailto:{email}" if email else fallback


def invitees(meeting: Meeting, members: list[PanelMember], addresses: dict[str, str]) -> list[dict]:
    """The members on the central list that day (less those who sent apologies) and the presenters."""
    apologies = {a.member_id for a in meeting.attendance if a.status in ("apologies", "absent")}
    people = []
    for m in members:
        if m.on_list(meeting.meeting_date) and m.id not in apologies:
            people.append({"name": m.name, "role": "REQ-PARTICIPANT",
                           "address": _address(addresses.get(m.ref), f"urn:uuid:{m.uid}")})
    presenters = sorted({p for item in meeting.items if item.outcome != "removed" for p in item.presenters or []})
    for name in presenters:
        fallback = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'panelapp:presenter:' + name)}"
        people.append({"name": name, "role": "OPT-PARTICIPANT", "address": _address(addresses.get(name), fallback)})
    return people


def _times(meeting: Meeting) -> tuple[dt.datetime, dt.datetime] | None:
    if meeting.start_time is None:
        return None
    start = dt.datetime.combine(meeting.meeting_date, meeting.start_time)
    if meeting.end_time is not None:
        end = dt.datetime.combine(meeting.meeting_date, meeting.end_time)
    else:
        minutes = sum(i.duration_minutes or 0 for i in meeting.items if i.outcome != "removed")
        end = start + dt.timedelta(minutes=minutes or DEFAULT_HOURS * 60)
    return start, end


def _content(session: Session, meeting: Meeting, people: list[dict], organizer: str) -> dict:
    agency = agency_of(session)
    listed = [i for i in meeting.items if i.outcome != "removed"]
    lines = [f"{agency.setting('panel_name') or agency.name}: adoption panel meeting {meeting.ref}.",
             f"{len(listed)} item(s) on the agenda:"]
    for item in listed:
        who = f" (presenting: {', '.join(item.presenters)})" if item.presenters else ""
        lines.append(f"  {item.position + 1}. {ITEM_TYPE_WORDS.get(item.item_type, item.item_type)}{who}")
    lines.append("The papers come separately. Please tell the panel adviser if you cannot attend.")
    times = _times(meeting)
    return {"summary": f"Adoption panel {meeting.meeting_date:%d %B %Y}", "venue": meeting.venue,
            "date": meeting.meeting_date.isoformat(),
            "start": times[0].isoformat() if times else None, "end": times[1].isoformat() if times else None,
            "description": "\n".join(lines), "people": people, "organizer": organizer,
            "cancelled": meeting.status == "cancelled"}


def _event(meeting: Meeting, content: dict, sequence: int, organizer_name: str) -> Event:
    event = Event()
    event.add("uid", f"{meeting.uid}@panelapp")
    event.add("dtstamp", utcnow())
    event.add("sequence", sequence)
    event.add("summary", content["summary"])
    if content["start"]:
        from zoneinfo import ZoneInfo
        zone = ZoneInfo(TZID)
        event.add("dtstart", dt.datetime.fromisoformat(content["start"]).replace(tzinfo=zone))
        event.add("dtend", dt.datetime.fromisoformat(content["end"]).replace(tzinfo=zone))
    else:
        event.add("dtstart", meeting.meeting_date)
        event.add("dtend", meeting.meeting_date + dt.timedelta(days=1))
    if content["venue"]:
        event.add("location", content["venue"])
    event.add("description", content["description"])
    event.add("status", "CANCELLED" if content["cancelled"] else "CONFIRMED")
    organizer = vCalAddress(content["organizer"])
    organizer.params["cn"] = vText(organizer_name)
    event.add("organizer", organizer)
    for person in content["people"]:
        attendee = vCalAddress(person["address"])
        attendee.params.update({"cn": vText(person["name"]), "role": person["role"], "partstat": "NEEDS-ACTION",
                                "rsvp": "TRUE", "cutype": "INDIVIDUAL"})
        event.add("attendee", attendee, encode=False)
    return event


def invitations(session: Session, actor: Actor, meetings: list[Meeting], *, organizer: str | None = None,
                addresses: dict[str, str] | None = None) -> list[Invitation]:
    """The invitation of each meeting, as it stands: the SEQUENCE goes up when what it says changed
    since the last one written; a cancelled meeting that was invited gets its cancellation, one never
    invited gets nothing. ``addresses`` maps a member's ref, or a presenter's name, to an e-mail address."""
    require(actor, "meeting.plan")
    addresses = addresses or {}
    agency = agency_of(session)
    organizer_name = agency.setting("panel_name") or agency.name
    organizer_address = _address(organizer, f"urn:uuid:{agency.uid}")
    members = list(session.exec(select(PanelMember).order_by(PanelMember.name)))
    out = []
    for meeting in meetings:
        sent = session.exec(select(MeetingInvitation).where(MeetingInvitation.meeting_id == meeting.id)).first()
        if meeting.status == "cancelled" and sent is None:
            continue
        content = _content(session, meeting, invitees(meeting, members, addresses), organizer_address)
        digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()
        method = "CANCEL" if content["cancelled"] else "REQUEST"
        if sent is None:
            sent = MeetingInvitation(meeting_id=meeting.id, sequence=0, digest=digest, method=method,
                                     written_at=utcnow())
            session.add(sent)
        elif sent.digest != digest:
            sent.sequence += 1
            sent.digest, sent.method, sent.written_at = digest, method, utcnow()
        session.flush()
        out.append(Invitation(meeting.ref, method, sent.sequence,
                              _event(meeting, content, sent.sequence, organizer_name)))
    if out:
        audit.record(session, actor.username, "invite", "meeting",
                     summary=f"calendar invitations written for {len(out)} meeting(s)",
                     after={m.meeting: [m.method, m.sequence] for m in out})
    return out


def london() -> Timezone:
    """Europe/London as Outlook writes it: the EU rule since 1996, good for any year ahead
    (the generated form lists dates only up to 2038)."""
    zone = Timezone()
    zone.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1981, 3, 29, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    summer.add("tzoffsetfrom", dt.timedelta(hours=0))
    summer.add("tzoffsetto", dt.timedelta(hours=1))
    summer.add("tzname", "BST")
    winter = TimezoneStandard()
    winter.add("dtstart", dt.datetime(1996, 10, 27, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    winter.add("tzoffsetfrom", dt.timedelta(hours=1))
    winter.add("tzoffsetto", dt.timedelta(hours=0))
    winter.add("tzname", "GMT")
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def calendar(events: list[Invitation], method: str) -> bytes:
    """One iCalendar file of ``method`` (REQUEST or CANCEL) with its time zone."""
    chosen = [i for i in events if i.method == method]
    if not chosen:
        raise PanelAppError(f"No invitation is a {method.lower()}.")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    cal.add("calscale", "GREGORIAN")
    cal.add_component(london())
    for invitation in chosen:
        cal.add_component(invitation.event)
    return cal.to_ical()
