"""The report's charts, drawn with reportlab.graphics so that they print in black and white.

Each year keeps one shade in every chart (this period darkest, two years earlier
almost white, each bar outlined), every bar carries its value, and every chart
has a legend; so a chart photocopied in grey still reads without colour.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend, LineSwatch
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from ...stats.layout import ITEM_TYPE_LABELS
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


def _label_values(chart, fmt: str = "%d") -> None:
    chart.barLabelFormat = fmt
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = VALUE_SIZE
    chart.barLabels.fillColor = INK


def _outline(chart) -> None:
    chart.bars.strokeColor, chart.bars.strokeWidth = INK, OUTLINE


def items_by_type_chart(years: list[tuple[str, dict]]) -> Drawing | None:
    """Items heard by type, the three years grouped on each type, newest on top.
    Types heard in none of the years are left out; None when nothing was heard."""
    types = [t for t in ITEM_TYPE_LABELS
             if any(figures["panel"]["items_by_type"][t] for _, figures in years)]
    if not types:
        return None
    row = 9 * len(years) + 10
    plot_height = row * len(types)
    legend_room = 26
    height = plot_height + legend_room + 28
    drawing = _drawing(height, "Chart 1. Items heard by type")
    chart = HorizontalBarChart()
    chart.x, chart.y = 130, 16
    chart.width, chart.height = CONTENT_WIDTH - chart.x - 30, plot_height
    # The first type at the top; within a type the first series is drawn lowest, so the
    # years go in oldest first to put this period on top.
    oldest_first = list(reversed(years))
    chart.data = [[figures["panel"]["items_by_type"][t] for t in types] for _, figures in oldest_first]
    chart.categoryAxis.categoryNames = [ITEM_TYPE_LABELS[t].capitalize() for t in types]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = INK
    chart.barSpacing = 1
    chart.groupSpacing = 10
    top, step = _nice_top(max(max(series) for series in chart.data))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    for n in range(len(years)):
        chart.bars[n].fillColor = YEAR_SHADES[len(years) - 1 - n]
    _outline(chart)
    _label_values(chart)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(_legend(chart.x, height - TITLE_SIZE - 8,
                        [(YEAR_SHADES[n], label) for n, (label, _) in enumerate(years)]))
    return drawing


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


def timeliness_chart(years: list[tuple[str, dict]]) -> Drawing:
    """A2 and A10 for the three years (oldest on the left), each against its national
    target drawn as a dashed line; a year with no child measured shows "none measured"."""
    plot_height = 120
    height = plot_height + 92
    drawing = _drawing(height, "Chart 3. A2 and A10 against the national targets (average days)")
    chronological = list(reversed(years))
    panel_width = (CONTENT_WIDTH - 40) / 2
    for n, (key, words) in enumerate(TIMELINESS):
        values = [figures["scorecard"][key]["days"] for _, figures in chronological]
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
                for line, words_of_line in enumerate(("none", "measured")):
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
    pairs = [(YEAR_SHADES[n], label) for n, (label, _) in enumerate(years)]
    pairs.append((swatch, "National target"))
    drawing.add(_legend(34, height - TITLE_SIZE - 8, pairs))
    return drawing
