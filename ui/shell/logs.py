"""The desktop's log file, configured once: rotating, in the user's log folder, readable
by its owner alone.

What is logged is what went wrong and where (the exception's type and the frames of its
traceback), never an exception's message: a database error's message carries SQL and
its parameters, and any message may name a child or an adopter (ui.common.errors).
"""

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from panelapp.config import APP_NAME

LOG_NAME = "panelapp-desk.log"
MAX_BYTES = 1_000_000
KEPT = 3  # rotated files kept beside the current one
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, the first and each after a rollover, is created
    with mode 0600: only its owner can read what the app says about its work."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def log_folder() -> Path:
    return user_log_path(APP_NAME, appauthor=False, ensure_exists=False)


def configure_logging(folder: Path | None = None) -> Path:
    """Send the app's log to the rotating file, once per process; the file's path."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename)
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    handler = PrivateRotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=KEPT,
                                         encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return Path(handler.baseFilename)


def log_path() -> Path | None:
    """The log file in use, if logging is configured."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename)
    return None
