"""A document's story, as built for the PDF, written into a Word document instead.

The same flowables the PDF is made of are walked in order: a heading paragraph
becomes a real Word heading (Heading 1 or 2), a ruled table a Word table whose
header row repeats on every page, a chart a PNG picture with its alternative
text, a boxed note a paragraph ruled on its left. So every section the PDF has,
today's and those added later, is in the Word version too, with the same words.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import (
    CondPageBreak,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from .chart_image import describe, png_of
from .style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, House

FONT = "Arial"  # on every Windows and Mac; LibreOffice reads it as Liberation Sans
MUTED = RGBColor(0x4D, 0x4D, 0x4D)
STYLE_OF = {"title": "Title", "subtitle": "Subtitle", "h1": "Heading 1", "h2": "Heading 2",
            "bullet": "List Bullet", "cell_bullet": "List Bullet"}
SHADE = "D9D9D9"
BOX_SHADE = "F2F2F2"


def _element(tag: str, **attrs) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _shade(properties, fill: str) -> None:
    properties.append(_element("w:shd", val="clear", color="auto", fill=fill))


def _field(paragraph, code: str, placeholder: str = "1") -> None:
    """A field Word fills in when it lays out the page (PAGE, NUMPAGES, TOC)."""
    run = paragraph.add_run()
    run._r.append(_element("w:fldChar", fldCharType="begin"))
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    run._r.append(instruction)
    run._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


class WordWriter:
    """Writes flowables into ``self.document`` in the house style."""

    def __init__(self, house: House, title: str, subject: str, marking: str | None = None) -> None:
        self.document: WordDocument = Document()
        self.house = house
        # A published report (the annual one) carries no protective marking unless one is chosen.
        self.marking = (marking or "").strip() or None
        self._setup(title, subject)
        self.pictures = 0

    # -- the page, the styles, the furniture -------------------------------------------------
    def _setup(self, title: str, subject: str) -> None:
        doc = self.document
        props = doc.core_properties
        props.title, props.subject, props.author = title, subject, self.house.name
        props.keywords, props.comments = self.marking or "", "Made by PanelApp"
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(MARGIN_X / 72 * 25.4)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP / 72 * 25.4), Mm(MARGIN_BOTTOM / 72 * 25.4)
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(10)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(4)
        for name, size in (("Title", 20), ("Subtitle", 12), ("Heading 1", 14), ("Heading 2", 11.5)):
            style = styles[name]
            style.font.name, style.font.size = FONT, Pt(size)
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.bold = name != "Subtitle"
            style.font.italic = False
        styles["Subtitle"].font.color.rgb = MUTED
        # The template rules its title in blue; the house style is greys only (papers are photocopied).
        for border in styles["Title"].element.xpath("./w:pPr/w:pBdr"):
            border.getparent().remove(border)
        self._furniture(title, section)

    def _furniture(self, title: str, section) -> None:
        header = section.header.paragraphs[0]
        header.text = ""
        name = header.add_run(self.house.name)
        name.bold = True
        header.add_run(f"\n{self.house.panel}").font.color.rgb = MUTED
        footer = section.footer.paragraphs[0]
        if self.marking:
            header.add_run("\t\t")
            header.add_run(self.marking).bold = True
            footer.add_run(self.marking).bold = True
        footer.add_run(f"\t{title}\tPage ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")
        for paragraph in (header, footer):
            for run in paragraph.runs:
                run.font.size = Pt(8.5)

    # -- flowables ---------------------------------------------------------------------------
    def add(self, flowables: list) -> None:
        for flowable in flowables:
            self.flowable(flowable)

    def flowable(self, flowable) -> None:
        if isinstance(flowable, (KeepTogether, KeepInFrame)):
            self.add(flowable._content)
        elif isinstance(flowable, PageBreak):
            self.document.add_page_break()
        elif isinstance(flowable, Paragraph):
            self.paragraph(self.document, flowable)
        elif isinstance(flowable, Table):
            self.table(flowable)
        elif isinstance(flowable, Drawing):
            self.picture(flowable)
        elif isinstance(flowable, (list, tuple)):
            self.add(list(flowable))
        elif isinstance(flowable, TableOfContents):
            self.contents()
        elif isinstance(flowable, (Spacer, CondPageBreak)) or flowable is None:
            return  # Word lays out its own pages and spacing
        else:
            raise TypeError(f"no Word form for a {type(flowable).__name__} in the report")

    def contents(self) -> None:
        # Word numbers the pages itself, so the contents is its own field over the headings.
        _field(self.document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u',
               "Contents: right-click here and choose Update Field to list the sections and pages.")

    def paragraph(self, holder, source: Paragraph | str, bold: bool = False):
        if isinstance(source, str):
            paragraph = holder.add_paragraph()
            self._runs(paragraph, [(source, bold, False)])
            return paragraph
        style = source.style
        paragraph = holder.add_paragraph(style=STYLE_OF.get(style.name))
        if style.name in ("small", "digest"):
            for_runs = {"size": Pt(8.5), "colour": MUTED}
        elif style.name.startswith("cell"):
            for_runs = {"size": Pt(9), "colour": None}
        else:
            for_runs = {"size": None, "colour": None}
        if style.alignment == TA_RIGHT:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style.alignment == TA_CENTER:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading = style.name in STYLE_OF and not style.name.endswith("bullet")
        pieces = []
        for frag in source.frags:
            if getattr(frag, "lineBreak", False):
                pieces.append(("\n", False, False))
                continue
            text = getattr(frag, "text", "")
            strong = bold or bool(getattr(frag, "bold", 0)) or "Bold" in getattr(frag, "fontName", "")
            pieces.append((text, strong and not heading, bool(getattr(frag, "italic", 0))))
        self._runs(paragraph, pieces, **for_runs)
        return paragraph

    @staticmethod
    def _runs(paragraph, pieces, size=None, colour=None) -> None:
        for text, bold, italic in pieces:
            if text == "\n":
                paragraph.add_run().add_break()
                continue
            # A non-breaking space keeps "Oct 2024 –" together in Word as in the PDF.
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if size is not None:
                run.font.size = size
            if colour is not None:
                run.font.color.rgb = colour

    def _cell(self, cell: _Cell, value, bold: bool = False) -> None:
        first = cell.paragraphs[0]
        items = value if isinstance(value, (list, tuple)) else [value]
        for n, item in enumerate(items):
            if item is None:
                item = ""
            if isinstance(item, (Paragraph, str)):
                paragraph = self.paragraph(cell, item, bold)
            elif isinstance(item, Drawing):
                paragraph = cell.add_paragraph()
                self._picture(paragraph, item)
            else:
                raise TypeError(f"no Word form for a {type(item).__name__} in a table")
            paragraph.paragraph_format.space_after = Pt(1)
            if n == 0:
                # python-docx starts every cell with an empty paragraph: put the first in its place.
                first._p.addnext(paragraph._p)
                first._p.getparent().remove(first._p)

    def table(self, source: Table) -> None:
        data = source._cellvalues
        if len(data) == 1 and len(data[0]) == 1 and isinstance(data[0][0], (list, tuple)):
            self.boxed(list(data[0][0]))
            return
        header_rows = source.repeatRows if isinstance(source.repeatRows, int) else len(source.repeatRows)
        table = self.document.add_table(rows=len(data), cols=len(data[0]))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        if header_rows:
            table.style = self.document.styles["Table Grid"]
        widths = source._colWidths
        table.autofit = False
        for c, width in enumerate(widths):
            if width:
                table.columns[c].width = Pt(width)
        for r, row in enumerate(data):
            cells = table.rows[r].cells
            for c, value in enumerate(row):
                if widths[c]:
                    cells[c].width = Pt(widths[c])
                self._cell(cells[c], value, bold=r < header_rows)
            if r < header_rows:
                # Marked as a header row: Word repeats it on each page and reads it as the column names.
                table.rows[r]._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
                for cell in cells:
                    _shade(cell._tc.get_or_add_tcPr(), SHADE)
            table.rows[r]._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)

    def boxed(self, flowables: list) -> None:
        """A note ruled on its left and shaded, as the PDF's boxed words."""
        for flowable in flowables:
            if not isinstance(flowable, Paragraph):
                self.flowable(flowable)
                continue
            paragraph = self.paragraph(self.document, flowable)
            properties = paragraph._p.get_or_add_pPr()
            borders = _element("w:pBdr")
            borders.append(_element("w:left", val="single", sz=18, space=8, color="000000"))
            properties.append(borders)
            _shade(properties, BOX_SHADE)
            paragraph.paragraph_format.left_indent = Mm(3)

    def picture(self, drawing: Drawing) -> None:
        self._picture(self.document.add_paragraph(), drawing)

    def _picture(self, paragraph, drawing: Drawing) -> None:
        """The chart as a PNG in ``paragraph``, with its figures in words as alternative text."""
        self.pictures += 1
        words = describe(drawing)
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(png_of(drawing)), width=Pt(drawing.width))
        inline = run._r.xpath(".//wp:docPr")[0]
        inline.set("descr", words)
        inline.set("title", words.split(". ")[0])
        inline.set("name", f"Chart {self.pictures}")

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
