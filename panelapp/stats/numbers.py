"""statistics.md's rounding: always half up, in decimal, never binary floating point.

- averages of day counts: to a whole day;
- percentages: to one decimal place;
- medians: the middle value, or the mean of the two middle values to one decimal place.

A value that comes out whole is given as an int (``5``, not ``5.0``), so the
JSON reads the same however the figure was reached. (The fixture's expected
files write ``5.0`` for a median that is the mean of two middle values; they
compare numbers as numbers, so ``5`` matches.)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

_WHOLE = Decimal("1")
_ONE_PLACE = Decimal("0.1")


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def average_days(values: Iterable[int]) -> int | None:
    """The mean rounded half up to a whole day; None when nothing was measured."""
    values = list(values)
    if not values:
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return int(mean.quantize(_WHOLE, rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> int | float | None:
    """``part`` as a percentage of ``whole``, half up to one decimal; None when ``whole`` is 0."""
    if not whole:
        return None
    return _plain((Decimal(part) * 100 / Decimal(whole)).quantize(_ONE_PLACE, rounding=ROUND_HALF_UP))


def median(values: Iterable[int]) -> int | float | None:
    """The middle value, or the mean of the two middle values half up to one decimal;
    None when nothing was measured."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    mean = (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2
    return _plain(mean.quantize(_ONE_PLACE, rounding=ROUND_HALF_UP))
