"""Desktop tests run offscreen, with QSettings in a temporary folder per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.common.tasks import TaskRunner  # noqa: E402
from ui.shell import settings as ui_settings  # noqa: E402
from ui.shell import theme  # noqa: E402
from ui.shell.desk import Desk  # noqa: E402

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # The offscreen platform warns that it cannot resize windows to their size hints;
    # every other Qt warning still fails the test (qt_log_level_fail).
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True)
def private_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    ui_settings.name_application()
    theme.apply(qapp, "light")
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def private_logs(tmp_path, monkeypatch):
    """``panelapp-desk`` logs to the user's log folder: here, the test's own."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    assert r.shutdown(10_000), "a worker was still running at the end of the test"


@pytest.fixture
def make_desk(qtbot, runner):
    desks = []

    def make(store, **kwargs):
        desk = Desk(store, runner=runner, **kwargs)
        desks.append(desk)
        desk.start()
        return desk

    yield make
    for desk in desks:
        desk.shutdown()
    # Delete the windows now, so later tests do not restyle and repaint them.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory):
    """A migrated, empty store made once; migrating a fresh file takes most of a second."""
    from panelapp.db import open_store
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    store = open_store(str(path))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.dispose()
    return path


def _copy_of(template, tmp_path):
    import shutil

    from panelapp.db import open_store
    path = tmp_path / template.name
    shutil.copyfile(template, path)
    return open_store(str(path))


@pytest.fixture
def empty_store(empty_template, tmp_path):
    store = _copy_of(empty_template, tmp_path)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def northshire_template(tmp_path_factory, northshire_doc):
    """The fixture agency imported once; each test gets its own copy of the file."""
    from panelapp.db import open_store
    from panelapp.exchange import import_document
    path = tmp_path_factory.mktemp("template") / "northshire.sqlite"
    store = open_store(str(path))
    with store.transaction() as session:
        import_document(session, northshire_doc, actor="test")
    with store.engine.connect() as conn:  # fold the WAL into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.dispose()
    return path


@pytest.fixture
def northshire_store(northshire_template, tmp_path):
    store = _copy_of(northshire_template, tmp_path)
    yield store
    store.dispose()


from tests.builders import ADVISER  # noqa: E402,F401  (the fixtures' acting adviser)


@pytest.fixture
def open_workspace(make_desk):
    """The workspace of ``store``, signed in as ``actor`` (a panel adviser by default)."""
    def open_(store, actor=ADVISER):
        desk = make_desk(store)
        desk.signed_in(actor)
        return desk.main
    return open_
