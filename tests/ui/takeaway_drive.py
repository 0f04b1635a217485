"""Driving the takeaway dialogs as the adviser and the chair do: fill the fields, press the
buttons, read what the window says. Shared by tests/ui/test_takeaway_*.py."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.core.takeaway_helpers import PASSPHRASE, PASSWORDS  # noqa: F401  (re-exported for the tests)


def press(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_passphrase(qtbot, dialog, passphrase: str = PASSPHRASE, again: str | None = None) -> None:
    field = dialog.passphrase
    field.first.clear()
    qtbot.keyClicks(field.first, passphrase)
    if field.again is not None:
        field.again.clear()
        qtbot.keyClicks(field.again, passphrase if again is None else again)


def type_path(qtbot, path_field, path) -> None:
    path_field.line.clear()
    qtbot.keyClicks(path_field.line, str(path))


def open_dialog(qtbot, commands, action, kind) -> QDialog:
    """Choose the menu item; the dialog it opens, shown and modal over the window."""
    assert action.isVisible() and action.isEnabled(), action.text()
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(commands.dialog, kind) and commands.dialog.isVisible(), timeout=10_000)
    assert commands.dialog.isModal() or commands.dialog.windowModality() != Qt.WindowModality.NonModal
    return commands.dialog


def accept(qtbot, commands, dialog, outcome: str | None = None) -> tuple[str, str]:
    """Press the dialog's OK button and wait for the command to end; (outcome, what was said)."""
    with qtbot.waitSignal(commands.finished, timeout=60_000) as ended:
        press(qtbot, dialog.ok)
    kind, text = ended.args
    if outcome is not None:
        assert kind == outcome, text
    return kind, text


def close_message(qtbot, commands) -> None:
    box = commands.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    press(qtbot, box.button(QMessageBox.StandardButton.Ok))
