"""What the agenda screen shows, put in words: the meeting's facts on one line, and an
item's recommendation and decision as HTML. The reading is panelapp.queries.agenda."""

import datetime as dt
import html
import threading

from panelapp.db import Store
from panelapp.queries.agenda import DEFAULT_MINUTES, DEFAULT_START, Agenda, ItemDetail, ItemRow, read_agenda
from panelapp.queries.meetings import MeetingChoice
from panelapp.queries.words import views_sentence
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.permissions import Actor
from ui.common import queries
from ui.common.detail import html_facts
from ui.common.words import clock, day, word


def agenda_label(agenda: Agenda) -> str:
    return f"{day(agenda.meeting_date)} ({agenda.meeting_ref})"


def default_meeting(choices: list[MeetingChoice], today: dt.date) -> int | None:
    """The next meeting still to be held; else the latest."""
    coming = [c for c in choices if c[2] >= today and c[3] == "planned"]
    if coming:
        return min(coming, key=lambda c: c[2])[0]
    return choices[0][0] if choices else None


class AgendaReader:
    """Reads agendas in workers; of two reads racing, the one started last is kept."""

    def __init__(self, store: Store, actor: Actor):
        self.store, self.actor = store, actor
        self._lock = threading.Lock()
        self._started = 0
        self._kept = 0
        self.latest: Agenda | None = None

    def read(self, meeting_id: int, today: dt.date) -> list[ItemRow]:
        with self._lock:
            self._started += 1
            number = self._started
        agenda = queries.read(self.store, self.actor, read_agenda, meeting_id, today)
        with self._lock:
            if number > self._kept:
                self._kept, self.latest = number, agenda
        return agenda.items


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


def item_html(item: ItemDetail) -> str:
    """The item's recommendation and decision, as HTML for the pane beside the agenda."""
    parts = [f"<h3>Item {item.number}: {html.escape(ITEM_TYPE_WORDS[item.item_type])}</h3>"]
    facts = [("Ref", item.ref), ("Outcome", word(item.outcome) or "not heard yet"),
             ("Presenters", ", ".join(item.presenters)),
             ("Time", f"{item.duration_minutes or DEFAULT_MINUTES} minutes"
                      + ("" if item.duration_minutes else " (not estimated)"))]
    if item.recorded:
        facts.append(("Views", views_sentence(*item.votes)))
    parts.append(html_facts(facts))
    if item.wording:
        parts.append(f"<p><b>Recommendation</b><br>{html.escape(item.wording)}</p>")
    if item.reasons:
        parts.append(f"<p><b>Reasons</b><br>{html.escape(item.reasons)}</p>")
    for name, view in item.dissent:
        parts.append(f"<p><b>Dissent, {html.escape(name)}</b><br>{html.escape(view)}</p>")
    adm = item.decision
    if adm is not None:
        decision = [("Decision", word(adm.decision)), ("By", adm.decision_maker or ""),
                    ("On", day(adm.decided_on)), ("Applicants told", day(adm.notified))]
        if adm.final_decision:
            decision += [("Final decision", f"{word(adm.final_decision)} on {day(adm.final_date)}"),
                         ("Review", word(adm.final_review))]
        parts.append("<p><b>Agency decision maker</b></p>" + html_facts(decision))
        if adm.reasons:
            parts.append(f"<p>{html.escape(adm.reasons)}</p>")
    return "".join(parts)
