"""Where the store lives: the user's data folder unless told otherwise."""

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "PanelApp"
ENV_DB_URL = "PANELAPP_DB_URL"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    return data_dir() / "panelapp.sqlite"


def resolve_db_url(db: str | None = None) -> str:
    """``--db`` first (a path or a URL), then ``PANELAPP_DB_URL``, then the user's data folder."""
    chosen = db or os.environ.get(ENV_DB_URL) or str(default_db_path())
    if "://" in chosen:
        return chosen
    return "sqlite:///" + str(Path(chosen).expanduser().resolve())
