"""What the report is made from: the statistics of the period and the two years
before it, the chair's texts and plans, and the few agency settings its words name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ...models import PanelMember
from ...services import report_texts
from ...stats import compute_statistics
from ...stats.coverage import Coverage
from ...stats.periods import Period
from ..style import House
from ..words import ROLES, in_words
from .labels import period_label, report_kind
from .tables import years_of


@dataclass(frozen=True)
class ReportData:
    house: House
    span: Period
    label: str
    kind: str
    result: dict
    years: list[tuple[str, dict]]
    texts: dict[str, str]
    plan: list[dict]
    previous_plan: tuple[Period, list[dict]] | None
    member_roles: dict[str, str]
    adm_working_days: int
    papers_working_days: int
    minutes_working_days: int
    coverage: Coverage = field(default_factory=Coverage.everything)
    # The date the report is made and the chair signs it off.
    made_on: dt.date = field(default_factory=dt.date.today)

    @property
    def now(self) -> dict:
        """This period's figures."""
        return self.years[0][1]

    def covered(self, section: str) -> list[bool]:
        """For each of ``years``, whether the store holds ``section``'s records for it
        ("panel", "adm", "adopters", "children" or "scorecard"; a dotted key names its section)."""
        return [self.coverage.covers(section, figures) for _, figures in self.years]

    def shown_years(self, section: str) -> list[tuple[str, dict]]:
        """The years the store holds ``section``'s records for, newest first."""
        return [year for year, seen in zip(self.years, self.covered(section)) if seen]

    @classmethod
    def gather(cls, session: Session, span: Period, made_on: dt.date | None = None) -> "ReportData":
        house = House.of(session)
        texts = report_texts.get_report_texts(session, span)
        plan = report_texts.get_service_plan(session, span)
        previous = report_texts.previous_service_plan(session, span)
        _refuse_names(session, texts, plan, previous)
        result = compute_statistics(session, span.start, span.end)
        agency = house.agency
        return cls(
            house=house, span=span, label=period_label(span), kind=report_kind(span), result=result,
            years=years_of(result), texts=texts, plan=plan, previous_plan=previous,
            member_roles=_roles(session), adm_working_days=agency.setting("adm_working_days"),
            papers_working_days=agency.setting("papers_working_days"),
            minutes_working_days=agency.setting("minutes_working_days"), coverage=Coverage.of(session),
            made_on=made_on or dt.date.today())


def _roles(session: Session) -> dict[str, str]:
    """Each member's roles on the central list, by ref: the report shows members by
    ref and role, the way the statistics give them."""
    return {member.ref: ", ".join(in_words(ROLES, role) for role in member.role_names)
            for member in session.exec(select(PanelMember))}


def _refuse_names(session: Session, texts: dict, plan: list[dict], previous) -> None:
    """The texts were checked when stored, but a child or adopter added since may
    share a name written in them: the report is not made while one is named."""
    for section, words in texts.items():
        report_texts.refuse_names(session, words, f"the stored {report_texts.SECTION_WORDS[section]}")
    plans = [("the service plan", plan)]
    if previous:
        plans.append((f"the service plan set for {period_label(previous[0])}", previous[1]))
    for where, priorities in plans:
        for number, entry in enumerate(priorities, start=1):
            words = " / ".join(filter(None, (entry["priority"], entry["owner"], entry["progress"])))
            report_texts.refuse_names(session, words, f"priority {number} of {where}")
