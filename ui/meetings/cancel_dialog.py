"""Cancelling a planned meeting: why, and which later meeting takes its items."""

from PySide6.QtWidgets import QComboBox, QWidget

from panelapp.queries.meetings import CancelChoices, LaterMeeting
from ui.common.reason_dialog import ReasonDialog
from ui.common.words import day


def target_words(m: LaterMeeting) -> str:
    """How the combo names a later meeting that could take the items."""
    room = f", takes {m.capacity}" if m.capacity else ""
    return f"{day(m.meeting_date)} — {m.ref} ({m.items} items{room})"


class CancelDialog(ReasonDialog):
    def __init__(self, choices: CancelChoices, parent: QWidget | None = None):
        items = f"{choices.waiting} item{'s' if choices.waiting != 1 else ''}"
        explain = f"The meeting of {day(choices.meeting_date)} ({choices.ref}) will be cancelled. "
        if not choices.waiting:
            explain += "It has no items waiting to be heard."
        elif choices.later:
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
        for later in choices.later if choices.waiting else ():
            self.move_to.addItem(target_words(later), later.id)
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
