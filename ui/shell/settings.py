"""The user's own settings (window geometry, last view, theme), in QSettings.

QSettings() with no arguments uses the organisation and application names set
on the application, and the default format, so tests can point it at a
temporary folder with QSettings.setDefaultFormat and QSettings.setPath.
"""

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "PanelApp"
APPLICATION = "PanelApp"
# Kept for the machine, not the person: the theme and the store are chosen before anyone signs in.
MACHINE_KEYS = ("view/", "stores/")
_account: str | None = None


def use_account(username: str | None) -> None:
    """From now on the section, meeting and window layout remembered are this account's own
    (keys under ``users/<username>/``); None when no one is signed in."""
    global _account
    _account = username


def key_for(key: str) -> str:
    if _account is None or key.startswith(MACHINE_KEYS):
        return key
    return f"users/{_account}/{key}"


def name_application() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def settings() -> QSettings:
    name_application()
    return QSettings()


def value(key: str, default=None):
    return settings().value(key_for(key), default)


def set_value(key: str, data) -> None:
    s = settings()
    s.setValue(key_for(key), data)
    s.sync()
