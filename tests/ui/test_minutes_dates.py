"""The minutes' approval date is today unless the chair changes it, whichever meeting was
viewed before, and never later than today (issue 12: approving 3 December's minutes once
recorded the 10th, the date of the meeting viewed last)."""

import datetime as dt

from PySide6.QtCore import QDate

from panelapp.services import agenda, meetings
from panelapp.services.lookup import meeting_by_name
from tests.builders import MEETING_DAY, PASSWORDS, build_agency
from ui.minutes.view import MinutesView


def test_the_approval_date_is_today_whichever_meeting_was_viewed_before(qtbot, runner, store):
    people = build_agency(store)
    with store.transaction() as s:
        meetings.create_meeting(s, people["adviser"], date=MEETING_DAY + dt.timedelta(days=14), ref="PLATER")
        later = meeting_by_name(s, "PLATER")
        agenda.add_item(s, people["adviser"], later, item_type="adopter_review", households=["H2"])
        for ref in ("P20250612", "PLATER"):
            meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref), password=PASSWORDS["chair"])
        first_id, later_id = meeting_by_name(s, "P20250612").id, later.id
    view = MinutesView(runner, store, people["chair"])
    qtbot.addWidget(view)
    view.show()
    view.meeting_id = later_id
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    view.approve_date.setDate(QDate(2025, 6, 27))  # the chair looks at a date for this meeting...
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_meeting(first_id)  # ...then opens the earlier meeting's minutes
    assert view.approve_date.date().toPython() == dt.date.today()
    assert view.approve_date.maximumDate().toPython() == dt.date.today()
