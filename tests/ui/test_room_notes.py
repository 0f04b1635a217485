"""What the minutes say besides the recommendations, recorded in the meeting room: the time
the meeting finished (typed as the attendance times are, a bad time said beside the box),
whether the applicants attended and spoke, and the advisers' advice; each read back by a
fresh room and printed in the minutes."""

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import Qt

from panelapp.queries.room import read_room
from panelapp.reports.minutes import minutes_pdf
from panelapp.services.lookup import meeting_by_name
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from tests.ui.drive import choose, record, settle_until, type_into
from tests.ui.test_final_decision import no_alt_key_twice
from tests.ui.test_meeting_room import open_room

people = test_meeting_room.people  # the agency, an account per role and a planned meeting


def opened(qtbot, runner, store, actor):
    room = open_room(qtbot, runner, store, actor)
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    settle_until(qtbot, room, lambda: room.state.status == "held")
    return room


def type_finish(qtbot, room, text, recorded=True):
    edit = room.finish.edit
    edit.setFocus()
    type_into(qtbot, edit, text)
    if recorded:
        with qtbot.waitSignal(room.loaded, timeout=10_000):
            qtbot.keyClick(edit, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def stored_end(store):
    with store.session() as s:
        return meeting_by_name(s, "P20250612").end_time


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).split())


def test_the_finish_time_is_typed_as_attendance_times_are_and_a_bad_one_said_beside_it(qtbot, runner, store,
                                                                                     people, tmp_path):
    room = opened(qtbot, runner, store, people["chair"])
    assert room.finish.isVisible() and room.finish.edit.isEnabled() and room.finish.edit.text() == ""

    type_finish(qtbot, room, "12:75", recorded=False)
    assert room.finish.error.isVisible()
    assert room.finish.error.text() == ("Finish time: '12:75' is not a time of day: the hour runs 0 to 23 "
                                        "and the minutes 0 to 59.")
    assert stored_end(store) is None

    # Before the start (10:00): the service refuses, and says so beside the box.
    type_finish(qtbot, room, "9.30", recorded=False)
    assert "cannot finish at 09:30, not after it started (10:00)" in room.finish.error.text()
    assert room.finish.error.isVisible() and stored_end(store) is None
    room.resize(1280, 680)
    room.grab().save(f"{SHOTS}/room-finish-refused-1280x680.png")

    for typed, kept in (("1225", dt.time(12, 25)), ("12.40", dt.time(12, 40)), ("12:45", dt.time(12, 45))):
        type_finish(qtbot, room, typed)
        assert stored_end(store) == kept
        assert not room.finish.error.isVisible()
        assert room.finish.edit.text() == f"{kept:%H:%M}"
    assert room.state.end == dt.time(12, 45)

    # Emptied, it is not taken away: the box says so and the time stands.
    type_finish(qtbot, room, "", recorded=False)
    assert "corrected, not taken away" in room.finish.error.text()
    assert stored_end(store) == dt.time(12, 45)

    again = open_room(qtbot, runner, store, people["chair"])
    assert again.finish.edit.text() == "12:45"
    with store.session() as s:
        minutes_pdf(s, meeting_by_name(s, "P20250612"), tmp_path / "minutes.pdf")
    assert "10:00 to 12:45" in text_of(tmp_path / "minutes.pdf")


def test_the_applicants_and_the_advice_are_recorded_read_back_and_minuted(qtbot, runner, store, people, tmp_path):
    room = opened(qtbot, runner, store, people["chair"])
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.attendance.all_present, Qt.MouseButton.LeftButton)
    room.select_item(2)
    notes = room.pane.notes
    assert notes.isEnabled() and notes.applicants.currentText() == "not recorded"

    with qtbot.waitSignal(room.loaded, timeout=10_000):
        choose(notes.applicants, "spoke")
    with store.session() as s:
        item = meeting_by_name(s, "P20250612").items[1]
        assert (item.applicants_attended, item.applicants_spoke) == (True, True)
    # Once recorded, "not recorded" is no longer offered.
    assert notes.applicants.findData(None) == -1
    assert notes.applicants.currentText() == "attended, and spoke to the panel"

    type_into(qtbot, notes.advice["agency_adviser"], "The match meets the child's assessed needs.")
    type_into(qtbot, notes.advice["medical_adviser"], "No health concern for the placement.")
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(notes.keep, Qt.MouseButton.LeftButton)
    assert not room.message.isVisible(), room.message.text()
    with store.session() as s:
        assert meeting_by_name(s, "P20250612").items[1].advice == {
            "agency_adviser": "The match meets the child's assessed needs.",
            "medical_adviser": "No health concern for the placement."}

    # The legal adviser's advice, typed and not kept by its button, is kept with the recommendation.
    type_into(qtbot, notes.advice["legal_adviser"], "The placement order is in force.")
    record(qtbot, room, 2, "recommended", wording="Amy should be placed with Zoe Adams.",
           reasons="A good match.")

    with store.session() as s:
        meeting = meeting_by_name(s, "P20250612")
        state = read_room(s, people["chair"], meeting.id)
        minutes_pdf(s, meeting, tmp_path / "minutes.pdf")
    second = state.item(state.items[1].id)
    assert (second.applicants_attended, second.applicants_spoke) == (True, True)
    assert second.advice == {"agency_adviser": "The match meets the child's assessed needs.",
                             "medical_adviser": "No health concern for the placement.",
                             "legal_adviser": "The placement order is in force."}
    assert second.drafts == {}, "recording left no draft of the advice behind"
    minutes = text_of(tmp_path / "minutes.pdf")
    assert "The applicant attended the meeting and spoke to the panel." in minutes  # Zoë Adams, adopting alone
    for said in ("The match meets the child's assessed needs.", "No health concern for the placement.",
                 "The placement order is in force."):
        assert said in minutes

    # A fresh room shows what is stored.
    again = open_room(qtbot, runner, store, people["chair"])
    again.select_item(2)
    assert again.pane.notes.applicants.currentText() == "attended, and spoke to the panel"
    assert again.pane.notes.advice["legal_adviser"].toPlainText() == "The placement order is in force."
    again.resize(1280, 680)
    again.grab().save(f"{SHOTS}/room-notes-1280x680.png")
    assert no_alt_key_twice(again)

    # An emptied box takes the advice away; "did not attend" says they could not have spoken.
    type_into(qtbot, again.pane.notes.advice["medical_adviser"], "")
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        qtbot.mouseClick(again.pane.notes.keep, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        choose(again.pane.notes.applicants, "absent")
    with store.session() as s:
        item = meeting_by_name(s, "P20250612").items[1]
        assert "medical_adviser" not in item.advice
        assert (item.applicants_attended, item.applicants_spoke) == (False, False)


def test_typed_advice_not_yet_kept_survives_a_new_room(qtbot, runner, store, people):
    room = opened(qtbot, runner, store, people["chair"])
    room.select_item(1)
    type_into(qtbot, room.pane.notes.advice["legal_adviser"], "Consent is in place.")
    room.keeper.flush()
    again = open_room(qtbot, runner, store, people["chair"])
    again.select_item(1)
    assert again.pane.notes.advice["legal_adviser"].toPlainText() == "Consent is in place."
    assert "the legal adviser's advice" in again.pane.done.text()


def test_the_decision_maker_reads_the_notes_and_cannot_change_them(qtbot, runner, store, people):
    room = open_room(qtbot, runner, store, people["adm"])
    room.select_item(1)
    assert not room.pane.notes.keep.isEnabled() and not room.pane.notes.applicants.isEnabled()
    assert not room.finish.isVisible(), "a planned meeting has no finish time"
