"""Recording the day the panel pack went out to members."""

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.common.widgets import ok_cancel
from ui.common.words import day


class PapersSentDialog(QDialog):
    def __init__(self, meeting: str, meeting_date: dt.date, deadline: dt.date | None, today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        title = f"Papers sent for {meeting}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.meeting_date, self.deadline = meeting_date, deadline
        sent = min(today, meeting_date)
        self.sent_on = QDateEdit(QDate(sent.year, sent.month, sent.day))
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("ddd d MMM yyyy")
        self.sent_on.setMaximumDate(QDate(meeting_date.year, meeting_date.month, meeting_date.day))
        self.sent_on.setAccessibleName("Sent on")
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Sent on:", self.sent_on)
        buttons, _ok = ok_cancel(self, "&Mark papers sent")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.sent_on.dateChanged.connect(self._explain)
        self.setMinimumWidth(420)
        self._explain()

    def _explain(self) -> None:
        if self.deadline is None:
            self.note.setText(f"The meeting is on {day(self.meeting_date)}.")
        elif self.on() > self.deadline:
            self.note.setText(f"Late: papers were due out by {day(self.deadline)}. The agenda will say so.")
        else:
            self.note.setText(f"On time: papers are due out by {day(self.deadline)}.")

    def on(self) -> dt.date:
        return self.sent_on.date().toPython()
