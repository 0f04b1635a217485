"""Back: what the chair recorded on the laptop, sealed for the agency."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from .. import audit
from ..errors import PanelAppError
from ..models import AuditEvent, Meeting, Takeaway
from ..models.base import utcnow
from ..services.permissions import Actor, require
from .payload import PAYLOAD_FORMAT, pack
from .rows import dump, rows, table
from .scope import RETURNED
from .sealed import seal


@dataclass(frozen=True)
class Returned:
    data: bytes
    meeting: str
    records: int
    events: int


def laptop_takeaway(session: Session) -> Takeaway:
    row = session.scalars(select(Takeaway).where(Takeaway.side == "laptop")).first()
    if row is None:
        raise PanelAppError("This store is not a meeting taken away: only a store opened from a meeting "
                            "file (panelapp takeaway open) can be returned to the agency.")
    return row


def return_meeting(session: Session, actor: Actor, passphrase: str) -> Returned:
    """Seal everything the laptop's store holds that the chair's services write, with the
    laptop's audit trail, for the office to merge."""
    require(actor, "meeting.record")
    takeaway = laptop_takeaway(session)
    meeting = session.scalars(select(Meeting).where(Meeting.uid == takeaway.meeting_uid)).one()
    chain = audit.verify(session)
    if not chain.intact:
        raise PanelAppError("The audit trail on this computer is broken, so the meeting cannot go back to the "
                            f"agency as it is: {chain.problems[0]}.")
    takeaway.returned_at = utcnow()
    audit.record(session, actor.username, "return", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} returned to the agency by {actor.display_name}")
    tables = {name: rows(session, table(name)) for name in RETURNED}
    members = {str(r["id"]): [r["uid"], r["ref"], r["name"]] for r in rows(session, table("panel_member"))}
    events = [dump(e) for e in session.execute(select(AuditEvent.__table__).order_by(AuditEvent.id))]
    document = {
        "payload_format": PAYLOAD_FORMAT, "kind": "return", "takeaway": takeaway.uid,
        "agency": takeaway.agency_uid, "meeting": {"uid": meeting.uid, "ref": meeting.ref},
        "returned_at": takeaway.returned_at.isoformat(), "returned_by": actor.username,
        "tables": tables, "members": members, "events": events,
    }
    data = seal(pack(document), passphrase)
    return Returned(data=data, meeting=meeting.ref, records=sum(len(r) for r in tables.values()),
                    events=len(events))
