"""The user's own settings (window geometry, last view, theme), in QSettings.

QSettings() with no arguments uses the organisation and application names set
on the application, and the default format, so tests can point it at a
temporary folder with QSettings.setDefaultFormat and QSettings.setPath.
"""

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "PanelApp"
APPLICATION = "PanelApp"


def name_application() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def settings() -> QSettings:
    name_application()
    return QSettings()


def value(key: str, default=None):
    return settings().value(key, default)


def set_value(key: str, data) -> None:
    s = settings()
    s.setValue(key, data)
    s.sync()
