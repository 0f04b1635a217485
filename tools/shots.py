"""Taking one picture: let the app settle, then grab the widget to a PNG. Shared by the
screenshots of every screen and the scenes played forward for the agenda and the meeting day."""

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from ui.common.tasks import TaskRunner

SETTLE_SECONDS = 60


def settle(runner: TaskRunner) -> None:
    """Let queued work and painting finish: until no task is running, or a minute has passed."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if runner.active == 0:
            QCoreApplication.processEvents()
            if runner.active == 0:
                return
        time.sleep(0.01)


def save(widget: QWidget, folder: Path, name: str, runner: TaskRunner, saved: list[Path]) -> None:
    widget.show()
    settle(runner)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    saved.append(path)
