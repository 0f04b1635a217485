"""File > Import an exchange file… and File > Export…: the JSON exchange format
(shared/exchange-format.md), plain or sealed with a passphrase.

An import is all or nothing. It runs in the task runner inside one transaction;
Cancel is honoured between the importer's steps and once more just before the
commit, and a cancelled import is rolled back whole. A refused file lists every
problem found, so the sender can mend them all at once.
"""

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.cli.outputs import file_type
from panelapp.db import Store
from panelapp.errors import ExchangeErrors, PanelAppError
from panelapp.exchange import ImportResult, export_document, import_document
from panelapp.exchange.validate import loads
from panelapp.security import MAGIC, MIN_PASSPHRASE, is_sealed, seal, unseal
from panelapp.services.permissions import Actor, allowed
from panelapp.store_events import each_flush
from ui.admin.settings_dialog import refresh_agency
from ui.common.errors import said
from ui.common.progress import ProgressOwner, TaskProgressDialog
from ui.common.tasks import Task, TaskRunner
from ui.common.widgets import warning_label
from ui.shell import settings
from ui.statistics.export import Saver, sentence, written_in_place

FILES = "Exchange files (*.json *.sealed);;All files (*)"


# -- the workers ---------------------------------------------------------------------------

def read_exchange_file(path: str | Path, passphrase: str | None = None):
    """The document in the file, opened with ``passphrase`` when it is sealed. A file that
    is not JSON is refused as the importer refuses a bad document: ``PATH: message``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PanelAppError(f"{path} does not exist") from None
    except OSError as exc:
        raise PanelAppError(f"{path} cannot be read ({exc.strerror or exc})") from None
    if is_sealed(raw):
        if passphrase is None:
            raise PanelAppError(f"{path.name} is sealed: its passphrase is needed to open it")
        raw = unseal(raw, passphrase)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeErrors([f"(document): {path.name} is not UTF-8 text"]) from None
    return loads(text)  # bounded: depth, size, NaN and huge numbers are refused with a path


def import_exchange_file(task: Task, store: Store, actor: Actor, path: str | Path,
                         passphrase: str | None = None) -> ImportResult:
    """The worker: read the file, then write it in one transaction that a cancel rolls back."""
    name = Path(path).name
    task.progress(0.0, f"Reading {name}…")
    doc = read_exchange_file(path, passphrase)
    task.progress(0.0, f"Checking {name} against the exchange format…")
    with store.transaction() as session:
        # The importer flushes after each kind of record: a chance to stop between them.
        each_flush(session, lambda: task.progress(0.0, f"Writing the records of {name}…"))
        result = import_document(session, doc, mode="upsert", by=actor, source=name)
        task.check()  # the last moment to cancel: raising here rolls the whole import back
    return result


def export_exchange_file(task: Task, store: Store, actor: Actor, path: str | Path,
                         passphrase: str | None = None) -> Path:
    """The worker: every record as one document, written beside ``path`` and renamed into
    place, so a failure or a cancel never leaves half a file."""
    file_type(str(path), (".json", ".sealed"), "an exchange file")  # never JSON under another name
    task.progress(0.1, "Reading the records…")
    with store.transaction() as session:
        doc = export_document(session, by=actor)
    task.progress(0.5, "Writing the file…")
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if passphrase is not None:
        task.progress(0.7, "Sealing the file with the passphrase…")
        data = seal(data, passphrase)
    return written_in_place(task, path, lambda temporary: temporary.write_bytes(data))


def is_sealed_file(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return is_sealed(fh.read(len(MAGIC)))


# -- the dialogs ------------------------------------------------------------------------------

def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PassphraseDialog(QDialog):
    """The passphrase a sealed file was sealed with."""

    def __init__(self, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Passphrase")
        self.setAccessibleName("Passphrase for a sealed file")
        intro = QLabel(f"{file_name} is sealed. Type the passphrase it was sealed with to open it.")
        intro.setWordWrap(True)
        self.passphrase = _password_field("Passphrase")
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Open).setAccessibleName("Open the file")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def value(self) -> str:
        return self.passphrase.text()


class ExportDialog(QDialog):
    """Before the file is chosen: whether to seal the export, and with what passphrase."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export the records")
        self.setAccessibleName("Export the records")
        intro = QLabel("Every record in the store is written to one exchange file, which another "
                       "PanelApp (or the agency's case system) can import. It holds names and "
                       "addresses: seal it with a passphrase if it is to leave this computer.")
        intro.setWordWrap(True)
        self.sealed = QCheckBox("&Seal the file with a passphrase")
        self.sealed.setAccessibleName("Seal the file with a passphrase")
        self.passphrase = _password_field("Passphrase")
        self.again = _password_field("Passphrase again")
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("&Again:", self.again)
        self.problem = warning_label("Why the export cannot start")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose = QPushButton("&Choose where to save…")
        self.choose.setAccessibleName("Choose where to save the export")
        self.choose.setDefault(True)
        buttons.addButton(self.choose, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        self.sealed.toggled.connect(self._sealing)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sealed)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._sealing(False)

    def _sealing(self, on: bool) -> None:
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)
        if on:
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_with(self) -> str | None:
        if not self.sealed.isChecked():
            return None
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return f"The passphrase must have at least {MIN_PASSPHRASE} characters."
        if self.passphrase.text() != self.again.text():
            return "The two passphrases differ: type the same one twice."
        return None

    def check_and_accept(self) -> None:
        problem = self.problem_with()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.resize(self.width(), self.heightForWidth(self.width()))
        if problem is None:
            self.accept()

    def value(self) -> str | None:
        """The passphrase to seal with, or None for a plain file."""
        return self.passphrase.text() if self.sealed.isChecked() else None


