"""The confirmation before a sign-off: what will be locked, and the signer's password again.

The services refuse a sign-off without the password (panelapp.services.signoff), so the
command line and any other client meet the same rule; this is the desktop's way to ask.
"""

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def signoff_password(parent: QWidget, preset: str | None, title: str, what: str) -> str | None:
    """The password to sign with, or None when the person chose not to sign.

    ``preset`` is a password already given for this screen (a test drives the screen with
    one); otherwise a dialog says ``what`` will be locked and asks for the password."""
    if preset is not None:
        return preset
    text, ok = QInputDialog.getText(
        parent, title, f"{what}\n\nEnter your password to sign:", QLineEdit.EchoMode.Password)
    return text if ok and text else None
