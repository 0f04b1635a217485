"""The figures that need each record's own dates: working days, day counts, quorum.

SQL picks the records and only the columns needed; Python counts the working
days (bank holidays are not in the database) and the day intervals (date
arithmetic differs between SQLite and PostgreSQL). Each measure returns its
figures and, for every figure it can explain, the refs behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from ..rules import present_people
from .numbers import average_days, median, percent
from .periods import months_after
from .scope import ADM, CHILD, HOUSEHOLD, ITEM, MEETING, Scope
from .tallies import DECIDED_OUTCOMES, awaiting_match_at_end


@dataclass
class Measured:
    values: dict[str, object]
    refs: dict[str, list[str]] = field(default_factory=dict)


def meeting_timeliness(scope: Scope) -> Measured:
    """Papers sent on time or late, and the median working days to final minutes."""
    m = MEETING.c
    rows = scope.session.execute(
        select(m.ref, m.meeting_date, m.papers_sent, m.minutes_final)
        .where(scope.held_in_period()).order_by(m.ref)).all()
    wd = scope.workdays
    on_time, late, measured, days = [], [], [], []
    for ref, meeting_date, papers_sent, minutes_final in rows:
        if papers_sent is not None:
            ahead = wd.between(papers_sent, meeting_date)
            (on_time if ahead >= scope.papers_working_days else late).append(ref)
        if minutes_final is not None:
            measured.append(ref)
            days.append(wd.between(meeting_date, minutes_final))
    return Measured(
        values={"panel.papers_on_time": len(on_time), "panel.papers_late": len(late),
                "panel.minutes_median_working_days": median(days)},
        refs={"panel.papers_on_time": on_time, "panel.papers_late": late,
              "panel.minutes_median_working_days": measured})


def quorum(scope: Scope) -> Measured:
    """Held meetings quorate or not, judged on the meeting as a whole."""
    m = MEETING.c
    meetings = scope.session.execute(
        select(m.id, m.ref).where(scope.held_in_period()).order_by(m.ref)).all()
    people = present_people(scope.session, [mid for mid, _ in meetings])
    quorate, inquorate = [], []
    for mid, ref in meetings:
        (quorate if scope.quorum.check(people[mid]).quorate else inquorate).append(ref)
    return Measured(values={"panel.quorate_meetings": len(quorate),
                            "panel.inquorate_meetings": len(inquorate)},
                    refs={"panel.quorate_meetings": quorate, "panel.inquorate_meetings": inquorate})


def adm_timeliness(scope: Scope) -> Measured:
    """Decisions within the agency's target after final minutes, late, and the median."""
    i, m, a = ITEM.c, MEETING.c, ADM.c
    rows = scope.session.execute(
        select(i.ref, m.minutes_final, a.decided_on)
        .select_from(ITEM.join(MEETING, MEETING.c.id == i.meeting_id).join(ADM, ADM.c.item_id == i.id))
        .where(scope.held_in_period(), i.outcome.in_(DECIDED_OUTCOMES), m.minutes_final.is_not(None))
        .order_by(i.ref)).all()
    within, late, days = [], [], []
    # A decision dated before the final minutes counts negative working days: within the target.
    for ref, minutes_final, decided_on in rows:
        taken = scope.workdays.between(minutes_final, decided_on)
        days.append(taken)
        (within if taken <= scope.adm_working_days else late).append(ref)
    measured = [ref for ref, *_ in rows]
    # The key keeps statistics.md's name whatever the agency's adm_working_days.
    return Measured(values={"adm.within_7_working_days": len(within), "adm.late": len(late),
                            "adm.median_working_days": median(days)},
                    refs={"adm.within_7_working_days": within, "adm.late": late,
                          "adm.median_working_days": measured})


# statistics.md, scorecard: the national targets in days.
TARGETS = {"A1": 426, "A10": 426, "A2": 121, "A20": None}
A3_LIMIT = 426


