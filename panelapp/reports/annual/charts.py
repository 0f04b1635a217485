"""The report's charts, drawn with reportlab.graphics so that they print in black and white.

Each year keeps one shade in every chart (this period darkest, two years earlier
almost white, each bar outlined), every bar carries its value, and every chart
has a legend; so a chart photocopied in grey still reads without colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend, LineSwatch
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from ...stats.coverage import NO_RECORDS
from ...stats.layout import ITEM_TYPE_LABELS, lookup
from ...stats.numbers import percent
from ..fonts import BOLD, REGULAR, register_fonts
from ..style import CONTENT_WIDTH, INK

# This period, one year earlier, two years earlier.
YEAR_SHADES = (colors.Color(0.18, 0.18, 0.18), colors.Color(0.58, 0.58, 0.58), colors.Color(0.93, 0.93, 0.93))
OUTLINE = 0.6
TITLE_SIZE = 10
LABEL_SIZE = 8
VALUE_SIZE = 7.5


def _drawing(height: float, title: str) -> Drawing:
    register_fonts()
    drawing = Drawing(CONTENT_WIDTH, height)
    # Else the drawing starts in Helvetica, and the PDF carries a font it never prints.
    drawing.initialFontName = REGULAR
    drawing.add(String(0, height - TITLE_SIZE, title, fontName=BOLD, fontSize=TITLE_SIZE, fillColor=INK))
    return drawing


def _legend(x: float, y: float, pairs: list, columns: int | None = None) -> Legend:
    """A legend in one row (or ``columns`` to a column), its top left at ``x``, ``y``."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE
    legend.dx, legend.dy = 10, 8
    legend.dxTextSpace = 4
    legend.strokeColor, legend.strokeWidth = INK, OUTLINE
    legend.columnMaximum = columns or 1
    legend.deltay = 11
    # Columns as wide as their own words, so a long period label never runs into the next.
    legend.deltax = None
    legend.variColumn = 1
    legend.autoXPadding = 24
    legend.colorNamePairs = pairs
    return legend


def _nice_top(highest: float) -> tuple[float, float]:
    """An axis top a little above ``highest``, and a step of about five ticks."""
    highest = max(highest, 1)
    raw = highest * 1.12 / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1:
        step = 1
    return step * math.ceil(highest * 1.12 / step), step


def _label_values(chart, fmt: str | Callable = "%d") -> None:
    chart.barLabelFormat = fmt
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = VALUE_SIZE
    chart.barLabels.fillColor = INK


def _outline(chart) -> None:
    chart.bars.strokeColor, chart.bars.strokeWidth = INK, OUTLINE


def year_legend(years: list[tuple[str, dict]], covered: list[bool]) -> list:
    """The legend's years, saying which have no records (their bars are left out)."""
    return [(YEAR_SHADES[n], label if seen else f"{label}: {NO_RECORDS}")
            for n, ((label, _), seen) in enumerate(zip(years, covered))]


def items_by_type_chart(years: list[tuple[str, dict]], covered: list[bool] | None = None) -> Drawing | None:
    """Items heard by type, the three years grouped on each type, newest on top.
    Types heard in none of the years are left out; None when nothing was heard.
    A year not ``covered`` by the store's records has no bars, and says so in the legend."""
    covered = covered or [True] * len(years)
    types = [t for t in ITEM_TYPE_LABELS
             if any(figures["panel"]["items_by_type"][t] for _, figures in years)]
    if not types:
        return None
    return grouped_bars("Chart 1. Items heard by type", [ITEM_TYPE_LABELS[t].capitalize() for t in types],
                        [[figures["panel"]["items_by_type"][t] if seen else None for t in types]
                         for (_, figures), seen in zip(years, covered)], year_legend(years, covered))


