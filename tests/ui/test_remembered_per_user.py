"""What is remembered is each person's own: the chair does not land on the adviser's last
section; the meeting room opens today's meeting (or the next one) before the one last viewed."""

import datetime as dt

from PySide6.QtCore import QSettings

from panelapp.queries.room import meeting_to_open
from panelapp.services import meetings
from panelapp.services.lookup import meeting_by_name
from tests.ui import test_meeting_room
from tests.ui.test_meeting_room import open_room
from ui.shell import settings

people = test_meeting_room.people  # the agency, an account per role and a planned meeting


def test_each_account_keeps_its_own_section(qtbot, make_desk, store, people):
    desk = make_desk(store)
    desk.signed_in(people["adviser"])
    desk.main.show_section("deadlines")
    desk.sign_out()
    desk.signed_in(people["chair"])
    assert desk.main.current_section().key != "deadlines", "the chair does not land on the adviser's section"
    desk.main.show_section("minutes")
    desk.sign_out()
    desk.signed_in(people["adviser"])
    assert desk.main.current_section().key == "deadlines"
    stored = QSettings()
    assert stored.value("users/adviser/main_window/section") == "deadlines"
    assert stored.value("users/chair/main_window/section") == "minutes"
    desk.sign_out()


def test_the_room_opens_todays_meeting_before_the_one_last_viewed(qtbot, runner, store, people):
    today = dt.date.today()
    with store.transaction() as s:
        meetings.create_meeting(s, people["adviser"], date=today, start=dt.time(10), ref="PTODAY")
    settings.use_account("chair")
    try:
        settings.set_value("meeting_room/meeting", "P20250612")
        room = open_room(qtbot, runner, store, people["chair"])
        assert room.state.ref == "PTODAY"
    finally:
        settings.use_account(None)
    with store.session() as s:
        old = meeting_by_name(s, "P20250612").id
    choices = [(1, "PNEXT", today + dt.timedelta(days=9), "planned"), (old, "P20250612", dt.date(2025, 6, 12), "planned")]
    assert meeting_to_open(choices, today, "P20250612") == 1, "the next one planned, before the one last viewed"
    assert meeting_to_open(choices[1:], today, "P20250612") == old
