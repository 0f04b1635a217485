"""A change that must say why: removing an item, cancelling a meeting."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.common.widgets import ok_cancel


class ReasonDialog(QDialog):
    """``explain``: a sentence on what will happen. OK is offered once a reason is given."""

    def __init__(self, title: str, explain: str, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.explain = QLabel(explain)
        self.explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("why, in a sentence: it goes into the audit trail")
        self.form = QFormLayout()
        self.form.addRow("&Reason:", self.reason)
        buttons, self.ok_button = ok_cancel(self, action)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(self.check)
        self.setMinimumWidth(460)
        self.check()

    def ready(self) -> bool:
        return bool(self.reason.text().strip())

    def check(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():  # Enter in the reason box must not get past an empty reason
            super().accept()
