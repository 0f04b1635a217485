"""The panel pack: one PDF for members, with the cover, the agenda and every paper in order.

Every page carries the pack's own "Page N of M", and the PDF's page labels say
the same numbers, so "page 37" means one page on screen and in print. A paper
that came after the papers were sent is preceded by a marked addendum page.
"""

import hashlib
import io
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak
from sqlmodel import Session

from ..errors import PanelAppError
from ..models import AgendaItem, ItemPaper, Meeting
from ..services.lookup import item_number
from .agenda import agenda_story, paper_line
from .fonts import BOLD, REGULAR
from .output import write_atomically
from .people import concerning
from .style import (CREATOR, INK, LANGUAGE, MARGIN_X, MUTED, PAGE_HEIGHT, PAGE_WIDTH, House,
                    draw_footer, draw_header, draw_marking, facts, fit, gap, grid, heading, para,
                    render, styles)
from .words import ITEM_TYPES, clock, in_words, long_date, short_date

ADDENDUM = "ADDENDUM – late paper"


class PdfEmpty(Exception):
    """A PDF that parses but holds no pages."""


@dataclass
class Paper:
    """An attached paper, opened and checked, ready to go into the pack."""

    item: AgendaItem
    record: ItemPaper
    reader: PdfReader

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    @property
    def length(self) -> int:
        """Pages it takes in the pack, with its addendum page when it is late."""
        return self.pages + (1 if self.record.late else 0)


def _named(item: AgendaItem, paper: ItemPaper) -> str:
    return f"item {item_number(item)}, paper “{paper.title}” ({paper.file_name})"


@contextmanager
def _quiet_pypdf():
    """pypdf logs what it repairs; a damaged paper is reported once, as a refusal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(item: AgendaItem, paper: ItemPaper, papers_root: Path | None) -> Paper:
    path = Path(paper.stored_path)
    if not path.is_absolute() and papers_root is not None:
        path = papers_root / path
    refuse = f"The panel pack cannot be made: {_named(item, paper)}"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PanelAppError(f"{refuse} is missing (looked for {path}).") from None
    except OSError as exc:
        raise PanelAppError(f"{refuse} cannot be read: {exc.strerror}.") from None
    if b"%PDF-" not in data[:1024]:
        raise PanelAppError(f"{refuse} is not a PDF. Attach it again as a PDF.")
    if paper.sha256 and hashlib.sha256(data).hexdigest() != paper.sha256:
        raise PanelAppError(f"{refuse} has changed or is damaged since it was attached "
                            "(its checksum differs). Attach it again.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PanelAppError(f"{refuse} is protected by a password. Attach an unprotected copy.")
        for page in reader.pages:
            page.mediabox  # noqa: B018  (reading every page finds the damage now, not halfway)
            page.get_contents()
        if not reader.pages:
            raise PdfEmpty
    except PanelAppError:
        raise
    except (PyPdfError, PdfEmpty, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PanelAppError(f"{refuse} is damaged and cannot be read ({exc or 'it has no pages'}). "
                            "Attach it again.") from None
    return Paper(item, paper, reader)


class _PageMark(Flowable):
    """Remembers the page it lands on, so the outline can point at it."""

    def __init__(self):
        super().__init__()
        self.page = None

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.page = self.canv.getPageNumber()


def _cover(meeting: Meeting, house: House, papers: list[Paper], starts: dict[int, int],
           agenda_page: int) -> list:
    s = styles()
    story = [gap(18), para("Panel pack", s.title), para(house.panel, s.subtitle),
             facts([("Meeting", f"{long_date(meeting.meeting_date)} ({meeting.ref})"),
                    ("Start time", clock(meeting.start_time, "to be confirmed")),
                    ("Venue", meeting.venue or "to be confirmed"),
                    ("Papers sent", short_date(meeting.papers_sent, "not yet sent"))]),
             gap(4),
             para("For members of the panel only. These papers are confidential: keep them secure, do "
                  "not copy them, and return or destroy them after the meeting as the agency asks.",
                  s.body),
             heading("Contents")]
    rows = [["", "Agenda", "", str(agenda_page)]]
    by_item: dict[int, list[Paper]] = {}
    for paper in papers:
        by_item.setdefault(paper.item.id, []).append(paper)
    for item in meeting.items:
        own = by_item.get(item.id, [])
        label = f"{in_words(ITEM_TYPES, item.item_type)}: {concerning(item)}"
        if not own:
            rows.append([str(item_number(item)), label, "no papers", ""])
        for n, paper in enumerate(own):
            line = paper_line(paper.record, late_note=False)
            if paper.record.late:
                line = f"{ADDENDUM}: {line}"
            rows.append([str(item_number(item)) if n == 0 else "", label if n == 0 else "", line,
                         str(starts[paper.record.id])])
    story.append(grid(["No.", "Item", "Paper", "Page"], rows, [11 * mm, 64 * mm, 80 * mm, 15 * mm]))
    return story


def _front(session, meeting, house, papers, front_pages: int, agenda_page: int,
           title: str) -> tuple[bytes, int, int]:
    """Cover and agenda, numbered as the first pages of the whole pack; ``front_pages`` and
    ``agenda_page`` are the lengths found by the last try, for the contents' page numbers."""
    starts, at = {}, front_pages + 1
    for paper in papers:
        starts[paper.record.id] = at
        at += paper.length
    mark = _PageMark()
    story = (_cover(meeting, house, papers, starts, agenda_page) + [PageBreak(), mark]
             + agenda_story(session, meeting))
    data, pages = render(house, story, title=title, subject=f"Papers for the {house.panel}",
                         extra_pages=sum(p.length for p in papers))
    return data, pages, mark.page


