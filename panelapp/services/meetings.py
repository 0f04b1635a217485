"""Planning meetings: create one, schedule a year from a pattern, change, send papers, cancel."""

import datetime as dt
import re
from dataclasses import dataclass

from sqlmodel import Session, select

from .. import audit
from ..errors import PanelAppError
from ..models import Meeting
from ..rules.workdays import WorkingDays
from .common import agency_of, check_version, ensure_open, snapshot, unique_ref
from .permissions import Actor, require
from .signoff import confirm_signer

MEETING_FIELDS = ("ref", "meeting_date", "start_time", "venue", "status", "papers_sent", "capacity")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
            "5th": 5, "fifth": 5, "last": -1}


def meeting_summary(meeting: Meeting) -> dict:
    return {"ref": meeting.ref, "uid": meeting.uid, "date": meeting.meeting_date, "status": meeting.status,
            "start": meeting.start_time, "venue": meeting.venue, "capacity": meeting.capacity,
            "items": len(meeting.items), "version": meeting.version}


def create_meeting(session: Session, actor: Actor, *, date: dt.date, start: dt.time | None = None,
                   venue: str | None = None, capacity: int | None = None, ref: str | None = None) -> dict:
    require(actor, "meeting.plan")
    if capacity is not None and capacity < 1:
        raise PanelAppError(f"Capacity must be at least 1 item (not {capacity}).")
    meeting = Meeting(ref=ref or unique_ref(session, Meeting, f"P{date:%Y%m%d}"), meeting_date=date,
                      start_time=start, venue=venue, capacity=capacity, status="planned")
    session.add(meeting)
    session.flush()
    audit.record(session, actor.username, "create", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} on {date.isoformat()} planned",
                 after=snapshot(meeting, *MEETING_FIELDS))
    return meeting_summary(meeting)


@dataclass(frozen=True)
class Pattern:
    """``2nd and 4th Thursday, 10:00``: which weekdays of each month, and the start time."""

    ordinals: tuple[int, ...]
    weekday: int
    start: dt.time | None

    @classmethod
    def parse(cls, text: str) -> "Pattern":
        words = re.findall(r"[A-Za-z0-9]+(?::\d\d)?", text.lower())
        ordinals = tuple(ORDINALS[w] for w in words if w in ORDINALS)
        weekdays = [WEEKDAYS.index(w.rstrip("s")) for w in words if w.rstrip("s") in WEEKDAYS]
        times = [w for w in words if re.fullmatch(r"\d{1,2}:\d\d", w)]
        if not ordinals or len(weekdays) != 1:
            raise PanelAppError(f"Cannot read the pattern {text!r}: write it like "
                                "'2nd and 4th Thursday, 10:00' (1st, 2nd, 3rd, 4th or last, and one weekday).")
        start = None
        if times:
            hour, minute = map(int, times[0].split(":"))
            if hour > 23 or minute > 59:
                raise PanelAppError(f"{times[0]} in the pattern is not a time of day.")
            start = dt.time(hour, minute)
        return cls(ordinals, weekdays[0], start)

    def dates(self, first: dt.date, last: dt.date):
        month = dt.date(first.year, first.month, 1)
        while month <= last:
            days = [month + dt.timedelta(days=i) for i in range(31)
                    if (month + dt.timedelta(days=i)).month == month.month
                    and (month + dt.timedelta(days=i)).weekday() == self.weekday]
            chosen = {days[n - 1 if n > 0 else n] for n in self.ordinals
                      if -len(days) <= (n - 1 if n > 0 else n) < len(days)}
            yield from sorted(d for d in chosen if first <= d <= last)
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def schedule_meetings(session: Session, actor: Actor, *, pattern: str, first: dt.date, last: dt.date,
                      venue: str | None = None, capacity: int | None = None, on_holiday: str = "skip") -> dict:
    """Plan every meeting the pattern gives between ``first`` and ``last``; a date on a bank
    holiday (of the agency's region) is skipped, or with ``on_holiday="move"`` moved to the next
    working day, at the same time of day. A date that already has a meeting is never doubled."""
    require(actor, "meeting.plan")
    if on_holiday not in ("skip", "move"):
        raise PanelAppError(f"{on_holiday!r} is not what to do on a bank holiday: skip or move.")
    if last < first:
        raise PanelAppError(f"The last date {last.isoformat()} is before the first {first.isoformat()}.")
    if (last - first).days > 800:
        raise PanelAppError("Schedule at most two years at a time.")
    rule = Pattern.parse(pattern)
    workdays = WorkingDays.for_agency(agency_of(session))
    existing = set(session.exec(select(Meeting.meeting_date).where(Meeting.status != "cancelled")).all())
    created, skipped = [], []
    moved = []
    for day in rule.dates(first, last):
        if not workdays.is_working_day(day) and on_holiday == "move":
            later = workdays.add(day, 1)
            if later in existing:
                skipped.append({"date": day, "why": f"bank holiday, and {later:%-d %B} has a meeting already"})
                continue
            moved.append({"date": day, "to": later})
            existing.add(later)
            created.append(create_meeting(session, actor, date=later, start=rule.start, venue=venue,
                                          capacity=capacity))
        elif not workdays.is_working_day(day):
            skipped.append({"date": day, "why": "bank holiday"})
        elif day in existing:
            skipped.append({"date": day, "why": "a meeting is planned that day already"})
        else:
            existing.add(day)
            created.append(create_meeting(session, actor, date=day, start=rule.start, venue=venue,
                                          capacity=capacity))
    return {"created": created, "skipped": skipped, "moved": moved}


