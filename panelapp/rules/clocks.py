"""Every clock of domain.md ("Timescales PanelApp tracks"), as at a given day.

Each clock gives what is due, by when, and how long is left (working days for
the agency's own targets, calendar days for the statutory months); a clock is
open until what it waits for happens. Events after the ``on`` day are ignored,
so the list reads as it would have on that day.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import (AdmDecision, Agency, AgendaItem, Child, Household, ItemHousehold, Meeting, PanelFeedback,
                      PanelMember)
from .workdays import WorkingDays

TERM_WARNING_DAYS = 60
REPRESENTATION_WORKING_DAYS = 40
MATCH_DAYS = 121
JOURNEY_DAYS = 426


def representations_end(workdays: WorkingDays, notified: dt.date) -> dt.date:
    """The last day for representations or an application to the IRM after a qualifying
    determination: AAR 2005 reg 30B(5)(c) gives "40 working days beginning with the date on
    which the notification was sent", so that date is day 1 (the next working day is day 1
    when it was sent on a weekend or bank holiday)."""
    first = notified if workdays.is_working_day(notified) else workdays.add(notified, 1)
    return workdays.add(first, REPRESENTATION_WORKING_DAYS - 1)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Deadline:
    clock: str          # which clock: papers, minutes, adm_decision, ...
    subject: str        # the ref of what it concerns (meeting, item, household, child, member)
    kind: str           # meeting, item, household, child, member: what the subject is
    what: str           # what is due, in words
    started: dt.date
    due: dt.date
    left: int           # days left (negative when overdue)
    unit: str           # "working days" or "days"

    @property
    def overdue(self) -> bool:
        return self.left < 0

    def describe(self) -> str:
        n = abs(self.left)
        unit = self.unit if n != 1 else self.unit.rstrip("s")
        when = f"{n} {unit} overdue" if self.overdue else ("due today" if n == 0 else f"{n} {unit} left")
        return f"{self.due.isoformat()}  {when:<24} {self.what}"


def _on_or_before(day, on):
    return day is not None and day <= on


class Clocks:
    def __init__(self, session: Session, on: dt.date):
        self.s = session
        self.on = on
        self.agency = session.scalars(select(Agency)).first()
        self.workdays = WorkingDays.for_agency(self.agency)

    def setting(self, key):
        return int(self.agency.setting(key)) if self.agency else None

    def _wd(self, clock, subject, kind, what, started, target) -> Deadline:
        due = self.workdays.add(started, target)
        left = self.workdays.between(self.on, due)
        return Deadline(clock, subject, kind, what, started, due, left, "working days")

    def _cal(self, clock, subject, kind, what, started, due) -> Deadline:
        return Deadline(clock, subject, kind, what, started, due, (due - self.on).days, "days")

    def all(self) -> list[Deadline]:
        found = [*self.meetings(), *self.decisions(), *self.households(), *self.children(), *self.members(),
                 *self.feedback()]
        return sorted(found, key=lambda d: (d.due, d.clock, d.subject))

    def meetings(self):
        papers = self.setting("papers_working_days") or 5
        minutes = self.setting("minutes_working_days") or 10
        rows = self.s.execute(select(Meeting.ref, Meeting.meeting_date, Meeting.status, Meeting.papers_sent,
                                     Meeting.minutes_final).where(Meeting.status != "cancelled")).all()
        for ref, day, status, sent, final in rows:
            if day >= self.on and not _on_or_before(sent, self.on):
                due = self.workdays.add(day, -papers)
                yield Deadline("papers", ref, "meeting", f"papers to members for the meeting of {day:%d %b %Y} ({ref})",
                               due, due, self.workdays.between(self.on, due), "working days")
            if day <= self.on and status == "held" and not _on_or_before(final, self.on):
                yield self._wd("minutes", ref, "meeting", f"final minutes of the meeting of {day:%d %b %Y} ({ref})",
                               day, minutes)

    def decisions(self):
        adm_days = self.setting("adm_working_days") or 7
        letter_days = self.setting("letter_working_days") or 5
        on = self.on
        # Columns, not objects: a large agency has tens of thousands of decided items,
        # and only the few still open become deadlines.
        rows = self.s.execute(
            select(AgendaItem.ref, Meeting.ref, Meeting.minutes_final, AdmDecision.decided_on,
                   AdmDecision.decision, AdmDecision.notified, AdmDecision.final_date)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .outerjoin(AdmDecision, AdmDecision.item_id == AgendaItem.id)
            .where(AgendaItem.outcome.in_(("recommended", "not_recommended")),
                   Meeting.minutes_final.is_not(None), Meeting.minutes_final <= on,
                   or_(AdmDecision.id.is_(None), AdmDecision.decided_on > on,
                       AdmDecision.notified.is_(None), AdmDecision.notified > on,
                       and_(AdmDecision.decision == "qualifying_determination",
                            or_(AdmDecision.final_date.is_(None), AdmDecision.final_date > on))))).all()
        for item_ref, meeting_ref, final, decided, decision, notified, final_date in rows:
            if decided is None or decided > on:
                yield self._wd("adm_decision", item_ref, "item",
                               f"ADM decision on {item_ref} ({meeting_ref})", final, adm_days)
                continue
            if not _on_or_before(notified, on):
                yield self._wd("decision_letter", item_ref, "item",
                               f"letter telling the applicants of the decision on {item_ref}", decided, letter_days)
            if decision == "qualifying_determination" and not _on_or_before(final_date, on):
                start = notified if _on_or_before(notified, on) else decided
                due = representations_end(self.workdays, start)
                yield Deadline("qualifying_determination", item_ref, "item",
                               f"40 working days for representations or the IRM end ({item_ref}); "
                               "then the final decision", start, due, self.workdays.between(on, due),
                               "working days")

    def households(self):
        matched = {hid for (hid,) in self.s.execute(
            select(Child.matched_household_id).where(Child.match_decision.is_not(None), Child.match_decision <= self.on))}
        reviews: dict[int, dt.date] = {}
        for hid, day in self.s.execute(
                select(ItemHousehold.household_id, Meeting.meeting_date).join(AgendaItem, ItemHousehold.item_id == AgendaItem.id)
                .join(Meeting).where(AgendaItem.item_type == "adopter_review", AgendaItem.outcome.in_(
                    ("recommended", "not_recommended", "noted")), Meeting.meeting_date <= self.on)):
            reviews[hid] = max(day, reviews.get(hid, day))
        # Stage 2 runs to the ADM's decision on the approval, whichever way it went.
        decided = {hid for (hid,) in self.s.execute(
            select(ItemHousehold.household_id).join(AgendaItem, ItemHousehold.item_id == AgendaItem.id)
            .join(AdmDecision, AdmDecision.item_id == AgendaItem.id)
            .where(AgendaItem.item_type.in_(("adopter_approval", "retrospective_approval")),
                   AdmDecision.decided_on <= self.on))}
        rows = self.s.execute(select(Household.id, Household.ref, Household.stage1_start, Household.stage1_end,
                                     Household.stage2_start, Household.approved, Household.withdrawn,
                                     Household.withdrawal_date)).all()
        for hid, ref, s1, s1_end, s2, approved, withdrawn, withdrawal in rows:
            if _on_or_before(withdrawn, self.on) or _on_or_before(withdrawal, self.on):
                continue
            if _on_or_before(approved, self.on):
                if hid not in matched:
                    last = max(approved, reviews.get(hid, approved))
                    yield self._cal("review", ref, "household", f"annual review of approval of household {ref}",
                                    last, add_months(last, 12))
                continue
            if hid in decided:
                continue
            if _on_or_before(s2, self.on):
                yield self._cal("stage2", ref, "household", f"Stage 2 of household {ref}: ADM decision",
                                s2, add_months(s2, 4))
            elif _on_or_before(s1_end, self.on):
                yield self._cal("stage_gap", ref, "household", f"household {ref} to start Stage 2 (or leave)",
                                s1_end, add_months(s1_end, 6))
            elif _on_or_before(s1, self.on):
                yield self._cal("stage1", ref, "household", f"Stage 1 of household {ref} to finish",
                                s1, add_months(s1, 2))

    def children(self):
        rows = self.s.execute(select(Child.ref, Child.entered_care, Child.should_be_placed_decision,
                                     Child.placement_order, Child.match_decision, Child.placed,
                                     Child.plan_changed)).all()
        for ref, entered, sbp, order, match, placed, changed in rows:
            if _on_or_before(changed, self.on) or _on_or_before(placed, self.on):
                continue
            if _on_or_before(order, self.on) and not _on_or_before(match, self.on):
                yield self._cal("child_match", ref, "child", f"match for child {ref} (A2: 121 days from the order)",
                                order, order + dt.timedelta(days=MATCH_DAYS))
            if _on_or_before(sbp, self.on) and _on_or_before(entered, self.on):
                yield self._cal("child_journey", ref, "child",
                                f"child {ref} to move in with the adoptive family (A1: 426 days in care)",
                                entered, entered + dt.timedelta(days=JOURNEY_DAYS))

    def members(self):
        for m in self.s.scalars(select(PanelMember)):
            ends = [d for d in (m.term_ends, m.left_on) if d is not None]
            if not ends:
                continue
            end = min(ends)
            if self.on <= end <= self.on + dt.timedelta(days=TERM_WARNING_DAYS) and m.appointed <= self.on:
                yield self._cal("term_ends", m.ref, "member", f"{m.ref}'s term on the central list ends",
                                m.appointed, end)


    def feedback(self):
        """NMS 17.2: the panel gives feedback on the quality of reports at least six-monthly,
        counted from the last feedback, or from the first meeting held when there is none yet."""
        last = self.s.scalar(select(func.max(PanelFeedback.given_on)).where(PanelFeedback.given_on <= self.on))
        if last is None:
            last = self.s.scalar(select(func.min(Meeting.meeting_date)).where(
                Meeting.status == "held", Meeting.meeting_date <= self.on))
        if last is not None:
            yield self._cal("quality_feedback", "panel", "panel",
                            "the panel's feedback on the quality of reports (six-monthly)", last, add_months(last, 6))


def open_deadlines(session: Session, on: dt.date | None = None) -> list[Deadline]:
    return Clocks(session, on or dt.date.today()).all()
