"""A read-only store opens read-only, saying so (issue 14): the sign-in screen and the window's
title, banner and status bar say it, the change actions of the menus are disabled, and a change
that still gets through the one change helper is refused in a sentence, the store untouched.

The store is opened read-only explicitly: the suite runs as root, whom a chmod does not stop
(tests/core/test_read_only_store.py opens one in a truly read-only folder)."""

import hashlib
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from panelapp.db import open_store
from tests.builders import sign_in_everyone


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_store_opens_read_only_and_refuses_changes(qtbot, make_desk, empty_template, tmp_path):
    path = tmp_path / "shared.sqlite"
    shutil.copyfile(empty_template, path)
    writable = open_store(str(path))
    sign_in_everyone(writable)
    with writable.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    writable.dispose()
    before = _digest(path)

    store = open_store(str(path), read_only=True)
    try:
        desk = make_desk(store)
        screen = desk.screen
        assert any("open read-only" in label.text() for label in screen.findChildren(QLabel))
        qtbot.keyClicks(screen.username, "adviser")
        qtbot.keyClicks(screen.password, "adviser-password")
        with qtbot.waitSignal(desk.main_window_shown, timeout=10_000):
            qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
        window = desk.main
        window.resize(1280, 680)
        assert window.windowTitle().endswith("(read-only)")
        banner = window.findChild(QLabel, "read_only_banner")
        assert banner is not None and banner.isVisible() and "nothing can be changed" in banner.text()
        status = window.findChild(QLabel, "read_only_status")
        assert status is not None and status.isVisible() and status.text() == "Read-only"
        for action in (window.new_meeting_action, window.edit_meeting_action, window.own_password_action):
            assert not action.isEnabled() and "read-only" in action.statusTip()
        # Reading works: the meetings list loads.
        qtbot.waitUntil(lambda: window.meetings.table.model() is not None, timeout=10_000)

        # The change helper gets the store's refusal and shows it as a sentence.
        import datetime as dt
        assert window.create_meeting({"meeting_date": dt.date(2031, 3, 4)}) is None
        box = window.message
        assert isinstance(box, QMessageBox) and "open read-only" in box.text()
        box.close()
    finally:
        store.dispose()
    assert _digest(path) == before
