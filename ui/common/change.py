"""The one way the screens change something, in the spirit of Anki's CollectionOp: run a
service as the signed-in user in one transaction, show a refusal as the service's sentence,
and reload what changed.

A refusal is a PanelAppError: the service said no, in words, and wrote nothing. Anything
else is a fault, not a refusal; it goes on to the error dialog (ui.common.errors), the
transaction rolled back.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.services.permissions import Actor

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What the service returned, or why it refused."""

    value: T | None = None
    refusal: str | None = None

    @property
    def done(self) -> bool:
        return self.refusal is None


def change(store: Store, actor: Actor, step: Callable[..., T], *args: Any,
           refused: Callable[[str], object], done: Callable[[T], object] | None = None,
           **kwargs: Any) -> Outcome[T]:
    """``step(session, actor, *args, **kwargs)`` in one transaction. Refused: ``refused(sentence)``,
    nothing written. Done: ``done(result)``, which reloads what the change touched."""
    try:
        with store.transaction() as session:
            value = step(session, actor, *args, **kwargs)
    except PanelAppError as exc:
        refused(str(exc))
        return Outcome(refusal=str(exc))
    if done is not None:
        done(value)
    return Outcome(value=value)
