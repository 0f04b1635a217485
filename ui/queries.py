"""What the screens show, read from the store as plain rows.

Read-only: every change goes through ``panelapp.services``. Each function opens
its own session, so it can run in a worker thread.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Agency, AgendaItem, Meeting


@dataclass(frozen=True)
class AgencyInfo:
    name: str
    panel_name: str | None
    kind: str | None
    region: str


def agency_info(store: Store) -> AgencyInfo | None:
    with store.session() as session:
        agency = session.exec(select(Agency)).first()
        if agency is None:
            return None
        return AgencyInfo(agency.name, agency.panel_name, agency.kind, agency.setting("region"))


@dataclass(frozen=True)
class MeetingRow:
    id: int
    uid: str
    ref: str
    meeting_date: dt.date
    start_time: dt.time | None
    venue: str | None
    status: str
    items: int
    papers_sent: dt.date | None
    minutes_final: dt.date | None


def meeting_rows(store: Store) -> list[MeetingRow]:
    with store.session() as session:
        counts = (select(AgendaItem.meeting_id, func.count(AgendaItem.id).label("n"))
                  .group_by(AgendaItem.meeting_id).subquery())
        stmt = (select(Meeting.id, Meeting.uid, Meeting.ref, Meeting.meeting_date, Meeting.start_time,
                       Meeting.venue, Meeting.status, func.coalesce(counts.c.n, 0),
                       Meeting.papers_sent, Meeting.minutes_final)
                .outerjoin(counts, counts.c.meeting_id == Meeting.id)
                .order_by(Meeting.meeting_date.desc(), Meeting.ref))
        return [MeetingRow(*row) for row in session.exec(stmt)]