def grouped_bars(title: str, names: list[str], series: list[list], legend: list, *, fmt: str | Callable = "%d",
                 top: float | None = None) -> Drawing:
    """Horizontal bars, a group per name, a bar per year in each (newest on top);
    ``series`` newest first, None for a year with no records. ``fmt`` prints each bar's
    value; ``top`` fixes the axis's end (100 for percentages)."""
    years = len(series)
    row = 9 * years + 10
    plot_height = row * len(names)
    legend_room = 26
    height = plot_height + legend_room + 28
    drawing = _drawing(height, title)
    chart = HorizontalBarChart()
    chart.x, chart.y = 130, 16
    chart.width, chart.height = CONTENT_WIDTH - chart.x - 30, plot_height
    # The first name at the top; within a group the first series is drawn lowest, so the
    # years go in oldest first to put this period on top.
    chart.data = [[value for value in values] for values in reversed(series)]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = INK
    chart.barSpacing = 1
    chart.groupSpacing = 10
    if top is None:
        top, step = _nice_top(max([v for values in chart.data for v in values if v is not None] + [0]))
    else:
        step = top / 5
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    for n in range(years):
        chart.bars[n].fillColor = YEAR_SHADES[years - 1 - n]
    _outline(chart)
    _label_values(chart, fmt)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.naLabel = None
    drawing.add(chart)
    drawing.add(_legend(chart.x, height - TITLE_SIZE - 8, legend))
    return drawing


STAGES = (("stage1", "completed", "within_2_months", "Stage 1 within two months"),
          ("stage2", "decided", "within_4_months", "Stage 2 within four months"))


def stages_chart(years: list[tuple[str, dict]], covered: list[bool]) -> Drawing | None:
    """The share of each stage of assessment finished within its timescale, three years;
    None when no stage ended in any of them. A year with none measured has no bar."""
    def share(figures: dict, stage: str, ended: str, within: str):
        # Rounded as the table beside it rounds (half up, one place), so the two agree.
        return percent(figures["adopters"][f"{stage}_{within}"], figures["adopters"][f"{stage}_{ended}"])
    series = [[share(figures, *stage[:3]) if seen else None for stage in STAGES]
              for (_, figures), seen in zip(years, covered)]
    if all(value is None for values in series for value in values):
        return None
    return grouped_bars("Chart 3. Assessments finished within the timescale (per cent)",
                        [words for *_, words in STAGES], series, year_legend(years, covered),
                        fmt=lambda value: f"{value:g}%", top=100)


def needs_chart(years: list[tuple[str, dict]], covered: list[bool], needs: list[tuple[str, str]]) -> Drawing | None:
    """Children awaiting a match at the end of each year, by need (``needs``: key and words)."""
    if not needs:
        return None
    series = [[lookup(figures, key) for key, _ in needs] if seen else [None] * len(needs)
              for (_, figures), seen in zip(years, covered)]
    return grouped_bars("Chart 4. Children awaiting a match at the end of the period, by need",
                        [words[0].upper() + words[1:] for _, words in needs], series, year_legend(years, covered))


FUNNEL = (
    ("initial_visits", "Initial visits"),
    ("stage1_starts", "Stage 1 starts"),
    ("presented_for_approval", "Presented for approval"),
    ("approved", "Approved"),
)


