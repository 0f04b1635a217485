"""The panel chair's annual and half-year report: the figures of statistics.md for
the period and the two years before it, charts, and the chair's own texts.

``annual_report_pdf(session, path, date_from=..., date_to=...)`` writes it as PDF,
``annual_report_docx`` (same arguments) as a Word document.
"""

from .build import annual_report_pdf
from .docx import annual_report_docx
from .labels import period_label

__all__ = ["annual_report_docx", "annual_report_pdf", "period_label"]
