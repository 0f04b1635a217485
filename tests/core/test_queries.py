"""The read layer answers as plain data and checks the read permission itself."""

import dataclasses
import datetime as dt

import pytest

from panelapp.queries import accounts, adm, agenda, audit, deadlines, meetings, minutes, records, room
from panelapp.services.permissions import Actor, PermissionDenied

VIEWER = Actor("vic", "Vic Viewer", "viewer")
ADMIN = Actor("ada", "Ada Admin", "admin")
ADVISER = Actor("pat", "Pat Adviser", "adviser")


def test_a_viewer_cannot_read_the_audit_trail(northshire):
    with northshire.session() as session:
        with pytest.raises(PermissionDenied, match="may not read and verify the audit trail"):
            audit.event_rows(session, VIEWER)
        with pytest.raises(PermissionDenied):
            audit.verify_chain(session, VIEWER)
        assert audit.event_rows(session, ADVISER), "an adviser reads it"


def test_a_viewer_cannot_read_the_accounts(northshire):
    with northshire.session() as session:
        with pytest.raises(PermissionDenied, match="may not create and change user accounts"):
            accounts.account_rows(session, VIEWER)
        with pytest.raises(PermissionDenied):
            accounts.account_rows(session, ADVISER)
        assert accounts.account_rows(session, ADMIN) == [], "the fixture has no accounts"


def test_a_viewer_reads_meetings_and_records(northshire):
    with northshire.session() as session:
        rows = meetings.meeting_rows(session, VIEWER)
        assert rows and all(dataclasses.is_dataclass(r) for r in rows)
        assert records.household_rows(session, VIEWER)
        assert records.child_rows(session, VIEWER)
        assert records.member_rows(session, VIEWER, dt.date(2024, 11, 15))


def test_answers_are_plain_data_not_records(northshire):
    """Every answer outlives its session: nothing in it is an ORM object."""
    from panelapp.models.base import Record

    def plain(value) -> bool:
        if isinstance(value, Record):
            return False
        if dataclasses.is_dataclass(value):
            return all(plain(getattr(value, f.name)) for f in dataclasses.fields(value))
        if isinstance(value, dict):
            return all(plain(k) and plain(v) for k, v in value.items())
        if isinstance(value, (list, tuple, set, frozenset)):
            return all(plain(v) for v in value)
        return True

    with northshire.session() as session:
        held = [m for m in meetings.meeting_rows(session, ADVISER) if m.status == "held"]
        meeting = held[0]
        answers = [
            meetings.meeting_choices(session, ADVISER),
            agenda.read_agenda(session, ADVISER, meeting.id, dt.date(2025, 1, 1)),
            agenda.item_choices(session, ADVISER),
            room.read_room(session, ADVISER, meeting.id),
            minutes.read_minutes(session, ADVISER, meeting.id),
            adm.queue_rows(session, ADVISER, "letter", dt.date(2025, 1, 1)),
            deadlines.deadlines_due(session, ADVISER, dt.date(2025, 1, 1)),
        ]
        item = answers[1].items[0]
        answers.append(agenda.item_detail(session, ADVISER, item.id))
        answers.append(adm.read_case(session, ADVISER, item.id, dt.date(2025, 1, 1)))
    assert all(plain(a) for a in answers)


def test_each_picker_offers_its_meetings(northshire):
    """One query answers every meeting picker; each keeps the meetings it needs."""
    with northshire.session() as session:
        every = meetings.meeting_choices(session, VIEWER)
        in_room = room.room_choices(session, VIEWER)
        held = minutes.held_meetings(session, VIEWER)
    assert {c.status for c in every} >= {"held"}
    assert [c for c in every if c.status != "cancelled"] == in_room
    assert [c for c in every if c.status == "held"] == held
    assert [c.meeting_date for c in every] == sorted((c.meeting_date for c in every), reverse=True)
