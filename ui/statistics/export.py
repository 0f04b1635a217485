"""Saving the statistics: the chair's report as PDF and the figures as an Excel workbook.

The work runs in the task runner. Each file is written beside its target under
a temporary name and renamed into place only if the user has not cancelled by
then, so Cancel always means nothing was written.
"""

import datetime as dt
import logging
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.reports.annual import annual_report_pdf
from panelapp.stats import export_xlsx
from panelapp.stats.coverage import Coverage
from ui.common.errors import log_failure
from ui.common.progress import ProgressOwner, TaskProgressDialog
from ui.common.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


def sentence(text: str) -> str:
    """A core message as a sentence: a capital letter first and a full stop last."""
    text = str(text).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def written_in_place(task: Task, path: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """``write(temporary)`` beside ``path``, then the temporary renamed to ``path`` unless
    the task was cancelled meanwhile; the temporary never outlives this call."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise PanelAppError(f"{target} cannot be written: the folder {folder} does not exist")
    temporary = folder / f".{target.stem}.{uuid.uuid4().hex[:8]}.part{target.suffix}"
    try:
        write(temporary)
        task.check()
        os.replace(temporary, target)
    except OSError as exc:
        raise PanelAppError(f"{target} cannot be written: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return target


def write_report(task: Task, store: Store, start: dt.date, end: dt.date, path) -> Path:
    """The worker for the PDF: its own session, the report for ``start`` to ``end``."""
    task.progress(0.1, "Counting the figures and drawing the charts…")

    def write(temporary: Path) -> None:
        with store.session() as session:
            annual_report_pdf(session, temporary, date_from=start, date_to=end)
        task.progress(0.9, "Putting the file in place…")

    return written_in_place(task, path, write)


def write_figures(task: Task, result: dict, path, agency: str | None = None, coverage: Coverage | None = None
                  ) -> Path:
    """The worker for the workbook: the figures already counted, three periods side by side,
    the agency named, "no records" where the store's records do not reach."""
    task.progress(0.2, "Writing the figures…")
    return written_in_place(task, path, lambda temporary: export_xlsx(result, temporary, agency=agency,
                                                                      coverage=coverage))


class Saver(ProgressOwner):
    """Runs one save at a time with a progress dialog, then says where the file went; ``finished``
    says "saved", "failed" or "cancelled"."""

    def __init__(self, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.runner, self.parent_widget = runner, parent

    @property
    def busy(self) -> bool:
        return self.progress is not None

    def save(self, what: str, fn: Callable, *args) -> Task | None:
        """``what``: the thing saved, in words ("the annual report for 2024-25");
        ``fn(task, *args)`` writes it and returns the path written."""
        if self.busy:
            return None
        progress = TaskProgressDialog(self.parent_widget, f"Saving {what}", "Starting…")
        self.progress = progress

        def done(path: Path) -> None:
            self._close_progress()
            self._tell("saved", QMessageBox.Icon.Information, "Saved", f"Saved {what} to {path}.")

        def failed(exc: BaseException, details: str) -> None:
            self._close_progress()
            if isinstance(exc, PanelAppError):
                text = sentence(exc)
            else:
                log_failure(f"saving {what}", exc)
                text = sentence(f"something went wrong while writing the file ({exc})")
            self._tell("failed", QMessageBox.Icon.Warning, "Not saved", f"Could not save {what}. {text}")

        def cancelled() -> None:
            self._close_progress()
            self.finished.emit("cancelled", "Saving was cancelled: nothing was written.")

        task = self.runner.submit(fn, *args, name=f"saving {what}", on_done=done, on_error=failed,
                                  on_progress=progress.report, on_cancelled=cancelled, owner=self)
        progress.follow(task)
        return task
