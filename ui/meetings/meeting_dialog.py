"""Planning a meeting, or changing one's date, time, venue or capacity."""

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from panelapp.rules.workdays import WorkingDays
from ui.common.widgets import warning_label


class MeetingDialog(QDialog):
    def __init__(self, title: str, *, date: dt.date, start: dt.time | None = None, venue: str | None = None,
                 capacity: int | None = None, parent: QWidget | None = None,
                 region: str | None = "england_and_wales", today: dt.date | None = None):
        super().__init__(parent)
        self.workdays = WorkingDays(region)
        self.today = today or dt.date.today()
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.date = QDateEdit(QDate(date.year, date.month, date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName("Date")
        self.has_start = QCheckBox("Starts at")
        self.has_start.setAccessibleName("The start time is known")
        self.start = QTimeEdit(QTime(start.hour, start.minute) if start else QTime(10, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Start time")
        self.has_start.setChecked(start is not None)
        self.start.setEnabled(start is not None)
        self.has_start.toggled.connect(self.start.setEnabled)
        self.venue = QLineEdit(venue or "")
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("a room, or online")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 20)
        self.capacity.setSpecialValueText("no limit")
        self.capacity.setValue(capacity or 0)
        self.capacity.setAccessibleName("Capacity: most items the meeting takes")
        form = QFormLayout()
        form.addRow("&Date:", self.date)
        form.addRow(self.has_start, self.start)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Capacity (items):", self.capacity)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName("OK")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.warning = warning_label("What is unusual about the date")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.date.dateChanged.connect(self._check_date)
        self._check_date()

    def _check_date(self, *_args) -> None:
        """A past date or a bank holiday is allowed (a meeting recorded late, a special sitting)
        but said, before OK."""
        day = self.date.date().toPython()
        said = []
        if day < self.today:
            said.append(f"{day:%-d %B %Y} is in the past.")
        holiday = self.workdays.bank_holidays(day.year).get(day)
        if holiday:
            said.append(f"{day:%-d %B %Y} is a bank holiday ({holiday}); the next working day is "
                        f"{self.workdays.add(day, 1):%A %-d %B}.")
        elif day.weekday() >= 5:
            said.append(f"{day:%-d %B %Y} is a {day:%A}.")
        self.warning.setText(" ".join(said))
        self.warning.setVisible(bool(said))

    def values(self) -> dict:
        return {
            "meeting_date": self.date.date().toPython(),
            "start_time": self.start.time().toPython().replace(second=0, microsecond=0)
            if self.has_start.isChecked() else None,
            "venue": self.venue.text().strip() or None,
            "capacity": self.capacity.value() or None,
        }
