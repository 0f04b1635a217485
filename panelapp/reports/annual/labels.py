"""What a report calls its periods: "2024-25" for a financial year, "Oct 2024 – Mar 2025"
for a half year or any run of whole months, and the dates themselves otherwise."""

from __future__ import annotations

import calendar
import datetime as dt

from ...stats.periods import Period


def is_financial_year(span: Period) -> bool:
    return (span.start.month, span.start.day) == (4, 1) and span.end == dt.date(span.start.year + 1, 3, 31)


def is_half_year(span: Period) -> bool:
    start, end = span.start, span.end
    return ((start.month, start.day) == (4, 1) and end == dt.date(start.year, 9, 30)) or \
           ((start.month, start.day) == (10, 1) and end == dt.date(start.year + 1, 3, 31))


def _whole_months(span: Period) -> bool:
    last = calendar.monthrange(span.end.year, span.end.month)[1]
    return span.start.day == 1 and span.end.day == last


def period_label(span: Period) -> str:
    """``2024-25``, ``Oct 2024 – Mar 2025``, ``Apr 2024`` or ``3 Apr 2024 – 2 Apr 2025``."""
    start, end = span.start, span.end
    if is_financial_year(span):
        return f"{start.year}-{str(start.year + 1)[-2:]}"
    if _whole_months(span):
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%b %Y}"
        return f"{start:%b %Y} – {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def report_kind(span: Period) -> str:
    """What the report is called: an annual, half-year or period report."""
    if is_financial_year(span):
        return "annual report"
    if is_half_year(span):
        return "half-year report"
    return "panel report"


def dates_in_words(span: Period) -> str:
    return f"{span.start.day} {span.start:%B %Y} to {span.end.day} {span.end:%B %Y}"
