import datetime as dt

import pytest

from panelapp.rules.times import parse_clock


@pytest.mark.parametrize("typed", ["10:25", "10.25", "1025", " 10:25 "])
def test_the_usual_ways_of_typing_a_time_are_read(typed):
    assert parse_clock(typed) == dt.time(10, 25)


@pytest.mark.parametrize(("typed", "meant"), [("925", dt.time(9, 25)), ("9.05", dt.time(9, 5)),
                                              ("14", dt.time(14, 0)), ("0:00", dt.time(0, 0)),
                                              ("23:59", dt.time(23, 59))])
def test_short_forms(typed, meant):
    assert parse_clock(typed) == meant


def test_blank_is_no_time():
    assert parse_clock("  ") is None


@pytest.mark.parametrize("typed", ["24:00", "10:60", "1075", "ten", "10:2", "10-25", "12345"])
def test_an_unreadable_time_says_so(typed):
    with pytest.raises(ValueError, match="time"):
        parse_clock(typed)
