"""What the services share: the agency's settings, snapshots for the audit trail, refs."""

import datetime as dt

from sqlmodel import Session, select

from ..errors import ConcurrentChange, PanelAppError
from ..models import Agency, Meeting
from ..models.base import utcnow


def agency_of(session: Session) -> Agency:
    agency = session.exec(select(Agency)).first()
    if agency is None:
        raise PanelAppError("The store has no agency yet: set one up first (panelapp init --agency NAME).")
    return agency


def snapshot(obj, *fields: str) -> dict:
    """The named fields as plain JSON-able values, for an audit event's before/after."""
    out = {}
    for name in fields:
        value = getattr(obj, name)
        if isinstance(value, (dt.date, dt.time, dt.datetime)):
            value = value.isoformat()
        out[name] = value
    return out


def ensure_open(meeting: Meeting, doing: str) -> None:
    """Refuse changes to a cancelled meeting or to minutes that are locked."""
    if meeting.status == "cancelled":
        raise PanelAppError(f"The meeting of {meeting.meeting_date:%d %B %Y} ({meeting.ref}) is cancelled: "
                            f"cannot {doing}.")
    if minutes_are_final(meeting):
        raise PanelAppError(f"The minutes of {meeting.meeting_date:%d %B %Y} ({meeting.ref}) are final and "
                            f"locked: cannot {doing}. Amend the minutes with a reason instead.")


OPEN_AGAIN = "close the form and open it again to see their change"


def check_version(record, expected: int | None, what: str, then: str = OPEN_AGAIN) -> None:
    """Refuse a change made on a form opened before someone else saved ``record``: the form
    passes the version it read, and a different one now means its view is stale. ``then``:
    what the user does next, in words that fit the screen that sends the version."""
    if expected is not None and record.version != expected:
        raise ConcurrentChange(f"Someone else changed {what} since you opened it, so nothing of yours was "
                               f"saved: {then}.")


def touch(record) -> None:
    """Move ``record``'s version on when only the rows it owns changed (attendance of a meeting,
    the recommendation of an item), so that a form holding the old version is refused."""
    record.updated_at = utcnow()


def minutes_are_final(meeting: Meeting) -> bool:
    return meeting.minutes_final is not None or (meeting.minutes is not None and meeting.minutes.status == "final")


def unique_ref(session: Session, model, base: str) -> str:
    ref, n = base, 1
    while session.exec(select(model.id).where(model.ref == ref)).first() is not None:
        n += 1
        ref = f"{base}-{n}"
    return ref
