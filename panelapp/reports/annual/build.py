"""The panel chair's annual (or half-year) report, as one PDF in the house style."""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether
from sqlmodel import Session

from ...services import report_texts
from ...stats.periods import period
from ..output import write_atomically
from ..style import boxed, facts, heading, para, render, styles
from ..words import long_date
from . import figures, written
from .data import ReportData
from .labels import dates_in_words

SECTION_TITLES = (
    "Introduction",
    "Panel activity",
    "Agency decision maker's decisions",
    "Adopters",
    "Children",
    "Timeliness against the national targets",
    "The chair's commentary",
    "Quality of reports seen by the panel",
    "Service plan priorities",
    "Review of last year's service plan",
)


def default_title(data: ReportData) -> str:
    """``Annual report 2024-25`` or ``Half-year report Oct 2024 – Mar 2025``."""
    return f"{data.kind[0].upper()}{data.kind[1:]} {data.label}"


def _sections(data: ReportData) -> list[tuple[str, list]]:
    return list(zip(SECTION_TITLES, (
        written.introduction(data),
        figures.panel_activity(data),
        figures.adm_decisions(data),
        figures.adopters(data),
        figures.children(data),
        figures.timeliness(data),
        written.written(data, "chair_commentary", "The chair's commentary has not been written for this period."),
        written.written(data, "quality_of_reports", "No account of the quality of reports seen by the panel "
                                                    "has been written for this period."),
        written.service_plan(data),
        written.plan_review(data),
    )))


def _front(data: ReportData, title: str, made_on: dt.date) -> list:
    s = styles()
    earlier = [label for label, _ in data.years[1:]]
    return [
        para(title, s.title),
        para(f"{data.house.panel}, {data.house.name}", s.subtitle),
        facts([
            ("Period", dates_in_words(data.span)),
            ("Compared with", " and ".join(earlier) + ", the same period one and two years earlier"
             if earlier else "no earlier period"),
            ("Prepared", long_date(made_on)),
        ], label_width=34 * mm),
        boxed([para("This report shows no names of children, adopters or birth families: every figure is "
                    "a count of the agency's records. Members of the panel are shown by their reference "
                    "on the central list.", s.small)]),
    ]


def annual_story(data: ReportData, title: str, made_on: dt.date) -> list:
    story = _front(data, title, made_on)
    for number, (words, flowables) in enumerate(_sections(data), start=1):
        # A heading never ends a page: it goes with its section's first block.
        story.append(KeepTogether([heading(f"{number}. {words}"), *flowables[:1]]))
        story += flowables[1:]
    return story


def annual_report_pdf(session: Session, path: str | os.PathLike, *, date_from, date_to, title: str | None = None,
                      made_on: dt.date | None = None):
    """Write the chair's report for ``date_from`` to ``date_to`` (a financial year makes
    the annual report, a half year the six-monthly one) to ``path``, with the two
    earlier years beside every figure. Returns the path written."""
    data = ReportData.gather(session, period(date_from, date_to))
    title = (title or "").strip() or default_title(data)
    report_texts.refuse_names(session, title, "the title")
    story = annual_story(data, title, made_on or dt.date.today())
    pdf, _pages = render(data.house, story, title=f"{data.house.panel} – {title}",
                         subject=f"{title} of the {data.house.panel}: {dates_in_words(data.span)}",
                         footer_title=title)
    return write_atomically(path, pdf)
