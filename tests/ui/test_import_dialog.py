"""File > Import an exchange file… and File > Export…: all or nothing, every problem
listed, sealed files opened with their passphrase, and Cancel rolls an import back."""

import copy
import json
import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlmodel import select

import ui.admin.exchange
from panelapp.exchange import export_document
from panelapp.models import AuditEvent, Household
from panelapp.security import seal, unseal
from panelapp.services.permissions import Actor
from tests.ui.drive import unnamed_controls
from ui.admin.exchange import ExportDialog, PassphraseDialog, RefusedDialog, exchange_files, import_exchange_file
from ui.common.tasks import Cancelled

ADMIN = Actor("ada", "Ada Admin", "admin")
ADVISER = Actor("pat", "Pat Adviser", "adviser")
MEMBER = Actor("mo", "Mo Member", "member")
PASSPHRASE = "correct horse battery"


def households(store) -> int:
    with store.session() as session:
        return session.exec(select(func.count()).select_from(Household)).one()


def audit_events(store) -> int:
    with store.session() as session:
        return session.exec(select(func.count()).select_from(AuditEvent)).one()


def finish(qtbot, files) -> tuple[str, str]:
    with qtbot.waitSignal(files.finished, timeout=30_000) as outcome:
        pass
    return tuple(outcome.args)


def test_the_menu_offers_what_the_role_may_do(open_workspace, empty_store):
    admin = open_workspace(empty_store, ADMIN)
    assert admin.import_action.isVisible() and admin.exchange_export_action.isVisible()
    adviser = open_workspace(empty_store, ADVISER)
    assert not adviser.import_action.isVisible() and adviser.exchange_export_action.isVisible()
    member = open_workspace(empty_store, MEMBER)
    assert not member.import_action.isVisible() and not member.exchange_export_action.isVisible()
    exchange_files(member).ask_import()  # a shortcut that slips through does nothing
    assert exchange_files(member).progress is None


def test_an_import_says_what_it_did_and_refreshes_the_workspace(qtbot, open_workspace, empty_store,
                                                                 northshire_doc, tmp_path):
    path = tmp_path / "northshire.json"
    path.write_text(json.dumps(northshire_doc), encoding="utf-8")
    window = open_workspace(empty_store, ADMIN)
    assert window.windowTitle() == "PanelApp"
    window.show_section("households")
    files = exchange_files(window)
    assert exchange_files(window) is files, "one import at a time: the window keeps one"
    with qtbot.waitSignal(files.finished, timeout=30_000) as outcome:
        files.import_file(path)
        assert files.progress is not None and files.progress.isVisible()
    kind, text = outcome.args
    assert kind == "imported"
    assert text.startswith("northshire.json was imported.\n\nAgency: 1 new, 0 updated, children: 128 new")
    assert "households: 220 new, 0 updated" in text
    assert files.message.text() == text
    assert households(empty_store) == len(northshire_doc["households"]) == 220
    assert window.windowTitle() == "Northshire Council Adoption Agency — PanelApp"
    page = window.section("households").page
    qtbot.waitUntil(lambda: page.table.total == 220)


def refused_document(northshire_doc) -> dict:
    doc = {"format": northshire_doc["format"], "version": northshire_doc["version"],
           "households": copy.deepcopy(northshire_doc["households"][:30])}
    for household in doc["households"]:
        household["milestones"]["enquiry"] = "2024-13-01"
    return doc


def test_a_refused_file_lists_every_problem_and_changes_nothing(qtbot, open_workspace, empty_store,
                                                                 northshire_doc, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(refused_document(northshire_doc)), encoding="utf-8")
    before = audit_events(empty_store)
    window = open_workspace(empty_store, ADMIN)
    files = exchange_files(window)
    files.import_file(path)
    kind, text = finish(qtbot, files)
    assert kind == "refused"
    dialog = files.dialog
    assert isinstance(dialog, RefusedDialog) and dialog.isVisible()
    shown = [dialog.errors.item(row).text() for row in range(dialog.errors.count())]
    assert len(shown) == 30 and shown == text.splitlines()
    assert shown[29] == "households[29].milestones.enquiry: '2024-13-01' is not a date (YYYY-MM-DD)"
    assert "30 problems" in dialog.intro.text() and "Nothing was changed" in dialog.intro.text()
    assert dialog.errors.verticalScrollBar().maximum() > 0, "thirty lines scroll"
    assert households(empty_store) == 0 and audit_events(empty_store) == before


def test_a_file_that_is_not_json_is_refused_with_where(qtbot, open_workspace, empty_store, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"format": "panelapp-exchange",\n  "version": 1,\n  oops}', encoding="utf-8")
    files = exchange_files(open_workspace(empty_store, ADMIN))
    files.import_file(path)
    assert finish(qtbot, files)[0] == "refused"
    assert files.dialog.errors.item(0).text().startswith("(document): not valid JSON at line 3, column 3")


