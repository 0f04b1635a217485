"""The agenda: what the panel will hear, in what order, when, and on which papers."""

import datetime as dt
import os

from reportlab.lib.units import mm
from sqlmodel import Session

from ..models import AgendaItem, Meeting
from ..services.lookup import item_number
from .output import write_atomically
from .people import attendance_of, concerning, expected_chair
from .style import House, facts, grid, heading, listing, para, render, styles
from .words import ITEM_TYPES, PAPER_KINDS, clock, in_words, listed, long_date, short_date

DEFAULT_SLOT_MINUTES = 30
COLUMNS = ["No.", "Time", "Item", "Concerning", "Presented by", "Papers"]
WIDTHS = [10 * mm, 23 * mm, 30 * mm, 41 * mm, 27 * mm, 39 * mm]


def time_slots(meeting: Meeting) -> dict[int, tuple[dt.time, dt.time] | None]:
    """Each item's estimated slot: the start time plus the durations before it.
    Items taken off the agenda take no time; without a start time there are no slots."""
    slots: dict[int, tuple[dt.time, dt.time] | None] = {}
    if meeting.start_time is None:
        return {item.id: None for item in meeting.items}
    at = dt.datetime.combine(meeting.meeting_date, meeting.start_time)
    for item in meeting.items:
        if item.outcome == "removed":
            slots[item.id] = None
            continue
        end = at + dt.timedelta(minutes=item.duration_minutes or DEFAULT_SLOT_MINUTES)
        slots[item.id] = (at.time(), end.time())
        at = end
    return slots


def paper_line(paper, late_note: bool = True) -> str:
    kind = in_words(PAPER_KINDS, paper.kind)
    line = paper.title if paper.title.lower() == kind.lower() else f"{kind}: {paper.title}"
    if paper.late and late_note:
        line += f" (late paper, {short_date(paper.added_on)})"
    return line


def _item_cell(session: Session, item: AgendaItem):
    words = in_words(ITEM_TYPES, item.item_type)
    if item.deferred_from_id:
        earlier = session.get(AgendaItem, item.deferred_from_id)
        if earlier is not None:
            words += f"\n(deferred from {short_date(earlier.meeting.meeting_date)})"
    if item.outcome == "removed":
        words += "\n(removed from the agenda)"
    return para(words, styles().cell)


def _time_cell(item: AgendaItem, slot) -> str:
    if item.outcome == "removed":
        return "–"
    minutes = item.duration_minutes or DEFAULT_SLOT_MINUTES
    if slot is None:
        return f"{minutes} min"
    return f"{clock(slot[0])}–{clock(slot[1])}"


def agenda_story(session: Session, meeting: Meeting) -> list:
    s = styles()
    house = House.of(session)
    present = attendance_of(meeting)
    chair = present.chair.name if present.chair else expected_chair(session, meeting)
    apologies = present.apologies
    story = [
        para("Agenda", s.title),
        para(f"{house.panel}, {long_date(meeting.meeting_date)}", s.subtitle),
        facts([
            ("Date", long_date(meeting.meeting_date)),
            ("Start time", clock(meeting.start_time, "to be confirmed")),
            ("Venue", meeting.venue or "to be confirmed"),
            ("Chair", chair or "to be confirmed"),
            ("Apologies received", listed(apologies, empty="none so far")),
        ] + ([("Papers sent", short_date(meeting.papers_sent))] if meeting.papers_sent else [])),
        heading("Business"),
        para("The chair opens the meeting, notes apologies and asks members to declare any "
             "interest in the items below before the first is heard.", s.body),
    ]
    if not meeting.items:
        story.append(para("No items are listed yet.", s.body))
        return story
    slots = time_slots(meeting)
    rows = []
    for item in meeting.items:
        rows.append([
            str(item_number(item)),
            _time_cell(item, slots[item.id]),
            _item_cell(session, item),
            concerning(item),
            listed(item.presenters or [], empty="to be confirmed"),
            listing([paper_line(p) for p in item.papers], empty="none yet"),
        ])
    story.append(grid(COLUMNS, rows, WIDTHS))
    if meeting.start_time is not None:
        story.append(para(f"Times are estimates; an item without its own estimate is given "
                          f"{DEFAULT_SLOT_MINUTES} minutes.", s.small))
    return story


def agenda_title(meeting: Meeting) -> str:
    return f"Agenda – {short_date(meeting.meeting_date)} ({meeting.ref})"


def agenda_pdf(session: Session, meeting: Meeting, path: str | os.PathLike):
    """Write the meeting's agenda to ``path``."""
    house = House.of(session)
    data, _pages = render(house, agenda_story(session, meeting), title=agenda_title(meeting),
                          subject=f"Agenda of the {house.panel}, {long_date(meeting.meeting_date)}")
    return write_atomically(path, data)
