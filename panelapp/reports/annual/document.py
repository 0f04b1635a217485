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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..fonts import REGULAR
from ..style import (
    CONTENT_WIDTH,
    CREATOR,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    House,
    draw_footer,
    draw_header,
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
                draw_footer(self, footer_title, number, total, marking=marking)
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
                                       onPage=lambda canvas, _doc: draw_header(canvas, house, marking=marking))])
    doc.multiBuild(story, canvasmaker=_numbered(footer_title, marking))
    return buffer.getvalue(), doc.page
