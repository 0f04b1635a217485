"""Changes the user can undo: each runs a service in one transaction, and its inverse on undo.

Only changes that a service can truly reverse are undoable (a meeting's
details, the order of an agenda); the audit trail records both directions.
"""

from typing import Callable

from PySide6.QtGui import QUndoCommand

from panelapp.db import Store
from panelapp.errors import PanelAppError


class ServiceCommand(QUndoCommand):
    """``apply(session)`` on redo and ``revert(session)`` on undo, each in its own transaction.

    A refused change (a PanelAppError) is reported through ``on_refused`` and the
    command made obsolete, so the undo stack never holds something that did not happen."""

    def __init__(self, store: Store, text: str, apply: Callable, revert: Callable,
                 on_changed: Callable[[], None], on_refused: Callable[[str, str], None]):
        super().__init__(text)
        self.store, self.apply, self.revert = store, apply, revert
        self.on_changed, self.on_refused = on_changed, on_refused

    def _run(self, step: Callable, doing: str) -> None:
        try:
            with self.store.transaction() as session:
                step(session)
        except PanelAppError as exc:
            self.setObsolete(True)
            self.on_refused(f"Could not {doing} {self.text().lower()}", str(exc))
            return
        self.on_changed()

    def redo(self) -> None:
        self._run(self.apply, "do")

    def undo(self) -> None:
        self._run(self.revert, "undo")