class RefusedDialog(QDialog):
    """Every problem found in a refused file, in a list that scrolls and copies."""

    def __init__(self, file_name: str, errors: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("The file was not imported")
        self.setAccessibleName("The file was not imported")
        count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
        self.intro = QLabel(f"{file_name} was refused: {count} found, listed below. Nothing was "
                            "changed in the store. Each line says where in the file the problem is, "
                            "then what is wrong; mend them all, then import the file again.")
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("What happened")
        self.errors = QListWidget()
        self.errors.setAccessibleName("Problems found in the file")
        self.errors.setAlternatingRowColors(True)
        self.errors.setWordWrap(True)
        self.errors.addItems(errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        copy = QPushButton("&Copy the list")
        copy.setAccessibleName("Copy the list of problems")
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(errors)))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.errors, 1)
        layout.addWidget(buttons)
        self.resize(680, 420)


# -- the workspace's commands ------------------------------------------------------------------

def refresh_sections(window) -> None:
    """After an import: the section shown is read again now, the others when next shown."""
    refresh_agency(window)
    window.reload_all()


class ExchangeFiles(ProgressOwner):
    """Import and export for one workspace window; one import at a time. ``finished`` says
    "imported", "refused", "failed" or "cancelled"."""

    def __init__(self, window, runner: TaskRunner, store: Store, actor: Actor):
        super().__init__(window)
        self.window, self.runner, self.store, self.actor = window, runner, store, actor
        self.dialog: QDialog | None = None  # the dialog now open, for tests
        self.saver = Saver(runner, window)

    # -- importing ------------------------------------------------------------------------
    def ask_import(self) -> None:
        if not allowed(self.actor, "exchange.import") or self.progress is not None:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, "Import an exchange file",
                                              settings.value("exchange/folder") or "", FILES)
        if path:
            settings.set_value("exchange/folder", str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str | Path, passphrase: str | None = None) -> Task | None:
        """Import ``path``; a sealed file asks for its passphrase first (unless given)."""
        path = Path(path)
        try:
            sealed = is_sealed_file(path)
        except OSError as exc:
            self._tell("failed", QMessageBox.Icon.Warning, "The file was not imported",
                       f"{path} cannot be read ({exc.strerror or exc}). Nothing was changed.")
            return None
        if sealed and passphrase is None:
            dialog = PassphraseDialog(path.name, self.window)
            dialog.accepted.connect(lambda: self.import_file(path, dialog.value()))
            self.dialog = dialog
            dialog.open()
            return None
        return self._start_import(path, passphrase)

    def _start_import(self, path: Path, passphrase: str | None) -> Task | None:
        if self.progress is not None:
            return None
        progress = TaskProgressDialog(self.window, f"Importing {path.name}", f"Reading {path.name}…")
        progress.bar.setRange(0, 0)  # the importer cannot say how far it has got, only what it is doing
        self.progress = progress

        def done(result: ImportResult) -> None:
            self._close_progress()
            refresh_sections(self.window)
            self._tell("imported", QMessageBox.Icon.Information, "Imported",
                       f"{path.name} was imported.\n\n{sentence(result.summary())}")

        def failed(exc: BaseException, details: str) -> None:
            self._close_progress()
            if isinstance(exc, ExchangeErrors):
                self.dialog = RefusedDialog(path.name, exc.errors, self.window)
                self.dialog.open()
                self.finished.emit("refused", "\n".join(exc.errors))
                return
            if isinstance(exc, PanelAppError):
                text = sentence(exc)
            else:
                text = sentence(said(exc, "importing an exchange file"))
            self._tell("failed", QMessageBox.Icon.Warning, "The file was not imported",
                       f"{text} Nothing was changed.")

        def cancelled() -> None:
            self._close_progress()
            text = f"The import of {path.name} was cancelled: nothing was changed."
            self.window.statusBar().showMessage(text, 8000)
            self.finished.emit("cancelled", text)

        task = self.runner.submit(import_exchange_file, self.store, self.actor, path, passphrase,
                                  name=f"import {path.name}", on_done=done, on_error=failed,
                                  on_progress=progress.report, on_cancelled=cancelled, owner=self)
        progress.follow(task)
        return task

    # -- exporting ------------------------------------------------------------------------
    def ask_export(self) -> None:
        if not allowed(self.actor, "exchange.export") or self.saver.busy:
            return
        dialog = ExportDialog(self.window)
        dialog.accepted.connect(lambda: self.ask_export_path(dialog.value()))
        self.dialog = dialog
        dialog.open()

    def ask_export_path(self, passphrase: str | None) -> None:
        folder = settings.value("exchange/folder") or ""
        suggested = str(Path(folder) / ("panelapp-export.sealed" if passphrase else "panelapp-export.json"))
        path, _ = QFileDialog.getSaveFileName(self.window, "Export the records", suggested, FILES)
        if path:
            settings.set_value("exchange/folder", str(Path(path).parent))
            self.export_to(path, passphrase)

    def export_to(self, path: str | Path, passphrase: str | None = None) -> Task | None:
        """Every record written to ``path``, sealed with ``passphrase`` when given."""
        what = "the records as a sealed exchange file" if passphrase else "the records as an exchange file"
        return self.saver.save(what, export_exchange_file, self.store, self.actor, path, passphrase)


def exchange_files(window) -> ExchangeFiles:
    """The window's one ``ExchangeFiles``, made when first asked for."""
    found = window.findChild(ExchangeFiles)
    return found if found is not None else ExchangeFiles(window, window.runner, window.store, window.actor)
