"""Calendar invitations: valid iCalendar, one UID per meeting, SEQUENCE rising with each change,
a cancellation replacing the invitation, and no child's or household's name in them."""

import datetime as dt

import pytest
from icalendar import Calendar

from panelapp.cli import main
from panelapp.exchange import import_document
from panelapp.invitations import calendar, invitations
from panelapp.services import accounts, meetings
from panelapp.services.lookup import meeting_by_name

from tests.builders import SMALL_AGENCY, planned_meeting

FAMILY_WORDS = ["Siân", "Jones", "Łukasz", "Nowak", "Zoë", "Adams", "Amy Child", "H1", "H2", "C1"]


@pytest.fixture
def people(store) -> dict:
    """The small agency of the workflow tests, with an adviser's account."""
    with store.transaction() as s:
        import_document(s, SMALL_AGENCY, actor="test")
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
        admin = accounts.sign_in(s, "admin", "admin-password")
        accounts.create_account(s, admin, username="adviser", display_name="Pat Adviser", role="adviser",
                                password="adviser-password")
    with store.transaction() as s:
        return {"adviser": accounts.sign_in(s, "adviser", "adviser-password")}


def invite(store, people, ref, **options) -> tuple[Calendar, str]:
    with store.transaction() as s:
        found = invitations(s, people["adviser"], [meeting_by_name(s, ref)], **options)
        data = calendar(found, found[0].method)
    text = data.decode("utf-8").replace("\r\n ", "")  # unfolded, so no word hides across a fold
    return Calendar.from_ical(data), text


def event_of(cal: Calendar):
    [event] = cal.walk("VEVENT")
    return event


def test_an_invitation_is_valid_icalendar_for_outlook(store, people):
    ref = planned_meeting(store, people)
    cal, text = invite(store, people, ref, organizer="panel@westshire.example",
                       addresses={"CH": "chloe@example.org"})
    assert str(cal["method"]) == "REQUEST" and str(cal["version"]) == "2.0" and cal["prodid"]
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/London"
    event = event_of(cal)
    assert "DTSTART;TZID=Europe/London:20250612T100000" in text
    assert event["dtstart"].dt == dt.datetime(2025, 6, 12, 10, tzinfo=event["dtstart"].dt.tzinfo)
    assert event["dtstamp"].dt.tzinfo is not None
    assert str(event["organizer"]) == "mailto:panel@westshire.example"
    attendees = {str(a.params["CN"]): str(a) for a in event["attendee"]}
    assert attendees["Chloë Chair"] == "mailto:chloe@example.org"
    assert "Jo Worker" in attendees  # the presenter
    assert len(attendees) == 8 + 1
    assert int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
    assert "Adopter approval" in str(event["description"]) and "Match" in str(event["description"])


def test_no_name_of_a_child_or_household_is_in_it(store, people):
    ref = planned_meeting(store, people)
    _, text = invite(store, people, ref)
    assert [w for w in FAMILY_WORDS if w in text] == []


def test_a_change_raises_the_sequence_and_a_cancellation_replaces_the_invitation(store, people):
    ref = planned_meeting(store, people)
    first = event_of(invite(store, people, ref)[0])
    again = event_of(invite(store, people, ref)[0])
    assert (str(again["uid"]), int(again["sequence"])) == (str(first["uid"]), 0)  # nothing changed
    with store.transaction() as s:
        meetings.update_meeting(s, people["adviser"], meeting_by_name(s, ref), venue="Room 2")
    moved = event_of(invite(store, people, ref)[0])
    assert str(moved["uid"]) == str(first["uid"]) and int(moved["sequence"]) == 1
    assert str(moved["location"]) == "Room 2"
    with store.transaction() as s:
        later = meetings.create_meeting(s, people["adviser"], date=dt.date(2025, 7, 10))["ref"]
        meetings.cancel_meeting(s, people["adviser"], meeting_by_name(s, ref), reason="no room",
                                move_to=meeting_by_name(s, later))
    cal, _ = invite(store, people, ref)
    cancelled = event_of(cal)
    assert str(cal["method"]) == "CANCEL" and str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["uid"]) == str(first["uid"]) and int(cancelled["sequence"]) == 2


def test_the_command_line_writes_a_meeting_and_a_year(store, people, tmp_path, monkeypatch, capsys):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        meetings.create_meeting(s, people["adviser"], date=dt.date(2025, 9, 11), start=dt.time(9, 30))
    monkeypatch.setenv("PANELAPP_PASSWORD", "adviser-password")
    base = ["--db", store.url, "invite"]
    assert main([*base, ref, "--out", str(tmp_path / "inv"), "--as", "adviser"]) == 0
    one = Calendar.from_ical((tmp_path / "inv" / f"{ref}.ics").read_bytes())
    assert len(one.walk("VEVENT")) == 1
    assert main([*base, "--year", "2025", "--out", str(tmp_path / "2025.ics"), "--as", "adviser"]) == 0
    year = Calendar.from_ical((tmp_path / "2025.ics").read_bytes())
    assert len(year.walk("VEVENT")) == 2 and str(year["method"]) == "REQUEST"
    with store.transaction() as s:
        meetings.cancel_meeting(s, people["adviser"], meeting_by_name(s, ref), reason="no room",
                                move_to=meeting_by_name(s, "2025-09-11"))
    assert main([*base, "--year", "2025", "--out", str(tmp_path / "2025.ics"), "--as", "adviser"]) == 0
    assert len(Calendar.from_ical((tmp_path / "2025.ics").read_bytes()).walk("VEVENT")) == 1
    cancelled = Calendar.from_ical((tmp_path / "2025-cancelled.ics").read_bytes())
    assert str(cancelled["method"]) == "CANCEL" and int(event_of(cancelled)["sequence"]) == 1
    assert main([*base, "--year", "2025", "--out", str(tmp_path / "2025.pdf"), "--as", "adviser"]) == 1
    assert "one .ics file" in capsys.readouterr().err and not (tmp_path / "2025.pdf").exists()


def test_the_time_zone_gives_summer_and_winter_times(store, people):
    ref = planned_meeting(store, people)  # 12 June 2025, 10:00 British Summer Time
    cal, _ = invite(store, people, ref)
    [zone] = cal.walk("VTIMEZONE")
    tz = zone.to_tz()
    assert dt.datetime(2025, 6, 12, 10, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2041, 1, 10, 10, tzinfo=tz).utcoffset() == dt.timedelta(0)
    assert dt.datetime(2041, 7, 10, 10, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)
