"""Planning a year of meetings from a pattern such as "2nd and 4th Thursday, 10:00".

The dialog previews the dates as the pattern is typed (bank holidays of the
agency's region are shown as skipped); the service plans them and says which it
created and which it skipped, and the dialog then lists exactly that.
"""

import datetime as dt
import html

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from panelapp.errors import PanelAppError
from panelapp.rules.workdays import WorkingDays
from panelapp.services.meetings import Pattern
from ui.common.words import clock

EXAMPLE = "2nd and 4th Thursday, 10:00"


def long_day(value: dt.date) -> str:
    return value.strftime("%a %-d %b %Y")


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def a_year_from(first: dt.date) -> dt.date:
    """The day before the same date next year: a year's diary."""
    try:
        return first.replace(year=first.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(first.year + 1, 2, 28)


class ScheduleDialog(QDialog):
    """``schedule_requested(values)``: the page plans the meetings and answers with
    ``show_result`` or ``show_error``; the dialog stays open to show either."""

    schedule_requested = Signal(dict)

    def __init__(self, region: str | None, today: dt.date, parent: QWidget | None = None,
                 existing: list[tuple[dt.date, str]] = ()):
        """``existing``: the meetings planned or held already (date, ref): never doubled."""
        super().__init__(parent)
        self.existing = sorted(existing)
        self.setWindowTitle("Schedule a year of meetings")
        self.setAccessibleName("Schedule a year of meetings")
        self.workdays = WorkingDays(region)
        self.pattern = QLineEdit(EXAMPLE)
        self.pattern.setAccessibleName("Pattern")
        self.pattern.setPlaceholderText(f"for example: {EXAMPLE}")
        example = QLabel("For example: “2nd and 4th Thursday, 10:00”, “1st Tuesday, 13:30” or "
                         "“last Friday”. The time of day is kept for every meeting.")
        example.setObjectName("muted")
        example.setWordWrap(True)
        first = today + dt.timedelta(days=1)
        self.first = QDateEdit(qdate(first))
        self.last = QDateEdit(qdate(a_year_from(first)))
        for edit, name in ((self.first, "First date"), (self.last, "Last date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setAccessibleName(name)
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("a room, or online")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 20)
        self.capacity.setSpecialValueText("no limit")
        self.capacity.setAccessibleName("Capacity: most items a meeting takes")
        self.move = QRadioButton("&move it to the next working day")
        self.move.setAccessibleName("On a bank holiday, move the meeting to the next working day")
        self.skip = QRadioButton("s&kip it")
        self.skip.setAccessibleName("On a bank holiday, skip the meeting")
        self.move.setChecked(True)
        holiday_group = QButtonGroup(self)
        holiday_group.addButton(self.move)
        holiday_group.addButton(self.skip)
        holiday_row = QHBoxLayout()
        holiday_row.addWidget(self.move)
        holiday_row.addWidget(self.skip)
        holiday_row.addStretch(1)
        self.already = QLabel()
        self.already.setWordWrap(True)
        self.already.setObjectName("muted")
        self.already.setAccessibleName("Meetings already planned in these dates")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("The dates the pattern gives")
        self.result = QTextBrowser()
        self.result.setAccessibleName("Meetings planned and dates skipped")
        self.result.hide()

        form = QFormLayout()
        form.addRow("&Pattern:", self.pattern)
        form.addRow("", example)
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Capacity (items):", self.capacity)
        form.addRow("On a bank holiday:", holiday_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.schedule_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.schedule_button.setText("&Schedule")
        self.schedule_button.setAccessibleName("Schedule")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.buttons.accepted.connect(self._schedule)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.already)
        layout.addWidget(self.preview)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.buttons)
        for signal in (self.pattern.textChanged, self.first.dateChanged, self.last.dateChanged, self.move.toggled):
            signal.connect(self._preview)
        self.already.hide()
        self.setMinimumWidth(520)
        self._preview()

    def values(self) -> dict:
        return {"pattern": self.pattern.text().strip(), "first": self.first.date().toPython(),
                "last": self.last.date().toPython(), "venue": self.venue.text().strip() or None,
                "capacity": self.capacity.value() or None, "on_holiday": "move" if self.move.isChecked() else "skip"}

    def _preview(self) -> None:
        values = self.values()
        try:
            rule = Pattern.parse(values["pattern"])
        except PanelAppError as exc:
            self._say(str(exc), ok=False)
            return
        if values["last"] < values["first"]:
            self._say("The last date is before the first.", ok=False)
            return
        dates = sorted(rule.dates(values["first"], values["last"]))
        already = [(d, ref) for d, ref in self.existing if values["first"] <= d <= values["last"]]
        self.already.setText(("Already planned in these dates, and not doubled: "
                              + ", ".join(f"{long_day(d)} ({ref})" for d, ref in already) + ".") if already else "")
        self.already.setVisible(bool(already))
        if not dates:
            self._say("The pattern gives no dates between these two.", ok=False)
            return
        taken = {d for d, _ref in already}
        holidays = [d for d in dates if not self.workdays.is_working_day(d)]
        moving = values["on_holiday"] == "move"
        planned = [d for d in dates if d not in taken and (moving or d not in holidays)]
        text = (f"{len(planned)} meetings from {long_day(dates[0])} to {long_day(dates[-1])}"
                + (f" at {clock(rule.start)}" if rule.start else ""))
        if holidays and moving:
            text += "; moving " + ", ".join(f"{long_day(d)} to {long_day(self.workdays.add(d, 1))}"
                                            for d in holidays) + " (bank holiday)"
        elif holidays:
            text += "; skipping " + ", ".join(long_day(d) for d in holidays) + " (bank holiday)"
        if taken & set(dates):
            text += f"; {len(taken & set(dates))} date(s) have a meeting already"
        self._say(text + ".", ok=True)

    def _say(self, text: str, ok: bool) -> None:
        self.preview.setObjectName("" if ok else "warning")
        self.preview.style().unpolish(self.preview)  # so the stylesheet sees the new name
        self.preview.style().polish(self.preview)
        self.preview.setText(text)
        self.schedule_button.setEnabled(ok)
        if self.isVisible() and self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())  # a longer preview is read whole, not cut

    def _schedule(self) -> None:
        if self.schedule_button.isEnabled():
            self.schedule_requested.emit(self.values())

    # -- the page's answer -------------------------------------------------------
    def show_error(self, text: str) -> None:
        self._say(text, ok=False)

    def show_result(self, result: dict) -> None:
        """``result``: what ``schedule_meetings`` returned."""
        # In date order, however the pattern's weeks were named ("last and 1st Monday").
        created = sorted(result["created"], key=lambda m: m["date"])
        skipped = sorted(result["skipped"], key=lambda s: s["date"])
        parts = [f"<p><b>{len(created)} meeting{'s' if len(created) != 1 else ''} planned"
                 + (f"; {len(skipped)} date{'s' if len(skipped) != 1 else ''} skipped" if skipped else "")
                 + "</b></p>"]
        moved = result.get("moved") or []
        if moved:
            parts.append("<p>Moved off a bank holiday:</p><ul>" + "".join(
                f"<li>{long_day(m['date'])} to {long_day(m['to'])}</li>" for m in moved) + "</ul>")
        # The dates skipped first: they are what the adviser may need to act on.
        if skipped:
            parts.append("<p>Skipped:</p><ul>" + "".join(
                f"<li>{long_day(s['date'])}: {html.escape(s['why'])}</li>" for s in skipped) + "</ul>")
        if created:
            parts.append("<p>Planned:</p><ul>" + "".join(
                f"<li>{long_day(m['date'])}{' at ' + clock(m['start']) if m['start'] else ''} — "
                f"{html.escape(m['ref'])}</li>" for m in created) + "</ul>")
        self.result.setHtml("".join(parts))
        self.result.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)
        self.result.show()
        self.preview.hide()
        # Planned once: a second press would only skip every date as taken.
        self.schedule_button.setEnabled(False)
        self.schedule_button.hide()
        for edit in (self.pattern, self.first, self.last, self.venue, self.capacity):
            edit.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
