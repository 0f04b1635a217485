"""Accounts in the desktop app: the administrator adds, changes, switches off and resets
accounts; the reads go through panelapp.queries.accounts (refused to other roles) and every
change through panelapp.services.accounts, one transaction and an audit record each."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.queries.accounts import (
    AccountRow,
    MemberChoice,
    account_rows,
    linkable_members,
)
from panelapp.services import accounts
from panelapp.services.permissions import ROLE_NAMES, Actor
from ui.admin.account_dialogs import AccountDialog, OwnPasswordDialog, ResetDialog
from ui.common import queries
from ui.common.tasks import TaskRunner
from ui.common.widgets import warning_label

COLUMNS = ("User name", "Name shown", "Role", "Member of the central list", "State", "Last signed in")


def state_words(row: AccountRow) -> str:
    if not row.active:
        return "switched off"
    return "locked out: reset the password" if row.locked else "can sign in"


class AccountsPage(QWidget):
    title = "Accounts"
    loaded = Signal()
    changed = Signal(str)  # what was done, in words

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.rows: list[AccountRow] = []
        self.members: list[MemberChoice] = []
        self.dialog = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Accounts")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.doubleClicked.connect(lambda _index: self.ask_change())
        self.add_button = QPushButton("&Add an account…")
        self.change_button = QPushButton("&Change…")
        self.change_button.setAccessibleName("Change the chosen account")
        self.switch_button = QPushButton("&Switch off")
        self.reset_button = QPushButton("&Reset the password…")
        self.reset_button.setAccessibleName("Give the chosen account a new password")
        self.own_button = QPushButton("Change &my password…")
        self.add_button.clicked.connect(self.ask_add)
        self.change_button.clicked.connect(self.ask_change)
        self.switch_button.clicked.connect(self.switch)
        self.reset_button.clicked.connect(self.ask_reset)
        self.own_button.clicked.connect(lambda: ask_own_password(self, self.store, self.actor, self.changed.emit))
        self.message = warning_label("What the store said")
        hint = QLabel("Each person signs in with an account of their own; its role says what they may do. "
                      "Link the account to the person's line on the central list where there is one.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.switch_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._update()

    # -- reading --------------------------------------------------------------------
    def reload(self) -> None:
        store, actor = self.store, self.actor

        def read(_task):
            return (queries.read(store, actor, account_rows), queries.read(store, actor, linkable_members))

        self.runner.submit(read, name="accounts", on_done=self._loaded,
                           on_error=lambda exc, _d: self.show_message(f"Could not read the accounts: {exc}"))

    def _loaded(self, answer) -> None:
        chosen = self.chosen()
        self.rows, self.members = answer
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            seen = f"{row.last_sign_in:%d %b %Y %H:%M}" if row.last_sign_in else "never"
            for c, text in enumerate((row.username, row.display_name, ROLE_NAMES[row.role].capitalize(),
                                      row.member or "—", state_words(row), seen)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row.username)
                self.table.setItem(r, c, cell)
        self.choose_account(chosen.username if chosen else None)
        self._update()
        self.loaded.emit()

    def choose_account(self, username: str | None) -> None:
        row = next((n for n, r in enumerate(self.rows) if r.username == username), -1)
        self.table.selectRow(row) if row >= 0 else self.table.clearSelection()

    def chosen(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update(self) -> None:
        row = self.chosen()
        for button in (self.change_button, self.switch_button, self.reset_button):
            button.setEnabled(row is not None)
        self.switch_button.setText("&Switch on" if row is not None and not row.active else "&Switch off")
        self.switch_button.setEnabled(row is not None and row.username != self.actor.username)

    # -- changing -------------------------------------------------------------------
    def write(self, doing: str, step: Callable) -> None:
        """``step(session)`` in one transaction; a refusal is raised for the dialog to show."""
        with self.store.transaction() as session:
            step(session)
        self.show_message("")
        self.changed.emit(doing)
        self.reload()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def ask_add(self) -> AccountDialog:
        actor = self.actor

        def submit(v: dict) -> None:
            self.write(f"account {v['username']} added", lambda s: accounts.create_account(
                s, actor, username=v["username"], display_name=v["display_name"], role=v["role"],
                password=v["password"], member_id=v["member_id"]))

        return self._open(AccountDialog(self.members, submit, parent=self))

    def ask_change(self) -> AccountDialog | None:
        row, actor = self.chosen(), self.actor
        if row is None:
            return None

        def submit(v: dict) -> None:
            self.write(f"account {row.username} changed", lambda s: accounts.update_account(
                s, actor, row.username, display_name=v["display_name"], role=v["role"], member_id=v["member_id"]))

        return self._open(AccountDialog(self.members, submit, row, parent=self))

    def ask_reset(self) -> ResetDialog | None:
        row, actor = self.chosen(), self.actor
        if row is None:
            return None

        def submit(v: dict) -> None:
            self.write(f"password of {row.username} reset",
                       lambda s: accounts.reset_account(s, actor, row.username, v["password"]))

        return self._open(ResetDialog(row.username, submit, parent=self))

    def switch(self) -> None:
        row, actor = self.chosen(), self.actor
        if row is None:
            return
        try:
            self.write(f"account {row.username} switched {'on' if not row.active else 'off'}",
                       lambda s: accounts.set_active(s, actor, row.username, not row.active))
        except PanelAppError as exc:
            self.show_message(str(exc))

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog


def ask_own_password(parent: QWidget, store: Store, actor: Actor, tell: Callable[[str], None]) -> OwnPasswordDialog:
    """Anyone signed in: their own password, the present one given first."""

    def submit(v: dict) -> None:
        with store.transaction() as session:
            accounts.change_own_password(session, actor, v["current"], v["password"])
        tell("your password is changed")

    dialog = OwnPasswordDialog(submit, parent)
    dialog.open()
    return dialog
