"""A progress dialog for one task: a bar, what the task is doing, and Cancel.

Its own small dialog rather than QProgressDialog, whose Cancel hides the dialog
at once: here it stays up, saying it is cancelling, until the worker has
actually stopped and undone its work.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.tasks import Task

STEPS = 1000


class TaskProgressDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, first_message: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.task: Task | None = None

        self.message = QLabel(first_message)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("What is happening")
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.request_cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)

    def follow(self, task: Task) -> None:
        self.task = task
        self.bar.setValue(0)
        self.show()

    def report(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(fraction * STEPS))
        if message:
            self.message.setText(message)

    def request_cancel(self) -> None:
        if self.task is not None and not self.task.cancelled:
            self.task.cancel()
            self.message.setText("Cancelling: undoing what was done so far…")
            self.cancel_button.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        # Escape or the window's close button cancel the task; the dialog closes
        # only when the task has stopped.
        self.request_cancel()

    def finish(self) -> None:
        self.task = None
        self.done(QDialog.DialogCode.Accepted)
        self.deleteLater()


class ProgressOwner(QObject):
    """Runs one task at a time behind a TaskProgressDialog, then tells the user how it went in a
    message box over ``parent``."""

    finished = Signal(str, str)  # the outcome, in a word, and what the user was told

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.progress: TaskProgressDialog | None = None
        self.message: QMessageBox | None = None

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def _tell(self, outcome: str, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, parent=self.parent())
        box.setAccessibleName(title)
        self.message = box
        box.open()
        self.finished.emit(outcome, text)
