from pathlib import Path
from PySide6.QtWidgets import QApplication
from panelapp.db import open_store
from panelapp.takeaway import export_meeting, open_meeting_file, return_meeting
from panelapp.services.lookup import meeting_by_name
from panelapp.services import meetings, recording
from tests.core.takeaway_helpers import make_template, copy_store, sign_in, record_meeting, PASSPHRASE, PASSWORDS, attendance_of
from tests.ui.takeaway_drive import open_dialog, type_passphrase, type_path, press
from ui.takeaway.dialogs import TakeAwayDialog, OpenTakenAwayDialog, ReturnDialog, MergeFileDialog
from ui.takeaway.invite import InvitationsDialog
from ui.takeaway.conflicts import ConflictDialog

OUT = Path("/work/wt/_brief/png_g13")

def shot(qtbot, w, name):
    w.show()
    qtbot.wait(50)
    w.grab().save(str(OUT / f"{name}.png"))

def test_shots(qtbot, make_desk, tmp_path):
    path, ref = make_template(tmp_path / "t" if (tmp_path / "t").mkdir() is None else None)
    store = open_store(str(path))
    desk = make_desk(store)
    adviser = sign_in(store, "adviser")
    desk.signed_in(adviser)
    win = desk.main
    win.resize(1280, 680)
    shot(qtbot, win, "office_window")
    c = win.takeaway
    d = open_dialog(qtbot, c, c.take_action, TakeAwayDialog)
    type_passphrase(qtbot, d, "correct horse", again="correct hose")
    d.check_and_accept()
    shot(qtbot, d, "take_away_dialog")
    d.reject()
    d = open_dialog(qtbot, c, c.open_action, OpenTakenAwayDialog)
    type_path(qtbot, d.file, tmp_path / f"{ref}.panelmeeting")
    shot(qtbot, d, "open_dialog")
    d.reject()
    d = open_dialog(qtbot, c, c.merge_action, MergeFileDialog)
    shot(qtbot, d, "merge_dialog")
    d.reject()
    d = open_dialog(qtbot, c, c.invite_action, InvitationsDialog)
    shot(qtbot, d, "invite_dialog")
    d.year_choice.setChecked(True)
    shot(qtbot, d, "invite_dialog_year")
    d.reject()
    # conflicts
    with store.transaction() as s:
        data = export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE).data
    laptop = open_store(str(tmp_path / "laptop.sqlite"))
    open_meeting_file(laptop, data, PASSPHRASE)
    record_meeting(laptop, ref, sign_in(laptop, "chair"), wording="suitable to adopt two children", approve=False)
    chair = sign_in(laptop, "chair")
    with laptop.transaction() as s:
        (tmp_path / "r.panelmeeting").write_bytes(return_meeting(s, chair, PASSPHRASE).data)
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        meetings.start_meeting(s, adviser, m, password=PASSWORDS["adviser"])
        from panelapp.models import PanelMember
        from sqlmodel import select
        oc = next(p.ref for p in s.exec(select(PanelMember)) if p.name == chair.display_name)
        recording.record_attendance(s, adviser, m, attendance_of(s, m, oc))
        recording.record_recommendation(s, adviser, m.items[0], outcome="deferred", reasons="the adviser heard the worker is away")
        recording.record_discussion(s, adviser, m.items[1], "the adviser's notes of item 2")
    d = open_dialog(qtbot, c, c.merge_action, MergeFileDialog)
    type_path(qtbot, d.file, tmp_path / "r.panelmeeting")
    type_passphrase(qtbot, d)
    press(qtbot, d.ok)
    qtbot.waitUntil(lambda: isinstance(c.dialog, ConflictDialog) and c.dialog.isVisible(), timeout=60000)
    cd = c.dialog
    shot(qtbot, cd, "conflict_dialog")
    press(qtbot, cd.take_laptop)
    shot(qtbot, cd, "conflict_dialog_chosen")
    cd.reject()
    # laptop window
    laptop.dispose()
    desk.switch_store(str(tmp_path / "laptop.sqlite"))
    desk.signed_in(sign_in(desk.store, "chair"))
    lw = desk.main
    lw.resize(1280, 680)
    shot(qtbot, lw, "laptop_window")
    lw.menuBar().actions()
    c = lw.takeaway
    d = open_dialog(qtbot, c, c.return_action, ReturnDialog)
    shot(qtbot, d, "return_dialog")
    d.reject()
