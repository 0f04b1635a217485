"""Where a deadline leads: the section, and the meeting or item, that it concerns.

A meeting's papers lead to its agenda and its minutes clock to the minutes; an item's
decision clocks to the decision maker's queue on that item (for those who see the
queue; anyone else reads the item's minute); a household, child or member to its own
list; the panel's feedback on reports to the statistics.
"""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from ..models import AgendaItem, Meeting
from ..rules.clocks import Deadline, open_deadlines
from ..services.permissions import Actor
from . import may_read

RECORD_SECTIONS = {"household": "households", "child": "children", "member": "central_list"}
# The decision maker's queue that holds an item on each clock (queries.adm.WAITING).
ITEM_QUEUES = {"adm_decision": "decision", "decision_letter": "letter", "qualifying_determination": "final"}


@dataclass(frozen=True)
class Place:
    section: str
    ref: str
    meeting_id: int | None = None
    item_id: int | None = None
    queue: str | None = None  # for the decisions section: which of its queues


def place_of(session: Session, actor: Actor, deadline: Deadline, decisions: bool) -> Place | None:
    """Where ``deadline`` leads; ``decisions``: the user has the decision maker's queue.
    None when what it concerns is no longer in the store."""
    may_read(actor)
    if deadline.kind in RECORD_SECTIONS:
        return Place(RECORD_SECTIONS[deadline.kind], deadline.subject)
    if deadline.kind == "panel":
        return Place("statistics", deadline.subject)
    if deadline.kind == "meeting":
        meeting_id = session.exec(select(Meeting.id).where(Meeting.ref == deadline.subject)).first()
        if meeting_id is None:
            return None
        return Place("minutes" if deadline.clock == "minutes" else "agenda", deadline.subject, meeting_id)
    if deadline.kind == "item":
        found = session.exec(select(AgendaItem.id, AgendaItem.meeting_id)
                             .where(AgendaItem.ref == deadline.subject)).first()
        if found is None:
            return None
        item_id, meeting_id = found
        if decisions:
            return Place("decisions", deadline.subject, meeting_id, item_id,
                         ITEM_QUEUES.get(deadline.clock, "decision"))
        return Place("minutes", deadline.subject, meeting_id, item_id)
    return None


def deadlines_due(session: Session, actor: Actor, on: dt.date) -> list[Deadline]:
    """Every open clock as of ``on``: overdue first, then by the day due."""
    may_read(actor)
    return sorted(open_deadlines(session, on), key=lambda d: (not d.overdue, d.due, d.subject))
