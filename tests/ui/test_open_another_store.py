"""File > Open another store…: a file that is not a PanelApp store, or one that cannot be
written, is said in a sentence in the window and the store in use stays open; a good one
opens at its sign-in, and both go into the recent stores."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

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


def test_a_store_that_cannot_be_written_opens_read_only_saying_so(qtbot, make_desk, northshire_store, tmp_path,
                                                                  second, monkeypatch):
    """As root a chmod stops no write, so the write probe is told the folder refuses writes, as a
    read-only share would; tests/core/test_read_only_store.py proves a truly read-only folder."""
    desk = make_desk(northshire_store)
    desk.signed_in(ADVISER)
    window = desk.main
    monkeypatch.setattr("panelapp.db.sqlite_writable", lambda path: path != second)
    assert desk.switch_store(str(second))
    assert desk.store.read_only and desk.main is None
    assert any("open read-only" in label.text() for label in desk.screen.findChildren(QLabel))
    assert window is not None
