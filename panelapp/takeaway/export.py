"""Out: one meeting and what the chair needs for it, sealed for the laptop."""

import json
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from .. import audit
from ..errors import PanelAppError
from ..models import Meeting, Takeaway
from ..models.base import new_uid, utcnow
from ..services.common import agency_of
from ..services.permissions import Actor, require
from .payload import PAYLOAD_FORMAT, pack
from .rows import digest
from .scope import RETURNED, chair_account, meeting_tables, returned_columns
from .sealed import seal


@dataclass(frozen=True)
class Exported:
    data: bytes
    meeting: str
    chair: str
    counts: dict[str, int]

    def summary(self) -> str:
        c = self.counts
        return (f"meeting {self.meeting} for {self.chair}: {c.get('agenda_item', 0)} items, "
                f"{c.get('household', 0)} households, {c.get('child', 0)} children, "
                f"{c.get('panel_member', 0)} members, {c.get('papers', 0)} papers")


def _papers(tables: dict[str, list[dict]], papers_root: Path | None) -> dict[str, bytes]:
    items = {i["id"]: i for i in tables["agenda_item"]}
    out = {}
    for paper in tables["item_paper"]:
        path = Path(paper["stored_path"])
        if not path.is_absolute() and papers_root is not None:
            path = papers_root / path
        try:
            out[paper["sha256"]] = path.read_bytes()
        except OSError:
            item = items[paper["item_id"]]
            # Named by its place on the agenda: a paper's file name may carry a family's name.
            raise PanelAppError(f"Paper {paper['position'] + 1} of item {item['position'] + 1} ({item['ref']}) "
                                "cannot be read where it is stored; attach it again, then take the meeting "
                                "away. Nothing was written.") from None
    return out


def export_meeting(session: Session, actor: Actor, meeting: Meeting, passphrase: str, *,
                   chair: str | None = None, papers_root: str | Path | None = None) -> Exported:
    """Seal ``meeting`` for the chair's laptop, and remember at the office what went out, so
    that the return can be merged record by record."""
    require(actor, "meeting.plan")
    if meeting.status == "cancelled":
        raise PanelAppError(f"The meeting {meeting.ref} is cancelled: there is nothing to take away.")
    account = chair_account(session, meeting, chair)
    agency = agency_of(session)
    tables = meeting_tables(session, meeting, account)
    papers = _papers(tables, Path(papers_root) if papers_root is not None else None)
    takeaway = Takeaway(uid=new_uid(), side="office", meeting_uid=meeting.uid, meeting_ref=meeting.ref,
                        agency_uid=agency.uid, chair=account.username, made_at=utcnow(),
                        made_by=actor.username)
    synced = {}
    for name in RETURNED:
        columns = returned_columns(name)
        for row in tables[name]:
            synced[row["uid"]] = [name, row["version"], row["version"],
                                  digest({c: row[c] for c in columns})]
    takeaway.synced = json.dumps(synced, separators=(",", ":"))
    document = {
        "payload_format": PAYLOAD_FORMAT, "kind": "takeaway", "takeaway": takeaway.uid,
        "agency": agency.uid, "meeting": {"uid": meeting.uid, "ref": meeting.ref,
                                          "date": meeting.meeting_date.isoformat()},
        "chair": account.username, "made_at": takeaway.made_at.isoformat(), "made_by": actor.username,
        "tables": tables,
    }
    data = seal(pack(document, papers), passphrase)
    session.add(takeaway)
    session.flush()
    audit.record(session, actor.username, "take_away", "meeting", entity_uid=meeting.uid,
                 summary=f"meeting {meeting.ref} taken away for the chair ({account.username})",
                 after={"takeaway": takeaway.uid, "chair": account.username,
                        "records": sum(len(r) for r in tables.values()), "papers": len(papers)})
    counts = {name: len(found) for name, found in tables.items()} | {"papers": len(papers)}
    return Exported(data=data, meeting=meeting.ref, chair=account.username, counts=counts)
