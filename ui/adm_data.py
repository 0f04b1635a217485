"""What the agency decision maker's queue shows, read from the store as plain rows.

A recommendation waits for a decision once the minutes are final; a qualifying
determination waits for the final decision; a decision waits for the letter
telling the applicants. The clock is services.adm.decision_clock.
"""

import datetime as dt
import html
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import AdmDecision, AgendaItem, ItemChild, ItemHousehold, Meeting
from panelapp.rules.workdays import WorkingDays
from panelapp.rules.clocks import representations_end
from panelapp.services.adm import QD_TYPES, decision_clock, decision_summary
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.common import agency_of

from .detail import html_facts
from .room_wording import names
from .words import day, word

WAITING = {
    "decision": "Awaiting a decision",
    "final": "Awaiting the final decision after a qualifying determination",
    "letter": "Decided: the applicants not yet told",
}


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    uid: str
    ref: str
    meeting_ref: str
    meeting_date: dt.date
    number: int
    item_type: str
    concerning: str
    outcome: str
    minutes_final: dt.date
    due: dt.date | None
    left: int | None
    late: bool
    waiting: str
    decision: str | None


def clock_words(row: QueueRow) -> str:
    if row.waiting != "decision":
        return "decided"
    if row.left is None:
        return ""
    if row.late:
        return f"overdue by {-row.left} working day{'s' if row.left != -1 else ''}"
    if row.left == 0:
        return "due today"
    return f"{row.left} working day{'s' if row.left != 1 else ''} left"


def queue_rows(store: Store, waiting: str = "decision", today: dt.date | None = None) -> list[QueueRow]:
    today = today or dt.date.today()
    with store.session() as session:
        stmt = (select(AgendaItem).join(Meeting)
                .outerjoin(AdmDecision, AdmDecision.item_id == AgendaItem.id)
                .where(Meeting.minutes_final.is_not(None),
                       AgendaItem.outcome.in_(("recommended", "not_recommended")))
                .options(selectinload(AgendaItem.household_links).selectinload(ItemHousehold.household),
                         selectinload(AgendaItem.child_links).selectinload(ItemChild.child),
                         selectinload(AgendaItem.adm_decision), selectinload(AgendaItem.meeting))
                .order_by(Meeting.minutes_final, Meeting.meeting_date, AgendaItem.position))
        if waiting == "decision":
            stmt = stmt.where(AdmDecision.id.is_(None))
        elif waiting == "final":
            stmt = stmt.where(AdmDecision.decision == "qualifying_determination",
                              AdmDecision.final_decision.is_(None))
        else:
            stmt = stmt.where(AdmDecision.id.is_not(None), AdmDecision.notified.is_(None))
        rows = []
        for item in session.exec(stmt).all():
            clock = decision_clock(session, item, today)
            about = [link.household.display_name for link in item.household_links] + \
                    [link.child.name for link in item.child_links]
            rows.append(QueueRow(item.id, item.uid, item.ref, item.meeting.ref, item.meeting.meeting_date,
                                 item.position + 1, item.item_type, names(about, ""), item.outcome,
                                 item.meeting.minutes_final, clock["due"], clock["left"], bool(clock["late"]),
                                 waiting, item.adm_decision.decision if item.adm_decision else None))
        return rows


@dataclass(frozen=True)
class Case:
    """One recommendation beside the decision form."""

    id: int
    ref: str
    item_type: str
    outcome: str
    label: str
    minutes_final: dt.date
    extract_html: str
    papers: list[tuple[str, str]]  # title, path
    qd_allowed: bool
    decision: dict  # decision_summary
    qd_end_if_told_today: dt.date


def read_case(store: Store, item_id: int, today: dt.date | None = None) -> Case:
    today = today or dt.date.today()
    with store.session() as session:
        item = session.get(AgendaItem, item_id)
        meeting = item.meeting
        rec = item.recommendation
        kind = ITEM_TYPE_WORDS.get(item.item_type, word(item.item_type))
        about = names([link.household.display_name for link in item.household_links]
                      + [link.child.name for link in item.child_links], "")
        facts = [("Meeting", f"{day(meeting.meeting_date)} ({meeting.ref})"), ("Item", f"{item.position + 1} ({item.ref})"),
                 ("Type", kind), ("Concerning", about), ("Panel's outcome", word(item.outcome)),
                 ("Minutes final", day(meeting.minutes_final))]
        if rec is not None and rec.votes_for is not None:
            facts.append(("Members' views", f"{rec.votes_for} for, {rec.votes_against} against, "
                                            f"{rec.votes_abstain} abstaining"))
        elif rec is not None:
            facts.append(("Members' views", "a consensus"))
        parts = [f"<h3>Extract from the minutes: item {item.position + 1}</h3>", html_facts(facts)]
        for title, text in (("Recommendation", rec.wording if rec else None),
                            ("Reasons", rec.reasons if rec else None),
                            ("Discussion", item.discussion)):
            body = html.escape(text).replace("\n", "<br>") if text else "<i>Not recorded.</i>"
            parts.append(f"<p><b>{title}</b><br>{body}</p>")
        for d in (rec.dissent if rec else []):
            parts.append(f"<p><b>Dissent: {html.escape(d.member.name)}</b><br>{html.escape(d.view)}</p>")
        qd_end = representations_end(WorkingDays.for_agency(agency_of(session)), today)
        return Case(item.id, item.ref, item.item_type, item.outcome, f"Item {item.position + 1} of {meeting.ref}",
                    meeting.minutes_final, "".join(parts), [(p.title, p.stored_path) for p in item.papers],
                    item.item_type in QD_TYPES, decision_summary(session, item), qd_end)