def scorecard(scope: Scope) -> Measured:
    """Timeliness for the children adopted in the period (the cohort)."""
    c = CHILD.c
    rows = scope.session.execute(
        select(c.ref, c.entered_care, c.placement_order, c.match_decision,
               c.moved_in_with_foster_carer, c.placed)
        .where(scope.in_period(c.adoption_order)).order_by(c.ref)).all()
    intervals: dict[str, list[tuple[str, int]]] = {key: [] for key in TARGETS}
    for ref, entered, order, match, moved_in, placed in rows:
        if entered and placed:
            intervals["A1"].append((ref, (placed - entered).days))
        if entered and (moved_in or placed):
            intervals["A10"].append((ref, ((moved_in or placed) - entered).days))
        if order and match:
            # A match before the order (early permanence) counts as 0 days.
            intervals["A2"].append((ref, max(0, (match - order).days)))
        if entered and order:
            intervals["A20"].append((ref, (order - entered).days))
    values, refs = {}, {}
    for key, measured in intervals.items():
        values[f"scorecard.{key}.days"] = average_days(days for _, days in measured)
        values[f"scorecard.{key}.children"] = len(measured)
        values[f"scorecard.{key}.target"] = TARGETS[key]
        refs[f"scorecard.{key}.days"] = refs[f"scorecard.{key}.children"] = [r for r, _ in measured]
    a10 = intervals["A10"]
    # statistics.md, A3: "whose A10 interval is under 426 days", so 426 itself is not within.
    within = [ref for ref, days in a10 if days < A3_LIMIT]
    values.update({"scorecard.A3.children": len(a10), "scorecard.A3.within": len(within),
                   "scorecard.A3.percent": percent(len(within), len(a10))})
    refs.update({"scorecard.A3.children": [r for r, _ in a10], "scorecard.A3.within": within,
                 "scorecard.A3.percent": [r for r, _ in a10]})
    return Measured(values=values, refs=refs)


def sibling_groups(scope: Scope) -> Measured:
    """Sibling groups of two or more whose every child awaits a match at the end.

    A group is explained by its children's refs joined with "+", since the
    group's own label is the agency's free text and may carry a family name."""
    c = CHILD.c
    awaiting = func.count(case((awaiting_match_at_end(scope), c.id)))
    groups = (select(c.sibling_group).where(c.sibling_group.is_not(None))
              .group_by(c.sibling_group)
              .having(func.count(c.id) >= 2, func.count(c.id) == awaiting))
    members = scope.session.execute(
        select(c.sibling_group, c.ref).where(c.sibling_group.in_(groups.scalar_subquery()))
        .order_by(c.ref)).all()
    by_group: dict[str, list[str]] = defaultdict(list)
    for group, ref in members:
        by_group[group].append(ref)
    labels = sorted("+".join(refs) for refs in by_group.values())
    return Measured(values={"children.awaiting_match_sibling_groups": len(labels)},
                    refs={"children.awaiting_match_sibling_groups": labels})


# Adoption Agencies Regulations 2005, reg 30B(1) as statistics.md reads it: Stage 1 in two
# calendar months, Stage 2 to the approval in four.
STAGE_TIMESCALES = (("stage1", "stage1_start", "stage1_end", "completed", "within_2_months", 2),
                    ("stage2", "stage2_start", "approved", "decided", "within_4_months", 4))


def adopter_stages(scope: Scope) -> Measured:
    """Each stage of an adopter's assessment that ended in the period, against its timescale."""
    h = HOUSEHOLD.c
    values: dict[str, object] = {}
    refs: dict[str, list[str]] = {}
    for stage, start, end, ended, within_key, months in STAGE_TIMESCALES:
        rows = scope.session.execute(
            select(h.ref, h[start], h[end])
            .where(scope.in_period(h[end]), h[start].is_not(None)).order_by(h.ref)).all()
        measured = [ref for ref, _, _ in rows]
        within = [ref for ref, began, finished in rows if finished <= months_after(began, months)]
        prefix = f"adopters.{stage}"
        values.update({f"{prefix}_{ended}": len(measured), f"{prefix}_{within_key}": len(within),
                       f"{prefix}_median_days": median((finished - began).days for _, began, finished in rows)})
        refs.update({f"{prefix}_{ended}": measured, f"{prefix}_{within_key}": within,
                     f"{prefix}_median_days": measured})
    return Measured(values=values, refs=refs)


def ethnic_minority_share(scope: Scope) -> Measured:
    """The children adopted in the period, and how many of them are from Black and minority ethnic groups."""
    c = CHILD.c
    rows = scope.session.execute(
        select(c.ref, c.ethnic_minority).where(scope.in_period(c.adoption_order)).order_by(c.ref)).all()
    adopted = [ref for ref, _ in rows]
    minority = [ref for ref, flag in rows if flag]
    key = "children.adopted_ethnic_minority"
    return Measured(
        values={f"{key}.children": len(adopted), f"{key}.ethnic_minority": len(minority),
                f"{key}.percent": percent(len(minority), len(adopted))},
        refs={f"{key}.children": adopted, f"{key}.ethnic_minority": minority, f"{key}.percent": adopted})


MEASURES = (meeting_timeliness, quorum, adm_timeliness, scorecard, sibling_groups, adopter_stages,
            ethnic_minority_share)
