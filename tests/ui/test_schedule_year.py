"""Scheduling a year: the meetings already planned in the range are named and not doubled,
a bank holiday moves the meeting to the next working day at the same time (or is skipped);
a single meeting on a past day or a bank holiday is warned about."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from sqlmodel import select

from panelapp.models import Meeting
from panelapp.services import meetings
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.schedule_dialog import ScheduleDialog, qdate

people = test_meeting_room.people  # the agency, an account per role and a planned meeting

IN_2026 = Meeting.meeting_date >= dt.date(2026, 1, 1)
PNG = SHOTS


def schedule_through_dialog(qtbot, store, adviser, existing, move=True) -> ScheduleDialog:
    dialog = ScheduleDialog("england_and_wales", dt.date(2026, 4, 1), existing=existing)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pattern.clear()
    qtbot.keyClicks(dialog.pattern, "1st Monday, 10:30")
    dialog.first.setDate(qdate(dt.date(2026, 4, 1)))
    dialog.last.setDate(qdate(dt.date(2026, 6, 30)))
    (dialog.move if move else dialog.skip).setChecked(True)

    def plan(values):
        with store.transaction() as s:
            dialog.show_result(meetings.schedule_meetings(s, adviser, **values))

    dialog.schedule_requested.connect(plan)
    return dialog


def test_a_year_moves_bank_holidays_and_does_not_double(qtbot, store, people):
    # 6 April 2026 is Easter Monday and 4 May the early May bank holiday; 1 June has a meeting already.
    with store.transaction() as s:
        meetings.create_meeting(s, people["adviser"], date=dt.date(2026, 6, 1), start=dt.time(14), ref="PJUNE")
    dialog = schedule_through_dialog(qtbot, store, people["adviser"], [(dt.date(2026, 6, 1), "PJUNE")])
    assert dialog.already.isVisible()
    assert "Mon 1 Jun 2026 (PJUNE)" in dialog.already.text()
    assert ("moving Mon 6 Apr 2026 to Tue 7 Apr 2026, Mon 4 May 2026 to Tue 5 May 2026 (bank holiday)"
            in dialog.preview.text())
    assert dialog.preview.text().startswith("2 meetings")
    assert dialog.preview.height() >= dialog.preview.heightForWidth(dialog.preview.width()), "read whole"
    dialog.grab().save(f"{PNG}/schedule-preview.png")
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        made = [(m.meeting_date, m.start_time) for m in s.exec(select(Meeting).where(IN_2026).order_by(Meeting.meeting_date))]
    assert made == [(dt.date(2026, 4, 7), dt.time(10, 30)), (dt.date(2026, 5, 5), dt.time(10, 30)),
                    (dt.date(2026, 6, 1), dt.time(14))]
    shown = dialog.result.toPlainText()
    assert "Mon 4 May 2026 to Tue 5 May 2026" in shown
    assert "Mon 1 Jun 2026: a meeting is planned that day already" in shown


def test_skip_is_the_users_choice(qtbot, store, people):
    dialog = schedule_through_dialog(qtbot, store, people["adviser"], [], move=False)
    assert "skipping Mon 6 Apr 2026, Mon 4 May 2026 (bank holiday)" in dialog.preview.text()
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert [m.meeting_date for m in s.exec(select(Meeting).where(IN_2026).order_by(Meeting.meeting_date))] == [
            dt.date(2026, 6, 1)]


def test_a_single_meeting_on_a_past_day_or_a_bank_holiday_is_warned_about(qtbot):
    dialog = MeetingDialog("New meeting", date=dt.date(2026, 5, 20), today=dt.date(2026, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warning.isVisible()
    dialog.date.setDate(QDate(2026, 5, 25))
    assert dialog.warning.isVisible()
    assert "25 May 2026 is a bank holiday (Spring Bank Holiday); the next working day is Tuesday 26 May" \
        in dialog.warning.text()
    dialog.grab().save(f"{PNG}/meeting-bank-holiday.png")
    dialog.date.setDate(QDate(2026, 4, 20))
    assert dialog.warning.text() == "20 April 2026 is in the past."
