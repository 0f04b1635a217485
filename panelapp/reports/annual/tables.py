"""Tables of figures with the three years side by side, as agencies' annual reports show them."""

from __future__ import annotations

from functools import lru_cache
from collections.abc import Callable, Sequence
from typing import Union

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from ...stats.coverage import NO_RECORDS
from ...stats.layout import lookup
from ...stats.periods import period
from ..style import CONTENT_WIDTH, grid, styles, text
from .labels import period_label

NOTHING = "–"
NO_BREAK = "\u00a0"
YEAR_COLUMN = 30 * mm

# A figure is a dotted key of the result, or a function of one period's figures.
Figure = Union[str, Callable[[dict], object]]


def years_of(result: dict) -> list[tuple[str, dict]]:
    """(label, figures) for the period and the two before it, newest first."""
    return [(period_label(period(f["period"]["from"], f["period"]["to"])), f)
            for f in (result, *result.get("previous", []))]


@lru_cache(maxsize=1)
def _numeric() -> tuple[ParagraphStyle, ParagraphStyle]:
    s = styles()
    return (ParagraphStyle("cell_number", parent=s.cell, alignment=TA_RIGHT),
            ParagraphStyle("cell_head_number", parent=s.cell_head, alignment=TA_RIGHT))


def number(value, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(shown(value)), style or _numeric()[0])


def unbroken(label: str) -> str:
    """A period label that wraps only after its dash: "Oct 2024 –" over "Mar 2025"."""
    return label.replace(" ", NO_BREAK).replace(f"{NO_BREAK}–{NO_BREAK}", f"{NO_BREAK}– ")


def shown(value) -> str:
    """A figure as printed: "–" where nothing was measured."""
    if value is None:
        return NOTHING
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def percent(value) -> str:
    return NOTHING if value is None else f"{shown(value)}%"


def value_of(figures: dict, figure: Figure):
    return figure(figures) if callable(figure) else lookup(figures, figure)


def three_years(years: list[tuple[str, dict]], rows: Sequence[tuple[str, Figure]], head: str = "",
                fmt: Callable[[object], str] = shown, covered: list[bool] | None = None):
    """A row per figure, its words then a column per year, this period first. A year
    not ``covered`` by the store's records shows "no records" in every row."""
    covered = covered or [True] * len(years)
    label_width = CONTENT_WIDTH - YEAR_COLUMN * len(years)
    header = [head, *[number(unbroken(label), _numeric()[1]) for label, _ in years]]
    body = [[words, *[number(fmt(value_of(figures, figure)) if seen else NO_RECORDS)
                      for (_, figures), seen in zip(years, covered)]]
            for words, figure in rows]
    return grid(header, body, [label_width] + [YEAR_COLUMN] * len(years))


def plain_table(header: list, rows: list[list], widths: list[float], numeric_from: int | None = None):
    """A ruled table; columns from ``numeric_from`` on are right-aligned figures."""
    if numeric_from is not None:
        header = [h if i < numeric_from else number(h, _numeric()[1]) for i, h in enumerate(header)]
        rows = [[v if i < numeric_from else number(v) for i, v in enumerate(row)] for row in rows]
    return grid(header, rows, widths)
