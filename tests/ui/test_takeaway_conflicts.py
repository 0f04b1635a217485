"""File > Merge a returned meeting… when the office changed the same records as the laptop: the
dialog shows each side by side, a choice is made per record, and the merge writes exactly
those choices in one transaction; cancelling writes nothing."""

import pytest
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.models import AuditEvent
from panelapp.services import meetings, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.takeaway import export_meeting, open_meeting_file, return_meeting
from tests.core.takeaway_helpers import (
    PASSPHRASE,
    PASSWORDS,
    attendance_of,
    copy_store,
    make_template,
    record_meeting,
    sign_in,
)
from tests.ui.drive import unnamed_controls
from tests.ui.takeaway_drive import accept, close_message, open_dialog, press, type_passphrase, type_path
from ui.takeaway.conflicts import ConflictDialog
from ui.takeaway.dialogs import MergeFileDialog


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("takeaway-conflicts"))


@pytest.fixture
def both_changed(template, tmp_path):
    """A return whose items 1 and 2 the adviser also recorded at the office meanwhile."""
    path, ref = template
    store = open_store(str(copy_store(path, tmp_path)))
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:
        data = export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE).data
    laptop = open_store(str(tmp_path / "laptop.sqlite"))
    open_meeting_file(laptop, data, PASSPHRASE)
    record_meeting(laptop, ref, sign_in(laptop, "chair"), wording="suitable to adopt two children", approve=False)
    chair = sign_in(laptop, "chair")
    with laptop.transaction() as s:
        (tmp_path / "return.panelmeeting").write_bytes(return_meeting(s, chair, PASSPHRASE).data)
    laptop.dispose()
    office_chair = sign_in(store, "chair")
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        meetings.start_meeting(s, adviser, meeting, password=PASSWORDS["adviser"])
        chair_ref = next(p.ref for p in _members(s) if p.name == office_chair.display_name)
        recording.record_attendance(s, adviser, meeting, attendance_of(s, meeting, chair_ref))
        recording.record_recommendation(s, adviser, meeting.items[0], outcome="deferred",
                                        reasons="the adviser heard the worker is away")
        recording.record_discussion(s, adviser, meeting.items[1], "the adviser's notes of item 2")
        refs = [meeting.items[0].ref, meeting.items[1].ref]
    yield store, ref, refs, tmp_path / "return.panelmeeting"
    store.dispose()


def _members(session):
    from panelapp.models import PanelMember
    return session.exec(select(PanelMember)).all()


def conflict_dialog(qtbot, window, returned) -> ConflictDialog:
    commands = window.takeaway
    dialog = open_dialog(qtbot, commands, commands.merge_action, MergeFileDialog)
    type_path(qtbot, dialog.file, returned)
    type_passphrase(qtbot, dialog)
    press(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: isinstance(commands.dialog, ConflictDialog) and commands.dialog.isVisible(),
                    timeout=60_000)
    return commands.dialog


def shown_sides(dialog: ConflictDialog) -> set[tuple[str, str, str]]:
    model = dialog.side.model()
    return {tuple(model.index(r, c).data() for c in (1, 2, 3)) for r in range(model.rowCount())}


def test_each_conflicting_record_is_chosen_side_by_side(qtbot, open_workspace, both_changed):
    store, ref, (first, second), returned = both_changed
    window = open_workspace(store, sign_in(store, "adviser"))
    dialog = conflict_dialog(qtbot, window, returned)
    assert unnamed_controls(dialog) == []
    assert [c.key for c in dialog.conflicts] == [f"item:{first}", f"item:{second}"]
    assert not dialog.ok.isEnabled(), "nothing merges until every record has a choice"

    dialog.show_row(0)
    assert ("outcome", "deferred", "recommended") in shown_sides(dialog)
    assert ("recommendation", "(none)", "suitable to adopt two children") in shown_sides(dialog)
    dialog.show_row(1)
    assert any(field == "discussion" and office == "the adviser's notes of item 2" for field, office, _ in
               shown_sides(dialog))

    dialog.choose_for(f"item:{first}", "laptop")
    assert dialog.list.model().index(0, 1).data() == "take the laptop's"
    assert dialog.current().key == f"item:{second}", "on to the next record still waiting"
    assert not dialog.ok.isEnabled()
    press(qtbot, dialog.keep_office)
    assert dialog.chosen == {f"item:{first}": "laptop", f"item:{second}": "office"}
    _kind, said = accept(qtbot, window.takeaway, dialog, "merged")
    assert "2 conflicts settled as chosen" in said and "The audit trail verifies" in said

    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        one, two = meeting.items[0], meeting.items[1]
        assert one.outcome == "recommended" and one.recommendation.wording == "suitable to adopt two children"
        assert two.discussion == "the adviser's notes of item 2" and two.outcome is None
        assert audit.verify(s).intact
    close_message(qtbot, window.takeaway)


def test_cancelling_the_choice_merges_nothing(qtbot, open_workspace, both_changed):
    store, ref, (first, _second), returned = both_changed
    with store.session() as s:
        events = len(s.exec(select(AuditEvent)).all())
        outcome = meeting_by_name(s, ref).items[0].outcome
    window = open_workspace(store, sign_in(store, "adviser"))
    dialog = conflict_dialog(qtbot, window, returned)
    dialog.choose_for(f"item:{first}", "laptop")
    dialog.reject()
    with store.session() as s:
        assert len(s.exec(select(AuditEvent)).all()) == events + 1  # the adviser's sign-in alone
        assert meeting_by_name(s, ref).items[0].outcome == outcome
