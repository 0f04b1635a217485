"""Dates as UK spreadsheets hold them: 31/03/2025, 31-Mar-25, 31 March 2025, 2025-03-31,
a real date cell, or an Excel date number. A date that could be read two ways, or
that no calendar has, is refused with a sentence; it is never guessed."""

from __future__ import annotations

import datetime as dt
import re

# Excel's own reading of a two-digit year (00-29 is 20xx, 30-99 is 19xx), so that a
# typed 31-Mar-25 means here what it meant in the spreadsheet it was typed into.
TWO_DIGIT_PIVOT = 30
# Excel date numbers outside these years are far more likely a count or a case number.
FIRST_SERIAL_YEAR, LAST_SERIAL_YEAR = 1920, 2099
_EXCEL_EPOCH = dt.date(1899, 12, 30)

_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_NAMED = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([A-Za-z]+)\.?,?[\s\-/.]*(\d{2}|\d{4})$")
_MONTH_ONLY = re.compile(r"^(?:[A-Za-z]+\.?[\s\-/]*(\d{2}|\d{4})|\d{1,2}[/.\-]\d{4})$")
_YEAR_FIRST = re.compile(r"^\d{4}[/.]\d{1,2}[/.]\d{1,2}$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")


class NotADate(ValueError):
    """The value is not a date this reader will take; the message says why, in words."""


def _year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    two = int(text)
    return 2000 + two if two < TWO_DIGIT_PIVOT else 1900 + two


def _make(shown: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NotADate(f"{shown} is not a date") from None


def from_serial(number: float, shown: str | None = None) -> dt.date:
    """An Excel date number (days since 30 December 1899, in the 1900 date system)."""
    shown = shown or f"{number:g}"
    if number != int(number):
        raise NotADate(f"{shown} is a date with a time of day; give the date alone")
    day = _EXCEL_EPOCH + dt.timedelta(days=int(number))
    if not FIRST_SERIAL_YEAR <= day.year <= LAST_SERIAL_YEAR:
        raise NotADate(f"{shown} is not a date (as an Excel date number it would be {day:%d/%m/%Y})")
    return day


def read_date(value) -> dt.date:
    """The date ``value`` holds, or ``NotADate`` saying why it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise NotADate(f"{value} is not a date")
    if isinstance(value, (int, float)):
        return from_serial(value)
    text = " ".join(str(value).split())
    if (match := _ISO.match(text)) is not None:
        return _make(text, int(match[1]), int(match[2]), int(match[3]))
    if (match := _NUMERIC.match(text)) is not None:
        return _make(text, _year(match[3]), int(match[2]), int(match[1]))
    if (match := _NAMED.match(text)) is not None:
        month = _MONTHS.get(match[2].lower())
        if month is None:
            raise NotADate(f"{text} is not a date ({match[2]!r} is not a month)")
        return _make(text, _year(match[3]), month, int(match[1]))
    if _SERIAL.match(text):
        return from_serial(float(text), text)
    if _MONTH_ONLY.match(text):
        raise NotADate(f"{text} gives no day of the month; write the whole date, e.g. 31/03/2025")
    if _YEAR_FIRST.match(text):
        raise NotADate(f"{text} could be read two ways; write it as 31/03/2025 or 2025-03-31")
    raise NotADate(f"{text} is not a date; write it as 31/03/2025")


def read_time(value) -> dt.time:
    """A time of day from a time cell or text such as 10:00 or 9.30."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    text = str(value).strip()
    match = re.match(r"^(\d{1,2})[:.](\d{2})(?::00)?$", text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return dt.time(int(match[1]), int(match[2]))
    raise NotADate(f"{text} is not a time of day; write it as 10:00")
