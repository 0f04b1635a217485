"""File > Open another store…, and the stores opened lately (kept for the machine, not per
account: the store is chosen before anyone signs in to it)."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from panelapp.db import Store, open_store
from panelapp.errors import PanelAppError
from ui.shell import settings

RECENT_KEY = "stores/recent"
KEEP = 8
FILES = "PanelApp stores (*.sqlite *.db);;All files (*)"


def recent_stores() -> list[str]:
    kept = settings.value(RECENT_KEY) or []
    return [kept] if isinstance(kept, str) else [str(p) for p in kept]


def remember_store(path: str) -> None:
    path = str(Path(path).resolve())
    settings.set_value(RECENT_KEY, [path, *(p for p in recent_stores() if p != path)][:KEEP])


def open_other_store(path: str) -> Store:
    """The store in the file ``path``, opened read-only when its file or folder cannot be
    written; PanelAppError with a sentence for the window when it is not a PanelApp store, or
    is read-only and needs an upgrade."""
    file = Path(path)
    if not file.is_file():
        raise PanelAppError(f"There is no store at {file}: it may have been moved or deleted.")
    return open_store(str(file))


def add_to_menu(menu: QMenu, parent: QWidget, chosen: Callable[[str], None]) -> None:
    """Open another store… and the recent stores, each calling ``chosen(path)``."""
    def ask() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, "Open another store", "", FILES)
        if path:
            chosen(path)

    menu.addAction("Open anot&her store…", ask)
    recent = menu.addMenu("Recent stor&es")
    recent.aboutToShow.connect(lambda: _fill_recent(recent, chosen))
    _fill_recent(recent, chosen)


def _fill_recent(menu: QMenu, chosen: Callable[[str], None]) -> None:
    menu.clear()
    for path in recent_stores():
        menu.addAction(path, lambda p=path: chosen(p))
    if menu.isEmpty():
        menu.addAction("No other store opened yet").setEnabled(False)
