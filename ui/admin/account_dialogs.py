"""The dialogs of the accounts screen: an account's details, a new password given by the
administrator, and anyone's change of their own password. Each keeps itself open with the
service's sentence when the store refuses, so nothing typed is lost."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from panelapp.enums import USER_ROLES
from panelapp.errors import PanelAppError
from panelapp.queries.accounts import AccountRow, MemberChoice
from panelapp.services.permissions import ROLE_NAMES
from ui.common.widgets import ok_cancel, warning_label

Submit = Callable[[dict], None]  # raises PanelAppError with the sentence to show


class _Dialog(QDialog):
    def __init__(self, title: str, action: str, submit: Submit, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.submit = submit
        self.form = QFormLayout()
        self.error = warning_label("Why it was not done")
        buttons, self.ok_button = ok_cancel(self, action)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def values(self) -> dict:
        raise NotImplementedError

    def problem(self) -> str | None:
        """What is wrong before the store is asked, in a sentence; None when nothing is."""
        return None

    def accept(self) -> None:
        problem = self.problem()
        try:
            if problem:
                raise PanelAppError(problem)
            self.submit(self.values())
        except PanelAppError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def password_box(name: str) -> QLineEdit:
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setAccessibleName(name)
    return box


class AccountDialog(_Dialog):
    """A new account (user name and first password), or an existing one's name, role and member."""

    def __init__(self, members: list[MemberChoice], submit: Submit, account: AccountRow | None = None,
                 parent: QWidget | None = None):
        title = f"Change the account {account.username}" if account else "Add an account"
        super().__init__(title, "&Save" if account else "&Add", submit, parent)
        self.username = QLineEdit(account.username if account else "")
        self.username.setAccessibleName("User name")
        self.username.setReadOnly(account is not None)
        self.display_name = QLineEdit(account.display_name if account else "")
        self.display_name.setAccessibleName("Name shown")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in USER_ROLES:
            self.role.addItem(ROLE_NAMES[role].capitalize(), role)
        self.role.setCurrentIndex(max(0, self.role.findData(account.role if account else "member")))
        self.member = QComboBox()
        self.member.setAccessibleName("Member of the central list")
        self.member.addItem("not a member of the central list", None)
        for m in members:
            self.member.addItem(f"{m.name} ({m.ref})", m.id)
        self.member.setCurrentIndex(max(0, self.member.findData(account.member_id if account else None)))
        self.member.activated.connect(self._member_chosen)
        self.form.addRow("&User name:", self.username)
        self.form.addRow("&Name shown:", self.display_name)
        self.form.addRow("&Role:", self.role)
        self.form.addRow("&Member:", self.member)
        self.password = self.repeat = None
        if account is None:
            self.password = password_box("First password")
            self.repeat = password_box("First password again")
            self.form.addRow("&Password:", self.password)
            self.form.addRow("Password a&gain:", self.repeat)

    def _member_chosen(self, _index: int) -> None:
        # The name shown follows the member chosen, unless one was typed already.
        text = self.member.currentText()
        if self.member.currentData() is not None and not self.display_name.text().strip():
            self.display_name.setText(text.rsplit(" (", 1)[0])

    def problem(self) -> str | None:
        if self.password is not None and self.password.text() != self.repeat.text():
            return "The two passwords differ: type the same password twice."
        return None

    def values(self) -> dict:
        values = {"username": self.username.text().strip(), "display_name": self.display_name.text(),
                  "role": self.role.currentData(), "member_id": self.member.currentData()}
        if self.password is not None:
            values["password"] = self.password.text()
        return values


class ResetDialog(_Dialog):
    """The administrator gives an account a new password (and ends a lockout)."""

    def __init__(self, username: str, submit: Submit, parent: QWidget | None = None):
        super().__init__(f"A new password for {username}", "&Reset", submit, parent)
        self.password = password_box("New password")
        self.repeat = password_box("New password again")
        self.form.addRow("&New password:", self.password)
        self.form.addRow("Password a&gain:", self.repeat)

    def problem(self) -> str | None:
        if self.password.text() != self.repeat.text():
            return "The two passwords differ: type the same password twice."
        return None

    def values(self) -> dict:
        return {"password": self.password.text()}


class OwnPasswordDialog(_Dialog):
    """Anyone changes their own password: the present one, then the new one twice."""

    def __init__(self, submit: Submit, parent: QWidget | None = None):
        super().__init__("Change my password", "&Change", submit, parent)
        self.current = password_box("Present password")
        self.password = password_box("New password")
        self.repeat = password_box("New password again")
        self.form.addRow("&Present password:", self.current)
        self.form.addRow("&New password:", self.password)
        self.form.addRow("Password a&gain:", self.repeat)

    def problem(self) -> str | None:
        if self.password.text() != self.repeat.text():
            return "The two new passwords differ: type the same password twice."
        return None

    def values(self) -> dict:
        return {"current": self.current.text(), "password": self.password.text()}
