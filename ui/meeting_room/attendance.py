"""Attendance, recorded as it is marked: each change is one call to record_attendance."""


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from panelapp.queries.room import MemberRow
from panelapp.rules.times import parse_clock
from ui.common.widgets import warning_label
from ui.common.words import clock, word, words

STATUSES = ("present", "apologies", "absent")


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
            edit.setMaximumWidth(80)
            edit.setAccessibleName(f"{member.name}: {what}")
        self.error = warning_label(f"{member.name}: what is wrong with the times")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

    def widgets(self):
        return (self.name, self.status, self.acting, self.arrived, self.left, self.error)

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
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def entry(self) -> dict:
        """This member's attendance as marked; ValueError saying which time cannot be read."""
        present = self.status.currentData() == "present"
        times = {}
        for key, edit, what in (("arrived_at", self.arrived, "Arrived"), ("left_at", self.left, "Left")):
            try:
                times[key] = parse_clock(edit.text()) if present else None
            except ValueError as exc:
                raise ValueError(f"{what}: {exc}") from None
        return {"member": self.ref, "status": self.status.currentData(),
                "acting_as": self.acting.currentData() if present else None} | times


class AttendancePanel(QWidget):
    """Everyone on the central list that day; ``changed`` carries one member's entry."""

    changed = Signal(dict)
    everyone_present = Signal(list)  # the entries of every member not yet recorded

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines: dict[str, MemberLine] = {}
        self._unrecorded: list[str] = []
        self._refs: tuple[str, ...] = ()
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setAccessibleName("Attendance")
        hint = QLabel("Each change is recorded at once; \"not recorded\" takes a mark back. Times are for a "
                      "late arrival or an early departure (24-hour clock: 10:25, 10.25 or 1025).")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.all_present = QPushButton("Mark everyone expected as &present")
        self.all_present.setAccessibleName("Mark everyone expected as present")
        self.all_present.setToolTip("Everyone on the list not yet recorded is marked present; then change "
                                    "the exceptions")
        self.all_present.clicked.connect(self._everyone_present)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.all_present)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_members(self, members: list[MemberRow], may_record: bool) -> None:
        refs = tuple(m.ref for m in members)
        if refs != self._refs:
            self._build(members)
        for member in members:
            self.lines[member.ref].show(member, may_record)
        self._unrecorded = [m.ref for m in members if m.status is None]
        self.all_present.setEnabled(may_record and bool(self._unrecorded))

    def _everyone_present(self) -> None:
        if self._unrecorded:
            self.everyone_present.emit([{"member": ref, "status": "present"} for ref in self._unrecorded])

    def _build(self, members: list[MemberRow]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.lines.clear()
        for column, title in enumerate(("Member", "Attends", "Acting as", "Arrived", "Left", "")):
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
        try:
            entry = line.entry()
        except ValueError as exc:
            line.show_error(str(exc))
            return
        line.show_error("")
        self.changed.emit(entry)
