"""Where a deadline leads: activating a row of the Deadlines section opens what it concerns.

A meeting's papers open its agenda and its minutes clock the minutes; an item's
decision clocks open the decision maker's queue on that item (for those who see
the queue; anyone else reads the item's minute); a household, child or member is
selected in its own list, with its details beside it; the panel's feedback on
reports opens the statistics.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from panelapp.queries.deadlines import RECORD_SECTIONS, Place, place_of
from panelapp.rules.clocks import Deadline
from ui.common import queries
from ui.common.errors import said
from ui.common.tablepage import TablePage


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
        place = queries.read(window.store, window.actor, place_of, deadline, decisions)
        go(window, place) if place else gone(window, deadline)
        return
    store, actor = window.store, window.actor
    window.runner.submit(lambda _task: queries.read(store, actor, place_of, deadline, decisions),
                         name="open a deadline",
                         on_done=lambda place: go(window, place) if place else gone(window, deadline),
                         on_error=lambda exc, _d: window.tell("Could not open what the deadline concerns",
                                                              said(exc, "opening a deadline")),
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
