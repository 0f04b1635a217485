"""Text typed in the meeting room, kept as it is typed.

A draft is saved within a second of each keystroke pause, so a crash, a flat
battery or a closed lid loses nothing; it is not the record. Recording the
item through ``recording.record_recommendation`` is what makes it the record,
and clears the drafts of that item.
"""

from sqlmodel import Session, select

from ..models import Draft
from ..models.base import utcnow
from .permissions import Actor, require


def draft_key(item_uid: str, field: str) -> str:
    return f"item:{item_uid}:{field}"


def save_draft(session: Session, actor: Actor, key: str, text: str) -> None:
    """Keep ``text`` under ``key``. Drafts are not audited one keystroke at a time: the audit
    trail records the recommendation when it is recorded."""
    require(actor, "meeting.record")
    draft = session.exec(select(Draft).where(Draft.key == key)).first()
    if draft is None:
        session.add(Draft(key=key, username=actor.username, text=text, saved_at=utcnow()))
    elif draft.text != text:
        draft.text = text
        draft.username = actor.username
        draft.saved_at = utcnow()


def load_drafts(session: Session, prefix: str) -> dict[str, str]:
    return {d.key: d.text for d in session.exec(select(Draft).where(Draft.key.startswith(prefix)))}


def clear_drafts(session: Session, actor: Actor, prefix: str) -> int:
    require(actor, "meeting.record")
    found = session.exec(select(Draft).where(Draft.key.startswith(prefix))).all()
    for draft in found:
        session.delete(draft)
    return len(found)