def _white(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, w, h, stroke=0, fill=1)


def _stamp(canvas: Canvas, house: House, paper: Paper, width: float, height: float, page: int,
           total: int, title: str) -> None:
    """The pack's marking and page number in the margins of a paper's page, on a white ground."""
    top = height - 11 * mm
    right = width - MARGIN_X
    markings = [house.marking] + ([ADDENDUM] if paper.record.late else [])
    for words in markings:
        used = canvas.stringWidth(words, BOLD, 8.5) + 6
        _white(canvas, right - used, top - 3, used, 13.5)
        draw_marking(canvas, right, top, words)
        right -= used + 5
    label = f"Item {item_number(paper.item)}: {paper.record.title} · {title}"
    label = fit(canvas, label, REGULAR, 7, right - 6 - MARGIN_X)
    used = canvas.stringWidth(label, REGULAR, 7)
    _white(canvas, MARGIN_X - 3, top - 3, used + 6, 11)
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, top, label)
    words = f"Page {page} of {total}"
    used = canvas.stringWidth(words, BOLD, 8)
    _white(canvas, width - MARGIN_X - used - 3, 8 * mm - 3, used + 6, 12)
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(INK)
    canvas.drawRightString(width - MARGIN_X, 8 * mm, words)


def _addendum_page(canvas: Canvas, house: House, meeting: Meeting, paper: Paper, page: int,
                   total: int, title: str) -> None:
    s = styles()
    draw_header(canvas, house, marking=house.marking)
    draw_footer(canvas, title, page, total, marking=house.marking)
    top = PAGE_HEIGHT * 0.66
    canvas.setLineWidth(3)
    canvas.setStrokeColor(INK)
    canvas.rect(MARGIN_X, top - 30 * mm, PAGE_WIDTH - 2 * MARGIN_X, 30 * mm, stroke=1, fill=0)
    canvas.setFont(BOLD, 26)
    canvas.setFillColor(INK)
    canvas.drawCentredString(PAGE_WIDTH / 2, top - 19 * mm, ADDENDUM)
    lines = [
        (f"Item {item_number(paper.item)}: {in_words(ITEM_TYPES, paper.item.item_type)}", s.h1),
        (paper_line(paper.record, late_note=False), s.body),
        (f"File: {paper.record.file_name}; {paper.pages} page{'s' if paper.pages != 1 else ''}; "
         f"added {short_date(paper.record.added_on)}.", s.body),
        ("This paper reached the panel after the papers were sent"
         + (f" on {short_date(meeting.papers_sent)}" if meeting.papers_sent else "")
         + ". The chair will ask whether members have had time to read it before the item is heard.",
         s.body),
    ]
    y = top - 40 * mm
    for words, style in lines:
        flow = para(words, style)
        _, height = flow.wrap(PAGE_WIDTH - 2 * MARGIN_X, PAGE_HEIGHT)
        y -= height
        flow.drawOn(canvas, MARGIN_X, y)
        y -= 4 * mm


