"""The whole journey on the desktop: the adviser takes a meeting away for the chair, the chair
opens it on the laptop (a store of its own, with a banner saying which meeting), records it,
returns it, and the adviser merges it back; merging again says nothing changed. A wrong
passphrase, a cut file and a return from another store are refused in a sentence."""

from pathlib import Path

import pytest
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.models import Takeaway
from panelapp.services.lookup import meeting_by_name
from panelapp.takeaway import export_meeting, open_meeting_file, return_meeting
from tests.core.takeaway_helpers import copy_store, make_template, record_meeting, sign_in
from tests.ui.drive import unnamed_controls
from tests.ui.takeaway_drive import (
    PASSPHRASE,
    PASSWORDS,
    accept,
    close_message,
    open_dialog,
    type_passphrase,
    type_path,
)
from ui.takeaway.dialogs import MergeFileDialog, OpenTakenAwayDialog, ReturnDialog, TakeAwayDialog


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("takeaway-ui"))


@pytest.fixture
def office(template, tmp_path):
    path, ref = template
    return copy_store(path, tmp_path), ref


def signed_in(qtbot, desk, username: str):
    with qtbot.waitSignal(desk.main_window_shown, timeout=30_000):
        desk.sign_in(username, PASSWORDS[username])
    return desk.main


def test_a_meeting_goes_to_the_laptop_and_back_through_the_menus(qtbot, make_desk, office, tmp_path):
    office_path, ref = office
    desk = make_desk(open_store(str(office_path)))
    window = signed_in(qtbot, desk, "adviser")
    commands = window.takeaway
    assert not hasattr(commands, "banner"), "the office's own store shows no banner"
    assert not commands.return_action.isVisible()

    # Out: Meeting > Take away for the chair…
    dialog = open_dialog(qtbot, commands, commands.take_action, TakeAwayDialog)
    assert unnamed_controls(dialog) == []
    assert dialog.chair.currentData() == "chair"
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(_meeting_id(office_path, ref)))
    type_passphrase(qtbot, dialog, "short")
    assert dialog.passphrase.hint.text().startswith("Too short")
    dialog.check_and_accept()
    assert "at least 10 characters" in dialog.warning.text() and dialog.isVisible()
    type_passphrase(qtbot, dialog, PASSPHRASE, again="correct horse battery!")
    dialog.check_and_accept()
    assert "differ" in dialog.warning.text() and dialog.isVisible()
    type_passphrase(qtbot, dialog)
    meeting_file = tmp_path / f"{ref}.panelmeeting"
    type_path(qtbot, dialog.path, meeting_file)
    _kind, said = accept(qtbot, commands, dialog, "taken")
    assert str(meeting_file) in said and "passphrase" in said and "another way" in said
    assert meeting_file.read_bytes().startswith(b"PANELMTG")
    close_message(qtbot, commands)

    # On the laptop: File > Open a meeting taken away…, then the chair signs in there.
    laptop_path = tmp_path / "laptop" / "meeting.sqlite"
    dialog = open_dialog(qtbot, commands, commands.open_action, OpenTakenAwayDialog)
    assert unnamed_controls(dialog) == []
    type_path(qtbot, dialog.file, meeting_file)
    assert dialog.store.text().endswith(f"{ref}.sqlite")  # the user's data folder, named after the file
    type_passphrase(qtbot, dialog)
    type_path(qtbot, dialog.store, laptop_path)
    laptop_path.parent.mkdir()
    _kind, said = accept(qtbot, commands, dialog, "opened")
    assert f"Opened the meeting {ref}" in said and "chair signs in there" in said
    close_message(qtbot, commands)
    qtbot.waitUntil(lambda: desk.main is None and desk.screen is not None, timeout=10_000)
    assert Path(desk.store.engine.url.database) == laptop_path.resolve()
    from PySide6.QtWidgets import QLabel
    assert any(f"the meeting {ref} taken away for its chair" in label.text()
               for label in desk.screen.findChildren(QLabel)), "the sign-in screen says which meeting"
    assert not desk.screen.hint.text(), "the demo's six accounts are not on the laptop"
    from tests.shots import SHOTS
    desk.screen.grab().save(f"{SHOTS}/takeaway-laptop-sign-in.png")
    laptop_window = signed_in(qtbot, desk, "chair")
    banner = laptop_window.takeaway.banner
    assert banner.isVisible() and f"A meeting taken away: {ref}" in banner.text() and "for chair" in banner.text()
    assert laptop_window.takeaway.return_action.isVisible()
    assert not laptop_window.takeaway.take_action.isVisible()
    assert not laptop_window.takeaway.merge_action.isVisible()

    # The chair records the meeting there (the meeting room's own tests drive its screens).
    recorded = record_meeting(desk.store, ref, sign_in(desk.store, "chair"))

    # Back: Meeting > Return to the agency…
    commands = laptop_window.takeaway
    dialog = open_dialog(qtbot, commands, commands.return_action, ReturnDialog)
    assert unnamed_controls(dialog) == []
    type_passphrase(qtbot, dialog)
    returned_file = tmp_path / "return.panelmeeting"
    type_path(qtbot, dialog.path, returned_file)
    _kind, said = accept(qtbot, commands, dialog, "returned")
    assert str(returned_file) in said and "audit events" in said
    close_message(qtbot, commands)

    # At the office: File > Merge a returned meeting…
    assert desk.switch_store(str(office_path))
    window = signed_in(qtbot, desk, "adviser")
    commands = window.takeaway
    dialog = open_dialog(qtbot, commands, commands.merge_action, MergeFileDialog)
    assert unnamed_controls(dialog) == []
    type_path(qtbot, dialog.file, returned_file)
    type_passphrase(qtbot, dialog)
    _kind, said = accept(qtbot, commands, dialog, "merged")
    assert said.startswith(f"Merged the meeting {ref}:") and "records added" in said
    assert "The audit trail verifies" in said
    with desk.store.session() as s:
        meeting = meeting_by_name(s, ref)
        first = meeting.items[0]
        assert meeting.minutes_final is not None and first.outcome == "recommended"
        assert [d.member.ref for d in first.recommendation.dissent] == [recorded["dissenter"]]
        assert audit.verify(s).intact
    close_message(qtbot, commands)

    # The same return again: nothing changes, and the window says so.
    dialog = open_dialog(qtbot, commands, commands.merge_action, MergeFileDialog)
    type_path(qtbot, dialog.file, returned_file)
    type_passphrase(qtbot, dialog)
    _kind, said = accept(qtbot, commands, dialog, "merged")
    assert "nothing changed" in said
    close_message(qtbot, commands)


