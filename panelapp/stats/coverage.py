"""Which periods the store's records cover: a period that ended before the first
panel meeting in the store has no records, and shows "no records", never a 0."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlmodel import Session

from .periods import parse_day
from .scope import MEETING

NO_RECORDS = "no records"


def records_begin(session: Session) -> dt.date | None:
    """The date of the first panel meeting in the store (held, planned or cancelled);
    None for a store with no meetings, whose every period is then uncovered."""
    return session.execute(select(func.min(MEETING.c.meeting_date))).scalar()


def covers(figures: dict, begin: dt.date | None) -> bool:
    """Whether the store holds records for the period of ``figures`` (one period of a
    ``compute_statistics`` result): the period ends on or after the first meeting."""
    return begin is not None and parse_day(figures["period"]["to"]) >= begin
