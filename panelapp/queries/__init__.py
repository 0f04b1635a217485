"""The read layer: every question a screen asks, answered once, as plain typed data.

One module per feature. Each function takes an open session and the acting
user, checks that the user may read what is asked (as the services check
writes) and returns frozen dataclasses, never ORM objects, so the answer can
cross a thread and outlive its session. Nothing here writes.
"""

from ..services.permissions import Actor, require


def may_read(actor: Actor, action: str = "read") -> None:
    """Refuse, with the permission table's sentence, a user who may not read this."""
    require(actor, action)
