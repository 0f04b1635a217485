"""Small made-up papers for every demo item, so that a panel pack has pages to merge,
and the signatures the demo's final minutes and decisions would carry.

Neither goes into the exchange document (papers are files; signatures are the store's
own), so loading the same demo twice still finds the store unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from .. import audit
from ..audit import canonical
from ..models import AdmDecision, AgendaItem, ItemPaper, Meeting, MinutesRecord
from ..reports.people import attendance_of, concerning
from ..services.adm import _signed
from ..services.minutes import content_hash, minutes_content
from . import writing as W

UK = ZoneInfo("Europe/London")
PAGES = 2


def _latin(words: str) -> str:
    """The PDF base font knows only Latin-1: a made-up paper keeps it small and spells
    other letters without their marks (the panel's own documents embed a full font)."""
    return "".join(c if ord(c) < 256 else unicodedata.normalize("NFKD", c)[0] for c in words)


def paper_pdf(title: str, about: str, ref: str) -> bytes:
    """A two-page paper that says what it is and that it is made up (a few kilobytes)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, lang="en-GB")
    canvas.setTitle(title)
    canvas.setAuthor("Riverside Regional Adoption Agency (demo)")
    height = A4[1]
    for page in range(1, PAGES + 1):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(60, height - 90, _latin(title))
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, height - 112, _latin(about))
        canvas.drawString(60, height - 128, f"Item {ref} · page {page} of {PAGES}")
        canvas.drawString(60, height - 160, "A made-up paper of the PanelApp demo agency: every name and fact "
                                            "in it is invented.")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_demo_papers(session: Session, documents_dir: Path, actor: str) -> int:
    """Attach the papers ``writing.ITEM_PAPERS`` lists to every item that has none yet,
    written under ``documents_dir``; returns how many were written."""
    items = session.exec(select(AgendaItem).join(Meeting).where(Meeting.status != "cancelled")
                         .options(selectinload(AgendaItem.papers), selectinload(AgendaItem.meeting),
                                  selectinload(AgendaItem.household_links),
                                  selectinload(AgendaItem.child_links))).all()
    written = 0
    for item in items:
        if item.papers or item.outcome == "removed":
            continue
        meeting = item.meeting
        added = meeting.papers_sent or (meeting.meeting_date - dt.timedelta(days=8))
        folder = Path(documents_dir) / meeting.ref / item.ref
        for position, (kind, title) in enumerate(W.papers(item.item_type)):
            data = paper_pdf(title, concerning(item), item.ref)
            digest = hashlib.sha256(data).hexdigest()
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{title.lower().replace(' ', '-').replace(chr(39), '')}.pdf"
            target = folder / f"{digest[:12]}-{name}"
            target.write_bytes(data)
            item.papers.append(ItemPaper(position=position, title=title, kind=kind, file_name=name,
                                         stored_path=str(target), sha256=digest, added_on=added))
            written += 1
    if written:
        audit.record(session, actor, "attach", "item_paper",
                     summary=f"{written} made-up demo papers written under {documents_dir}")
    return written


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=UK).astimezone(dt.UTC)


def sign_demo_records(session: Session, actor: str) -> tuple[int, int]:
    """Sign the demo's final minutes (by the chair in the attendance) and its decisions (by
    their decision maker), as they would have been signed in PanelApp on their dates."""
    minutes = 0
    meetings = session.exec(select(Meeting).where(Meeting.minutes_final.is_not(None))
                            .options(selectinload(Meeting.minutes))).all()
    for meeting in meetings:
        if meeting.minutes is not None:
            continue
        content = minutes_content(session, meeting)
        chair = attendance_of(meeting).chair
        meeting.minutes = MinutesRecord(status="final", approved_by=chair.name if chair else "the chair",
                                        approved_at=_at(meeting.minutes_final, 15), content=canonical(content),
                                        signoff_hash=content_hash(content))
        minutes += 1
    session.flush()
    decisions = 0
    for record in session.exec(select(AdmDecision).where(AdmDecision.signoff_hash.is_(None))).all():
        record.signed_by = record.decision_maker.split(",")[0]
        record.signed_at = _at(record.final_date or record.decided_on, 16)
        record.signoff_hash = _signed(record.item, record)
        decisions += 1
    if minutes or decisions:
        audit.record(session, actor, "sign", "demo",
                     summary=f"demo records signed as on their dates: {minutes} minutes, {decisions} decisions")
    return minutes, decisions
