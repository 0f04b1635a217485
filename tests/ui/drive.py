"""Driving the screens as their users do (marking attendance, choosing, typing, recording
an item) and checking them (controls a screen reader could not name). Shared by the ui tests."""

from PySide6.QtCore import Qt


def mark(qtbot, room, ref, status, acting=None, arrived=None):
    line = room.attendance.lines[ref]
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        line.status.setCurrentIndex(line.status.findData(status))
    if acting:
        with qtbot.waitSignal(room.loaded, timeout=10_000):
            line.acting.setCurrentIndex(line.acting.findData(acting))
    if arrived:
        line.arrived.clear()
        qtbot.keyClicks(line.arrived, arrived)
        with qtbot.waitSignal(room.loaded, timeout=10_000):
            line.arrived.editingFinished.emit()


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def type_into(qtbot, box, text):
    box.clear()
    qtbot.keyClicks(box, text)


def record(qtbot, room, number, outcome, wording=None, reasons="", votes=None, dissent=(), template=False):
    room.select_item(number)
    pane = room.pane
    assert pane.item.number == number
    choose(pane.outcome, outcome)
    if template:
        qtbot.mouseClick(pane.template, Qt.MouseButton.LeftButton)
    elif wording is not None:
        type_into(qtbot, pane.wording, wording)
    type_into(qtbot, pane.reasons, reasons)
    type_into(qtbot, pane.discussion, f"Members discussed item {number}.")
    if votes:
        pane.views_taken.setChecked(True)
        for key, value in votes.items():
            pane.votes[key].setValue(value)
    for member, view in dissent:
        line = pane.add_dissent_line()
        choose(line.member, member)
        qtbot.keyClicks(line.view, view)
    assert pane.record.isEnabled(), pane.refusal.text()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(pane.record, Qt.MouseButton.LeftButton)
    assert not room.message.isVisible(), room.message.text()


def settle_until(qtbot, room, condition):
    qtbot.waitUntil(lambda: room.state is not None and condition(), timeout=10_000)


def unnamed_controls(widget) -> list:
    """The controls in ``widget`` that a screen reader could not name. The parts Qt
    builds inside its own widgets (a spin box's line edit, a combo box's list, a
    table's headers) are named through the widget they belong to."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
    )
    composite = (QComboBox, QAbstractSpinBox, QAbstractItemView)

    def inside_a_composite(control) -> bool:
        parent = control.parent()
        while parent is not None and parent is not widget:
            if isinstance(parent, composite):
                return True
            parent = parent.parent()
        return False

    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QPlainTextEdit, QAbstractItemView, QTabWidget)
    return [control for kind in kinds for control in widget.findChildren(kind)
            if not control.accessibleName() and not inside_a_composite(control)]
