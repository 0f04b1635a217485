"""Reporting periods: financial years, half years, and any span of dates.

A financial year runs 1 April to 31 March and is named by the year it starts
in (2024 is April 2024 to March 2025); ``2024H1`` is its first half (April to
September 2024), ``2024H2`` its second (October 2024 to March 2025).
"""

from __future__ import annotations

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
        return Period(_years_back(self.start, years), _years_back(self.end, years))

    def as_json(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year - years, day=28)


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
