"""The panel chair's annual (or half-year) report as a Word document: the same
story the PDF is built from (build.annual_story), so the same sections, tables and
charts, with real Word headings, repeating table header rows and charts carrying
alternative text, for a chair to edit and a council to publish accessibly."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlmodel import Session

from ...services import report_texts
from ...stats.periods import period
from ..output import write_atomically
from ..word import WordWriter
from .build import annual_story, default_title
from .data import ReportData
from .labels import dates_in_words


def annual_report_document(data: ReportData, title: str, marking: str | None = None) -> WordWriter:
    writer = WordWriter(data.house, title=f"{data.house.panel} – {title}",
                        subject=f"{title} of the {data.house.panel}: {dates_in_words(data.span)}",
                        marking=marking)
    writer.add(annual_story(data, title))
    return writer


def annual_report_docx(session: Session, path: str | os.PathLike, *, date_from, date_to,
                       title: str | None = None, made_on: dt.date | None = None,
                       marking: str | None = None) -> Path:
    """Write the chair's report for ``date_from`` to ``date_to`` to ``path`` as .docx, with
    the two earlier years beside every figure, as the PDF has them. Returns the path."""
    data = ReportData.gather(session, period(date_from, date_to), made_on=made_on)
    title = (title or "").strip() or default_title(data)
    report_texts.refuse_names(session, title, "the title")
    writer = annual_report_document(data, title, marking)
    return write_atomically(path, writer.save())
