"""Work off the GUI thread: one runner on a QThreadPool, results back on the GUI thread.

Modelled on Picard's thread helpers: a worker runs a plain function in the pool
and posts its result, or its exception, back through a queued signal, so only
the GUI thread ever touches widgets. A worker is asked to stop through the
``Task`` it is handed, which it checks (``task.check()``) or which raises from
``task.progress()`` once cancelled.
"""

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from panelapp.errors import safe_details
from panelapp.store_faults import explain

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user cancelled the task; whatever it was doing is abandoned."""


class Task(QObject):
    """One piece of work: what the worker sees (cancellation, progress) and what the
    GUI thread hears (its signals, delivered through the GUI thread's event loop)."""

    progressed = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object, str)
    was_cancelled = Signal()

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self._stop = threading.Event()
        self.outcome: str | None = None  # "done", "failed" or "cancelled", once delivered

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def check(self) -> None:
        """Raise ``Cancelled`` when the user has asked the task to stop."""
        if self._stop.is_set():
            raise Cancelled(f"{self.name} was cancelled")

    def progress(self, fraction: float, message: str = "") -> None:
        """Report how far the work has got (0 to 1); raises ``Cancelled`` once cancelled,
        so a long loop that reports progress also stops when asked."""
        self.check()
        self.progressed.emit(max(0.0, min(1.0, float(fraction))), str(message))


class _Worker(QRunnable):
    def __init__(self, task: Task, fn: Callable, args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its result is delivered
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    def run(self) -> None:
        task = self.task
        try:
            task.check()
            result = self.fn(task, *self.args, **self.kwargs)
        except Cancelled:
            task.was_cancelled.emit()
        except BaseException as exc:  # the GUI thread decides what the user is told
            # A database error's text may quote SQL and records: the GUI gets its sentence.
            task.failed.emit(explain(exc) or exc, safe_details(exc))
        else:
            task.finished.emit(result)


class TaskRunner(QObject):
    """Runs ``fn(task, *args, **kwargs)`` in the pool; callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: dict[Task, tuple[_Worker, dict]] = {}

    def submit(self, fn: Callable[..., Any], *args, name: str | None = None,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException, str], None] | None = None,
               on_progress: Callable[[float, str], None] | None = None,
               on_cancelled: Callable[[], None] | None = None, owner: QObject | None = None,
               **kwargs) -> Task:
        """``owner``: the widget the callbacks belong to; when it is destroyed first, the
        task is cancelled and its callbacks dropped, so none reaches a deleted widget."""
        task = Task(name or getattr(fn, "__name__", "task"))
        callbacks = {"done": on_done, "error": on_error, "progress": on_progress,
                     "cancelled": on_cancelled}
        # The task lives in this (the GUI) thread, so its signals, emitted from the
        # worker, arrive here queued, after the worker has let go of them.
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._on_finished)
        task.failed.connect(self._on_failed)
        task.was_cancelled.connect(self._on_cancelled)
        worker = _Worker(task, fn, args, kwargs)
        self._running[task] = (worker, callbacks)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self._forget(task))
        self.pool.start(worker)
        return task

    @property
    def active(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def shutdown(self, wait_ms: int = 30_000) -> bool:
        """Ask every task to stop and wait for the workers; True when all have ended.
        Results still on their way are dropped: the windows they were for are closing."""
        self.cancel_all()
        ended = self.pool.waitForDone(wait_ms)
        for task in list(self._running):
            self._forget(task)
        return ended

    def _forget(self, task: Task) -> None:
        task.cancel()
        entry = self._running.get(task)
        if entry is not None:
            entry[1].clear()

    def _callbacks(self, task: Task) -> dict:
        entry = self._running.get(task)
        return entry[1] if entry else {}

    def _finish(self, task: Task, outcome: str) -> dict:
        task.outcome = outcome
        _worker, callbacks = self._running.pop(task, (None, {}))
        task.deleteLater()
        return callbacks

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        task = self.sender()
        callback = self._callbacks(task).get("progress")
        if callback is not None and not task.cancelled:
            callback(fraction, message)

    @Slot(object)
    def _on_finished(self, result) -> None:
        callback = self._finish(self.sender(), "done").get("done")
        if callback is not None:
            callback(result)

    @Slot(object, str)
    def _on_failed(self, exc, details: str) -> None:
        task = self.sender()
        callback = self._finish(task, "failed").get("error")
        if callback is not None:
            callback(exc, details)
        else:  # no screen said what to do: the user is told all the same
            from ui.common.errors import show_error
            show_error(f"the task “{task.name}”", exc)

    @Slot()
    def _on_cancelled(self) -> None:
        callback = self._finish(self.sender(), "cancelled").get("cancelled")
        if callback is not None:
            callback()
