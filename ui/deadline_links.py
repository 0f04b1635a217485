"""Where a deadline leads: activating a row of the Deadlines section opens what it concerns.

A meeting's papers open its agenda and its minutes clock the minutes; an item's
decision clocks open the decision maker's queue on that item (for those who see
the queue; anyone else reads the item's minute); a household, child or member is
selected in its own list, with its details beside it; the panel's feedback on
reports opens the statistics.
"""

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting
from panelapp.rules.clocks import Deadline

from .tablepage import TablePage

RECORD_SECTIONS = {"household": "households", "child": "children", "member": "central_list"}
# The decision maker's queue that holds an item on each clock (ui.adm_data.WAITING).
ITEM_QUEUES = {"adm_decision": "decision", "decision_letter": "letter", "qualifying_determination": "final"}


@dataclass(frozen=True)
class Place:
    section: str
    ref: str
    meeting_id: int | None = None
    item_id: int | None = None
    queue: str | None = None  # for the decisions section: which of its queues


def place_of(store: Store, deadline: Deadline, decisions: bool) -> Place | None:
    """Where ``deadline`` leads; ``decisions``: the user has the decision maker's queue.
    None when what it concerns is no longer in the store."""
    if deadline.kind in RECORD_SECTIONS:
        return Place(RECORD_SECTIONS[deadline.kind], deadline.subject)
    if deadline.kind == "panel":
        return Place("statistics", deadline.subject)
    with store.session() as session:
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


def select_row(table: TablePage, predicate: Callable[[Any], bool], missing: Callable[[], None]) -> None:
    """Select the row ``predicate`` picks once the table holds fresh rows: now, or when the
    load under way ends; a search that hides it is cleared; ``missing()`` when it is not there."""
    def attempt(reload_if_missing: bool) -> None:
        if table.select_where(predicate):
            return
        if table.search.text():
            table.search.clear()
            table.proxy.set_search("")  # at once, not after the pause large tables wait for
            if table.select_where(predicate):
                return
        if reload_if_missing:  # added since the list was read, perhaps
            table.loaded.connect(lambda _n: attempt(False), Qt.ConnectionType.SingleShotConnection)
            table.reload()
        else:
            missing()

    if table.loading is not None:
        table.loaded.connect(lambda _n: attempt(False), Qt.ConnectionType.SingleShotConnection)
    else:
        attempt(True)


def open_concerned(window, deadline: Deadline) -> None:
    """Show, in the workspace ``window``, what ``deadline`` concerns."""
    keys = {section.key for section in window.sections}
    decisions = "decisions" in keys
    if deadline.kind in RECORD_SECTIONS or deadline.kind == "panel":
        go(window, place_of(window.store, deadline, decisions))
        return
    store = window.store
    window.runner.submit(lambda _task: place_of(store, deadline, decisions), name="open a deadline",
                         on_done=lambda place: go(window, place) if place else gone(window, deadline),
                         on_error=lambda exc, _d: window.tell("Could not open what the deadline concerns", str(exc)),
                         owner=window)


def gone(window, deadline: Deadline) -> None:
    window.tell("Not in the store any more", f"{deadline.subject} is no longer in the store: "
                "reload the deadlines (F5) to see them as they are now.")


def go(window, place: Place) -> None:
    def missing() -> None:
        window.statusBar().showMessage(f"{place.ref} is not in the list shown", 8000)

    page = window.section(place.section).page
    if place.section == "agenda":
        window.show_section("agenda")
        page.show_meeting(place.meeting_id)
    elif place.section == "minutes":
        window.show_section("minutes")
        if place.item_id is not None:
            page.loaded.connect(lambda: show_minute(page, place.item_id), Qt.ConnectionType.SingleShotConnection)
        page.show_meeting(place.meeting_id)
    elif place.section == "decisions":
        # The queue first, so that the load the section starts reads the right one.
        page.waiting.setCurrentIndex(page.waiting.findData(place.queue))
        window.show_section("decisions")
        select_row(page.table, lambda row: row.id == place.item_id, missing)
    elif place.section in ("households", "children", "central_list"):
        window.show_section(place.section)
        table = page if isinstance(page, TablePage) else page.table
        select_row(table, lambda row: row.ref == place.ref, missing)
    else:
        window.show_section(place.section)


def show_minute(minutes, item_id: int) -> None:
    """The item's part of the minutes (the meeting's own part is the first)."""
    for number, (shown_id, *_rest) in enumerate(minutes.state.items, start=1):
        if shown_id == item_id:
            minutes.parts.setCurrentRow(number)
            return