def _meeting_id(path: Path, ref: str) -> int:
    store = open_store(str(path))
    try:
        with store.session() as s:
            return meeting_by_name(s, ref).id
    finally:
        store.dispose()


def test_a_wrong_passphrase_or_a_cut_file_opens_nothing(qtbot, make_desk, office, tmp_path):
    office_path, ref = office
    store = open_store(str(office_path))
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:
        data = export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE).data
    good, cut = tmp_path / "meeting.panelmeeting", tmp_path / "cut.panelmeeting"
    good.write_bytes(data)
    cut.write_bytes(data[:-40])
    desk = make_desk(store)
    window = signed_in(qtbot, desk, "chair")
    commands = window.takeaway
    assert not commands.take_action.isVisible() and not commands.merge_action.isVisible(), \
        "a chair neither takes meetings away nor merges them"
    target = tmp_path / "laptop.sqlite"
    for file, passphrase in ((good, "not the passphrase at all"), (cut, PASSPHRASE)):
        dialog = open_dialog(qtbot, commands, commands.open_action, OpenTakenAwayDialog)
        type_path(qtbot, dialog.file, file)
        type_passphrase(qtbot, dialog, passphrase)
        type_path(qtbot, dialog.store, target)
        _kind, said = accept(qtbot, commands, dialog, "failed")
        assert said == ("The meeting file cannot be opened: the passphrase is not right, or the file was "
                        "changed or cut short after it was written.")
        close_message(qtbot, commands)
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("laptop")) == [], \
            "nothing is left of the store that was not made"
    assert desk.store is store and desk.main is window


def test_a_return_made_from_another_store_is_refused_in_words(qtbot, make_desk, template, office, tmp_path):
    office_path, ref = office
    store = open_store(str(office_path))
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:
        data = export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE).data
    laptop = open_store(str(tmp_path / "laptop.sqlite"))
    open_meeting_file(laptop, data, PASSPHRASE)
    chair = sign_in(laptop, "chair")
    with laptop.transaction() as s:
        returned = return_meeting(s, chair, PASSPHRASE).data
    laptop.dispose()
    store.dispose()
    returned_file = tmp_path / "return.panelmeeting"
    returned_file.write_bytes(returned)
    copy = open_store(str(copy_store(template[0], tmp_path, "copy.sqlite")))  # a copy knows no takeaway
    desk = make_desk(copy)
    window = signed_in(qtbot, desk, "adviser")
    commands = window.takeaway
    dialog = open_dialog(qtbot, commands, commands.merge_action, MergeFileDialog)
    type_path(qtbot, dialog.file, returned_file)
    type_passphrase(qtbot, dialog)
    _kind, said = accept(qtbot, commands, dialog, "failed")
    assert "not of a meeting taken away from this store" in said and "Nothing was merged" in said
    with copy.session() as s:
        assert s.exec(select(Takeaway)).all() == []


def test_the_strength_hint_follows_what_is_typed(qtbot):
    from ui.takeaway.fields import strength
    assert strength("short") == ("Too short: 5 of at least 10 characters.", False)
    assert strength("correct horse")[0].startswith("Weak")
    assert strength("correct horse battery staple")[0].startswith("Fair")
    assert strength("correct horse battery staple glue") == ("Strong.", True)
    assert strength("aaaaaaaaaaaaaaaaaaaaaaaa")[0].startswith("Weak"), "length alone is not strength"