def _overlays(house, meeting, papers, first: int, total: int, title: str) -> PdfReader:
    """One page for each addendum page and each paper page's stamp, in pack order."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), initialFontName=REGULAR)
    page = first
    for paper in papers:
        if paper.record.late:
            canvas.setPageSize((PAGE_WIDTH, PAGE_HEIGHT))
            _addendum_page(canvas, house, meeting, paper, page, total, title)
            canvas.showPage()
            page += 1
        for source in paper.reader.pages:
            width, height = float(source.mediabox.width), float(source.mediabox.height)
            if source.rotation % 180 == 90:
                width, height = height, width
            canvas.setPageSize((width, height))
            _stamp(canvas, house, paper, width, height, page, total, title)
            canvas.showPage()
            page += 1
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def _assemble(writer: PdfWriter, papers: list[Paper], overlays, front_pages: int) -> list[int]:
    """Add each paper (after its addendum page when late), stamped; returns where each starts."""
    starts, at, used = [], front_pages, 0
    for paper in papers:
        starts.append(at)
        if paper.record.late:
            writer.add_page(overlays[used])
            used, at = used + 1, at + 1
        try:
            for source in paper.reader.pages:
                added = writer.add_page(source)
                # A stamp drawn upright must land upright on a page shown rotated.
                added.transfer_rotation_to_content()
                box = added.mediabox
                added.merge_translated_page(overlays[used], float(box.left), float(box.bottom))
                used, at = used + 1, at + 1
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PanelAppError(f"The panel pack cannot be made: {_named(paper.item, paper.record)} "
                                f"is damaged and cannot be read ({exc}). Attach it again.") from None
    return starts


def _bookmark(writer: PdfWriter, meeting: Meeting, papers: list[Paper], starts: list[int],
              agenda_page: int) -> None:
    """An outline entry for the cover, the agenda, each item, and each paper under its item."""
    writer.add_outline_item(title="Cover and contents", page_number=0)
    writer.add_outline_item(title="Agenda", page_number=agenda_page - 1)
    for item in meeting.items:
        words = f"Item {item_number(item)}: {in_words(ITEM_TYPES, item.item_type)} – {concerning(item)}"
        own = [(paper, start) for paper, start in zip(papers, starts) if paper.item.id == item.id]
        if not own:
            writer.add_outline_item(title=words + " (no papers)", page_number=agenda_page - 1)
            continue
        parent = writer.add_outline_item(title=words, page_number=own[0][1])
        for paper, start in own:
            label = paper_line(paper.record, late_note=False)
            writer.add_outline_item(title=f"{ADDENDUM}: {label}" if paper.record.late else label,
                                    page_number=start, parent=parent)


def panel_pack_pdf(session: Session, meeting: Meeting, path: str | os.PathLike,
                   papers_root: str | os.PathLike | None = None):
    """Write the members' pack for ``meeting`` to ``path``: cover, agenda, then every item's papers.

    A paper that is missing, not a PDF, damaged or protected stops the pack with a
    message naming it; nothing is written. Relative ``stored_path``s are read
    under ``papers_root``."""
    house = House.of(session)
    root = Path(papers_root) if papers_root is not None else None
    title = f"Panel pack – {short_date(meeting.meeting_date)} ({meeting.ref})"
    with _quiet_pypdf():
        papers = [_open(item, paper, root) for item in meeting.items if item.outcome != "removed"
                  for paper in item.papers]
        # The contents on the cover give page numbers, which depend on the cover's own length.
        front_pages, agenda_page = 2, 2
        for _ in range(4):
            front, pages, landed = _front(session, meeting, house, papers, front_pages, agenda_page, title)
            if (pages, landed) == (front_pages, agenda_page):
                break
            front_pages, agenda_page = pages, landed
        front_pages, agenda_page = pages, landed
        total = front_pages + sum(p.length for p in papers)
        writer = PdfWriter()
        writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
        overlays = _overlays(house, meeting, papers, front_pages + 1, total, title).pages
        starts = _assemble(writer, papers, overlays, front_pages)
        _bookmark(writer, meeting, papers, starts, agenda_page)
        # Papers may bring page labels of their own; the pack's must match its printed numbers.
        writer.set_page_label(0, total - 1, style="/D", start=1)
        writer.add_metadata({"/Title": title, "/Author": house.name, "/Creator": CREATOR,
                             "/Producer": CREATOR, "/Subject": f"Papers for the {house.panel}",
                             "/Keywords": house.marking})
        writer._root_object[NameObject("/Lang")] = TextStringObject(LANGUAGE)
        writer.page_mode = "/UseOutlines"
        out = io.BytesIO()
        writer.write(out)
    return write_atomically(path, out.getvalue())
