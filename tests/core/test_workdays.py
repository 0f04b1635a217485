"""Working days: statistics.md's conventions, bank holidays by region, and their algebra."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.errors import PanelAppError
from panelapp.models import Agency
from panelapp.rules import WorkingDays

D = dt.date
ENGLAND = WorkingDays("england_and_wales")
REGIONS = ("england_and_wales", "scotland", "northern_ireland")


def brute_between(wd, start, end):
    """The definition, day by day: working days after ``start`` up to and including ``end``."""
    if end < start:
        return -brute_between(wd, end, start)
    days = (end - start).days
    return sum(wd.is_working_day(start + dt.timedelta(days=k)) for k in range(1, days + 1))


def test_papers_sent_on_thursday_are_five_working_days_before_next_thursday():
    assert ENGLAND.between(D(2025, 1, 9), D(2025, 1, 16)) == 5
    assert ENGLAND.add(D(2025, 1, 9), 5) == D(2025, 1, 16)
    assert ENGLAND.add(D(2025, 1, 16), -5) == D(2025, 1, 9)


def test_christmas_2024():
    # 25 and 26 December 2024 are Wednesday and Thursday; 1 January 2025 a Wednesday.
    assert not ENGLAND.is_working_day(D(2024, 12, 25))
    assert not ENGLAND.is_working_day(D(2024, 12, 26))
    assert ENGLAND.is_working_day(D(2024, 12, 27))
    assert ENGLAND.add(D(2024, 12, 24), 1) == D(2024, 12, 27)
    # 23, 24, 27, 30, 31 December and 2 January.
    assert ENGLAND.between(D(2024, 12, 20), D(2025, 1, 2)) == 6
    assert ENGLAND.add(D(2024, 12, 20), 6) == D(2025, 1, 2)
    assert ENGLAND.add(D(2024, 12, 27), -1) == D(2024, 12, 24)


def test_easter_2025():
    # Good Friday 18 April, Easter Monday 21 April.
    assert ENGLAND.add(D(2025, 4, 17), 1) == D(2025, 4, 22)
    assert ENGLAND.between(D(2025, 4, 17), D(2025, 4, 24)) == 3
    assert ENGLAND.between(D(2025, 4, 24), D(2025, 4, 17)) == -3


def test_equal_dates_and_non_working_days():
    assert ENGLAND.between(D(2025, 1, 9), D(2025, 1, 9)) == 0
    assert ENGLAND.add(D(2025, 1, 11), 0) == D(2025, 1, 11)
    # Saturday to Sunday: no working day between; Friday to Sunday neither.
    assert ENGLAND.between(D(2025, 1, 11), D(2025, 1, 12)) == 0
    assert ENGLAND.between(D(2025, 1, 10), D(2025, 1, 12)) == 0
    assert ENGLAND.add(D(2025, 1, 11), 1) == D(2025, 1, 13)
    # Counting back from a Saturday starts at the Friday before.
    assert ENGLAND.add(D(2025, 1, 11), -1) == D(2025, 1, 9)


def test_regions_have_their_own_bank_holidays():
    scotland, ni = WorkingDays("scotland"), WorkingDays("northern_ireland")
    # 2 January is a bank holiday in Scotland only; Easter Monday is not one there.
    assert ENGLAND.between(D(2024, 12, 31), D(2025, 1, 3)) == 2
    assert scotland.between(D(2024, 12, 31), D(2025, 1, 3)) == 1
    assert not ENGLAND.is_working_day(D(2025, 4, 21))
    assert scotland.is_working_day(D(2025, 4, 21))
    # St Patrick's Day, Monday 17 March 2025, in Northern Ireland only.
    assert not ni.is_working_day(D(2025, 3, 17))
    assert ENGLAND.is_working_day(D(2025, 3, 17))
    assert "Christmas Day" in ENGLAND.bank_holidays(2025).values()


def test_for_agency_uses_the_region_setting():
    assert WorkingDays.for_agency(Agency(name="A", region="scotland")).region == "scotland"
    assert WorkingDays.for_agency(Agency(name="A")).region == "england_and_wales"
    assert WorkingDays.for_agency(None).region == "england_and_wales"


def test_unknown_region_is_refused_with_the_choices():
    with pytest.raises(PanelAppError, match="wales.*one of england_and_wales, scotland, northern_ireland"):
        WorkingDays("wales")


days = st.dates(min_value=D(1995, 1, 1), max_value=D(2060, 12, 31))
regions = st.sampled_from(REGIONS)


@settings(max_examples=150, deadline=None)
@given(regions, days, st.integers(min_value=-400, max_value=400))
def test_add_then_between_gives_back_n(region, day, n):
    wd = WorkingDays(region)
    assert wd.between(day, wd.add(day, n)) == n


@settings(max_examples=150, deadline=None)
@given(regions, days, st.integers(min_value=-60, max_value=60).filter(bool))
def test_a_result_of_add_is_a_working_day(region, day, n):
    result = WorkingDays(region).add(day, n)
    assert result.weekday() < 5
    assert result not in WorkingDays(region).bank_holidays(result.year)
    assert (result > day) == (n > 0)


@settings(max_examples=150, deadline=None)
@given(regions, st.lists(days, min_size=3, max_size=3))
def test_between_is_monotonic_additive_and_antisymmetric(region, three):
    wd = WorkingDays(region)
    a, b, c = sorted(three)
    assert 0 <= wd.between(a, b) <= wd.between(a, c)
    assert wd.between(a, c) == wd.between(a, b) + wd.between(b, c)
    assert wd.between(c, a) == -wd.between(a, c)


@settings(max_examples=100, deadline=None)
@given(regions, days, st.integers(min_value=-90, max_value=90))
def test_between_agrees_with_counting_day_by_day(region, day, span):
    wd = WorkingDays(region)
    other = day + dt.timedelta(days=span)
    assert wd.between(day, other) == brute_between(wd, day, other)