def update_meeting(session: Session, actor: Actor, meeting: Meeting, *, expected_version: int | None = None,
                   **changes) -> dict:
    require(actor, "meeting.plan")
    check_version(meeting, expected_version, f"the meeting {meeting.ref}")
    ensure_open(meeting, "change the meeting")
    allowed = {"meeting_date", "start_time", "end_time", "venue", "capacity"}
    unknown = set(changes) - allowed
    if unknown:
        raise PanelAppError(f"Cannot change {', '.join(sorted(unknown))} of a meeting here.")
    if changes.get("capacity") is not None and changes["capacity"] < len(
            [i for i in meeting.items if i.outcome != "removed"]):
        raise PanelAppError(f"The meeting has {len(meeting.items)} items already; the capacity cannot be "
                            f"{changes['capacity']}.")
    before = snapshot(meeting, *MEETING_FIELDS)
    for name, value in changes.items():
        setattr(meeting, name, value)
    session.flush()
    audit.record(session, actor.username, "update", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} changed", before=before, after=snapshot(meeting, *MEETING_FIELDS))
    return meeting_summary(meeting)


def mark_papers_sent(session: Session, actor: Actor, meeting: Meeting, on: dt.date) -> dict:
    require(actor, "meeting.plan")
    ensure_open(meeting, "send papers")
    if on > meeting.meeting_date:
        raise PanelAppError(f"Papers cannot be sent on {on.isoformat()}, after the meeting "
                            f"({meeting.meeting_date.isoformat()}).")
    before = snapshot(meeting, "papers_sent")
    meeting.papers_sent = on
    audit.record(session, actor.username, "papers_sent", "meeting", entity_uid=meeting.uid,
                 summary=f"papers for {meeting.ref} sent on {on.isoformat()}", before=before,
                 after=snapshot(meeting, "papers_sent"))
    return meeting_summary(meeting)


def start_meeting(session: Session, actor: Actor, meeting: Meeting, *, password: str | None = None,
                  today: dt.date | None = None) -> dict:
    """The meeting is being held: from now on its recommendations can be recorded. Not
    before its day; ``password`` is the opener's, asked again."""
    require(actor, "meeting.record")
    ensure_open(meeting, "start the meeting")
    if meeting.status == "held":
        return meeting_summary(meeting)
    today = today or dt.date.today()
    if meeting.meeting_date > today:
        raise PanelAppError(f"The meeting of {meeting.meeting_date.day} {meeting.meeting_date:%B %Y} "
                            f"({meeting.ref}) cannot be opened before its day.")
    confirm_signer(session, actor, password, f"open the meeting {meeting.ref}")
    meeting.status = "held"
    audit.record(session, actor.username, "held", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} opened", before={"status": "planned"}, after={"status": "held"})
    return meeting_summary(meeting)


