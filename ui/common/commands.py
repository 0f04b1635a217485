"""Changes the user can undo: each runs a service in one transaction, and its inverse on undo.

Only changes that a service can truly reverse are undoable (a meeting's
details, the order of an agenda); the audit trail records both directions.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from panelapp.db import Store
from panelapp.services.permissions import Actor
from ui.common.change import change


class ServiceCommand(QUndoCommand):
    """``apply(session, actor)`` on redo and ``revert(session, actor)`` on undo, each through
    ``change`` in its own transaction.

    A refused change (a PanelAppError) is reported through ``on_refused`` and the
    command made obsolete, so the undo stack never holds something that did not happen."""

    def __init__(self, store: Store, actor: Actor, text: str, apply: Callable[..., Any],
                 revert: Callable[..., Any], on_changed: Callable[[], None],
                 on_refused: Callable[[str, str], None]):
        super().__init__(text)
        self.store, self.actor, self.apply, self.revert = store, actor, apply, revert
        self.on_changed, self.on_refused = on_changed, on_refused

    def _run(self, step: Callable[..., Any], doing: str) -> None:
        def refused(sentence: str) -> None:
            self.setObsolete(True)
            self.on_refused(f"Could not {doing} {self.text().lower()}", sentence)

        change(self.store, self.actor, step, refused=refused, done=lambda _value: self.on_changed())

    def redo(self) -> None:
        self._run(self.apply, "do")

    def undo(self) -> None:
        self._run(self.revert, "undo")
