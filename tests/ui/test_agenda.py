"""The agenda of a meeting, reordered and changed through services, undoably."""

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlmodel import select

from panelapp.models import AgendaItem, AuditEvent, Meeting
from panelapp.queries.agenda import time_slots
from panelapp.services.agenda import add_item
from panelapp.services.meetings import create_meeting, update_meeting
from panelapp.services.permissions import Actor
from ui.agenda.model import dropped_order

PLANNER = Actor("pat", "Pat Adviser", "adviser")


@pytest.fixture
def planned(northshire_store, northshire_doc):
    """A planned meeting with three items, for households of the fixture."""
    refs = [h["ref"] for h in northshire_doc["households"][:3]]
    with northshire_store.transaction() as session:
        made = create_meeting(session, PLANNER, date=dt.date.today() + dt.timedelta(days=40),
                              venue="Room 4")
        meeting = session.exec(select(Meeting).where(Meeting.ref == made["ref"])).one()
        items = [add_item(session, PLANNER, meeting, item_type="adopter_review", households=[ref])["item"]["ref"]
                 for ref in refs]
    return made["ref"], items


def order(store, meeting_ref):
    with store.session() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == meeting_ref)).one()
        return [i.ref for i in session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                            .order_by(AgendaItem.position))]


def test_the_agenda_opens_on_the_next_meeting_and_reorders_undoably(qtbot, open_workspace,
                                                                     northshire_store, planned):
    meeting_ref, items = planned
    window = open_workspace(northshire_store)
    window.show_section("agenda")
    page = window.agenda
    qtbot.waitUntil(lambda: page.items.model.rowCount() == 3)
    assert meeting_ref in page.chooser.currentText()
    page.items.select_where(lambda row: row.ref == items[0])
    assert page.down.isEnabled() and not page.up.isEnabled()
    page.down.click()
    assert order(northshire_store, meeting_ref) == [items[1], items[0], items[2]]
    qtbot.waitUntil(lambda: page.items.current_object() is not None
                    and page.items.current_object().number == 2)
    assert window.undo_action.text() == f"&Undo Move {items[0]} down"

    window.undo_action.trigger()
    assert order(northshire_store, meeting_ref) == items
    window.redo_action.trigger()
    assert order(northshire_store, meeting_ref) == [items[1], items[0], items[2]]
    with northshire_store.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.actor == "pat"))]
    assert actions.count("reorder") == 3


def test_an_agenda_with_final_minutes_cannot_be_changed(qtbot, open_workspace, northshire_store,
                                                        northshire_doc):
    final = next(m for m in northshire_doc["meetings"] if m.get("minutes_final") and len(m["items"]) > 1)
    window = open_workspace(northshire_store)
    window.show_section("agenda")
    page = window.agenda
    qtbot.waitUntil(lambda: page.chooser.count() > 0)
    with northshire_store.session() as session:
        page.show_meeting(session.exec(select(Meeting.id).where(Meeting.ref == final["ref"])).one())
    qtbot.waitUntil(lambda: page.items.model.rowCount() == len(final["items"])
                    and page.items.loading is None)
    page.items.select_where(lambda row: row.number == 1)
    buttons = (page.up, page.down, page.add_button, page.remove_button, page.papers_sent_button,
               page.papers.attach_button)
    assert not any(b.isEnabled() for b in buttons)
    model = page.items.model
    assert not model.movable and not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    # Were the screen to offer it anyway, the service refuses, and nothing is left to undo.
    page.move(1)
    assert window.message is not None and "final" in window.message.text()
    assert not window.undo_stack.canUndo(), "a refused change is not left on the undo stack"
    window.message.close()


