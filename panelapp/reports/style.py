"""The house style every document shares.

A4, the agency's name and panel on a running header, the agency's protective
marking (a setting, OFFICIAL-SENSITIVE unless changed) top and bottom, "Page N of M", the embedded DejaVu font, greys only (the
papers are photocopied and printed in black and white), and tables that split
across pages with their header row repeated.
"""

import io
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from ..models import Agency
from ..services.common import agency_of
from .fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CREATOR = "PanelApp"
# Every document is written in British English; screen readers and PDF tools read /Lang.
LANGUAGE = "en-GB"

INK = colors.black
RULE = colors.Color(0.45, 0.45, 0.45)
SHADE = colors.Color(0.86, 0.86, 0.86)
MUTED = colors.Color(0.3, 0.3, 0.3)
WATERMARK = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True)
class House:
    """Whose papers these are: the agency and its panel."""

    agency: Agency

    @classmethod
    def of(cls, session: Session) -> "House":
        return cls(agency_of(session))

    @property
    def name(self) -> str:
        return self.agency.name

    @property
    def panel(self) -> str:
        return self.agency.panel_name or "Adoption Panel"

    @property
    def marking(self) -> str:
        """The protective marking of a case document (agency setting)."""
        return str(self.agency.setting("protective_marking"))


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle
    digest: ParagraphStyle
    bullet: ParagraphStyle
    cell_bullet: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=10, leading=13.5,
                          spaceAfter=4, textColor=INK)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21,
                             spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=11, leading=14, spaceAfter=10,
                                textColor=MUTED),
        h1=ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=12.5, leading=16,
                          spaceBefore=12, spaceAfter=5, keepWithNext=1),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=14,
                          spaceBefore=7, spaceAfter=3, keepWithNext=1),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=9, leading=11.5,
                                 spaceAfter=0),
        label=ParagraphStyle("label", parent=body, fontName=BOLD, fontSize=9, leading=11.5,
                             spaceAfter=0),
        # Small enough that a SHA-256 in hex stays on one line, whole, for checking by eye.
        digest=ParagraphStyle("digest", parent=body, fontSize=7.5, leading=10, spaceAfter=0),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3),
        cell_bullet=ParagraphStyle("cell_bullet", parent=body, fontSize=9, leading=11.5, spaceAfter=1.5,
                                   leftIndent=8, bulletIndent=0, bulletFontSize=9),
    )


def text(value) -> str:
    """User text made safe for a Paragraph: markup escaped, line breaks kept."""
    return escape(str(value)).replace("\r\n", "\n").replace("\n", "<br/>")


def para(value, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or styles().body)


def marked(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph whose markup the caller built from escaped parts."""
    return Paragraph(markup, style or styles().body)


def bullet(value) -> Paragraph:
    """A list entry whose wrapped lines hang clear of the bullet."""
    return Paragraph(text(value), styles().bullet, bulletText="•")


def listing(lines: list[str], empty: str):
    """Several entries in one table cell, each bulleted so a wrapped line is not taken for a new one."""
    if not lines:
        return empty
    if len(lines) == 1:
        return lines[0]
    return [Paragraph(text(line), styles().cell_bullet, bulletText="•") for line in lines]


def heading(value, level: int = 1) -> Paragraph:
    return para(value, styles().h1 if level == 1 else styles().h2)


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def _table_style(commands: list) -> TableStyle:
    # A table's own font defaults to Helvetica, which would be named though never embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)] + commands)


def _cell(value, style):
    if value is None:
        return Paragraph("", style)
    if isinstance(value, str):
        return para(value, style)
    return value


def grid(header: list[str], rows: list[list], widths: list[float]) -> Table:
    """A ruled table with a shaded header row that repeats on every page it runs onto."""
    s = styles()
    data = [[_cell(h, s.cell_head) for h in header]]
    data += [[_cell(v, s.cell) for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def facts(rows: list[tuple[str, object]], label_width: float = 48 * mm) -> Table:
    """Label and value pairs, the labels bold in a narrow column; no header row."""
    s = styles()
    data = [[para(label, s.label), _cell(value, s.cell)] for label, value in rows]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(_table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def boxed(flowables: list, width: float = CONTENT_WIDTH, weight: float = 1.2) -> Table:
    """A block ruled on its left, for words that must stand out without colour."""
    table = Table([[flowables]], colWidths=[width], hAlign="LEFT")
    table.setStyle(_table_style([
        ("LINEBEFORE", (0, 0), (0, -1), weight * 2, INK),
        ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def side_by_side(left: list, right: list, right_width: float = 60 * mm) -> Table:
    """Two unruled blocks, such as a letter's addressee and its date and reference."""
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH - right_width, right_width], hAlign="LEFT")
    table.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


# -- page furniture, shared with the pack's separator and stamped pages --------------------

