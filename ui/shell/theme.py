"""Fusion, in a light or a dark palette, following the system unless the user chose.

The stylesheet (resources/styles/panelapp.qss) holds only what the palette
cannot say; its ``@name`` words are the colours of the theme in use.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from panelapp.paths import resources_dir

CHOICES = ("system", "light", "dark")

LIGHT = {
    "window": "#f4f5f7", "base": "#ffffff", "alternate": "#f0f3f6", "text": "#1d232a",
    "muted": "#56606b", "button": "#e9ecf0", "highlight": "#2f6f8f", "highlighted_text": "#ffffff",
    "link": "#1f5c7a", "border": "#c9d0d8", "sidebar": "#e8ecf1", "warning": "#fff1c7",
    "warning_text": "#5a4300", "danger": "#b3261e", "tooltip": "#ffffe8", "heading": "#1f4d63",
}
DARK = {
    "window": "#1f2328", "base": "#15181c", "alternate": "#1b1f24", "text": "#e6e9ed",
    "muted": "#a2abb5", "button": "#2b3037", "highlight": "#2f6f8f", "highlighted_text": "#ffffff",
    "link": "#7cc3e6", "border": "#3a414a", "sidebar": "#262b31", "warning": "#4d3d0f",
    "warning_text": "#ffe6a3", "danger": "#ff8a80", "tooltip": "#2b3037", "heading": "#8fcbe8",
}


def colours(dark: bool) -> dict[str, str]:
    return DARK if dark else LIGHT


def palette(dark: bool) -> QPalette:
    c = colours(dark)
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, key in ((role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
                   (role.AlternateBase, "alternate"), (role.Text, "text"), (role.Button, "button"),
                   (role.ButtonText, "text"), (role.Highlight, "highlight"),
                   (role.HighlightedText, "highlighted_text"), (role.Link, "link"),
                   (role.ToolTipBase, "tooltip"), (role.ToolTipText, "text"),
                   (role.PlaceholderText, "muted"), (role.BrightText, "danger")):
        p.setColor(r, QColor(c[key]))
    p.setColor(role.Light, QColor(c["base"]).lighter(110))
    p.setColor(role.Midlight, QColor(c["button"]).lighter(108))
    p.setColor(role.Mid, QColor(c["border"]))
    p.setColor(role.Dark, QColor(c["border"]).darker(130))
    p.setColor(role.Shadow, QColor("#000000"))
    disabled = QColor(c["muted"])
    disabled.setAlpha(170)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, disabled)
    return p


def stylesheet(dark: bool) -> str:
    text = (resources_dir() / "styles" / "panelapp.qss").read_text(encoding="utf-8")
    if dark:  # issue 14: check boxes and radio buttons at 3:1 on the dark window
        text += (resources_dir() / "styles" / "dark_indicators.qss").read_text(encoding="utf-8")
        text = text.replace("@icons", (resources_dir() / "icons").as_posix())
    # Longest names first, so "@warning_text" is not taken for "@warning" + "_text".
    for key, value in sorted(colours(dark).items(), key=lambda kv: -len(kv[0])):
        text = text.replace("@" + key, value)
    return text


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(choice: str) -> bool:
    return choice == "dark" or (choice == "system" and system_is_dark())


def apply(app: QApplication, choice: str) -> bool:
    """Apply the theme ``choice`` (system, light or dark); returns whether it is dark."""
    dark = is_dark(choice if choice in CHOICES else "system")
    app.setStyle("Fusion")
    app.setPalette(palette(dark))
    app.setStyleSheet(stylesheet(dark))
    app.setProperty("panelapp_dark", dark)
    app.setProperty("panelapp_theme", choice if choice in CHOICES else "system")
    return dark


def current_is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("panelapp_dark"))


def icon_colour() -> str:
    return colours(current_is_dark())["text"]


def current_choice() -> str:
    app = QApplication.instance()
    choice = app.property("panelapp_theme") if app else None
    return choice if choice in CHOICES else "system"
