"""The panel chair's annual (or half-year) report, as one PDF in the house style."""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph
from sqlmodel import Session

from ...services import report_texts
from ...stats.periods import period
from ..output import write_atomically
from ..style import boxed, facts, heading, para, styles
from ..words import long_date
from .data import ReportData
from .document import contents, render_report
from .labels import dates_in_words, is_financial_year
from .sections import SECTIONS, Section

SECTION_TITLES = tuple(section.title for section in SECTIONS)


def default_title(data: ReportData) -> str:
    """``Annual report 2024-25`` or ``Half-year report Oct 2024 – Mar 2025``."""
    return f"{data.kind[0].upper()}{data.kind[1:]} {data.label}"


def statutory_basis(data: ReportData) -> str:
    which = ("the annual report" if is_financial_year(data.span) else
             "the six-monthly report" if data.kind == "half-year report" else "a report for part of the year")
    return (f"Why this report is made: the Adoption National Minimum Standards 2011 (standard 25.6) ask for "
            f"two reports a year on the work of the adoption panel, one six-monthly and one annual. This is "
            f"{which} of the {data.house.panel} for {data.label}.")


def _front(data: ReportData, title: str) -> list:
    s = styles()
    earlier = [label for label, _ in data.years[1:]]
    return [
        para(title, s.title),
        para(f"{data.house.panel}, {data.house.name}", s.subtitle),
        facts([
            ("Period", dates_in_words(data.span)),
            ("Compared with", " and ".join(earlier) + ", the same period one and two years earlier"
             if earlier else "no earlier period"),
            ("Prepared", long_date(data.made_on)),
        ], label_width=34 * mm),
        boxed([para(statutory_basis(data), s.small),
               para("This report shows no names of children, adopters, birth families or panel members: every "
                    "figure is a count of the agency's records, and members are shown by their reference on "
                    "the central list. Where the agency's records do not reach back to a year, its column says "
                    "\u201cno records\u201d. Each part starts from the agency's first record of its kind: the "
                    "panel's and the decision maker's figures from the first meeting, the adopters' from the "
                    "first household's dates and the children's from the first child's, so a year before the "
                    "first meeting may still have children's figures.", s.small)]),
        # Not an h1: the contents do not list themselves.
        para("Contents", ParagraphStyle("contents_heading", parent=s.h1)),
        contents(),
        PageBreak(),
    ]


def _is_heading(flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2")


def annual_story(data: ReportData, title: str, sections: tuple[Section, ...] = SECTIONS) -> list:
    story = _front(data, title)
    for number, section in enumerate(sections, start=1):
        flowables = section.pdf(data)
        # A heading never ends a page: it goes with its section's first block (opened, since
        # a KeepTogether inside another pushes what follows it onto the next page).
        # A sub-heading opening the section goes with the block after it.
        lead = 0
        while lead < len(flowables) - 1 and _is_heading(flowables[lead]):
            lead += 1
        first = flowables[:lead + 1]
        if isinstance(first[-1], KeepTogether):
            first[-1:] = list(first[-1]._content)
        story.append(KeepTogether([heading(f"{number}. {section.title}"), *first]))
        story += flowables[lead + 1:]
    return story


def annual_report_pdf(session: Session, path: str | os.PathLike, *, date_from, date_to, title: str | None = None,
                      made_on: dt.date | None = None, marking: str | None = None):
    """Write the chair's report for ``date_from`` to ``date_to`` (a financial year makes
    the annual report, a half year the six-monthly one) to ``path``, with the two
    earlier years beside every figure. The report is written to be published: it
    carries a protective ``marking`` only when one is given. Returns the path written."""
    data = ReportData.gather(session, period(date_from, date_to), made_on=made_on)
    title = (title or "").strip() or default_title(data)
    report_texts.refuse_names(session, title, "the title")
    marking = (marking or "").strip() or None
    pdf, _pages = render_report(data.house, annual_story(data, title), title=f"{data.house.panel} – {title}",
                                subject=f"{title} of the {data.house.panel}: {dates_in_words(data.span)}",
                                footer_title=title, marking=marking)
    return write_atomically(path, pdf)
