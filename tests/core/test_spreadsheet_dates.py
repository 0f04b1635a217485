"""Dates as UK spreadsheets hold them are read; an ambiguous or impossible one is refused."""

import datetime as dt

import pytest

from panelapp.spreadsheet.dates import NotADate, read_date, read_time

MARCH_31 = dt.date(2025, 3, 31)


@pytest.mark.parametrize("value", [
    "31/03/2025", "31/3/2025", "31-Mar-25", "31-mar-2025", "31 March 2025", "31st March 2025", "31.03.2025",
    "31/03/25", "2025-03-31", " 31/03/2025 ", 45747, 45747.0, "45747",
    dt.datetime(2025, 3, 31, 0, 0), MARCH_31,
])
def test_each_way_a_uk_spreadsheet_holds_a_date(value):
    assert read_date(value) == MARCH_31


def test_day_comes_before_month():
    assert read_date("04/03/2025") == dt.date(2025, 3, 4)


def test_two_digit_years_read_as_excel_reads_them():
    assert read_date("12-Jun-78") == dt.date(1978, 6, 12)
    assert read_date("12-Jun-29") == dt.date(2029, 6, 12)


@pytest.mark.parametrize("value, words", [
    ("31/02/2024", "31/02/2024 is not a date"),
    ("29-Feb-23", "29-Feb-23 is not a date"),
    ("03/31/2025", "03/31/2025 is not a date"),  # American order: no 31st month
    ("2024-02-30", "2024-02-30 is not a date"),
    ("Mar-25", "gives no day of the month"),
    ("03/2025", "gives no day of the month"),
    ("March 2025", "gives no day of the month"),
    ("2025/03/04", "could be read two ways"),
    ("31 Marhc 2025", "'Marhc' is not a month"),
    ("TBC", "TBC is not a date"),
    (2024, "2024 is not a date"),  # a year typed in a date column, not day 2024 of 1900
    (45747.5, "with a time of day"),
    (True, "is not a date"),
])
def test_ambiguous_or_impossible_dates_are_refused_in_words(value, words):
    with pytest.raises(NotADate) as caught:
        read_date(value)
    assert words in str(caught.value)


def test_times():
    assert read_time("10:00") == dt.time(10)
    assert read_time("9.30") == dt.time(9, 30)
    assert read_time(dt.time(13, 45, 10)) == dt.time(13, 45)
    assert read_time(0.5) == dt.time(12)
    with pytest.raises(NotADate):
        read_time("25:00")
