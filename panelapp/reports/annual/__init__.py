"""The panel chair's annual and half-year report: the figures of statistics.md for
the period and the two years before it, charts, and the chair's own texts.

``annual_report_pdf(session, path, date_from=..., date_to=...)`` writes it as PDF (with
an optional protective ``marking``; a published report carries none by default),
``annual_report_docx`` (same arguments) as a Word document. ``SECTIONS`` is the
report's ordered list of sections, which both formats follow.
"""

from .build import annual_report_pdf
from .docx import annual_report_docx
from .labels import period_label
from .sections import SECTIONS, Section

__all__ = ["SECTIONS", "Section", "annual_report_docx", "annual_report_pdf", "period_label"]
