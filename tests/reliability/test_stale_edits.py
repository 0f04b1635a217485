"""A form opened before someone else saved the same record is refused, not applied over
their work: recording a recommendation, the discussion, attendance, a meeting's details
and the agency's settings each take the version the form read."""

import pytest
from sqlmodel import select

from panelapp.errors import ConcurrentChange
from panelapp.models import Agency
from panelapp.services import agency, meetings, recording
from panelapp.services.lookup import meeting_by_name
from tests.core.test_workflow import held_with_attendance, people, planned_meeting  # noqa: F401


def test_a_stale_recommendation_form_does_not_overwrite_the_chairs_wording(store, people):  # noqa: F811
    ref = held_with_attendance(store, people)
    with store.session() as s:
        opened = meeting_by_name(s, ref).items[1].version
    with store.transaction() as s:
        recording.record_recommendation(s, people["chair"], meeting_by_name(s, ref).items[1], outcome="recommended",
                                        wording="the chair's words", reasons="a good match",
                                        expected_version=opened)
    with pytest.raises(ConcurrentChange, match="Someone else changed the record of"):
        with store.transaction() as s:
            recording.record_recommendation(s, people["chair"], meeting_by_name(s, ref).items[1],
                                            outcome="recommended", wording="an older form's words",
                                            reasons="a good match", expected_version=opened)
    with store.session() as s:
        assert meeting_by_name(s, ref).items[1].recommendation.wording == "the chair's words"


def test_a_recommendation_changing_only_its_words_still_moves_the_version(store, people):  # noqa: F811
    ref = held_with_attendance(store, people)
    for words in ("first words", "second words"):
        with store.session() as s:
            opened = meeting_by_name(s, ref).items[1].version
        with store.transaction() as s:
            recording.record_recommendation(s, people["chair"], meeting_by_name(s, ref).items[1],
                                            outcome="recommended", wording=words, reasons="r",
                                            expected_version=opened)
    with pytest.raises(ConcurrentChange):
        with store.transaction() as s:
            recording.record_recommendation(s, people["chair"], meeting_by_name(s, ref).items[1],
                                            outcome="recommended", wording="late", reasons="r",
                                            expected_version=opened)


def test_a_stale_discussion_is_refused(store, people):  # noqa: F811
    ref = held_with_attendance(store, people)
    with store.session() as s:
        opened = meeting_by_name(s, ref).items[0].version
    with store.transaction() as s:
        recording.record_discussion(s, people["chair"], meeting_by_name(s, ref).items[0], "the chair's notes",
                                    expected_version=opened)
    with pytest.raises(ConcurrentChange):
        with store.transaction() as s:
            recording.record_discussion(s, people["adviser"], meeting_by_name(s, ref).items[0], "older notes",
                                        expected_version=opened)
    with store.session() as s:
        assert meeting_by_name(s, ref).items[0].discussion == "the chair's notes"


def test_stale_attendance_is_refused(store, people):  # noqa: F811
    ref = held_with_attendance(store, people)
    with store.session() as s:
        opened = meeting_by_name(s, ref).version
    with store.transaction() as s:
        recording.record_attendance(s, people["chair"], meeting_by_name(s, ref),
                                    [{"member": "LA", "status": "present"}], expected_version=opened)
    with pytest.raises(ConcurrentChange):
        with store.transaction() as s:
            recording.record_attendance(s, people["chair"], meeting_by_name(s, ref),
                                        [{"member": "LA", "status": "absent"}], expected_version=opened)


def test_a_stale_meeting_form_is_refused(store, people):  # noqa: F811
    ref = planned_meeting(store, people)
    with store.session() as s:
        opened = meeting_by_name(s, ref).version
    with store.transaction() as s:
        meetings.update_meeting(s, people["adviser"], meeting_by_name(s, ref), venue="Room 2",
                                expected_version=opened)
    with pytest.raises(ConcurrentChange):
        with store.transaction() as s:
            meetings.update_meeting(s, people["adviser"], meeting_by_name(s, ref), venue="Room 3",
                                    expected_version=opened)
    with store.session() as s:
        assert meeting_by_name(s, ref).venue == "Room 2"


def test_stale_agency_settings_are_refused(store, people):  # noqa: F811
    with store.session() as s:
        opened = s.exec(select(Agency)).one().version
    with store.transaction() as s:
        agency.update_agency(s, people["admin"], panel_name="Panel One", expected_version=opened)
    with pytest.raises(ConcurrentChange, match="the agency's settings"):
        with store.transaction() as s:
            agency.update_agency(s, people["admin"], panel_name="Panel Two", expected_version=opened)
    with store.session() as s:
        assert s.exec(select(Agency)).one().panel_name == "Panel One"
