"""The New… and Edit… buttons over a list of records, and the forms they open.

Each save runs the service in one transaction; the form stays open while the
service refuses (its messages beside their fields) and closes once it accepts,
when the list is read again and the record saved is chosen, so the detail pane
shows it as stored.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton

from panelapp.db import Store
from panelapp.services.permissions import Actor, allowed
from ui.common.tablepage import TablePage
from ui.records.forms import RecordForm


class RecordEditing(QObject):
    """``read``, ``create`` and ``update`` are the services for one kind of record;
    ``form(record or None, save, parent)`` builds its form."""

    saved = Signal(dict)  # what the service returned

    def __init__(self, table: TablePage, store: Store, actor: Actor | None, noun: str,
                 form: Callable[..., RecordForm], read: Callable, create: Callable, update: Callable,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.table, self.store, self.actor, self.noun = table, store, actor, noun
        self.form, self.read, self.create, self.update = form, read, create, update
        self.may_edit = actor is not None and allowed(actor, "records.edit")
        self.dialog: RecordForm | None = None
        self._choose: str | None = None

        self.new_button = QPushButton(f"&New {noun}…")
        self.new_button.setAccessibleName(f"New {noun}")
        self.new_button.clicked.connect(self.new)
        self.edit_button = QPushButton(f"Ed&it {noun}…")
        self.edit_button.setAccessibleName(f"Edit the chosen {noun}")
        self.edit_button.setToolTip(f"Change the chosen {noun} (or double-click it)")
        self.edit_button.clicked.connect(self.edit)
        self.bar = QHBoxLayout()
        self.bar.addStretch(1)
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.may_edit)
            self.bar.addWidget(button)
        table.current_changed.connect(lambda row: self.edit_button.setEnabled(row is not None))
        table.activated.connect(lambda _row: self.edit())
        table.loaded.connect(self._loaded)
        self.edit_button.setEnabled(False)

    # -- opening a form ------------------------------------------------------------
    def new(self) -> RecordForm | None:
        if not self.may_edit:
            return None
        return self._open(self.form(None, self._saver(None, None), self.table.window()))

    def edit(self) -> RecordForm | None:
        row = self.table.current_object()
        if not self.may_edit or row is None:
            return None
        with self.store.session() as session:
            current = self.read(session, self.actor, row.ref)
        return self._open(self.form(current["record"], self._saver(row.ref, current["version"]),
                                    self.table.window()))

    def _open(self, dialog: RecordForm) -> RecordForm:
        dialog.accepted.connect(lambda: self._done(dialog.saved))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saver(self, ref: str | None, version: int | None) -> Callable[[dict], dict]:
        store, actor, create, update = self.store, self.actor, self.create, self.update

        def save(values: dict) -> dict:
            with store.transaction() as session:
                if ref is None:
                    return create(session, actor, **values)
                # The version read when the form opened: another user's change since is not overwritten.
                return update(session, actor, ref, expected_version=version, **values)
        return save

    # -- after a save ---------------------------------------------------------------
    def _done(self, result: dict | None) -> None:
        if result is None:
            return
        self._choose = result["ref"]
        self.table.reload()
        window = self.table.window()
        if isinstance(window, QMainWindow):
            what = "saved" if result["changed"] else "unchanged"
            window.statusBar().showMessage(f"{self.noun.capitalize()} {result['ref']} {what}", 8000)
        self.saved.emit(result)

    def _loaded(self, _count: int) -> None:
        if self._choose is not None:
            ref, self._choose = self._choose, None
            self.table.select_where(lambda row: row.ref == ref)