def test_a_sealed_file_asks_for_its_passphrase(qtbot, open_workspace, empty_store, northshire_doc, tmp_path):
    small = {key: northshire_doc[key] for key in ("format", "version", "agency", "members")}
    path = tmp_path / "members.sealed"
    path.write_bytes(seal(json.dumps(small).encode(), PASSPHRASE))
    window = open_workspace(empty_store, ADMIN)
    files = exchange_files(window)

    files.import_file(path)
    asked = files.dialog
    assert isinstance(asked, PassphraseDialog)
    assert asked.passphrase.echoMode() == asked.passphrase.EchoMode.Password
    qtbot.keyClicks(asked.passphrase, "not the passphrase")
    asked.accept()
    kind, text = finish(qtbot, files)
    assert kind == "failed"
    assert text == ("The passphrase is not right, or the file was changed after it was sealed. "
                    "Nothing was changed.")

    files.import_file(path)
    qtbot.keyClicks(files.dialog.passphrase, PASSPHRASE)
    files.dialog.accept()
    kind, text = finish(qtbot, files)
    assert kind == "imported" and "members: 13 new" in text


def test_cancel_before_the_commit_rolls_the_import_back(qtbot, open_workspace, empty_store, northshire_doc,
                                                        tmp_path, monkeypatch):
    path = tmp_path / "northshire.json"
    path.write_text(json.dumps(northshire_doc), encoding="utf-8")
    imported, release = threading.Event(), threading.Event()
    real_import = ui.admin.exchange.import_document

    def import_then_wait(session, doc, **kwargs):
        result = real_import(session, doc, **kwargs)
        assert session.exec(select(func.count()).select_from(Household)).one() == 220
        imported.set()
        release.wait(20)  # bounded, so a broken test fails rather than hangs
        return result

    monkeypatch.setattr(ui.admin.exchange, "import_document", import_then_wait)
    before = audit_events(empty_store)
    window = open_workspace(empty_store, ADMIN)
    files = exchange_files(window)
    files.import_file(path)
    assert imported.wait(20)
    progress = files.progress
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert progress.isVisible() and progress.cancel_button.text() == "Cancelling…"
    with qtbot.waitSignal(files.finished, timeout=30_000) as outcome:
        release.set()
    assert outcome.args == ["cancelled", "The import of northshire.json was cancelled: nothing was changed."]
    assert households(empty_store) == 0 and audit_events(empty_store) == before
    assert window.windowTitle() == "PanelApp"


def test_export_writes_every_record_plain_or_sealed(qtbot, open_workspace, northshire_store, tmp_path):
    with northshire_store.session() as session:
        expected = export_document(session)
    files = exchange_files(open_workspace(northshire_store, ADVISER))

    plain = tmp_path / "out" / "records.json"
    plain.parent.mkdir()
    with qtbot.waitSignal(files.saver.finished, timeout=30_000) as outcome:
        files.export_to(plain)
    assert outcome.args[0] == "saved"
    assert json.loads(plain.read_text(encoding="utf-8")) == expected
    assert sorted(p.name for p in plain.parent.iterdir()) == ["records.json"], "no temporary left behind"

    sealed = tmp_path / "out" / "records.sealed"
    with qtbot.waitSignal(files.saver.finished, timeout=30_000) as outcome:
        files.export_to(sealed, PASSPHRASE)
    assert outcome.args == ["saved", f"Saved the records as a sealed exchange file to {sealed}."]
    assert json.loads(unseal(sealed.read_bytes(), PASSPHRASE)) == expected


def test_the_export_dialog_checks_the_passphrase(qtbot):
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.passphrase.isEnabled()
    dialog.check_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.value() is None

    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    dialog.sealed.setChecked(True)
    qtbot.keyClicks(dialog.passphrase, "short")
    dialog.check_and_accept()
    assert dialog.problem.text() == "The passphrase must have at least 10 characters."
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "!")
    dialog.check_and_accept()
    assert dialog.problem.text() == "The two passphrases differ: type the same one twice."
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.again.setText(PASSPHRASE)
    dialog.check_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.value() == PASSPHRASE


class StopWhenWriting:
    """Stands in for the worker's task: cancelled once the importer starts writing."""

    def __init__(self):
        self.messages = []

    def progress(self, _fraction, message=""):
        self.messages.append(message)
        if message.startswith("Writing"):
            raise Cancelled("stopped")

    def check(self):
        pass


def test_cancel_between_the_importers_steps_rolls_back(empty_store, northshire_doc, tmp_path):
    path = tmp_path / "northshire.json"
    path.write_text(json.dumps(northshire_doc), encoding="utf-8")
    task = StopWhenWriting()
    with pytest.raises(Cancelled):
        import_exchange_file(task, empty_store, ADMIN, path)
    assert task.messages == ["Reading northshire.json…", "Checking northshire.json against the exchange format…",
                             "Writing the records of northshire.json…"]
    assert households(empty_store) == 0


def test_every_control_has_an_accessible_name(qtbot):
    for dialog in (ExportDialog(), PassphraseDialog("records.sealed"), RefusedDialog("broken.json", ["a: b"])):
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], dialog.windowTitle()
