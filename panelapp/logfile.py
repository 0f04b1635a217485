"""PanelApp's log file: where a failure happened, for whoever supports the agency.

It lives in the user's log folder, readable by that user alone, and holds tracebacks
without exception messages (``errors.safe_details``), so no SQL, parameter or name.
"""

import datetime as dt
import os
from pathlib import Path

from platformdirs import user_log_path

from .config import APP_NAME
from .errors import safe_details
from .privacy import private_dir, private_file

ENV_LOG_DIR = "PANELAPP_LOG_DIR"


def log_path() -> Path:
    folder = os.environ.get(ENV_LOG_DIR)
    return (Path(folder) if folder else user_log_path(APP_NAME, appauthor=False)) / "panelapp.log"


def log_failure(exc: BaseException) -> Path | None:
    """Append where ``exc`` happened to the log; None when the log cannot be written."""
    path = log_path()
    try:
        private_dir(path.parent, ours=os.environ.get(ENV_LOG_DIR) is None)
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{dt.datetime.now(dt.UTC).isoformat()} failure\n{safe_details(exc)}\n")
        private_file(path)
    except OSError:
        return None
    return path
