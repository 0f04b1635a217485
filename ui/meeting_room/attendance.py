"""Attendance, recorded as it is marked: each change is one call to record_attendance."""

import datetime as dt

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from panelapp.queries.room import MemberRow
from ui.common.words import clock, word, words

STATUSES = ("present", "apologies", "absent")
TIME = QRegularExpression(r"^([01]?\d|2[0-3]):[0-5]\d$|^$")


def parse_time(text: str) -> dt.time | None:
    text = text.strip()
    if not text:
        return None
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


class MemberLine:
    """The widgets of one member's line."""

    def __init__(self, member: MemberRow):
        self.ref = member.ref
        self.name = QLabel(f"{member.name}<br><span style='font-size:small'>{words(member.roles)}</span>")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.status = QComboBox()
        self.status.addItem("not recorded", None)
        for status in STATUSES:
            self.status.addItem(word(status), status)
        self.status.setAccessibleName(f"{member.name}: attends")
        self.acting = QComboBox()
        self.acting.addItem("—", None)
        for role in member.roles:
            self.acting.addItem(word(role), role)
        self.acting.setAccessibleName(f"{member.name}: acting as")
        self.arrived = QLineEdit()
        self.left = QLineEdit()
        for edit, what in ((self.arrived, "arrived late at"), (self.left, "left early at")):
            edit.setPlaceholderText("hh:mm")
            edit.setValidator(QRegularExpressionValidator(TIME, edit))
            edit.setMaximumWidth(80)
            edit.setAccessibleName(f"{member.name}: {what}")

    def widgets(self):
        return (self.name, self.status, self.acting, self.arrived, self.left)

    def show(self, member: MemberRow, may_record: bool) -> None:
        for widget in (self.status, self.acting, self.arrived, self.left):
            widget.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(member.status)))
        self.acting.setCurrentIndex(max(0, self.acting.findData(member.acting_as)))
        self.arrived.setText(clock(member.arrived_at))
        self.left.setText(clock(member.left_at))
        present = member.status == "present"
        self.status.setEnabled(may_record)
        for widget in (self.acting, self.arrived, self.left):
            widget.setEnabled(may_record and present)
            widget.blockSignals(False)
        self.status.blockSignals(False)

    def entry(self) -> dict:
        present = self.status.currentData() == "present"
        return {"member": self.ref, "status": self.status.currentData(),
                "acting_as": self.acting.currentData() if present else None,
                "arrived_at": parse_time(self.arrived.text()) if present else None,
                "left_at": parse_time(self.left.text()) if present else None}


class AttendancePanel(QWidget):
    """Everyone on the central list that day; ``changed`` carries one member's entry."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines: dict[str, MemberLine] = {}
        self._refs: tuple[str, ...] = ()
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setAccessibleName("Attendance")
        hint = QLabel("Each change is recorded at once. Times are for a late arrival or an early "
                      "departure (24-hour clock).")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)

    def show_members(self, members: list[MemberRow], may_record: bool) -> None:
        refs = tuple(m.ref for m in members)
        if refs != self._refs:
            self._build(members)
        for member in members:
            self.lines[member.ref].show(member, may_record)

    def _build(self, members: list[MemberRow]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.lines.clear()
        for column, title in enumerate(("Member", "Attends", "Acting as", "Arrived", "Left")):
            label = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(label, 0, column)
        for row, member in enumerate(members, start=1):
            line = MemberLine(member)
            self.lines[member.ref] = line
            for column, widget in enumerate(line.widgets()):
                self.grid.addWidget(widget, row, column)
            line.status.currentIndexChanged.connect(lambda _i, ln=line: self._changed(ln))
            line.acting.currentIndexChanged.connect(lambda _i, ln=line: self._changed(ln))
            line.arrived.editingFinished.connect(lambda ln=line: self._changed(ln))
            line.left.editingFinished.connect(lambda ln=line: self._changed(ln))
        self.grid.setRowStretch(len(members) + 1, 1)
        self._refs = tuple(m.ref for m in members)

    def _changed(self, line: MemberLine) -> None:
        entry = line.entry()
        if entry["status"] is not None:
            self.changed.emit(entry)
