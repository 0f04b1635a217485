"""What the agenda screen shows, read from the store: a meeting's items in order, their
time slots and papers, and what the adviser should be warned of."""

import datetime as dt
import html
import threading
from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Agency, AgendaItem, Dissent, ItemChild, ItemHousehold, Meeting, Recommendation
from panelapp.services.agenda import ITEM_TYPE_WORDS, agenda_warnings, papers_deadline
from panelapp.services.common import minutes_are_final

from .detail import html_facts
from .item_dialog import DEFAULT_MINUTES
from .paper_list import PaperRow
from .words import clock, day, word

# When a meeting's start is not set, its slots are counted from the usual start.
DEFAULT_START = dt.time(10, 0)


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    uid: str
    ref: str
    number: int
    item_type: str
    households: str
    children: str
    presenters: str
    outcome: str | None
    decision: str | None
    slot: str
    papers: tuple[PaperRow, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Agenda:
    meeting_id: int
    meeting_ref: str
    meeting_date: dt.date
    start_time: dt.time | None
    venue: str | None
    status: str
    capacity: int | None
    papers_sent: dt.date | None
    deadline: dt.date | None
    final: bool
    items: list[ItemRow]
    warnings: list[str]

    @property
    def is_open(self) -> bool:
        """Whether the agenda can still change at all."""
        return self.status != "cancelled" and not self.final

    @property
    def listed(self) -> int:
        return sum(1 for i in self.items if i.outcome != "removed")

    @property
    def label(self) -> str:
        return f"{day(self.meeting_date)} ({self.meeting_ref})"


def meeting_choices(store: Store) -> list[tuple[int, str, dt.date, str]]:
    with store.session() as session:
        return list(session.exec(select(Meeting.id, Meeting.ref, Meeting.meeting_date, Meeting.status)
                                 .order_by(Meeting.meeting_date.desc())).all())


def default_meeting(choices, today: dt.date) -> int | None:
    """The next meeting still to be held; else the latest."""
    coming = [c for c in choices if c[2] >= today and c[3] == "planned"]
    if coming:
        return min(coming, key=lambda c: c[2])[0]
    return choices[0][0] if choices else None


def time_slots(start: dt.time | None, items: list[tuple[int | None, bool]]) -> list[str]:
    """``items``: (estimated minutes, removed) in agenda order. Each item starts when the one
    before it ends; a removed item takes no time."""
    at = dt.datetime.combine(dt.date(2000, 1, 1), start or DEFAULT_START)
    slots = []
    for minutes, removed in items:
        if removed:
            slots.append("")
            continue
        end = at + dt.timedelta(minutes=minutes or DEFAULT_MINUTES)
        slots.append(f"{at:%H:%M}–{end:%H:%M}")
        at = end
    return slots


class AgendaReader:
    """Reads agendas in workers; of two reads racing, the one started last is kept."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._started = 0
        self._kept = 0
        self.latest: Agenda | None = None

    def read(self, meeting_id: int, today: dt.date) -> list[ItemRow]:
        with self._lock:
            self._started += 1
            number = self._started
        agenda = read_agenda(self.store, meeting_id, today)
        with self._lock:
            if number > self._kept:
                self._kept, self.latest = number, agenda
        return agenda.items


def read_agenda(store: Store, meeting_id: int, today: dt.date) -> Agenda:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
            .options(selectinload(AgendaItem.household_links).selectinload(ItemHousehold.household),
                     selectinload(AgendaItem.child_links).selectinload(ItemChild.child),
                     selectinload(AgendaItem.papers), selectinload(AgendaItem.adm_decision))
            .order_by(AgendaItem.position)).all()
        has_agency = session.exec(select(Agency.id)).first() is not None
        warnings = agenda_warnings(session, meeting, today) if has_agency else []
        slots = time_slots(meeting.start_time, [(i.duration_minutes, i.outcome == "removed") for i in items])
        rows = []
        for item, slot in zip(items, slots):
            papers = tuple(PaperRow(p.uid, p.title, p.kind, p.file_name, p.stored_path, p.sha256, p.added_on,
                                    p.late) for p in item.papers)
            mine = tuple(w for w in warnings if f"({item.ref})" in w)
            rows.append(ItemRow(
                item.id, item.uid, item.ref, item.position + 1, item.item_type,
                "; ".join(f"{link.household.display_name} ({link.household.ref})"
                          for link in item.household_links),
                "; ".join(f"{link.child.name} ({link.child.ref})" for link in item.child_links),
                ", ".join(item.presenters or []), item.outcome,
                item.adm_decision.decision if item.adm_decision else None, slot, papers, mine))
        return Agenda(meeting.id, meeting.ref, meeting.meeting_date, meeting.start_time, meeting.venue,
                      meeting.status, meeting.capacity, meeting.papers_sent,
                      papers_deadline(session, meeting) if has_agency else None,
                      minutes_are_final(meeting), rows, warnings)


def meeting_facts(agenda: Agenda) -> str:
    """One line saying when and where, how full, and where the papers are."""
    when = agenda.meeting_date.strftime("%A %-d %B %Y")
    if agenda.start_time:
        when += f" at {clock(agenda.start_time)}"
    else:
        when += f" (start not set: times from {clock(DEFAULT_START)})"
    parts = [when, agenda.venue or "venue not set", word(agenda.status)]
    count = agenda.listed
    parts.append(f"{count} item{'s' if count != 1 else ''}"
                 + (f" for {agenda.capacity} places" if agenda.capacity else ""))
    if agenda.papers_sent:
        parts.append(f"papers sent {day(agenda.papers_sent)}")
    elif agenda.deadline and agenda.status == "planned":
        parts.append(f"papers due out by {day(agenda.deadline)}")
    return " · ".join(parts)


def read_item(store: Store, item_id: int) -> str:
    """The item's recommendation and decision, as HTML for the pane beside the agenda."""
    with store.session() as session:
        item = session.get(AgendaItem, item_id)
        rec = session.exec(select(Recommendation).where(Recommendation.item_id == item_id)).first()
        parts = [f"<h3>Item {item.position + 1}: {html.escape(ITEM_TYPE_WORDS[item.item_type])}</h3>"]
        facts = [("Ref", item.ref), ("Outcome", word(item.outcome) or "not heard yet"),
                 ("Presenters", ", ".join(item.presenters or [])),
                 ("Time", f"{item.duration_minutes or DEFAULT_MINUTES} minutes"
                          + ("" if item.duration_minutes else " (not estimated)"))]
        if rec is not None:
            if rec.votes_for is not None:
                facts.append(("Views", f"{rec.votes_for} for, {rec.votes_against} against, "
                                       f"{rec.votes_abstain} abstaining"))
            else:
                facts.append(("Views", "a consensus"))
        parts.append(html_facts(facts))
        if rec is not None and rec.wording:
            parts.append(f"<p><b>Recommendation</b><br>{html.escape(rec.wording)}</p>")
        if rec is not None and rec.reasons:
            parts.append(f"<p><b>Reasons</b><br>{html.escape(rec.reasons)}</p>")
        if rec is not None:
            for dissent in session.exec(select(Dissent).where(Dissent.recommendation_id == rec.id)
                                        .order_by(Dissent.position)):
                parts.append(f"<p><b>Dissent, {html.escape(dissent.member.name)}</b><br>"
                             f"{html.escape(dissent.view)}</p>")
        adm = item.adm_decision
        if adm is not None:
            decision = [("Decision", word(adm.decision)), ("By", adm.decision_maker),
                        ("On", day(adm.decided_on)), ("Applicants told", day(adm.notified))]
            if adm.final_decision:
                decision += [("Final decision", f"{word(adm.final_decision)} on {day(adm.final_date)}"),
                             ("Review", word(adm.final_review))]
            parts.append("<p><b>Agency decision maker</b></p>" + html_facts(decision))
            if adm.reasons:
                parts.append(f"<p>{html.escape(adm.reasons)}</p>")
        return "".join(parts)
