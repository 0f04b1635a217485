"""The audit trail: who changed what, when, with before and after, chained by hash.

Each event's hash covers its own content and the previous event's hash, so editing
or deleting any stored event breaks the chain at that point. Events are appended by
one writer at a time: each locks the chain's head row (``audit_head``) first, so two
transactions never chain onto the same event. From the first event written by this
version on, hashes are keyed (HMAC, ``audit_seal``) and cover the event's number, so
the chain cannot be recomputed or renumbered by someone without the key; the head and
count are anchored outside the store after every commit.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import event as sa_event
from sqlalchemy import func, insert, update
from sqlmodel import Session, select

from . import audit_seal
from .errors import PanelAppError
from .models import AuditEvent, AuditHead
from .models.base import new_uid, utcnow

GENESIS = "0" * 64
HEAD_ID = 1


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


def _body(event: AuditEvent, keyed: bool) -> str:
    content = {
        "at": _stamp(event.at), "actor": event.actor, "action": event.action,
        "entity": event.entity, "entity_uid": event.entity_uid, "summary": event.summary,
        "before": event.before, "after": event.after, "prev": event.prev_hash,
    }
    if keyed:
        content["id"] = event.id
    return canonical(content) or ""


def event_hash(event: AuditEvent, key: bytes | None = None) -> str:
    """Plain SHA-256 for events written before the chain had a key; HMAC under the key after."""
    if key is None:
        return sha256(_body(event, keyed=False))
    return hmac.new(key, _body(event, keyed=True).encode("utf-8"), hashlib.sha256).hexdigest()


def location(session: Session) -> str:
    """Where the store is, as its anchor names it: a file path, or a URL without its password."""
    url = session.get_bind().url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


_head = AuditHead.__table__  # type: ignore[attr-defined]


def _claim_head(session: Session):
    """Lock the head row by moving its count on; a second writer waits here until the first
    commits, then reads the head the first one left (PostgreSQL re-reads a row it waited for)."""
    claimed = session.execute(
        update(_head).where(_head.c.id == HEAD_ID).values(events=_head.c.events + 1)
        .returning(_head.c.store_uid, _head.c.hash, _head.c.events, _head.c.keyed_from, _head.c.key_id)
    ).first()
    if claimed is not None:
        return claimed
    # A store whose head row went missing: rebuild it from the last event (verify will say so).
    last = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    count = session.exec(select(func.count()).select_from(AuditEvent)).one()
    session.execute(insert(_head).values(id=HEAD_ID, store_uid=new_uid(), hash=last.hash if last else GENESIS,
                                         events=count))
    return _claim_head(session)


def record(session: Session, actor: str, action: str, entity: str, *, entity_uid: str | None = None,
           summary: str | None = None, before=None, after=None) -> AuditEvent:
    """Append one event in the caller's transaction (never commits on its own)."""
    store_uid, prev, position, keyed_from, kid = _claim_head(session)
    if kid is None:
        key = audit_seal.create_key(store_uid)
        keyed_from, kid = position, audit_seal.key_id(key)
    else:
        key = audit_seal.load_key(store_uid)
        if key is None or audit_seal.key_id(key) != kid:
            raise PanelAppError(
                "This store's audit trail is sealed with a key this computer does not have "
                f"({audit_seal.key_path(store_uid)}), so nothing was saved. Copy that file from the "
                "computer that set the store up, or set PANELAPP_KEY_DIR to the folder that holds it.")
    last_id = session.exec(select(func.max(AuditEvent.id))).one() or 0
    event = AuditEvent(id=last_id + 1, at=utcnow(), actor=actor, action=action, entity=entity,
                       entity_uid=entity_uid, summary=summary, before=canonical(before), after=canonical(after),
                       prev_hash=prev, hash="")
    event.hash = event_hash(event, key)
    session.add(event)
    session.flush()
    session.execute(update(_head).where(_head.c.id == HEAD_ID)
                    .values(hash=event.hash, keyed_from=keyed_from, key_id=kid))
    session.info["audit_anchor"] = audit_seal.Anchor(store_uid, position, event.hash, location(session))
    return event


@sa_event.listens_for(Session, "after_commit")
def _anchor_after_commit(session: Session) -> None:
    anchor = session.info.pop("audit_anchor", None)
    if anchor is not None:
        try:
            audit_seal.write_anchor(anchor)
        except OSError:
            pass  # the commit stands; `audit anchor` can write it later


@sa_event.listens_for(Session, "after_rollback")
def _forget_anchor(session: Session) -> None:
    session.info.pop("audit_anchor", None)


@dataclass
class ChainReport:
    events: int
    problems: list[str]
    head: str = GENESIS
    keyed: bool = False
    anchored: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(session: Session, by=None, *, anchor_file=None) -> ChainReport:
    """Recompute the chain and check it against its head, its key and its anchor.
    ``by``, when given, must be allowed to read the audit trail."""
    if by is not None:
        from .services.permissions import require  # services import this module
        require(by, "audit.read")
    from .audit_checks import check_store  # the checks read records; they import this module
    head = session.get(AuditHead, HEAD_ID)
    key = audit_seal.load_key(head.store_uid) if head is not None else None
    problems: list[str] = []
    if head is None:
        problems.append("the chain's head record is missing (deleted outside PanelApp)")
    elif head.key_id is not None and (key is None or audit_seal.key_id(key) != head.key_id):
        problems.append(f"the chain is sealed with a key this computer does not have "
                        f"({audit_seal.key_path(head.store_uid)}), so its seals cannot be checked")
        key = None
    elif head.key_id is None and key is not None:
        problems.append("this store's chain was sealed with a key, but its events have been "
                        "rewritten without it")
    keyed_from = head.keyed_from if head is not None and head.key_id is not None else None
    prev, count, last_hash = GENESIS, 0, GENESIS
    for ev in session.exec(select(AuditEvent).order_by(AuditEvent.id)):
        count += 1
        if ev.prev_hash != prev:
            problems.append(f"event {ev.id}: the event before it was changed or deleted "
                            f"(its link does not match the chain)")
        sealed = keyed_from is not None and count >= keyed_from
        if sealed and key is None:
            pass  # already said: the seals cannot be checked here
        elif event_hash(ev, key if sealed else None) != ev.hash:
            problems.append(f"event {ev.id} ({ev.action} {ev.entity}, {_stamp(ev.at)}): "
                            "its content, number or seal was changed after it was written")
        prev = last_hash = ev.hash
    if head is not None:
        if head.events != count:
            problems.append(f"the chain's head counts {head.events} events but {count} are stored: "
                            "events were deleted or added outside PanelApp")
        elif head.hash != last_hash:
            problems.append("the last event is not the one the chain's head records")
    report = ChainReport(events=count, problems=problems, head=last_hash, keyed=keyed_from is not None)
    check_store(session, report, head, anchor_file)
    return report
