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