def test_the_order_after_a_drop():
    order = ["a", "b", "c", "d"]
    assert dropped_order(order, ["d"], 0) == ["d", "a", "b", "c"]
    assert dropped_order(order, ["a"], 4) == ["b", "c", "d", "a"]
    assert dropped_order(order, ["a"], 2) == ["b", "a", "c", "d"], "dropped above c"
    assert dropped_order(order, ["b", "d"], 1) == ["a", "b", "d", "c"]
    assert dropped_order(order, ["b"], 1) == order and dropped_order(order, ["b"], 2) == order


def test_time_slots_run_on_from_the_start():
    assert time_slots(dt.time(13, 30), [(45, False), (None, False), (20, True), (15, False)]) == \
        ["13:30–14:15", "14:15–14:45", "", "14:45–15:00"]
    assert time_slots(None, [(None, False)]) == ["10:00–10:30"]


def test_a_drop_from_another_agenda_is_refused(qtbot, open_workspace, northshire_store, planned):
    meeting_ref, items = planned
    window = open_workspace(northshire_store)
    window.show_section("agenda")
    page = window.agenda
    qtbot.waitUntil(lambda: page.items.model.rowCount() == 3 and page.items.loading is None)
    model = page.items.model
    data = model.mimeData([model.index(2, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.meeting_id = -1  # as if the rows came from another meeting's agenda
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert order(northshire_store, meeting_ref) == items and window.undo_stack.count() == 0


def test_changing_a_meeting_is_undoable(qtbot, open_workspace, northshire_store, planned):
    meeting_ref, _items = planned
    window = open_workspace(northshire_store)
    page = window.meetings
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.select_where(lambda row: row.ref == meeting_ref)
    window.edit_meeting()
    dialog = window.dialog
    assert dialog.venue.text() == "Room 4"
    dialog.venue.setText("Council Chamber")
    dialog.accept()

    def venue():
        with northshire_store.session() as session:
            return session.exec(select(Meeting.venue).where(Meeting.ref == meeting_ref)).one()
    assert venue() == "Council Chamber"
    window.undo_stack.undo()
    assert venue() == "Room 4"
    window.undo_stack.redo()
    assert venue() == "Council Chamber"


def test_a_meeting_changed_by_someone_else_meanwhile_is_not_overwritten(qtbot, open_workspace, northshire_store,
                                                                      planned):
    meeting_ref, _items = planned
    window = open_workspace(northshire_store)
    page = window.meetings
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.select_where(lambda row: row.ref == meeting_ref)

    def venue():
        with northshire_store.session() as session:
            return session.exec(select(Meeting.venue).where(Meeting.ref == meeting_ref)).one()

    def elsewhere(to):  # another adviser, at another desk
        with northshire_store.transaction() as session:
            meeting = session.exec(select(Meeting).where(Meeting.ref == meeting_ref)).one()
            update_meeting(session, Actor("sam", "Sam Adviser", "adviser"), meeting, venue=to)

    elsewhere("Room 5")  # before the form opens: the form reads it, though the list is older
    window.edit_meeting()
    assert window.dialog.venue.text() == "Room 5"
    elsewhere("Room 6")  # while the form is open
    window.dialog.venue.setText("Council Chamber")
    window.dialog.accept()
    assert venue() == "Room 6"
    assert "Someone else changed the meeting" in window.message.text()
    assert window.undo_stack.count() == 0, "nothing that did not happen can be undone"

    window.message.close()
    window.edit_meeting()
    window.dialog.venue.setText("Council Chamber")
    window.dialog.accept()
    assert venue() == "Council Chamber"
    elsewhere("Room 7")
    window.undo_stack.undo()  # undo would put back Room 6 over their Room 7
    assert venue() == "Room 7"
    assert "Someone else changed the meeting" in window.message.text()


def test_new_meeting_plans_one(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    window.new_meeting_action.trigger()
    dialog = window.dialog
    dialog.venue.setText("Room 9")
    dialog.accept()
    with northshire_store.session() as session:
        made = session.exec(select(Meeting).where(Meeting.venue == "Room 9")).one()
    assert made.status == "planned" and made.meeting_date == dt.date.today() + dt.timedelta(days=28)
