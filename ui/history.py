"""The panel items that concern a household or a child, with what was decided."""

import datetime as dt
import html
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from panelapp.models import AgendaItem, ItemChild, ItemHousehold, Meeting

from .words import day, word


@dataclass(frozen=True)
class ItemLine:
    meeting_date: dt.date
    meeting_ref: str
    ref: str
    item_type: str
    outcome: str | None
    wording: str | None
    decision: str | None
    decided_on: dt.date | None
    final_decision: str | None


def items_about(session: Session, link, column, record_id: int) -> list[ItemLine]:
    stmt = (select(AgendaItem, Meeting.meeting_date, Meeting.ref)
            .join(link, link.item_id == AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(column == record_id)
            .options(selectinload(AgendaItem.recommendation), selectinload(AgendaItem.adm_decision))
            .order_by(Meeting.meeting_date, AgendaItem.position))
    lines = []
    for item, meeting_date, meeting_ref in session.exec(stmt):
        rec, adm = item.recommendation, item.adm_decision
        lines.append(ItemLine(meeting_date, meeting_ref, item.ref, item.item_type, item.outcome,
                              rec.wording if rec else None, adm.decision if adm else None,
                              adm.decided_on if adm else None, adm.final_decision if adm else None))
    return lines


def household_items(session: Session, household_id: int) -> list[ItemLine]:
    return items_about(session, ItemHousehold, ItemHousehold.household_id, household_id)


def child_items(session: Session, child_id: int) -> list[ItemLine]:
    return items_about(session, ItemChild, ItemChild.child_id, child_id)


def decision_words(line: ItemLine) -> str:
    if line.decision is None:
        return "awaiting the ADM" if line.outcome in ("recommended", "not_recommended") else ""
    text = f"{word(line.decision)} ({day(line.decided_on)})"
    if line.final_decision:
        text += f", final: {word(line.final_decision)}"
    return text


def items_html(lines: list[ItemLine]) -> str:
    """One paragraph per item: it must read in a narrow pane, so no wide table."""
    if not lines:
        return "<p><i>Not on any panel agenda yet.</i></p>"
    parts = []
    for x in lines:
        heard = word(x.outcome) or "Not heard yet"
        decision = decision_words(x)
        parts.append(
            f"<p><b>{html.escape(day(x.meeting_date))} · {html.escape(word(x.item_type))}</b> "
            f"({html.escape(x.ref)})<br>Panel: {html.escape(heard)}"
            + (f"; ADM: {html.escape(decision)}" if decision else "")
            + (f"<br><span style='color: gray'>{html.escape(x.wording)}</span>" if x.wording else "")
            + "</p>")
    return "".join(parts)
