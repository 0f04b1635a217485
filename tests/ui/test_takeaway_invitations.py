"""Meeting > Send invitations…: one meeting's invitation into a folder, a year's into one file
with the cancellations beside it; nobody's child or household is named in what is written."""

import datetime as dt

from sqlmodel import select

from panelapp.models import Child, Household, Meeting
from panelapp.services.meetings import cancel_meeting, create_meeting
from panelapp.services.permissions import Actor
from tests.builders import ADVISER
from tests.ui.drive import unnamed_controls
from tests.ui.takeaway_drive import accept, close_message, open_dialog, type_path
from ui.takeaway.invite import InvitationsDialog

CHAIR = Actor("chloe", "Chloë Chair", "chair")


def unfolded(path) -> str:
    """The calendar text with its long lines joined again (RFC 5545 folds them at 75 octets)."""
    return path.read_bytes().decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")


def secret_words(store, ref: str) -> set[str]:
    """The refs and names of the households and children on the meeting's agenda, and every
    household's and child's ref in the store."""
    with store.session() as s:
        words = {h.ref for h in s.exec(select(Household))} | {c.ref for c in s.exec(select(Child))}
        meeting = s.exec(select(Meeting).where(Meeting.ref == ref)).one()
        for item in meeting.items:
            for link in item.household_links:
                words |= {a.name for a in link.household.applicants if a.name}
            words |= {link.child.name for link in item.child_links if link.child.name}
    assert len(words) > 300  # the fixture's 220 households and 128 children, and the names on the agenda
    return words


def test_a_meetings_invitation_names_no_child_or_household(qtbot, open_workspace, northshire_store, tmp_path):
    window = open_workspace(northshire_store, ADVISER)
    commands = window.takeaway
    dialog = open_dialog(qtbot, commands, commands.invite_action, InvitationsDialog)
    assert unnamed_controls(dialog) == []
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(_meeting_id(northshire_store, "P20250327")))
    qtbot.keyClicks(dialog.organizer, "not an address")
    type_path(qtbot, dialog.target, tmp_path)
    dialog.check_and_accept()
    assert "is not an address" in dialog.warning.text() and dialog.isVisible()
    dialog.organizer.clear()
    qtbot.keyClicks(dialog.organizer, "panel.adviser@northshire.example")
    _kind, said = accept(qtbot, commands, dialog, "invited")
    written = tmp_path / "P20250327.ics"
    assert said.startswith("Wrote 1 invitation (") and str(written) in said
    text = unfolded(written)
    assert "METHOD:REQUEST" in text and "ORGANIZER;CN=" in text and "mailto:panel.adviser@northshire.example" in text
    assert "Kofi Khan" in text, "the presenters are invited"
    assert text.count("ATTENDEE") == int(said.split("(")[1].split(" people")[0])
    leaked = sorted(w for w in secret_words(northshire_store, "P20250327") if w in text)
    assert leaked == [], f"the invitation names {leaked}"
    close_message(qtbot, commands)


def test_a_years_invitations_and_a_cancellation(qtbot, open_workspace, northshire_store, tmp_path):
    with northshire_store.transaction() as s:
        made = create_meeting(s, ADVISER, date=dt.date(2026, 3, 12), start=dt.time(10), venue="Room 4")
    window = open_workspace(northshire_store, ADVISER)
    commands = window.takeaway
    target = tmp_path / "panel-2026.ics"

    def write_year() -> str:
        dialog = open_dialog(qtbot, commands, commands.invite_action, InvitationsDialog)
        dialog.year_choice.setChecked(True)
        dialog.year.setValue(2026)
        assert dialog.target.text().endswith("panel-meetings-2026.ics")
        type_path(qtbot, dialog.target, target)
        _kind, said = accept(qtbot, commands, dialog, "invited")
        close_message(qtbot, commands)
        return said

    said = write_year()
    assert str(target) in said and "1 invitation" in said
    assert "SEQUENCE:0" in unfolded(target)
    with northshire_store.transaction() as s:
        planned = s.exec(select(Meeting).where(Meeting.ref == made["ref"])).one()
        cancel_meeting(s, ADVISER, planned, reason="the room is not available")
    said = write_year()
    cancelled = tmp_path / "panel-2026-cancelled.ics"
    assert "1 cancellation" in said and str(cancelled) in said
    text = unfolded(cancelled)
    assert "METHOD:CANCEL" in text and "STATUS:CANCELLED" in text and "SEQUENCE:1" in text


def test_only_those_who_plan_meetings_send_invitations(open_workspace, northshire_store):
    window = open_workspace(northshire_store, CHAIR)
    assert not window.takeaway.invite_action.isVisible()
    assert not window.takeaway.menu.menuAction().isVisible(), "a chair at the office has nothing in the menu"
    window.takeaway.ask_invitations()  # a shortcut that slips through does nothing
    assert window.takeaway.dialog is None


def _meeting_id(store, ref: str) -> int:
    with store.session() as s:
        return s.exec(select(Meeting.id).where(Meeting.ref == ref)).one()
