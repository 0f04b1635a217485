"""Hooks on a session for long writes: a callback before each flush, so a worker can
report progress (and check for a cancel) between the batches a service writes."""

from collections.abc import Callable

from sqlalchemy import event
from sqlmodel import Session


def each_flush(session: Session, callback: Callable[[], None]) -> None:
    """Call ``callback()`` before each flush of ``session``, for as long as it lives."""
    event.listen(session, "before_flush", lambda *_: callback())
