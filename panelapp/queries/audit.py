"""The audit trail: every change and decision, newest first, and the check of its chain.
Only the roles the permission table lets read it (``audit.read``) may."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from .. import audit
from ..models import AuditEvent
from ..services.permissions import Actor
from . import may_read


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    summary: str | None


def event_rows(session: Session, actor: Actor) -> list[EventRow]:
    may_read(actor, "audit.read")
    return [EventRow(*r) for r in session.exec(
        select(AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.entity,
               AuditEvent.summary).order_by(AuditEvent.id.desc()))]


def verify_chain(session: Session, actor: Actor) -> audit.ChainReport:
    may_read(actor, "audit.read")
    return audit.verify(session)
