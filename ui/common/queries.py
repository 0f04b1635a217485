"""The screens' one way into the core's read layer (``panelapp.queries``).

Each call opens its own session, so it can run in a worker thread; the answer is
plain data that outlives the session.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from panelapp.db import Store
from panelapp.queries import onboarding
from panelapp.queries.onboarding import AgencyInfo
from panelapp.services.permissions import Actor

__all__ = ["AgencyInfo", "agency_info", "count_accounts", "read"]

T = TypeVar("T")


def read(store: Store, actor: Actor, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``query(session, actor, *args)`` in a session of its own."""
    with store.session() as session:
        return query(session, actor, *args, **kwargs)


def agency_info(store: Store) -> AgencyInfo | None:
    with store.session() as session:
        return onboarding.agency_info(session)


def count_accounts(store: Store) -> int:
    with store.session() as session:
        return onboarding.account_count(session)
