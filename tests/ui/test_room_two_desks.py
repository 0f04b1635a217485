"""The meeting room sends back the version of the item it last saw: a change made to the
item at another desk while the chair was typing is refused in a sentence and shown, never
overwritten; the room's own changes, whose read-back may still be on its way, are not
mistaken for someone else's."""

from PySide6.QtCore import Qt

from panelapp.services import recording
from panelapp.services.lookup import meeting_by_name
from tests.ui import test_meeting_room
from tests.ui.drive import choose, mark, type_into
from tests.ui.test_room_notes import opened

people = test_meeting_room.people  # the agency, an account per role and a planned meeting


def stored_item(store, number):
    with store.session() as s:
        item = meeting_by_name(s, "P20250612").items[number - 1]
        return item.outcome, item.discussion


def quorate_room(qtbot, runner, store, people):
    room = opened(qtbot, runner, store, people["chair"])
    mark(qtbot, room, "CH", "present", acting="chair")
    for ref in ("VC", "SW", "NQ", "IN", "MA", "MT"):
        mark(qtbot, room, ref, "present")
    assert room.quorum.quorate is True
    return room


def fill_in(qtbot, room, number):
    room.select_item(number)
    pane = room.pane
    choose(pane.outcome, "recommended")
    qtbot.mouseClick(pane.template, Qt.MouseButton.LeftButton)
    type_into(qtbot, pane.reasons, "A thorough assessment.")
    return pane


def test_a_change_at_another_desk_is_refused_shown_and_then_recorded_over_knowingly(qtbot, runner, store, people):
    room = quorate_room(qtbot, runner, store, people)
    pane = fill_in(qtbot, room, 2)
    with store.transaction() as s:  # the vice chair, at another desk, writes item 2's discussion
        item = meeting_by_name(s, "P20250612").items[1]
        recording.record_discussion(s, people["chair"], item, "Written at the other desk.")

    with qtbot.waitSignal(room.loaded, timeout=10_000):  # the refusal reads the item again
        qtbot.mouseClick(pane.record, Qt.MouseButton.LeftButton)
    assert room.message.text() == ("Someone else changed the record of Item 2 (P20250612-2) since you opened it, so "
                                   "nothing of yours was saved: look at their change, then record yours again.")
    assert stored_item(store, 2) == (None, "Written at the other desk.")
    assert pane.reasons.toPlainText() == "A thorough assessment.", "what was typed is kept"
    assert room.state.item(room.item_id).discussion == "Written at the other desk."

    with qtbot.waitSignal(room.loaded, timeout=10_000):  # seen now: recording again is a choice
        qtbot.mouseClick(pane.record, Qt.MouseButton.LeftButton)
    assert not room.message.isVisible(), room.message.text()
    assert stored_item(store, 2)[0] == "recommended"


def test_the_rooms_own_changes_do_not_count_as_someone_elses(qtbot, runner, store, people):
    room = quorate_room(qtbot, runner, store, people)
    pane = fill_in(qtbot, room, 3)
    # Kept and recorded back to back: the read after keeping has not come back when Record is pressed.
    type_into(qtbot, pane.discussion, "Members asked about the support network.")
    room.record_applicants(True, True)
    room.keep_discussion(pane.discussion.toPlainText())
    room.record_item(pane.values())
    assert not room.message.isVisible(), room.message.text()
    assert stored_item(store, 3) == ("recommended", "Members asked about the support network.")
    qtbot.waitUntil(lambda: room._reading is None, timeout=10_000)
