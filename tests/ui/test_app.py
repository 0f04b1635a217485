"""``panelapp-desk`` starts, shows its first window, and closes, offscreen."""

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from panelapp.db import open_store
from ui import app as desk_app


def close_windows_soon(seen):
    def close():
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen.extend(type(w).__name__ for w in windows)
        for w in windows:
            w.close()
    QTimer.singleShot(0, close)


def test_main_opens_the_welcome_screen_and_exits_when_closed(qtbot, tmp_path):
    seen = []
    close_windows_soon(seen)
    assert desk_app.main(["--db", str(tmp_path / "new.sqlite")]) == 0
    assert seen == ["WelcomeScreen"]
    assert (tmp_path / "new.sqlite").exists()


def test_main_takes_the_store_from_the_environment(qtbot, tmp_path, monkeypatch, northshire_template):
    path = tmp_path / "env.sqlite"
    shutil.copyfile(northshire_template, path)
    monkeypatch.setenv("PANELAPP_DB_URL", str(path))
    seen = []
    close_windows_soon(seen)
    assert desk_app.main([]) == 0
    assert seen == ["FirstAccountScreen"], "the store has an agency but no accounts yet"


def test_a_store_from_a_newer_panelapp_is_refused(qtbot, tmp_path, capsys):
    path = tmp_path / "newer.sqlite"
    store = open_store(str(path))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    store.dispose()
    assert desk_app.main(["--db", str(path)]) == 1
    assert "newer version of PanelApp" in capsys.readouterr().err
