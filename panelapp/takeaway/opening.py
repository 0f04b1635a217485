"""On the laptop: a store of its own made from a meeting file, marked as a meeting taken away."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlmodel import Session

from .. import audit
from ..db import Store
from ..errors import PanelAppError
from ..models import Agency, Meeting, Takeaway, metadata
from .payload import unpack
from .rows import load
from .sealed import MeetingFileError, unseal


@dataclass(frozen=True)
class TakenAway:
    """What the window says on a laptop's store: which meeting, taken away when, for whom."""

    meeting_ref: str
    meeting_date: dt.date
    chair: str
    made_at: dt.datetime
    returned_at: dt.datetime | None

    @property
    def banner(self) -> str:
        return (f"A meeting taken away: {self.meeting_ref} of {self.meeting_date:%d %B %Y}, for {self.chair}. "
                "Record it here, then return it to the agency.")


def taken_away(session: Session) -> TakenAway | None:
    """The meeting this store was opened from, or None for an agency's own store."""
    row = session.scalars(select(Takeaway).where(Takeaway.side == "laptop")).first()
    if row is None:
        return None
    meeting = session.scalars(select(Meeting).where(Meeting.uid == row.meeting_uid)).first()
    day = meeting.meeting_date if meeting is not None else dt.date.min
    return TakenAway(meeting_ref=row.meeting_ref, meeting_date=day, chair=row.chair, made_at=row.made_at,
                     returned_at=row.returned_at)


def default_papers_dir(store: Store) -> Path | None:
    path = store.path
    return path.with_name(f"{path.stem}-papers") if path is not None else None


def _place_papers(rows: list[dict], papers: dict[str, bytes], folder: Path) -> None:
    for paper in rows:
        content = papers.get(paper["sha256"])
        if content is None or hashlib.sha256(content).hexdigest() != paper["sha256"]:
            raise MeetingFileError(f"A paper of the meeting (item id {paper['item_id']}, paper "
                                   f"{paper['position'] + 1}) is missing from the meeting file.")
        target = folder / f"{paper['sha256'][:12]}-{Path(paper['file_name']).name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        paper["stored_path"] = str(target)


def _restart_numbering(session: Session, names: list[str]) -> None:
    """Rows came with their ids; PostgreSQL's sequences must start after them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in names:
        session.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                             f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"))


@dataclass(frozen=True)
class Opened:
    meeting: str
    meeting_date: dt.date
    chair: str
    records: int
    papers: int
    papers_dir: Path | None


def open_meeting_file(store: Store, data: bytes, passphrase: str, *, papers_dir: str | Path | None = None) -> Opened:
    """Make ``store`` (new and empty) the laptop's copy of the meeting in ``data``."""
    document, papers = unpack(unseal(data, passphrase), "takeaway")
    folder = Path(papers_dir) if papers_dir is not None else default_papers_dir(store)
    tables = document["tables"]

    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Agency)) or \
                session.scalar(select(func.count()).select_from(Meeting)):
            raise PanelAppError("This store holds records already: open the meeting into a new store of its "
                                "own (for example --db meeting.sqlite).")
        if tables.get("item_paper"):
            if folder is None:
                raise PanelAppError("Say where the meeting's papers go on this computer (a folder).")
            _place_papers(tables["item_paper"], papers, folder)
        written = []
        count = 0
        for tab in metadata.sorted_tables:
            found = tables.get(tab.name)
            if found:
                session.execute(insert(tab), [load(tab, row) for row in found])
                written.append(tab.name)
                count += len(found)
        _restart_numbering(session, written)
        meeting = document["meeting"]
        session.add(Takeaway(uid=document["takeaway"], side="laptop", meeting_uid=meeting["uid"],
                             meeting_ref=meeting["ref"], agency_uid=document["agency"], chair=document["chair"],
                             made_at=dt.datetime.fromisoformat(document["made_at"]),
                             made_by=document["made_by"]))
        session.flush()
        audit.record(session, document["chair"], "open_taken_away", "meeting", entity_uid=meeting["uid"],
                     summary=f"meeting {meeting['ref']} taken away, opened on this computer",
                     after={"takeaway": document["takeaway"], "records": count, "papers": len(papers)})
    return Opened(meeting=meeting["ref"], meeting_date=dt.date.fromisoformat(meeting["date"]),
                  chair=document["chair"], records=count, papers=len(papers),
                  papers_dir=folder if papers else None)
