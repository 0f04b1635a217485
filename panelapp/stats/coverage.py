"""Which periods the store's records cover, section by section.

A store begun in April 2022 has no meetings for 2021-22, though its children's
histories may reach back years. So the panel's and the ADM's figures begin with
the first meeting, the adopters' with the first household milestone, and the
children's (and the scorecard's) with the first child milestone. A period that
ends before its section's records begin shows "no records", never a 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from .periods import parse_day
from .scope import AGENCY, CHILD, HOUSEHOLD, MEETING

NO_RECORDS = "no records"
SECTIONS = ("panel", "adm", "adopters", "children", "scorecard")


@dataclass(frozen=True)
class Coverage:
    """The first date of the store's records for each section of the figures (None: no records)."""

    begins: dict[str, dt.date | None]

    @classmethod
    def of(cls, session: Session) -> Coverage:
        meetings = session.execute(select(func.min(MEETING.c.meeting_date))).scalar()
        households = _earliest(session, HOUSEHOLD, [*HOUSEHOLD_MILESTONES, "withdrawal_date"])
        children = _earliest(session, CHILD, list(CHILD_MILESTONES))
        return cls({"panel": meetings, "adm": meetings, "adopters": households, "children": children,
                    "scorecard": children})

    @classmethod
    def everything(cls) -> Coverage:
        """Every period counts as covered: for figures shown without a store behind them."""
        return cls({section: dt.date.min for section in SECTIONS})

    def covers(self, section: str, figures: dict) -> bool:
        """Whether the store holds ``section``'s records for the period of ``figures``
        (one period of a ``compute_statistics`` result). ``section`` may be a key: "adm.late"."""
        begin = self.begins.get(section.split(".")[0])
        return begin is not None and parse_day(figures["period"]["to"]) >= begin

    def first(self, section: str) -> dt.date | None:
        return self.begins.get(section.split(".")[0])


def _earliest(session: Session, table, columns: list[str]) -> dt.date | None:
    firsts = session.execute(select(*[func.min(table.c[name]) for name in columns])).one()
    dates = [day for day in firsts if day is not None]
    return min(dates) if dates else None



def agency_name(session: Session) -> str | None:
    """The agency's name, for a file of figures to say whose they are."""
    return session.execute(select(AGENCY.c.name)).scalars().first()
