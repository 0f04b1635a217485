"""The audit trail: who changed what, when, with before and after, chained by hash.

Each event's hash covers its own content and the previous event's hash, so
editing or deleting any stored event breaks the chain at that point, and
``verify`` names the first event that no longer fits.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import Session, select

from .models import AuditEvent
from .models.base import utcnow

GENESIS = "0" * 64


def canonical(value) -> str | None:
    """Stable JSON text for hashing and storing: sorted keys, no spaces, dates as ISO."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stamp(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def event_hash(event: AuditEvent) -> str:
    body = canonical({
        "at": _stamp(event.at), "actor": event.actor, "action": event.action,
        "entity": event.entity, "entity_uid": event.entity_uid, "summary": event.summary,
        "before": event.before, "after": event.after, "prev": event.prev_hash,
    })
    return sha256(body)


def record(session: Session, actor: str, action: str, entity: str, *, entity_uid: str | None = None,
           summary: str | None = None, before=None, after=None) -> AuditEvent:
    """Append one event in the caller's transaction (never commits on its own)."""
    last = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    event = AuditEvent(at=utcnow(), actor=actor, action=action, entity=entity, entity_uid=entity_uid,
                       summary=summary, before=canonical(before), after=canonical(after),
                       prev_hash=last.hash if last else GENESIS, hash="")
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    return event


@dataclass
class ChainReport:
    events: int
    problems: list[str]

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(session: Session, by=None) -> ChainReport:
    """Recompute the chain. ``by``, when given, must be allowed to read the audit trail."""
    if by is not None:
        from .services.permissions import require  # services import this module
        require(by, "audit.read")
    problems: list[str] = []
    prev = GENESIS
    count = 0
    for event in session.exec(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if event.prev_hash != prev:
            problems.append(f"event {event.id}: the event before it was changed or deleted "
                            f"(its link does not match the chain)")
        if event_hash(event) != event.hash:
            problems.append(f"event {event.id} ({event.action} {event.entity}, {_stamp(event.at)}): "
                            "its content was edited after it was written")
        prev = event.hash
    return ChainReport(events=count, problems=problems)
