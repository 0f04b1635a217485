"""The quorum indicator: green or red, and always the words saying why (never colour alone)."""

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.shell import theme

# Background and text of each state, light and dark; the text always says the state too.
COLOURS = {
    (True, False): ("#dff3e4", "#11512a", "#7cc593"),
    (False, False): ("#fbe0de", "#8c1d18", "#e08a84"),
    (None, False): ("#eef0f3", "#3b444e", "#c9d0d8"),
    (True, True): ("#17381f", "#b6ecc4", "#2f7a45"),
    (False, True): ("#4a1d1a", "#ffc9c4", "#a8443d"),
    (None, True): ("#262b31", "#c9d0d8", "#3a414a"),
}


class QuorumIndicator(QFrame):
    """``show_result(quorate, explanation)``; ``quorate`` None means nothing to judge yet."""

    def __init__(self, subject: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.subject = subject
        self.quorate: bool | None = None
        self._restyling = False
        self.setObjectName("quorum")
        self.mark = QLabel()
        self.mark.setObjectName("quorum_mark")
        self.mark.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(f"Why: quorum for {subject}")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.show_result(None, "")

    def show_result(self, quorate: bool | None, explanation: str) -> None:
        self.quorate = quorate
        word = {True: "✔ Quorate", False: "✖ Inquorate", None: "Quorum"}[quorate]
        self.mark.setText(f"{self.subject}: {word}")
        self.text.setText(explanation or "Take the attendance to see whether the panel is quorate.")
        self.setAccessibleName(f"Quorum for {self.subject}: {word[2:] if quorate is not None else 'not known'}")
        self.setAccessibleDescription(self.text.text())
        self.retheme()

    def changeEvent(self, event) -> None:
        # The user switched between light and dark: follow, without waiting for the next change.
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) and not self._restyling:
            # Later: the theme says it is dark only after it has restyled the application.
            QTimer.singleShot(0, self, self.retheme)

    def retheme(self) -> None:
        background, text, border = COLOURS[(self.quorate, theme.current_is_dark())]
        self._restyling = True
        try:
            self._style(background, text, border)
        finally:
            self._restyling = False

    def _style(self, background: str, text: str, border: str) -> None:
        self.setStyleSheet(
            f"QFrame#quorum {{ background: {background}; border: 1px solid {border}; border-radius: 5px; }}"
            f"QFrame#quorum QLabel {{ color: {text}; background: transparent; }}"
            f"QLabel#quorum_mark {{ font-weight: 600; }}")
