"""Which households and children an agenda item of each type may concern, so that the
adviser's pickers offer the eligible cases first (domain.md, the adopter's and the child's
journeys): an approval, households in Stage 2 with no decision yet; a review, approved
households; a match, approved households and children with a placement order not yet placed.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from ..models import AdmDecision, AgendaItem, Child, Household, ItemHousehold
from ..services.permissions import Actor
from . import may_read

APPROVALS = ("adopter_approval", "early_permanence_approval", "retrospective_approval")
WHY = {
    "adopter_approval": "households in Stage 2 with no decision yet",
    "early_permanence_approval": "households in Stage 2 with no decision yet",
    "retrospective_approval": "households in Stage 2 with no decision yet",
    "adopter_review": "approved households",
    "withdrawal": "households not yet withdrawn",
    "match": "approved households, and children with a placement order not yet placed",
    "child_plan": "children not yet placed",
}


@dataclass(frozen=True)
class Eligible:
    """For each item type, the refs the pickers offer first; a type not named offers everyone."""

    households: dict[str, frozenset[str]]
    children: dict[str, frozenset[str]]

    def households_for(self, item_type: str) -> frozenset[str] | None:
        return self.households.get(item_type)

    def children_for(self, item_type: str) -> frozenset[str] | None:
        return self.children.get(item_type)


def eligible_cases(session: Session, actor: Actor) -> Eligible:
    may_read(actor)
    decided = set(session.exec(
        select(ItemHousehold.household_id).join(AgendaItem, AgendaItem.id == ItemHousehold.item_id)
        .join(AdmDecision, AdmDecision.item_id == AgendaItem.id)
        .where(AgendaItem.item_type.in_(APPROVALS))).all())
    in_stage2, approved, active = set(), set(), set()
    for h in session.exec(select(Household)).all():
        gone = h.withdrawn is not None or h.withdrawal_date is not None
        if gone:
            continue
        active.add(h.ref)
        if h.approved is not None:
            approved.add(h.ref)
        elif h.stage2_start is not None and h.id not in decided:
            in_stage2.add(h.ref)
    placeable, unplaced = set(), set()
    for c in session.exec(select(Child)).all():
        if c.placed is not None or c.adoption_order is not None:
            continue
        unplaced.add(c.ref)
        if c.placement_order is not None:
            placeable.add(c.ref)
    households = {t: frozenset(in_stage2) for t in APPROVALS}
    households |= {"adopter_review": frozenset(approved), "withdrawal": frozenset(active),
                   "match": frozenset(approved)}
    children = {"match": frozenset(placeable), "child_plan": frozenset(unplaced)}
    return Eligible(households, children)
