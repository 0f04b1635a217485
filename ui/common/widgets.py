"""Small widgets several pages and dialogs build the same way."""

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton


def meeting_chooser(chosen: Callable[[int], None], width: int = 30) -> tuple[QComboBox, QLabel]:
    """The "Meeting:" combo a meeting's pages open with, and its label (Alt+M reaches the combo);
    ``chosen(index)`` runs when the user picks another meeting."""
    chooser = QComboBox()
    chooser.setAccessibleName("Meeting")
    chooser.setMinimumContentsLength(width)
    chooser.currentIndexChanged.connect(chosen)
    label = QLabel("&Meeting:")
    label.setBuddy(chooser)
    return chooser, label


def refill(chooser: QComboBox, entries: Iterable[tuple[str, object]], wanted) -> None:
    """Replace the choices (text, data) without signalling each one, then select ``wanted``
    (the first choice when it is not there)."""
    chooser.blockSignals(True)
    chooser.clear()
    for text, data in entries:
        chooser.addItem(text, data)
    chooser.blockSignals(False)
    chooser.setCurrentIndex(max(chooser.findData(wanted), 0))


def ok_cancel(dialog: QDialog, action: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel for ``dialog``, the OK button named for what it does ("&Attach")."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(action)
    ok.setAccessibleName(action.replace("&", ""))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def warning_label(name: str, selectable: bool = False) -> QLabel:
    """A hidden, wrapping warning line, shown when there is something to say; ``name`` says what
    it holds to a screen reader, ``selectable`` lets the words be copied."""
    label = QLabel()
    label.setObjectName("warning")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label
