"""Cancelling a planned meeting: why, and which later meeting takes its items."""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QWidget
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting

from .reason_dialog import ReasonDialog
from .words import day


@dataclass(frozen=True)
class CancelChoices:
    ref: str
    meeting_date: dt.date
    waiting: int  # items not yet heard: they move with the cancellation
    targets: list[tuple[int, str]]  # later planned meetings: (id, how the combo names them)


def cancel_choices(store: Store, meeting_id: int) -> CancelChoices:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        waiting = sum(1 for i in meeting.items if i.outcome is None)
        later = session.exec(select(Meeting).where(Meeting.status == "planned", Meeting.id != meeting.id,
                                                   Meeting.meeting_date >= meeting.meeting_date)
                             .order_by(Meeting.meeting_date, Meeting.ref)).all()
        counts = {m.id: 0 for m in later}
        for meeting_of, outcome in session.exec(select(AgendaItem.meeting_id, AgendaItem.outcome)
                                                .where(AgendaItem.meeting_id.in_(list(counts)))):
            if outcome != "removed":
                counts[meeting_of] += 1
        targets = []
        for m in later:
            room = f", takes {m.capacity}" if m.capacity else ""
            targets.append((m.id, f"{day(m.meeting_date)} — {m.ref} ({counts[m.id]} items{room})"))
        return CancelChoices(meeting.ref, meeting.meeting_date, waiting, targets)


class CancelDialog(ReasonDialog):
    def __init__(self, choices: CancelChoices, parent: QWidget | None = None):
        items = f"{choices.waiting} item{'s' if choices.waiting != 1 else ''}"
        explain = f"The meeting of {day(choices.meeting_date)} ({choices.ref}) will be cancelled. "
        if not choices.waiting:
            explain += "It has no items waiting to be heard."
        elif choices.targets:
            explain += (f"Its {items} not yet heard move to the meeting you choose, after that "
                        "meeting's own items.")
        else:
            explain += f"It has {items} to move, and no later meeting is planned: plan one first."
        super().__init__(f"Cancel the meeting of {day(choices.meeting_date)} ({choices.ref})", explain,
                         "Cancel the &meeting", parent)
        self.choices = choices
        self.move_to = QComboBox()
        self.move_to.setAccessibleName("Move its items to")
        if not choices.waiting:
            self.move_to.addItem("no items to move", None)
            self.move_to.setEnabled(False)
        for meeting_id, label in choices.targets if choices.waiting else ():
            self.move_to.addItem(label, meeting_id)
        self.move_to.setMinimumContentsLength(36)
        self.form.addRow("&Move its items to:", self.move_to)
        # Beside "Cancel the meeting", a plain "Cancel" would be ambiguous.
        self.cancel_button.setText("&Keep the meeting")
        self.cancel_button.setAccessibleName("Keep the meeting")
        self.move_to.currentIndexChanged.connect(self.check)
        self.check()

    def ready(self) -> bool:
        if not super().ready():
            return False
        return not self.choices.waiting or self.move_to.currentData() is not None

    def choose(self, meeting_id: int) -> None:
        self.move_to.setCurrentIndex(self.move_to.findData(meeting_id))

    def values(self) -> dict:
        return {"reason": self.reason.text().strip(), "move_to": self.move_to.currentData()}
