"""Signing in, and creating the first account of a store that has none."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from .widgets import warning_label


class AccountFields(QWidget):
    """User name, name and password (twice) of a new account."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.username.setPlaceholderText("one word, e.g. jsmith")
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName("Your name")
        self.display_name.setPlaceholderText("as documents show it, e.g. Jo Smith")
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        from panelapp.services.accounts import MIN_PASSWORD  # not at start: it loads the models
        self.password.setPlaceholderText(f"at least {MIN_PASSWORD} characters")
        self.repeat = QLineEdit()
        self.repeat.setAccessibleName("Password again")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&User name:", self.username)
        form.addRow("Your na&me:", self.display_name)
        form.addRow("Pass&word:", self.password)
        form.addRow("Password a&gain:", self.repeat)
        for field in (self.username, self.display_name, self.password, self.repeat):
            field.textChanged.connect(self.changed)

    def problem(self) -> str | None:
        """What stops the account being created, in words, or None."""
        if not self.username.text().strip():
            return "Choose a user name."
        if any(c.isspace() for c in self.username.text().strip()):
            return "The user name must be one word."
        if not self.display_name.text().strip():
            return "Give your name."
        from panelapp.services.accounts import MIN_PASSWORD
        if len(self.password.text()) < MIN_PASSWORD:
            return f"The password needs at least {MIN_PASSWORD} characters."
        if self.password.text() != self.repeat.text():
            return "The two passwords differ."
        return None

    def values(self) -> dict:
        return {"username": self.username.text().strip(),
                "display_name": self.display_name.text().strip(),
                "password": self.password.text()}


class SignInScreen(QWidget):
    sign_in_requested = Signal(str, str)

    def __init__(self, agency_name: str, store_description: str, hint: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sign_in")
        self.setWindowTitle(f"Sign in — {agency_name}")
        self.setAccessibleName("Sign in")
        heading = QLabel("Sign in")
        heading.setObjectName("heading")
        agency = QLabel(agency_name)
        agency.setObjectName("subheading")
        agency.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = warning_label("Why signing in failed")
        self.button = QPushButton("Sign in")
        self.button.setAccessibleName("Sign in")
        self.button.setDefault(True)
        self.button.setEnabled(False)
        self.hint = QLabel(hint)
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        where = QLabel(f"Store: {store_description}")
        where.setObjectName("muted")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow("&User name:", self.username)
        form.addRow("&Password:", self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 32)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(agency)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(where)
        self.setMinimumSize(520, 420)

        for field in (self.username, self.password):
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)

    def _update(self) -> None:
        self.button.setEnabled(bool(self.username.text().strip() and self.password.text()))

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        self.button.setText("Signing in…")
        self.error.hide()
        self.sign_in_requested.emit(self.username.text().strip(), self.password.text())

    def refused(self, message: str) -> None:
        self.button.setText("Sign in")
        self.error.setText(message)
        self.error.show()
        self.password.clear()
        self.password.setFocus()
        self._update()


class FirstAccountScreen(QWidget):
    """A store with an agency but no accounts: its first account is an administrator's."""

    create_requested = Signal(dict)

    def __init__(self, agency_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_account")
        self.setWindowTitle(f"Create the first account — {agency_name}")
        self.setAccessibleName("Create the first account")
        heading = QLabel("Create the first account")
        heading.setObjectName("heading")
        intro = QLabel(f"{agency_name} has no user accounts yet. Every change in PanelApp is "
                       "recorded under a named account, so create yours first. It is an "
                       "administrator's account: with it you can create the others.")
        intro.setWordWrap(True)
        self.fields = AccountFields()
        self.error = QLabel()
        self.error.setObjectName("muted")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("What is still missing")
        self.button = QPushButton("Create the account and sign in")
        self.button.setAccessibleName("Create the account and sign in")
        self.button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 32)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self.setMinimumSize(560, 440)
        self.fields.changed.connect(self._update)
        self.button.clicked.connect(lambda: self.create_requested.emit(self.fields.values()))
        self._update()

    def _update(self) -> None:
        problem = self.fields.problem()
        self.button.setEnabled(problem is None)
        self.error.setText(problem or "")

    def refused(self, message: str) -> None:
        self.error.setText(message)
