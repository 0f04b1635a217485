"""The audit trail: an append-only, hash-chained record of every change."""

import datetime as dt

from sqlmodel import Field, SQLModel

from .base import utcnow


class AuditEvent(SQLModel, table=True):
    """One change or decision. Each event's ``hash`` covers its content and the
    previous event's hash, so an edited or deleted row breaks the chain."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, nullable=False)
    actor: str = Field(nullable=False)
    action: str = Field(nullable=False)
    entity: str = Field(nullable=False)
    entity_uid: str | None = None
    summary: str | None = None
    before: str | None = None
    after: str | None = None
    # Unique, so that two writers can never fork the chain.
    prev_hash: str = Field(nullable=False, unique=True)
    hash: str = Field(nullable=False, unique=True)


class AuditHead(SQLModel, table=True):
    """The end of the chain, in one row: every writer locks it to append, so two writers
    never read the same head. ``store_uid`` names the store for its key and anchor kept
    outside it; events from ``keyed_from`` on are sealed with that key."""

    __tablename__ = "audit_head"

    id: int | None = Field(default=None, primary_key=True)
    store_uid: str = Field(nullable=False, max_length=36)
    hash: str = Field(nullable=False)
    events: int = Field(default=0, nullable=False)
    keyed_from: int | None = None
    key_id: str | None = None
