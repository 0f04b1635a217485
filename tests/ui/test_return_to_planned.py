"""A meeting opened by mistake goes back to planned, by the adviser, with a reason, while
nothing is recorded at it: from the meetings list and from the meeting room. A refusal is
the service's sentence; roles that may not do it do not see the button."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from panelapp.models import AuditEvent
from panelapp.services import meetings, recording
from panelapp.services.lookup import meeting_by_name
from tests.builders import PASSWORDS
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from tests.ui.test_final_decision import no_alt_key_twice
from tests.ui.test_meeting_room import open_room

people = test_meeting_room.people  # the agency, an account per role and a planned meeting P20250612


def opened_by_mistake(store, people, attendance=False):
    with store.transaction() as s:
        meeting = meeting_by_name(s, "P20250612")
        meetings.start_meeting(s, people["chair"], meeting, password=PASSWORDS["chair"])
        if attendance:
            recording.record_attendance(s, people["chair"], meeting, [{"member": "CH", "status": "present"}])


def status(store):
    with store.session() as s:
        return meeting_by_name(s, "P20250612").status


def give_reason(qtbot, dialog, reason):
    assert dialog.isVisible() and not dialog.ok_button.isEnabled(), "no reason, no return"
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def meetings_page(qtbot, open_workspace, store, actor):
    window = open_workspace(store, actor)
    window.resize(1280, 680)
    window.show_section("meetings")
    page = window.section("meetings").page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return window, page


def test_the_adviser_returns_a_meeting_opened_by_mistake_from_the_meetings_list(qtbot, open_workspace, store,
                                                                                people):
    opened_by_mistake(store, people)
    window, page = meetings_page(qtbot, open_workspace, store, people["adviser"])
    assert page.select_where(lambda r: r.ref == "P20250612")
    assert page.return_button.isVisible() and page.return_button.isEnabled()
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    assert "opened by mistake" in page.dialog.explain.text()
    page.dialog.grab().save(f"{SHOTS}/return-to-planned-dialog.png")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        give_reason(qtbot, page.dialog, "Opened on the wrong day")
    assert status(store) == "planned"
    with store.session() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "reopen")).one()
        assert "returned to planned: Opened on the wrong day" in event.summary
    assert page.select_where(lambda r: r.ref == "P20250612")
    assert not page.return_button.isEnabled(), "a planned meeting has nothing to return"
    window.resize(1280, 680)
    window.grab().save(f"{SHOTS}/meetings-return-1280x680.png")


def test_once_something_is_recorded_the_refusal_is_the_services_sentence(qtbot, open_workspace, store, people):
    opened_by_mistake(store, people, attendance=True)
    window, page = meetings_page(qtbot, open_workspace, store, people["adviser"])
    assert page.select_where(lambda r: r.ref == "P20250612")
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    give_reason(qtbot, page.dialog, "Opened by mistake")
    box = window.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "The meeting stays held"
    assert box.text() == "The meeting P20250612 cannot go back to planned: attendance is recorded at it."
    box.close()
    assert status(store) == "held"


def test_the_chair_has_no_return_button(qtbot, open_workspace, runner, store, people):
    opened_by_mistake(store, people)
    _window, page = meetings_page(qtbot, open_workspace, store, people["chair"])
    assert page.select_where(lambda r: r.ref == "P20250612")
    assert not page.return_button.isVisible()
    room = open_room(qtbot, runner, store, people["chair"])
    assert room.state.status == "held" and not room.return_button.isVisible()


def test_the_adviser_returns_it_from_the_meeting_room_while_nothing_is_recorded(qtbot, runner, store, people):
    room = open_room(qtbot, runner, store, people["adviser"])
    assert not room.return_button.isVisible(), "a planned meeting is not open"
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.state.status == "held", timeout=10_000)
    assert room.return_button.isVisible() and room.return_button.isEnabled()
    assert no_alt_key_twice(room)
    qtbot.mouseClick(room.return_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        give_reason(qtbot, room.dialog, "Opened a week early")
    qtbot.waitUntil(lambda: room.state.status == "planned", timeout=10_000)
    assert status(store) == "planned"
    assert room.open_button.isVisible() and not room.return_button.isVisible()

    # Opened again and attendance marked: the button stays, greyed, saying what holds the meeting.
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.state.status == "held", timeout=10_000)
    line = room.attendance.lines["CH"]
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        line.status.setCurrentIndex(line.status.findData("present"))
    assert room.return_button.isVisible() and not room.return_button.isEnabled()
    assert room.return_button.toolTip() == "Cannot go back to planned: attendance recorded at it"
    room.resize(1280, 680)
    room.grab().save(f"{SHOTS}/room-return-1280x680.png")
