"""Working days: weekdays that are not bank holidays in the agency's region.

The conventions are statistics.md's, and every clock in PanelApp uses them:

- "N working days after D" counts from the next working day after D, so
  ``add(d, n)`` is the n-th working day after ``d`` (``d`` itself never counts).
- "The working days from D1 to D2" are the working days after D1 up to and
  including D2, so ``between(d1, d2)`` is 0 when the dates are equal and
  papers sent on a Thursday are 5 working days before the next Thursday.

Think of each working day as numbered in order; a day that is not a working
day shares the number of the last working day before it. Then
``between(d1, d2)`` is number(d2) - number(d1), and ``add(d, n)`` is the working
day numbered number(d) + n, for positive and negative ``n`` alike. So
``between(d, add(d, n)) == n`` always, and ``add(meeting, -5)`` is the last day
papers can go out and still be 5 working days before the meeting.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_right
from functools import lru_cache

import holidays

from ..enums import AGENCY_DEFAULTS, REGIONS
from ..errors import PanelAppError

# The `holidays` package's subdivisions of GB for the exchange format's regions.
# Wales keeps England's bank holidays.
SUBDIVISIONS = {
    "england_and_wales": "ENG",
    "scotland": "SCT",
    "northern_ireland": "NIR",
}
assert set(SUBDIVISIONS) == set(REGIONS)


class WorkingDays:
    """Working-day arithmetic for one region. Instances are cheap; the bank
    holidays behind them are worked out once per region and year and shared."""

    def __init__(self, region: str | None = "england_and_wales"):
        region = region or AGENCY_DEFAULTS["region"]
        if region not in SUBDIVISIONS:
            raise PanelAppError(
                f"unknown region {region!r}: it must be one of {', '.join(REGIONS)}")
        self.region = region
        self._calendar = _calendar(region)

    @classmethod
    def for_agency(cls, agency) -> "WorkingDays":
        """The working days of ``agency``'s region (the default region when ``agency`` is None)."""
        return cls(agency.setting("region") if agency is not None else None)

    def __repr__(self) -> str:
        return f"WorkingDays({self.region!r})"

    def bank_holidays(self, year: int) -> dict[dt.date, str]:
        """The region's bank holidays in ``year``, by date, with their names."""
        return dict(self._calendar.year(year))

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._calendar.year(day.year)

    def add(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after ``day`` (before it when ``n`` is negative);
        ``day`` itself when ``n`` is 0."""
        step = dt.timedelta(days=1 if n > 0 else -1)
        if n < 0:
            # A non-working day shares the number of the working day before it,
            # so counting back starts from that working day.
            while not self.is_working_day(day):
                day -= dt.timedelta(days=1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """The working days after ``start`` up to and including ``end``;
        0 when they are equal, negative when ``end`` is before ``start``."""
        if end < start:
            return -self.between(end, start)
        weekdays = _weekdays_up_to(end) - _weekdays_up_to(start)
        return weekdays - self._calendar.weekday_holidays_in(start, end)


def _weekdays_up_to(day: dt.date) -> int:
    """Monday to Friday days from 1 January of year 1 (a Monday) to ``day`` inclusive."""
    days = day.toordinal()
    return days // 7 * 5 + min(days % 7, 5)


class _Calendar:
    """One region's bank holidays, worked out a year at a time as they are asked for."""

    def __init__(self, subdivision: str):
        self._subdivision = subdivision
        self._years: dict[int, dict[dt.date, str]] = {}
        self._weekday_dates: dict[int, list[dt.date]] = {}
        self._lock = threading.Lock()

    def year(self, year: int) -> dict[dt.date, str]:
        found = self._years.get(year)
        if found is None:
            with self._lock:
                found = self._years.get(year)
                if found is None:
                    table = holidays.country_holidays("GB", subdiv=self._subdivision, years=year)
                    found = {day: name for day, name in table.items() if day.year == year}
                    self._weekday_dates[year] = sorted(d for d in found if d.weekday() < 5)
                    self._years[year] = found
        return found

    def weekday_holidays_in(self, start: dt.date, end: dt.date) -> int:
        """Bank holidays falling Monday to Friday after ``start`` up to and including ``end``."""
        count = 0
        for year in range(start.year, end.year + 1):
            self.year(year)
            dates = self._weekday_dates[year]
            count += bisect_right(dates, end) - bisect_right(dates, start)
        return count


@lru_cache(maxsize=None)
def _calendar(region: str) -> _Calendar:
    return _Calendar(SUBDIVISIONS[region])
