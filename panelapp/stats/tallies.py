"""The count figures that SQL works out on its own.

A ``Tally`` is a set of records (its ``source`` and ``where``) and, for each
figure, a condition on them. The same condition gives the count, as one
``COUNT(DISTINCT CASE WHEN condition THEN id END)`` per figure in a single
query, and the explanation, as the refs of the records that meet it. So a
figure and its explanation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, distinct, exists, func, or_, select, true

from ..enums import GENDERS, HEARD_OUTCOMES, ITEM_TYPES, WITHDRAWAL_STAGES
from .layout import BY_NEED
from .periods import years_back
from .scope import (ADM, CHILD, CHILD_NEED, HOUSEHOLD, ITEM, ITEM_HOUSEHOLD, MEETING, RECOMMENDATION, Scope)

DECIDED_OUTCOMES = ("recommended", "not_recommended")
# exchange-format.md, adm: when the decision agrees with the panel.
AGREEING = {"recommended": ("positive",), "not_recommended": ("negative", "qualifying_determination")}


@dataclass
class Tally:
    ref: object
    ident: object
    source: object
    where: object
    figures: dict[str, object]

    def counts(self, session) -> dict[str, int]:
        if not self.figures:  # e.g. no child awaiting a match has a need
            return {}
        columns = [func.count(distinct(case((cond, self.ident)))) for cond in self.figures.values()]
        row = session.execute(select(*columns).select_from(self.source).where(self.where)).one()
        return {key: int(value) for key, value in zip(self.figures, row)}

    def refs(self, session, key: str) -> list[str]:
        query = (select(self.ref).select_from(self.source).where(self.where, self.figures[key])
                 .distinct().order_by(self.ref))
        return list(session.execute(query).scalars())


def meetings(scope: Scope) -> Tally:
    m = MEETING.c
    return Tally(ref=m.ref, ident=m.id, source=MEETING, where=scope.in_period(m.meeting_date),
                 figures={"panel.meetings_held": m.status == "held",
                          "panel.meetings_cancelled": m.status == "cancelled"})


def items(scope: Scope) -> Tally:
    """Items on meetings dated in the period, with their recommendation and ADM decision."""
    i, m, r, a = ITEM.c, MEETING.c, RECOMMENDATION.c, ADM.c
    held = m.status == "held"
    heard = held & i.outcome.in_(HEARD_OUTCOMES)
    decided_on = held & i.outcome.in_(DECIDED_OUTCOMES)
    has_decision = decided_on & a.id.is_not(None)
    agrees = or_(*[(i.outcome == outcome) & a.decision.in_(decisions)
                   for outcome, decisions in AGREEING.items()])
    # Votes are all set or all absent; absent means a consensus.
    unanimous = or_(r.votes_against.is_(None), and_(r.votes_against == 0, r.votes_abstain == 0))
    determined = has_decision & (a.decision == "qualifying_determination")
    figures = {"panel.items_heard": heard}
    figures.update({f"panel.items_by_type.{t}": heard & (i.item_type == t) for t in ITEM_TYPES})
    figures.update({f"panel.outcomes_by_type.{t}.{o}": held & (i.item_type == t) & (i.outcome == o)
                    for t in ITEM_TYPES for o in HEARD_OUTCOMES})
    figures.update({
        "panel.removed_from_agenda": i.outcome == "removed",
        "panel.unanimous": heard & unanimous,
        "panel.split": heard & ~unanimous,
        "adm.recommendations": decided_on,
        "adm.decided": has_decision,
        "adm.pending": decided_on & a.id.is_(None),
        "adm.agreed": has_decision & agrees,
        "adm.qualifying_determinations": determined,
        "adm.disagreed": has_decision & ~agrees,
        "adm.qd_outcomes.final_positive": determined & (a.final_decision == "positive"),
        "adm.qd_outcomes.final_negative": determined & (a.final_decision == "negative"),
        "adm.qd_outcomes.awaiting_final": determined & a.final_decision.is_(None),
        # A review is counted with the final decision it led to, as statistics.md's "final decisions whose review".
        "adm.qd_outcomes.representations": determined & a.final_decision.is_not(None)
                                           & (a.final_review == "representations"),
        "adm.qd_outcomes.independent_review": determined & a.final_decision.is_not(None)
                                              & (a.final_review == "independent_review"),
        "adopters.approved": heard & (i.item_type == "adopter_approval")
                             & or_(a.decision == "positive", a.final_decision == "positive"),
    })
    source = (ITEM.join(MEETING, MEETING.c.id == i.meeting_id)
              .outerjoin(RECOMMENDATION, RECOMMENDATION.c.item_id == i.id)
              .outerjoin(ADM, ADM.c.item_id == i.id))
    return Tally(ref=i.ref, ident=i.id, source=source, where=scope.in_period(m.meeting_date),
                 figures=figures)


def withdrawal_date():
    """When a household left: its withdrawal record's date, else its ``withdrawn`` milestone.

    statistics.md, adopters: "households withdrawn in the period" names no field;
    the fixture records withdrawals only as ``withdrawal.date`` (which also says
    by whom), while a hand-kept record may carry only the milestone."""
    return func.coalesce(HOUSEHOLD.c.withdrawal_date, HOUSEHOLD.c.withdrawn)


def households(scope: Scope) -> Tally:
    h, c = HOUSEHOLD.c, CHILD.c
    withdrawn = withdrawal_date()
    left_in_period = scope.in_period(withdrawn)
    matched_by_end = exists().where(c.matched_household_id == h.id, scope.by_end(c.match_decision))
    figures = {
        "adopters.initial_visits": scope.in_period(h.initial_visit),
        "adopters.registrations_of_interest": scope.in_period(h.registration_of_interest),
        "adopters.stage1_starts": scope.in_period(h.stage1_start),
        "adopters.stage2_starts": scope.in_period(h.stage2_start),
        "adopters.withdrawals.total": left_in_period,
        "adopters.withdrawals.by_applicant": left_in_period & (h.withdrawal_by == "applicant"),
        "adopters.withdrawals.by_agency": left_in_period & (h.withdrawal_by == "agency"),
        "adopters.approved_waiting_at_end": scope.by_end(h.approved) & scope.not_by_end(withdrawn)
                                            & ~matched_by_end,
    }
    figures.update({f"adopters.withdrawals_by_stage.{stage}": left_in_period & (h.withdrawal_stage == stage)
                    for stage in WITHDRAWAL_STAGES})
    figures["adopters.withdrawals_by_stage.unknown"] = left_in_period & h.withdrawal_stage.is_(None)
    return Tally(ref=h.ref, ident=h.id, source=HOUSEHOLD, where=true(), figures=figures)


def presented(scope: Scope) -> Tally:
    """Households on an adopter approval item heard in the period."""
    h, i = HOUSEHOLD.c, ITEM.c
    source = (HOUSEHOLD.join(ITEM_HOUSEHOLD, ITEM_HOUSEHOLD.c.household_id == h.id)
              .join(ITEM, ITEM.c.id == ITEM_HOUSEHOLD.c.item_id)
              .join(MEETING, MEETING.c.id == i.meeting_id))
    return Tally(ref=h.ref, ident=h.id, source=source,
                 where=scope.held_in_period() & i.outcome.in_(HEARD_OUTCOMES),
                 figures={"adopters.presented_for_approval": i.item_type == "adopter_approval"})


# Child event figures and the milestone each counts (statistics.md, children).
CHILD_EVENTS = {
    "should_be_placed_decisions": "should_be_placed_decision",
    "placement_orders": "placement_order",
    "matched": "match_decision",
    "placed": "placed",
    "adoption_applications": "adoption_application",
    "adopted": "adoption_order",
    "plan_changes": "plan_changed",
    "disruptions": "disruption",
}


def awaiting_match_at_end(scope: Scope):
    c = CHILD.c
    return (scope.by_end(c.placement_order) & scope.not_by_end(c.match_decision)
            & scope.not_by_end(c.plan_changed) & scope.not_by_end(c.placed))


def children(scope: Scope) -> Tally:
    c = CHILD.c
    figures = {f"children.{key}": scope.in_period(c[column]) for key, column in CHILD_EVENTS.items()}
    awaiting = awaiting_match_at_end(scope)
    figures.update({
        "children.early_permanence_placements": scope.in_period(c.placed) & (c.early_permanence == true()),
        "children.placed_not_adopted_at_end": scope.by_end(c.placed) & scope.not_by_end(c.adoption_order)
                                              & scope.not_by_end(c.disruption),
        "children.placement_order_not_placed_at_end": scope.by_end(c.placement_order)
                                                      & scope.not_by_end(c.placed),
        "children.awaiting_match_at_end": awaiting,
    })
    figures.update({f"children.awaiting_match_by_gender.{g}": awaiting & (c.gender == g) for g in GENDERS})
    figures["children.awaiting_match_by_gender.unknown"] = awaiting & c.gender.is_(None)
    figures["children.awaiting_match_with_needs"] = awaiting & exists().where(CHILD_NEED.c.child_id == c.id)
    # Five or over in whole years on the last day: born on or before that day five years earlier
    # (a last day of 29 February looks back to the 28th, when a child born then turns five).
    figures["children.awaiting_match_aged_5_or_over"] = awaiting & (c.dob <= years_back(scope.end, 5))
    return Tally(ref=c.ref, ident=c.id, source=CHILD, where=true(), figures=figures)


def needs(scope: Scope) -> Tally:
    """Children awaiting a match at the end, counted under each need they have (statistics.md:
    a child with two needs counts under both). Only needs that occur are figures."""
    c, n = CHILD.c, CHILD_NEED.c
    awaiting = awaiting_match_at_end(scope)
    source = CHILD.join(CHILD_NEED, n.child_id == c.id)
    occurring = scope.session.execute(select(n.need).select_from(source).where(awaiting)
                                      .distinct().order_by(n.need)).scalars()
    return Tally(ref=c.ref, ident=c.id, source=source, where=awaiting,
                 figures={f"{BY_NEED}.{need}": n.need == need for need in occurring})


TALLIES = (meetings, items, households, presented, children, needs)
