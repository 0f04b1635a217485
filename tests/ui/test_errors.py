"""One way to change, one way to fail: refusals as sentences, faults to a dialog and a
log that never holds a message (which may carry SQL or a person's name)."""

import logging
import stat
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from panelapp.errors import PanelAppError
from panelapp.queries.onboarding import agency_info
from panelapp.services.agency import ensure_agency, update_agency
from tests.builders import ADVISER
from ui.common import errors
from ui.common.change import change
from ui.common.errors import ErrorDialog, install_excepthook, log_failure, show_error
from ui.shell.logs import PrivateRotatingFileHandler, configure_logging

SECRET = "SELECT * FROM child WHERE name = 'Amy Child'"
ADMIN = ADVISER.__class__("ada", "Ada Admin", "admin")


class DatabaseTrouble(Exception):
    """Stands in for a driver's error, whose message quotes the SQL and its parameters."""


def fail_with_secret():
    try:
        raise KeyError("inner")
    except KeyError as inner:
        raise DatabaseTrouble(SECRET) from inner


@pytest.fixture
def agency_store(empty_store):
    with empty_store.transaction() as session:
        ensure_agency(session, "Northshire Council")
    return empty_store


def test_a_refusal_is_a_sentence_and_writes_nothing(agency_store):
    said, reloaded = [], []
    outcome = change(agency_store, ADVISER, update_agency, refused=said.append, done=reloaded.append,
                     name="Southshire")
    assert not outcome.done and outcome.value is None
    assert said == [outcome.refusal] and "may not change the agency's settings" in said[0]
    assert reloaded == [], "nothing changed, so nothing is reloaded"
    with agency_store.session() as session:
        assert agency_info(session).name == "Northshire Council"


def test_a_change_done_reloads_what_changed(agency_store):
    said, reloaded = [], []
    outcome = change(agency_store, ADMIN, update_agency, refused=said.append, done=reloaded.append,
                     name="Southshire")
    assert outcome.done and said == [] and reloaded == [outcome.value]
    with agency_store.session() as session:
        assert agency_info(session).name == "Southshire"


def test_a_fault_is_not_a_refusal_and_rolls_back(agency_store):
    def step(session, actor):
        update_agency(session, actor, name="Half written")
        fail_with_secret()

    said = []
    with pytest.raises(DatabaseTrouble):
        change(agency_store, ADMIN, step, refused=said.append)
    assert said == []
    with agency_store.session() as session:
        assert agency_info(session).name == "Northshire Council"


def test_the_log_file_is_private_and_holds_no_message(tmp_path):
    path = configure_logging(tmp_path / "logs")
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert configure_logging(tmp_path / "elsewhere") == path, "configured once"
        try:
            fail_with_secret()
        except DatabaseTrouble as exc:
            log_failure("reading the children", exc)
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "reading the children failed with DatabaseTrouble" in text
        assert "fail_with_secret" in text, "the frames say where"
        assert "KeyError" in text, "the chain's types are kept"
        assert "Amy Child" not in text and "SELECT" not in text
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
            root.removeHandler(handler)
            handler.close()


def test_the_error_dialog_copies_details_without_the_message(qtbot):
    try:
        fail_with_secret()
    except DatabaseTrouble as exc:
        dialog = ErrorDialog("saving the minutes", exc, "/somewhere/panelapp-desk.log")
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.details
    assert "saving the minutes failed with DatabaseTrouble" in copied and "fail_with_secret" in copied
    assert "Amy Child" not in copied and "SELECT" not in copied
    assert "could not finish saving the minutes" in dialog.message.text()


def test_a_task_without_an_error_path_still_tells_the_user(qtbot, runner, caplog):
    def work(_task):
        fail_with_secret()

    shown = []
    real = errors.ErrorDialog

    class Watched(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            shown.append(self)

    errors.ErrorDialog = Watched
    try:
        with caplog.at_level(logging.ERROR):
            runner.submit(work, name="reading the deadlines")
            qtbot.waitUntil(lambda: bool(shown))
    finally:
        errors.ErrorDialog = real
    dialog = shown[0]
    assert "reading the deadlines" in dialog.message.text()
    assert "DatabaseTrouble" in caplog.text and "Amy Child" not in caplog.text
    dialog.close()


def test_an_uncaught_exception_shows_the_dialog(qtbot, monkeypatch):
    previous = install_excepthook()
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda what, exc, parent=None: shown.append((what, exc)))
    try:
        try:
            fail_with_secret()
        except DatabaseTrouble as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert [type(exc) for _what, exc in shown] == [DatabaseTrouble]


def test_show_error_logs_and_opens_the_dialog(qtbot, caplog):
    try:
        raise PanelAppError("Amy Child is not on the agenda.")
    except PanelAppError as exc:
        with caplog.at_level(logging.ERROR):
            dialog = show_error("recording an item", exc)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "PanelAppError" in caplog.text and "Amy Child" not in caplog.text
    dialog.close()
