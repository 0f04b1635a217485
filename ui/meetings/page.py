"""The panel's meetings, newest first, a year at a time: planning a year from a pattern,
cancelling a meeting and moving its items, and whether each meeting looks quorate."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMainWindow, QPushButton

from panelapp.db import Store
from panelapp.models import Meeting
from panelapp.queries.meetings import cancel_choices, meeting_choices, meeting_rows
from panelapp.services.meetings import cancel_meeting, return_to_planned, schedule_meetings
from panelapp.services.permissions import Actor, allowed
from ui.common import queries
from ui.common.change import change
from ui.common.reason_dialog import ReasonDialog
from ui.common.tablemodel import Column
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.common.words import day, word
from ui.meetings.cancel_dialog import CancelDialog
from ui.meetings.schedule_dialog import ScheduleDialog

ALL_YEARS = 0

MEETING_COLUMNS = (
    Column("Date", lambda m: m.meeting_date, day),
    Column("Ref", lambda m: m.ref),
    Column("Status", lambda m: m.status, word),
    Column("Items", lambda m: m.items, numeric=True,
           show=lambda m: f"{m.items} of {m.capacity}" if m.capacity else str(m.items),
           tip="Items on the agenda (removed ones take no place), of the most the meeting takes"),
    Column("Quorum forecast", lambda m: m.forecast,
           tip="Planned: whether the members expected (on the central list, no apologies) make a quorum. "
               "Held: whether those present did."),
    Column("Papers due", lambda m: m.papers_deadline, day,
           tip="The last day the papers can go out on time"),
    Column("Papers sent", lambda m: m.papers_sent, day, tip="When the papers went to members"),
    Column("Minutes final", lambda m: m.minutes_final, day,
           tip="When the chair approved the minutes as final"),
    # Last, so the longest text takes whatever room is left.
    Column("Venue", lambda m: m.venue),
)
# A forecast at risk can be a long sentence: the column shows its start, the tooltip all of it.
FORECAST_CHARS = 48


class MeetingsPage(TablePage):
    title = "Meetings"
    changed = Signal()  # meetings planned or cancelled: agendas elsewhere are out of date
    plan_requested = Signal()

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, tell=None, parent=None):
        super().__init__(runner, "meetings", MEETING_COLUMNS, lambda: self._read(),
                         mark=lambda row: int(row.at_risk and row.status == "planned"
                                              or row.papers_overdue(self.today())),
                         hint="Search meetings: a date, ref, status or venue",
                         legend="Highlighted: planned meetings at risk of being inquorate, or whose papers "
                                "are overdue.", parent=parent)
        self.store, self.actor = store, actor
        self.today = dt.date.today  # called, not stored: the page may stay open past midnight
        self.year = ALL_YEARS
        self.years: list[int] = []
        self.dialog = None
        self.tell = tell or (lambda title, text: None)
        may_plan = allowed(actor, "meeting.plan")

        self.year_choice = QComboBox()
        self.year_choice.setAccessibleName("Year")
        self.year_choice.addItem("All years", ALL_YEARS)
        self.year_choice.currentIndexChanged.connect(self._year_chosen)
        year_label = QLabel("&Year:")
        year_label.setBuddy(self.year_choice)
        self.plan_button = QPushButton("&Plan a meeting…")
        self.plan_button.clicked.connect(self.plan_requested.emit)
        self.schedule_button = QPushButton("&Schedule a year…")
        self.schedule_button.setAccessibleName("Schedule a year of meetings")
        self.schedule_button.clicked.connect(self.ask_schedule)
        self.cancel_button = QPushButton("&Cancel meeting…")
        self.cancel_button.setAccessibleName("Cancel the meeting")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.return_button = QPushButton("Return to p&lanned…")
        self.return_button.setAccessibleName("Return the meeting to planned")
        self.return_button.setToolTip("A meeting opened by mistake goes back to planned, while nothing is "
                                      "recorded at it")
        self.return_button.clicked.connect(self.ask_return)
        self.agenda_button = QPushButton("&Open agenda")
        self.agenda_button.setAccessibleName("Open the meeting's agenda")
        self.agenda_button.clicked.connect(self._open_agenda)
        for button in (self.plan_button, self.schedule_button, self.cancel_button, self.return_button):
            button.setVisible(may_plan)
        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year_choice)
        bar.addStretch(1)
        for button in (self.plan_button, self.schedule_button, self.cancel_button, self.return_button,
                       self.agenda_button):
            bar.addWidget(button)
        self.layout().insertLayout(0, bar)
        self.current_changed.connect(lambda _row: self._update_buttons())
        self.loaded.connect(lambda _count: self._update_buttons())
        self._update_buttons()

    def _cap_column_widths(self) -> None:
        super()._cap_column_widths()
        header = self.table.horizontalHeader()
        column = next(n for n, c in enumerate(MEETING_COLUMNS) if c.title == "Quorum forecast")
        header.resizeSection(column, min(header.sectionSize(column),
                                         self.fontMetrics().averageCharWidth() * FORECAST_CHARS))

    # -- reading, a year at a time ----------------------------------------------
    def _read(self):
        rows = queries.read(self.store, self.actor, meeting_rows)
        self.years = sorted({r.meeting_date.year for r in rows}, reverse=True)
        year = self.year
        return [r for r in rows if year == ALL_YEARS or r.meeting_date.year == year]

    def _loaded(self, prepared) -> None:
        super()._loaded(prepared)
        self._fill_years()

    def _fill_years(self) -> None:
        wanted = [ALL_YEARS, *self.years]
        shown = [self.year_choice.itemData(i) for i in range(self.year_choice.count())]
        if shown == wanted:
            return
        self.year_choice.blockSignals(True)
        self.year_choice.clear()
        self.year_choice.addItem("All years", ALL_YEARS)
        for year in self.years:
            self.year_choice.addItem(str(year), year)
        self.year_choice.setCurrentIndex(max(self.year_choice.findData(self.year), 0))
        self.year_choice.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        year = self.year_choice.itemData(index)
        if year is not None and year != self.year:
            self.year = year
            self.reload()

    def show_year(self, year: int) -> None:
        """Show ``year``'s meetings (ALL_YEARS: every meeting)."""
        self.year = year
        index = self.year_choice.findData(year)
        if index >= 0:
            self.year_choice.blockSignals(True)
            self.year_choice.setCurrentIndex(index)
            self.year_choice.blockSignals(False)
        self.reload()

    def _update_buttons(self) -> None:
        row = self.current_object()
        self.cancel_button.setEnabled(row is not None and row.status == "planned")
        self.return_button.setEnabled(row is not None and row.status == "held" and row.minutes_final is None)
        self.agenda_button.setEnabled(row is not None)

    def _open_agenda(self) -> None:
        row = self.current_object()
        if row is not None:
            self.activated.emit(row)

    def _say(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    # -- scheduling a year --------------------------------------------------------
    def ask_schedule(self) -> None:
        region = queries.agency_info(self.store)
        existing = [(when, ref) for _id, ref, when, _status in
                    queries.read(self.store, self.actor, meeting_choices, statuses=("planned", "held"))]
        dialog = ScheduleDialog(region.region if region else None, self.today(), parent=self, existing=existing)
        dialog.schedule_requested.connect(lambda values: self.schedule(dialog, values))
        self.dialog = dialog
        dialog.open()

    def schedule(self, dialog: ScheduleDialog, values: dict) -> dict | None:
        def planned(result: dict) -> None:
            dialog.show_result(result)
            created = len(result["created"])
            self._say(f"{created} meeting{'s' if created != 1 else ''} planned from “{values['pattern']}”")
            self._changed()

        return change(self.store, self.actor, schedule_meetings, refused=dialog.show_error, done=planned,
                      **values).value

    # -- cancelling ------------------------------------------------------------------
    def ask_cancel(self) -> None:
        row = self.current_object()
        if row is None or row.status != "planned":
            self.tell("Choose a planned meeting",
                      "Only a planned meeting can be cancelled: choose one in the list.")
            return
        dialog = CancelDialog(queries.read(self.store, self.actor, cancel_choices, row.id), parent=self)
        dialog.accepted.connect(lambda: self.cancel(row.id, **dialog.values()))
        self.dialog = dialog
        dialog.open()

    def cancel(self, meeting_id: int, reason: str, move_to: int | None) -> dict | None:
        capacity: list[int | None] = []

        def step(session, actor) -> dict:
            target = session.get(Meeting, move_to) if move_to is not None else None
            capacity.append(target.capacity if target is not None else None)
            return cancel_meeting(session, actor, session.get(Meeting, meeting_id), reason=reason, move_to=target)

        result = change(self.store, self.actor, step,
                        refused=lambda text: self.tell("The meeting was not cancelled", text)).value
        if result is None:
            return None
        moved = len(result["moved"])
        text = f"Meeting {result['meeting']['ref']} cancelled"
        if moved:
            text += f"; {moved} item{'s' if moved != 1 else ''} moved to {result['moved_to']}"
        self._say(text)
        if result["over_capacity"]:
            self.tell("The meeting is now over capacity",
                      f"{result['moved_to']} takes {capacity[0]} items and now has more. Its agenda says which; "
                      "move some items on, or raise its capacity.")
        self._changed()
        return result

    # -- returning a meeting opened by mistake -----------------------------------------
    def ask_return(self) -> None:
        row = self.current_object()
        if row is None or row.status != "held":
            self.tell("Choose a meeting opened by mistake",
                      "Only a held meeting can go back to planned: choose one in the list.")
            return
        dialog = ReasonDialog(
            f"Return the meeting of {day(row.meeting_date)} ({row.ref}) to planned",
            f"The meeting of {day(row.meeting_date)} ({row.ref}) goes back to planned, as if it had not been "
            "opened; the audit trail keeps why. This is only for a meeting opened by mistake: once anything "
            "is recorded at it (attendance, declarations, an outcome or notes, the finish time, draft minutes) "
            "it stays held.", "&Return to planned", parent=self)
        dialog.accepted.connect(lambda: self.return_planned(row.id, dialog.reason.text().strip()))
        self.dialog = dialog
        dialog.open()

    def return_planned(self, meeting_id: int, reason: str) -> dict | None:
        result = change(self.store, self.actor,
                        lambda session, actor: return_to_planned(session, actor, session.get(Meeting, meeting_id),
                                                                 reason=reason),
                        refused=lambda text: self.tell("The meeting stays held", text)).value
        if result is not None:
            self._say(f"Meeting {result['ref']} is planned again")
            self._changed()
        return result
