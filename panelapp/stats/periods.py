"""Reporting periods: financial years, half years, and any span of dates.

A financial year runs 1 April to 31 March and is named by the year it starts
in (2024 is April 2024 to March 2025); ``2024H1`` is its first half (April to
September 2024), ``2024H2`` its second (October 2024 to March 2025).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import PanelAppError

_HALF = re.compile(r"^\s*(\d{4})\s*[Hh]\s*([12])\s*$")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise PanelAppError(f"the period ends ({self.end.isoformat()}) before it starts "
                                f"({self.start.isoformat()})")

    def years_earlier(self, years: int) -> "Period":
        """The same period ``years`` years earlier (29 February becomes the 28th)."""
        return Period(years_back(self.start, years), years_back(self.end, years))

    def as_json(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def years_back(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years earlier; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year - years, day=28)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day number ``months`` calendar months later, or that month's last day
    when it has no such day (31 December + 2 months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _year(value, what: str) -> int:
    if isinstance(value, bool):
        raise PanelAppError(f"{what}: {value!r} is not a year")
    try:
        year = int(str(value).strip())
    except ValueError:
        raise PanelAppError(f"{what}: {value!r} is not a year; give four digits, e.g. 2024") from None
    if not 1900 <= year <= 2999:
        raise PanelAppError(f"{what}: {year} is not a plausible year; give four digits, e.g. 2024")
    return year


def financial_year(year) -> tuple[dt.date, dt.date]:
    """``financial_year(2024)`` is (2024-04-01, 2025-03-31)."""
    year = _year(year, "financial year")
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def half_year(name: str) -> tuple[dt.date, dt.date]:
    """``half_year("2024H1")`` is April to September 2024; ``"2024H2"`` is October 2024 to March 2025."""
    match = _HALF.match(str(name))
    if not match:
        raise PanelAppError(f"half year {name!r}: write the financial year and H1 or H2, "
                            "e.g. 2024H1 (April to September 2024) or 2024H2 (October 2024 to March 2025)")
    year = _year(match.group(1), "half year")
    if match.group(2) == "1":
        return dt.date(year, 4, 1), dt.date(year, 9, 30)
    return dt.date(year, 10, 1), dt.date(year + 1, 3, 31)


def parse_day(value, what: str = "date") -> dt.date:
    """A date from a ``date`` or an ISO 8601 string, with a message naming ``what`` when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PanelAppError(f"{what}: {value!r} is not a date; write it as YYYY-MM-DD, "
                            "e.g. 2024-04-01") from None


def period(date_from, date_to) -> Period:
    """The period from ``date_from`` to ``date_to`` inclusive (dates or ISO strings)."""
    return Period(parse_day(date_from, "from"), parse_day(date_to, "to"))


# What reports, spreadsheets and screens call a period.

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


def dates_in_words(span: Period) -> str:
    return f"{span.start.day} {span.start:%B %Y} to {span.end.day} {span.end:%B %Y}"