def adopter_funnel_chart(label: str, figures: dict) -> Drawing:
    """The adopter journey of the period, from initial visit to approval, widest first."""
    plot_height = 4 * 22
    height = plot_height + 54
    drawing = _drawing(height, f"Chart 2. The adopter journey, {label}")
    chart = HorizontalBarChart()
    chart.x, chart.y = 130, 16
    chart.width, chart.height = CONTENT_WIDTH - chart.x - 30, plot_height
    chart.data = [[figures["adopters"][key] for key, _ in FUNNEL]]
    chart.categoryAxis.categoryNames = [words for _, words in FUNNEL]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = INK
    top, step = _nice_top(max(chart.data[0]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.groupSpacing = 8
    chart.bars[0].fillColor = YEAR_SHADES[0]
    _outline(chart)
    _label_values(chart)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(_legend(chart.x, height - TITLE_SIZE - 8, [(YEAR_SHADES[0], f"Households, {label}")]))
    return drawing


TARGET_LABEL_ROOM = 46
TIMELINESS = (("A2", "A2: placement order to match"), ("A10", "A10: entering care to moving in"))


def _clear_of_target(chart, values: list, target: float, top: float) -> None:
    """A value that would print across the target line goes inside its bar's top
    (white on the dark shades), or above the line when the bar is too short."""
    level = chart.height * target / top
    for column, value in enumerate(values):
        if value is None:
            continue
        bar_top = chart.height * value / top
        if not bar_top - 2 <= level <= bar_top + VALUE_SIZE + 4:
            continue
        label = chart.barLabels[(0, column)]
        if bar_top >= VALUE_SIZE + 6:
            label.boxAnchor, label.dy = "n", -3
            shade = chart.bars[(0, column)].fillColor
            label.fillColor = colors.white if shade.red < 0.5 else INK
        else:
            label.dy = level - bar_top + 4


def timeliness_chart(years: list[tuple[str, dict]], covered: list[bool] | None = None) -> Drawing:
    """A2 and A10 for the three years (oldest on the left), each against its national
    target drawn as a dashed line; a year with no child measured shows "none measured",
    one the store's records do not cover "no records"."""
    covered = covered or [True] * len(years)
    plot_height = 120
    height = plot_height + 92
    drawing = _drawing(height, "Chart 5. A2 and A10 against the national targets (average days)")
    chronological = list(reversed(years))
    seen_in_order = list(reversed(covered))
    panel_width = (CONTENT_WIDTH - 40) / 2
    for n, (key, words) in enumerate(TIMELINESS):
        values = [figures["scorecard"][key]["days"] if seen else None
                  for (_, figures), seen in zip(chronological, seen_in_order)]
        target = years[0][1]["scorecard"][key]["target"]
        chart = VerticalBarChart()
        chart.x = 34 + n * (panel_width + 40)
        chart.y = 30
        # Room on the right for the target's label, clear of the bars.
        chart.width, chart.height = panel_width - 34 - TARGET_LABEL_ROOM, plot_height
        chart.data = [values]
        # "Oct 2024 –" over "Mar 2025": a half year's label is wider than its bar.
        names = [label.replace(" – ", " –\n") for label, _ in chronological]
        chart.categoryAxis.categoryNames = names
        chart.categoryAxis.labels.fontName = REGULAR
        chart.categoryAxis.labels.fontSize = LABEL_SIZE if all("\n" not in name for name in names) else VALUE_SIZE - 0.5
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.dy = -3
        chart.categoryAxis.strokeColor = INK
        top, step = _nice_top(max([v for v in values if v is not None] + [target or 0]))
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
        chart.valueAxis.labels.fontName = REGULAR
        chart.valueAxis.labels.fontSize = LABEL_SIZE
        chart.groupSpacing = 14
        for column in range(len(chronological)):
            chart.bars[(0, column)].fillColor = YEAR_SHADES[len(chronological) - 1 - column]
        _outline(chart)
        _label_values(chart)
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
        chart.naLabel = None
        if target is not None:
            _clear_of_target(chart, values, target, top)
        drawing.add(chart)
        column_width = chart.width / len(chronological)
        for column, value in enumerate(values):
            if value is None:
                middle = chart.x + (column + 0.5) * column_width
                for line, words_of_line in enumerate(("none", "measured") if seen_in_order[column]
                                                     else ("no", "records")):
                    drawing.add(String(middle, chart.y + 14 - line * 9, words_of_line, fontName=REGULAR,
                                       fontSize=VALUE_SIZE, textAnchor="middle", fillColor=INK))
        drawing.add(String(chart.x - 30, chart.y + plot_height + 8, words, fontName=BOLD,
                           fontSize=LABEL_SIZE + 0.5, fillColor=INK))
        if target is not None:
            level = chart.y + plot_height * target / top
            drawing.add(Line(chart.x, level, chart.x + chart.width + 4, level, strokeColor=INK, strokeWidth=1.2,
                             strokeDashArray=[4, 2]))
            drawing.add(String(chart.x + chart.width + 6, level - 3, f"target {target}", fontName=REGULAR,
                               fontSize=VALUE_SIZE, fillColor=INK))
    swatch = LineSwatch()
    swatch.strokeColor, swatch.strokeWidth, swatch.strokeDashArray = INK, 1.2, [4, 2]
    pairs = year_legend(years, covered)
    pairs.append((swatch, "National target"))
    drawing.add(_legend(34, height - TITLE_SIZE - 8, pairs))
    return drawing
