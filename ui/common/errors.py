"""What the desktop does when something fails that nobody expected: the failure is
logged (its type and traceback frames, never its message) and the user is shown a
dialog saying so, with a button that copies the details for whoever supports them.

Messages stay out of the log and the details because a database error's message holds
SQL and its parameters, and any message may name a person (brief: logs never carry
SQL, parameters or personal data).
"""

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from panelapp import __version__
from panelapp.errors import PanelAppError

log = logging.getLogger("ui")


def stack(exc: BaseException) -> str:
    """Where ``exc`` was raised: the file, line and function of each frame, and the type of
    each exception in its chain, without their messages or the source lines (a line may
    quote a value)."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
                         for f in traceback.extract_tb(current.__traceback__))
        parts.append(f"{frames}{type(current).__module__}.{type(current).__qualname__}")
        current = current.__cause__ or current.__context__
    return "\nwhile handling, or caused by:\n".join(reversed(parts))


def log_failure(what: str, exc: BaseException) -> None:
    """Log that ``what`` failed: a sentence, the exception's type and where it was raised."""
    log.error("%s failed with %s\n%s", what, type(exc).__name__, stack(exc))


def said(exc: BaseException, what: str) -> str:
    """What the user is told when ``what`` failed in a worker: a refusal in the service's
    own words; anything else as a plain sentence, its traceback to the log."""
    if isinstance(exc, PanelAppError):
        return str(exc)
    log_failure(what, exc)
    return f"something unexpected went wrong ({type(exc).__name__}); the log file has the details."


def details(what: str, exc: BaseException) -> str:
    return f"PanelApp {__version__}: {what} failed with {type(exc).__name__}.\n\n{stack(exc)}\n"


class ErrorDialog(QDialog):
    """Something failed unexpectedly: say so plainly, and offer the details to copy."""

    def __init__(self, what: str, exc: BaseException, log_file: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle("PanelApp met a problem")
        self.message = QLabel(f"PanelApp could not finish {what}. What it was writing was not saved; "
                              "what is already stored is as it was.")
        self.message.setObjectName("subheading")
        where = f" The details are also in the log file, {log_file}." if log_file else ""
        advice = QLabel("If it happens again, copy the details and send them to whoever supports PanelApp: "
                        "they say where it went wrong, and nothing about the people in the records." + where)
        for label in (self.message, advice):
            label.setWordWrap(True)
        self.details = details(what, exc)
        shown = QPlainTextEdit(self.details)
        shown.setReadOnly(True)
        shown.setAccessibleName("Details of the problem")
        shown.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName("Copy the details of the problem")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(advice)
        layout.addWidget(shown, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


_open: list[ErrorDialog] = []  # shown dialogs, kept from the garbage collector until closed


def show_error(what: str, exc: BaseException, parent: QWidget | None = None) -> ErrorDialog | None:
    """Log the failure and tell the user; None when there is no application to show it in."""
    from ui.shell.logs import log_path

    log_failure(what, exc)
    if QApplication.instance() is None:
        return None
    path = log_path()
    dialog = ErrorDialog(what, exc, str(path) if path else None, parent)
    _open.append(dialog)
    dialog.finished.connect(lambda _result: _open.remove(dialog) if dialog in _open else None)
    dialog.open()
    return dialog


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_excepthook() -> Hook:
    """Route exceptions nobody caught on the GUI thread to ``show_error``; returns the hook
    it replaced, so it can be put back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        show_error("what it was doing", exc.with_traceback(tb))

    sys.excepthook = hook
    return previous
