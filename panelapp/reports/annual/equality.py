"""Equality and needs: the share of the children adopted who are from Black and
minority ethnic groups, and the children waiting whose needs make family finding harder."""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from ...stats.layout import BY_NEED, need_words, needs_of
from ..style import gap, heading, para, styles
from . import charts
from .data import ReportData
from .tables import Figure, percent, three_years


def ethnicity_rows() -> list[tuple[str, Figure]]:
    key = "children.adopted_ethnic_minority"
    return [
        ("Children adopted", f"{key}.children"),
        ("Of them, from Black and minority ethnic groups", f"{key}.ethnic_minority"),
        ("Share from Black and minority ethnic groups", lambda figures: percent(figures["children"]
                                                                           ["adopted_ethnic_minority"]["percent"])),
    ]


def need_rows(data: ReportData) -> list[tuple[str, str]]:
    """The needs of the children waiting in any of the three years, most frequent first."""
    shown = [figures for (_, figures), seen in zip(data.years, data.covered("children")) if seen]
    return [(f"With {need_words(need)}", f"{BY_NEED}.{need}") for need in needs_of(shown)]


def waiting_rows(data: ReportData) -> list[tuple[str, Figure]]:
    return [
        ("Children awaiting a match", "children.awaiting_match_at_end"),
        ("With one or more additional needs", "children.awaiting_match_with_needs"),
        *need_rows(data),
        ("Aged five or over", "children.awaiting_match_aged_5_or_over"),
    ]


def equality_and_needs(data: ReportData) -> list:
    covered = data.covered("children")
    rows = need_rows(data)
    chart = charts.needs_chart(data.years, covered, [(key, words[len("With "):]) for words, key in rows])
    story = [
        KeepTogether([
            heading("Children adopted from Black and minority ethnic groups", 2),
            para("The children whose adoption order was made in the period, and how many of them the agency "
                 "records as from Black and minority ethnic groups. The chair's commentary sets this share "
                 "beside the national figure."),
            three_years(data.years, ethnicity_rows(), "Children adopted", covered=covered)]),
        KeepTogether([
            heading("Children waiting, and their needs", 2),
            para("The children with a placement order who were awaiting a match at the end of the period, those "
                 "whose additional needs make finding a family harder, and those aged five or over. A child "
                 "with two needs is counted under each, so the needs add up to more than the children."),
            three_years(data.years, waiting_rows(data), "Children awaiting a match at the end", covered=covered)]),
    ]
    if chart is not None:
        story += [gap(3), chart]
    elif not rows:
        story.append(para("No child awaiting a match had an additional need recorded in these years.",
                          styles().small))
    return story