def recorded_at(meeting: Meeting) -> list[str]:
    """What has been recorded at a held meeting, in words; empty while nothing has."""
    found = []
    if meeting.attendance:
        found.append("attendance")
    if meeting.declarations:
        found.append("declarations of interest")
    if meeting.observers:
        found.append("observers")
    if meeting.end_time is not None:
        found.append("the finish time")
    heard = [i for i in meeting.items if i.outcome not in (None, "removed") or i.discussion
             or i.applicants_attended is not None or i.advice]
    if heard:
        found.append(f"{len(heard)} item{'s' if len(heard) != 1 else ''}' outcomes or notes")
    if meeting.minutes is not None:
        found.append("draft minutes")
    return found


def return_to_planned(session: Session, actor: Actor, meeting: Meeting, *, reason: str) -> dict:
    """Undo opening a meeting by mistake: back to planned, while nothing is recorded at it."""
    require(actor, "meeting.plan")
    ensure_open(meeting, "return the meeting to planned")
    if meeting.status != "held":
        raise PanelAppError(f"The meeting {meeting.ref} is {meeting.status}, not open: nothing to return.")
    if not reason.strip():
        raise PanelAppError("Say why the meeting goes back to planned (for example, opened by mistake).")
    found = recorded_at(meeting)
    if found:
        raise PanelAppError(f"The meeting {meeting.ref} cannot go back to planned: "
                            f"{', '.join(found)} {'is' if len(found) == 1 else 'are'} recorded at it.")
    meeting.status = "planned"
    audit.record(session, actor.username, "reopen", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} returned to planned: {reason.strip()}",
                 before={"status": "held"}, after={"status": "planned", "reason": reason.strip()})
    return meeting_summary(meeting)


def record_finish(session: Session, actor: Actor, meeting: Meeting, at: dt.time) -> dict:
    """The time the meeting finished, for the minutes."""
    require(actor, "meeting.record")
    ensure_open(meeting, "record the time the meeting finished")
    if meeting.status != "held":
        raise PanelAppError(f"The meeting {meeting.ref} has not started: it cannot have finished.")
    if meeting.start_time is not None and at <= meeting.start_time:
        raise PanelAppError(f"The meeting cannot finish at {at:%H:%M}, not after it started "
                            f"({meeting.start_time:%H:%M}).")
    before = snapshot(meeting, "end_time")
    meeting.end_time = at
    audit.record(session, actor.username, "finish", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} finished at {at:%H:%M}", before=before,
                 after=snapshot(meeting, "end_time"))
    return meeting_summary(meeting)


def cancel_meeting(session: Session, actor: Actor, meeting: Meeting, *, reason: str,
                   move_to: Meeting | None = None) -> dict:
    """Cancel a planned meeting; its items move to ``move_to`` (required when there are any)."""
    require(actor, "meeting.plan")
    if meeting.status != "planned":
        raise PanelAppError(f"Only a planned meeting can be cancelled; {meeting.ref} is {meeting.status}.")
    if not reason.strip():
        raise PanelAppError("Say why the meeting is cancelled.")
    waiting = [i for i in meeting.items if i.outcome is None]
    if waiting and move_to is None:
        raise PanelAppError(f"The meeting has {len(waiting)} items: choose a meeting to move them to.")
    if move_to is not None:
        if move_to.id == meeting.id:
            raise PanelAppError("Choose another meeting to move the items to.")
        if move_to.status != "planned":
            raise PanelAppError(f"Items can move only to a planned meeting; {move_to.ref} is {move_to.status}.")
    moved = []
    for item in waiting:
        position = len(move_to.items)
        item.meeting = move_to
        item.position = position
        moved.append(item.ref)
        audit.record(session, actor.username, "move", "agenda_item", entity_uid=item.uid,
                     summary=f"{item.ref} moved from {meeting.ref} to {move_to.ref} (meeting cancelled)",
                     before={"meeting": meeting.ref}, after={"meeting": move_to.ref})
    meeting.status = "cancelled"
    session.flush()
    for position, item in enumerate(meeting.items):
        item.position = position
    audit.record(session, actor.username, "cancel", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} cancelled: {reason}",
                 before={"status": "planned"}, after={"status": "cancelled", "reason": reason, "moved": moved})
    return {"meeting": meeting_summary(meeting), "moved": moved,
            "moved_to": move_to.ref if move_to else None,
            "over_capacity": bool(move_to and move_to.capacity and len(move_to.items) > move_to.capacity)}

