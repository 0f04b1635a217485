"""What a report calls its periods: "2024-25" for a financial year, "Oct 2024 – Mar 2025"
for a half year or any run of whole months, and the dates themselves otherwise.
The words live with the periods (``panelapp.stats.periods``), so the spreadsheet names its years alike."""

from __future__ import annotations

from ...stats.periods import Period, dates_in_words, is_financial_year, is_half_year, period_label

__all__ = ["dates_in_words", "is_financial_year", "is_half_year", "period_label", "report_kind"]


def report_kind(span: Period) -> str:
    """What the report is called: an annual, half-year or period report."""
    if is_financial_year(span):
        return "annual report"
    if is_half_year(span):
        return "half-year report"
    return "panel report"
