"""File > Open another store…: a file that is not a PanelApp store, or one that cannot be
written, is said in a sentence in the window and the store in use stays open; a good one
opens at its sign-in, and both go into the recent stores."""

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import ADVISER
from ui.shell.store_switch import recent_stores


@pytest.fixture
def second(empty_template, tmp_path):
    import shutil
    other = tmp_path / "other" / "second.sqlite"
    other.parent.mkdir()
    shutil.copyfile(empty_template, other)
    return other


def test_open_another_store_refuses_in_words_and_opens_a_good_one(qtbot, make_desk, northshire_store, tmp_path,
                                                                  second):
    desk = make_desk(northshire_store)
    desk.signed_in(ADVISER)
    window = desk.main
    assert any(a.text() == "Open anot&her store…" for a in window.menuBar().actions()[0].menu().actions())

    text = tmp_path / "notes.sqlite"
    text.write_text("minutes of the last meeting\n" * 50)
    assert not desk.switch_store(str(text))
    box = window.message
    assert isinstance(box, QMessageBox)
    assert "is not a PanelApp store" in box.text() and "SQL" not in box.text().replace("SQLite", "")
    assert desk.main is window and desk.store is northshire_store

    assert desk.switch_store(str(second))
    assert desk.main is None and desk.store is not northshire_store
    assert desk.screen is not None and desk.screen.isVisible()
    assert recent_stores()[0] == str(Path(second).resolve())
    assert str(Path(northshire_store.engine.url.database).resolve()) in recent_stores()


def test_a_store_that_cannot_be_written_is_refused_in_words(qtbot, make_desk, northshire_store, tmp_path, second):
    desk = make_desk(northshire_store)
    desk.signed_in(ADVISER)
    window = desk.main
    locked = tmp_path / "locked" / "ro.sqlite"
    locked.parent.mkdir()
    locked.write_bytes(second.read_bytes())
    os.chmod(locked, 0o444)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write a read-only file")
        assert not desk.switch_store(str(locked))
        assert "cannot be written" in window.message.text()
    finally:
        os.chmod(locked, 0o644)

