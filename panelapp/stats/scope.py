"""What every figure is computed against: the store, the period, the agency's rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlmodel import Session

from ..enums import AGENCY_DEFAULTS
from ..models import (AdmDecision, Agency, AgendaItem, Attendance, Child, ChildNeed, Household, ItemHousehold,
                      Meeting, PanelMember, Recommendation)
from ..rules import QuorumRule, WorkingDays
from .periods import Period

# Core tables: the statistics are SQL aggregates, not ORM objects.
MEETING = Meeting.__table__
ITEM = AgendaItem.__table__
RECOMMENDATION = Recommendation.__table__
ADM = AdmDecision.__table__
HOUSEHOLD = Household.__table__
ITEM_HOUSEHOLD = ItemHousehold.__table__
CHILD = Child.__table__
AGENCY = Agency.__table__
CHILD_NEED = ChildNeed.__table__
MEMBER = PanelMember.__table__
ATTENDANCE = Attendance.__table__


@dataclass(frozen=True)
class Scope:
    session: Session
    period: Period
    workdays: WorkingDays
    quorum: QuorumRule
    papers_working_days: int
    adm_working_days: int

    @classmethod
    def open(cls, session: Session, period: Period) -> "Scope":
        agency = session.execute(select(Agency)).scalars().first()

        def setting(key):
            return agency.setting(key) if agency is not None else AGENCY_DEFAULTS[key]
        return cls(session=session, period=period, workdays=WorkingDays.for_agency(agency),
                   quorum=QuorumRule.for_agency(agency),
                   papers_working_days=setting("papers_working_days"),
                   adm_working_days=setting("adm_working_days"))

    @property
    def start(self) -> dt.date:
        return self.period.start

    @property
    def end(self) -> dt.date:
        return self.period.end

    # Conditions shared by the figures. A date column that is NULL never
    # satisfies in_period or by_end, and always satisfies not_by_end.

    def in_period(self, column):
        return column.between(self.start, self.end)

    def by_end(self, column):
        return column <= self.end

    def not_by_end(self, column):
        return or_(column.is_(None), column > self.end)

    def held_in_period(self):
        return (MEETING.c.status == "held") & self.in_period(MEETING.c.meeting_date)
