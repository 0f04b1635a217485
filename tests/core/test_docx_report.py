"""The chair's report as a Word document, opened with python-docx: the PDF's sections as
real Word headings, the three-year tables with header rows marked to repeat, and the
charts as pictures with alternative text that carries their figures."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from panelapp.cli import main
from panelapp.db import open_store
from panelapp.exchange import import_document
from panelapp.reports.annual import annual_report_docx, annual_report_pdf
from panelapp.reports.annual.build import SECTION_TITLES
from panelapp.services.permissions import Actor
from panelapp.services.report_texts import save_report_text, set_service_plan
from panelapp.stats import compute_statistics, financial_year

CHAIR = Actor("chair1", "Chloë Chair", "chair")
FY2024 = financial_year(2024)
COMMENTARY = ("# The year in brief\n\nThe panel heard **more approvals**.\n\n"
              "- Nine early permanence approvals.\n- Two departures.")
PLAN = [{"priority": "Recruit adopters for sibling groups", "owner": "Head of Service", "due": "2026-03-31"}]


@pytest.fixture(scope="module")
def made(tmp_path_factory, northshire_doc):
    folder = tmp_path_factory.mktemp("docx")
    store = open_store(str(folder / "northshire.sqlite"))
    with store.transaction() as session:
        import_document(session, northshire_doc, actor="test")
        save_report_text(session, CHAIR, *FY2024, "chair_commentary", COMMENTARY)
        set_service_plan(session, CHAIR, *FY2024, PLAN)
    with store.session() as session:
        docx_path = annual_report_docx(session, folder / "fy2024.docx", date_from=FY2024[0], date_to=FY2024[1],
                                       made_on=dt.date(2025, 5, 1))
        pdf_path = annual_report_pdf(session, folder / "fy2024.pdf", date_from=FY2024[0], date_to=FY2024[1],
                                     made_on=dt.date(2025, 5, 1))
        stats = compute_statistics(session, *FY2024)
    yield {"doc": Document(str(docx_path)), "pdf": pdf_path, "stats": stats, "db": str(folder / "northshire.sqlite"),
           "folder": folder}
    store.dispose()


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def test_every_section_is_a_real_word_heading_in_order(made):
    doc = made["doc"]
    assert headings(doc, 1) == [f"{n}. {title}" for n, title in enumerate(SECTION_TITLES, start=1)]
    level2 = headings(doc, 2)
    for words in ("Items heard by type", "Outcomes by type of item", "During the period",
                  "At the end of the period", "Withdrawals by stage", "Children waiting, and their needs"):
        assert words in level2
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Annual report 2024-25"]


def test_the_words_are_the_pdfs(made):
    pdf = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(made["pdf"])).pages).split())
    # The contents is a Word field that Word fills in itself; its placeholder is no text of the PDF's.
    body = [" ".join(p.text.split()) for p in made["doc"].paragraphs
            if p.text.strip() and "TOC" not in p._p.xml]
    assert len(body) > 20
    for words in body:
        assert words in pdf, words
    assert "The panel heard more approvals." in body
    assert "Nine early permanence approvals." in body


def _table_starting(doc, first: str):
    found = [t for t in doc.tables if t.rows[0].cells[0].text == first]
    assert found, first
    return found[0]


def _is_header(row) -> bool:
    marks = row._tr.trPr.findall(qn("w:tblHeader")) if row._tr.trPr is not None else []
    return bool(marks) and marks[0].get(qn("w:val")) in ("true", "1", None)


def test_three_year_tables_have_marked_header_rows_and_the_figures(made):
    doc, stats = made["doc"], made["stats"]
    years = ["2024-25", "2023-24", "2022-23"]
    for first in ("Meetings and items", "Type of item", "Recommendations and decisions", "Households",
                  "Children with a plan for adoption", "Indicator"):
        table = _table_starting(doc, first)
        header = [c.text for c in table.rows[0].cells]
        assert header[-3:] == years, first
        assert _is_header(table.rows[0]) and not _is_header(table.rows[1])
    meetings = _table_starting(doc, "Meetings and items")
    held = next(r for r in meetings.rows if r.cells[0].text == "Meetings held")
    expected = [stats["panel"]["meetings_held"]] + [p["panel"]["meetings_held"] for p in stats["previous"]]
    assert [c.text for c in held.cells[1:]] == [str(n) for n in expected]
    # The figures are right-aligned, as in the PDF.
    assert held.cells[1].paragraphs[0].alignment == 2


def test_the_charts_are_pictures_with_alternative_text(made):
    doc, stats = made["doc"], made["stats"]
    pictures = doc.inline_shapes
    assert len(pictures) == 5
    alt = [shape._inline.docPr.get("descr") for shape in pictures]
    assert alt[0].startswith("Chart 1. Items heard by type.")
    approvals = stats["panel"]["items_by_type"]["adopter_approval"]
    assert f"Adopter approval: 2024-25 {approvals}, 2023-24 " in alt[0]
    assert alt[1].startswith("Chart 2. The adopter journey, 2024-25.")
    assert f"Approved {stats['adopters']['approved']}" in alt[1]
    assert alt[2].startswith("Chart 3. Assessments finished within the timescale")
    assert alt[3].startswith("Chart 4. Children awaiting a match at the end of the period, by need.")
    assert alt[4].startswith("Chart 5. A2 and A10 against the national targets")
    assert "(target 121)" in alt[4] and "(target 426)" in alt[4]
    for shape in pictures:
        assert shape._inline.docPr.get("title")
        blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        assert doc.part.related_parts[blob].content_type == "image/png"


def test_page_furniture_and_properties(made):
    doc = made["doc"]
    section = doc.sections[0]
    # A report the council publishes carries no protective marking unless one is chosen.
    assert "CONFIDENTIAL" not in section.header.paragraphs[0].text
    assert "Northshire" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer and " PAGE " in footer
    assert doc.core_properties.keywords == ""
    assert doc.core_properties.title.endswith("Annual report 2024-25")


def test_command_line_writes_docx_and_refuses_what_it_cannot_write(made, tmp_path, capsys):
    out = tmp_path / "h2.docx"
    assert main(["--db", made["db"], "report", "annual", "--half", "2024H2", "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert headings(Document(str(out)), 1)[0] == "1. Introduction"
    assert [p.text for p in Document(str(out)).paragraphs if p.style.name == "Title"] == \
        ["Half-year report Oct 2024 – Mar 2025"]
    for name in ("report.odt", "report.doc", "report"):
        assert main(["--db", made["db"], "report", "annual", "--year", "2024", "--out", str(tmp_path / name)]) == 1
        assert "Nothing was written" in capsys.readouterr().err
        assert not (tmp_path / name).exists()


def test_the_word_writer_takes_what_a_new_section_may_use_and_refuses_what_it_cannot(made):
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.platypus import Flowable, PageBreak

    from panelapp.reports.style import grid, heading, para
    from panelapp.reports.word import WordWriter

    class House:
        name, panel = "Agency", "Panel"

    drawing = Drawing(200, 60)
    drawing.add(String(0, 50, "Chart 9. A new chart", fontSize=10))
    writer = WordWriter(House(), title="T", subject="S")
    writer.add([heading("11. Equality"), para("Words."), PageBreak(),
                grid(["Group", "2024-25"], [["One", drawing]], [200, 100])])
    doc = Document(io.BytesIO(writer.save()))
    assert headings(doc, 1) == ["11. Equality"]
    assert len(doc.inline_shapes) == 1
    assert doc.inline_shapes[0]._inline.docPr.get("descr") == "Chart 9. A new chart."
    assert any('w:type="page"' in p._p.xml for p in doc.paragraphs)
    with pytest.raises(TypeError, match="no Word form for a Flowable"):
        writer.add([Flowable()])