def draw_marking(canvas: Canvas, x_right: float, y: float, words: str, size: float = 8.5):
    """The protective marking, boxed, right-aligned at ``x_right``."""
    width = canvas.stringWidth(words, BOLD, size)
    canvas.setLineWidth(0.8)
    canvas.setStrokeColor(INK)
    canvas.rect(x_right - width - 6, y - 3, width + 6, size + 5, stroke=1, fill=0)
    canvas.setFont(BOLD, size)
    canvas.setFillColor(INK)
    canvas.drawRightString(x_right - 3, y, words)
    return width + 6


def draw_header(canvas: Canvas, house: House, draft: bool = False, width: float = PAGE_WIDTH,
                height: float = PAGE_HEIGHT, marking: str | None = None) -> None:
    canvas.saveState()
    top = height - 13 * mm
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN_X, top, house.name)
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, top - 11, house.panel)
    used = draw_marking(canvas, width - MARGIN_X, top - 4, marking) if marking else -5
    if draft:
        draw_marking(canvas, width - MARGIN_X - used - 5, top - 4, "DRAFT")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 17, width - MARGIN_X, top - 17)
    canvas.restoreState()


def draw_footer(canvas: Canvas, title: str, page: int, total: int, width: float = PAGE_WIDTH,
                marking: str | None = None) -> None:
    canvas.saveState()
    base = 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, base + 11, width - MARGIN_X, base + 11)
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(INK)
    if marking:
        canvas.drawString(MARGIN_X, base, marking)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    room = width - 2 * MARGIN_X - 2 * 40 * mm
    canvas.drawCentredString(width / 2, base, fit(canvas, title, REGULAR, 8, room))
    canvas.setFillColor(INK)
    canvas.drawRightString(width - MARGIN_X, base, f"Page {page} of {total}")
    canvas.restoreState()


def draw_watermark(canvas: Canvas, words: str = "DRAFT", width: float = PAGE_WIDTH,
                   height: float = PAGE_HEIGHT) -> None:
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFont(BOLD, 130)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -45, words)
    canvas.restoreState()


def fit(canvas: Canvas, words: str, font: str, size: float, room: float) -> str:
    if canvas.stringWidth(words, font, size) <= room:
        return words
    while words and canvas.stringWidth(words + "…", font, size) > room:
        words = words[:-1]
    return words.rstrip() + "…"


def _numbered_canvas(footer_title: str, first_page: int, extra_pages: int, marking: str | None):
    """A canvas that holds its pages back until it knows how many there are ("Page N of M")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = first_page - 1 + len(self._held) + extra_pages
            for state in self._held:
                self.__dict__.update(state)
                draw_footer(self, footer_title, first_page - 1 + self._pageNumber, total, marking=marking)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render(house: House, story: list, *, title: str, subject: str, footer_title: str | None = None,
           draft: bool = False, first_page: int = 1, extra_pages: int = 0,
           marking: str | None | bool = True) -> tuple[bytes, int]:
    """The story as a PDF in the house style; returns the bytes and the number of pages.

    ``marking`` is the protective marking printed top and bottom: True (the default) for
    the agency's setting, as every case document carries; a string for another; None for
    none (a document written to be published). The metadata names the agency, never a
    person.

    ``first_page`` and ``extra_pages`` let a document be the front of a longer one
    (the panel pack) and still print that whole document's page numbers."""
    styles()
    if marking is True:
        marking = house.marking
    marking = marking or None
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=house.name, subject=subject,
        creator=CREATOR, producer=CREATOR, keywords=marking or "", lang=LANGUAGE,
        # Otherwise every page also names Helvetica, a font that is not embedded.
        initialFontName=REGULAR, initialFontSize=10, initialLeading=13.5)

    def furnish(canvas, _doc):
        if draft:
            draw_watermark(canvas)
        draw_header(canvas, house, draft=draft, marking=marking)

    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="house", frames=[frame], onPage=furnish)])
    canvasmaker = _numbered_canvas(footer_title or title, first_page, extra_pages, marking)
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue(), doc.page


def signature_lines(labels: tuple[str, ...] = ("Signature", "Date signed")) -> Table:
    """Ruled lines, with room above them, to sign and date a printed copy by hand."""
    s = styles()
    gutter = 10 * mm
    width = (CONTENT_WIDTH - gutter * (len(labels) - 1)) / len(labels)
    cells, widths = [], []
    for n, label in enumerate(labels):
        if n:
            cells.append("")
            widths.append(gutter)
        cells.append(para(label, s.small))
        widths.append(width)
    table = Table([[""] * len(cells), cells], colWidths=widths, rowHeights=[13 * mm, None], hAlign="LEFT")
    table.setStyle(_table_style([("LINEABOVE", (n, 1), (n, 1), 0.8, INK) for n in range(0, len(cells), 2)]
                                + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 1), (-1, 1), 2)]))
    return table
