"""The time the meeting finished, for the minutes: typed as the attendance times are
(10:25, 10.25 or 1025) and recorded when the box is left, a time that cannot be read
said beside it."""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from panelapp.rules.times import parse_clock
from ui.common.widgets import warning_label
from ui.common.words import clock


class FinishTime(QWidget):
    """``finish_requested(time)`` when a new time is typed and the box is left."""

    finish_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.recorded: dt.time | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("hh:mm")
        self.edit.setMaximumWidth(80)
        self.edit.setAccessibleName("The time the meeting finished")
        self.edit.setToolTip("For the minutes; recorded when you press Enter or leave the box "
                             "(24-hour clock: 12:30, 12.30 or 1230)")
        self.edit.editingFinished.connect(self._typed)
        label = QLabel("Meeting fini&shed at:")
        label.setBuddy(self.edit)
        self.error = warning_label("What is wrong with the finish time")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 4, 0)
        row.addStretch(0)  # takes the room while there is no error to say: the box stays on the right
        row.addWidget(self.error, 1)
        row.addWidget(label)
        row.addWidget(self.edit)
        self.show_error("")

    def show_time(self, at: dt.time | None, may_record: bool) -> None:
        self.recorded = at
        if not self.edit.hasFocus():  # never overwrite what is being typed
            self.edit.setText(clock(at))
        self.edit.setEnabled(may_record)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _typed(self) -> None:
        try:
            at = parse_clock(self.edit.text())
        except ValueError as exc:
            self.show_error(f"Finish time: {exc}")
            return
        if at is None:
            if self.recorded is not None:
                self.show_error(f"Finish time: a recorded time ({clock(self.recorded)}) is corrected, not "
                                "taken away: type the time the meeting finished.")
            return
        self.show_error("")
        self.edit.setText(clock(at))
        if at != self.recorded:
            self.finish_requested.emit(at)
