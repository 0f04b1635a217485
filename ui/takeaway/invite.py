"""Meeting > Send invitations…: calendar files (.ics) for one meeting, or for every meeting of a
year, for the members on the central list and the presenters. Writing them again after a change
replaces the earlier invitation in people's calendars."""

import datetime as dt
import re
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QComboBox, QLineEdit, QRadioButton, QSpinBox, QWidget

from panelapp.queries.meetings import MeetingChoice
from ui.common.words import day
from ui.takeaway.dialogs import _Form
from ui.takeaway.fields import PathField

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvitationsDialog(_Form):
    def __init__(self, meetings: list[MeetingChoice], meeting_id: int | None, folder: str,
                 parent: QWidget | None = None):
        super().__init__("Send invitations",
                         "Calendar invitations (.ics) for Outlook and Thunderbird: one per meeting, inviting the "
                         "members on the central list that day (less those who sent apologies) and the items' "
                         "presenters. They name no child or household. Send the file to everyone invited; "
                         "written again after a change, it replaces the earlier invitation, and a cancelled "
                         "meeting's cancels it.", "W&rite invitations", parent)
        self.meetings, self.folder = meetings, folder
        self.one = QRadioButton("This &meeting:")
        self.one.setAccessibleName("One meeting")
        self.year_choice = QRadioButton("Every meeting of the &year:")
        self.year_choice.setAccessibleName("Every meeting of a year")
        group = QButtonGroup(self)
        group.addButton(self.one)
        group.addButton(self.year_choice)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting")
        for m in meetings:
            self.meeting.addItem(f"{day(m.meeting_date)} — {m.ref} ({m.status})", m.id)
        self.meeting.setCurrentIndex(max(self.meeting.findData(meeting_id), 0))
        self.year = QSpinBox()
        self.year.setAccessibleName("Year")
        self.year.setRange(1990, 2100)
        chosen = next((m for m in meetings if m.id == meeting_id), None)
        self.year.setValue(chosen.meeting_date.year if chosen else dt.date.today().year)
        self.organizer = QLineEdit()
        self.organizer.setAccessibleName("Organiser's e-mail address")
        self.organizer.setPlaceholderText("where replies go (optional)")
        self.addresses = PathField("Addresses file", "open", "Members' e-mail addresses",
                                   "CSV files (*.csv);;All files (*)", browse="Bro&wse…")
        self.addresses.line.setPlaceholderText("rows of: member ref or presenter, address (optional)")
        self.target = PathField("Where to write", "folder", "Where the invitations go", browse="Brow&se…")
        self.form.addRow(self.one, self.meeting)
        self.form.addRow(self.year_choice, self.year)
        self.form.addRow("&Organiser's e-mail:", self.organizer)
        self.form.addRow("A&ddresses (CSV):", self.addresses)
        self.form.addRow("Write &to:", self.target)
        self.one.toggled.connect(self._kind)
        self.year.valueChanged.connect(lambda *_: self._kind())
        self.one.setChecked(True)
        self._kind()
        self.setMinimumWidth(640)

    def _kind(self, *_args) -> None:
        one = self.one.isChecked()
        self.meeting.setEnabled(one)
        self.year.setEnabled(not one)
        if one:
            self.target.mode, self.target.filters = "folder", ""
            self.target.set(self.folder)
        else:
            self.target.mode, self.target.filters = "save", "Calendar files (*.ics)"
            self.target.set(Path(self.folder) / f"panel-meetings-{self.year.value()}.ics")

    def meeting_ids(self) -> list[int]:
        if self.one.isChecked():
            chosen = self.meeting.currentData()
            return [chosen] if chosen is not None else []
        from ui.takeaway.work import year_meetings
        return year_meetings(self.meetings, self.year.value())

    def problem(self) -> str | None:
        if not self.meeting_ids():
            return ("There is no meeting to invite to." if self.one.isChecked()
                    else f"No meeting is planned in {self.year.value()}.")
        organizer = self.organizer.text().strip()
        if organizer and not EMAIL.match(organizer):
            return f"The organiser's e-mail address {organizer!r} is not an address (name@example.org)."
        if self.addresses.text() and not Path(self.addresses.text()).expanduser().is_file():
            return f"There is no addresses file at {self.addresses.text()}."
        target = Path(self.target.text()).expanduser()
        if not self.target.text():
            return "Say where to write the invitations."
        if self.one.isChecked():
            return None if target.is_dir() else f"The folder {target} does not exist."
        if target.suffix != ".ics":
            return f"{target.name}: the year's invitations are written as one .ics file; end the name with .ics."
        return None if target.parent.is_dir() else f"The folder {target.parent} does not exist."

    def values(self) -> dict:
        return {"meeting_ids": self.meeting_ids(), "one_file": self.year_choice.isChecked(),
                "target": str(Path(self.target.text()).expanduser()),
                "organizer": self.organizer.text().strip() or None,
                "addresses": str(Path(self.addresses.text()).expanduser()) if self.addresses.text() else None}
