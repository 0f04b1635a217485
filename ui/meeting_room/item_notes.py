"""What the minutes say of an item besides its recommendation: whether the applicants
attended and spoke, and the advice of the agency, medical and legal advisers.

The applicants' attendance is recorded as it is chosen, like the members' attendance;
the advice is typed (kept as drafts by the room's DraftKeeper) and kept in the minutes
with its button, or with the recommendation when the item is recorded.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

from panelapp.enums import ADVISERS
from panelapp.queries.room import ItemState
from ui.meeting_room.autosave import DraftKeeper

# The choice, what it records (attended, spoke), and how the chair says it.
APPLICANTS = {
    "absent": ((False, False), "did not attend"),
    "attended": ((True, False), "attended, and did not speak to the panel"),
    "spoke": ((True, True), "attended, and spoke to the panel"),
}
ADVISER_LABELS = {"agency_adviser": "Agency adviser", "medical_adviser": "Medical adviser",
                  "legal_adviser": "Legal adviser"}


def advice_field(who: str) -> str:
    """The draft name of an adviser's advice (panelapp.queries.room.DRAFTED)."""
    return f"advice:{who}"


class ItemNotes(QGroupBox):
    """``applicants_chosen(attended, spoke)`` at once; ``advice_requested(advice)`` by the button."""

    applicants_chosen = Signal(bool, bool)
    advice_requested = Signal(dict)

    def __init__(self, keeper: DraftKeeper, parent: QWidget | None = None):
        super().__init__("The applicants, and the advisers' advice", parent)
        self.applicants = QComboBox()
        self.applicants.setAccessibleName("The applicants at the meeting")
        self.applicants.setToolTip("Recorded as soon as it is chosen, for the minutes")
        self.applicants.currentIndexChanged.connect(self._applicants_changed)
        self.advice: dict[str, QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.addRow("A&pplicants:", self.applicants)
        for who in ADVISERS:
            box = QPlainTextEdit()
            spoken = ADVISER_LABELS[who]
            box.setAccessibleName(f"Advice of the {spoken.lower()}")
            box.setPlaceholderText(f"the {spoken.lower()}'s advice to the panel, if any")
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 2 + 16)
            keeper.watch(advice_field(who), box)
            self.advice[who] = box
            form.addRow(f"{spoken}:", box)
        self.keep = QPushButton("Keep the advi&ce in the minutes")
        self.keep.setAccessibleName("Keep the advisers' advice in the minutes")
        self.keep.setToolTip("Recording the recommendation keeps it too")
        self.keep.clicked.connect(lambda: self.advice_requested.emit(self.advice_given()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep)
        form.addRow(row)
        self._fill_applicants(None)

    def _fill_applicants(self, chosen: str | None) -> None:
        self.applicants.blockSignals(True)
        self.applicants.clear()
        if chosen is None:
            # Once recorded, "not recorded" is no longer a choice: the service keeps what was said.
            self.applicants.addItem("not recorded", None)
        for key, (_value, words) in APPLICANTS.items():
            self.applicants.addItem(words, key)
        self.applicants.setCurrentIndex(max(0, self.applicants.findData(chosen)))
        self.applicants.blockSignals(False)

    def show_item(self, item: ItemState) -> None:
        """The applicants as recorded (the advice texts are filled by the draft keeper)."""
        attended = item.applicants_attended
        self._fill_applicants(None if attended is None else "spoke" if attended and item.applicants_spoke
                              else "attended" if attended else "absent")

    def recorded_texts(self, item: ItemState) -> dict[str, str]:
        """The advice as stored, by draft name, for the draft keeper to show."""
        return {advice_field(who): item.advice.get(who, "") for who in ADVISERS}

    def advice_given(self) -> dict[str, str]:
        return {who: box.toPlainText().strip() for who, box in self.advice.items()}

    def advice_changed(self, item: ItemState) -> dict[str, str]:
        """The advice that differs from what is stored (an emptied box takes it away)."""
        return {who: text for who, text in self.advice_given().items() if text != item.advice.get(who, "")}

    def set_editable(self, editable: bool) -> None:
        self.applicants.setEnabled(editable)
        for box in self.advice.values():
            box.setReadOnly(not editable)
        self.keep.setEnabled(editable)

    def _applicants_changed(self, index: int) -> None:
        key = self.applicants.itemData(index)
        if key in APPLICANTS:
            self.applicants_chosen.emit(*APPLICANTS[key][0])
