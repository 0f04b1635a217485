"""The report as a published document: a contents page, bookmarks (the PDF outline)
for every heading, the document language, a protective marking only when one is
chosen, and metadata that names the agency and its panel, never a person.

Built on the house style (fonts, paragraph styles, header rule, "Page N of M");
the header and footer are drawn here because a published report carries no
marking by default, where the case documents always do.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..fonts import BOLD, REGULAR
from ..style import (
    CONTENT_WIDTH,
    CREATOR,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    House,
    draw_marking,
    fit,
    styles,
)

LANGUAGE = "en-GB"


def contents() -> TableOfContents:
    """The contents: each numbered section and its page, filled in on the second pass."""
    s = styles()
    toc = TableOfContents(dotsMinLevel=0)
    # A table's own font defaults to Helvetica, which would be named though never embedded.
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    toc.levelStyles = [ParagraphStyle("contents", parent=s.body, fontSize=10, leading=15, spaceAfter=0,
                                      leftIndent=0, firstLineIndent=0)]
    return toc


class ReportTemplate(BaseDocTemplate):
    """Every first-level heading goes in the contents and the outline; second-level ones
    in the outline, under their section, so a reader can jump to any table."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._marks = 0

    def beforeDocument(self) -> None:
        # Each pass numbers the bookmarks afresh, so the contents can settle.
        self._marks = 0
        self.canv.showOutline()

    def afterFlowable(self, flowable) -> None:
        if not isinstance(flowable, Paragraph):
            return
        level = {"h1": 0, "h2": 1}.get(flowable.style.name)
        if level is None:
            return
        words = flowable.getPlainText()
        self._marks += 1
        key = f"section-{self._marks}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(words, key, level=level, closed=level > 0)
        if level == 0:
            self.notify("TOCEntry", (0, words, self.page, key))


def _header(canvas: Canvas, house: House, marking: str | None) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 13 * mm
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN_X, top, house.name)
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, top - 11, house.panel)
    if marking:
        draw_marking(canvas, PAGE_WIDTH - MARGIN_X, top - 4, marking)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 17, PAGE_WIDTH - MARGIN_X, top - 17)
    canvas.restoreState()


def _footer(canvas: Canvas, title: str, marking: str | None, page: int, total: int) -> None:
    canvas.saveState()
    base = 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, base + 11, PAGE_WIDTH - MARGIN_X, base + 11)
    if marking:
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN_X, base, marking)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    room = PAGE_WIDTH - 2 * MARGIN_X - 2 * 40 * mm
    canvas.drawCentredString(PAGE_WIDTH / 2, base, fit(canvas, title, REGULAR, 8, room))
    canvas.setFillColor(INK)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, base, f"Page {page} of {total}")
    canvas.restoreState()


def _numbered(footer_title: str, marking: str | None):
    """A canvas that holds its pages back until it knows how many there are ("Page N of M")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _footer(self, footer_title, marking, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render_report(house: House, story: list, *, title: str, subject: str, footer_title: str,
                  marking: str | None = None) -> tuple[bytes, int]:
    """The story as a PDF; returns the bytes and the number of pages. Built in passes
    until the contents' page numbers settle."""
    styles()
    buffer = io.BytesIO()
    doc = ReportTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=f"{house.panel}, {house.name}", subject=subject,
        creator=CREATOR, producer=CREATOR, keywords=marking or "", lang=LANGUAGE,
        initialFontName=REGULAR, initialFontSize=10, initialLeading=13.5)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="report", frames=[frame],
                                       onPage=lambda canvas, _doc: _header(canvas, house, marking))])
    doc.multiBuild(story, canvasmaker=_numbered(footer_title, marking))
    return buffer.getvalue(), doc.page
