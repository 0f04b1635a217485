"""The annual report's three charts on screen, drawn with QtCharts from the same figures.

Items heard by type per year, the adopter journey of the period, and A2 and A10
against their national targets: what panelapp/reports/annual/charts.py prints.
As in print, each year keeps one shade in every chart (this period strongest,
two years earlier faintest, every bar outlined), every bar carries its value
and every chart has a legend, so the charts still read in greyscale.
"""

import math
import textwrap

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QHBoxLayout, QSizePolicy, QWidget

from panelapp.reports.annual.charts import FUNNEL, TIMELINESS
from panelapp.stats.layout import ITEM_TYPE_LABELS
from ui.shell import theme

# This period, one year earlier, two years earlier: far apart in lightness in both themes.
SHADES = {
    False: ("#1f4d63", "#7fa8bf", "#e4eef3"),
    True: ("#b9e2f5", "#4f86a3", "#24323b"),
}
LABEL_POINT_SIZE = 8


def axis_top(highest: float) -> tuple[float, int]:
    """A round axis top with room above ``highest`` for the value labels, and its tick count."""
    highest = max(float(highest), 1.0)
    raw = highest * 1.18 / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(step, 1)
    ticks = math.ceil(highest * 1.18 / step)
    return step * ticks, ticks + 1


def wrapped(words: str, width: int = 16) -> str:
    """Axis words in short lines (axis labels are rich text), so QtCharts need not cut them short."""
    return "<br>".join(textwrap.wrap(words, width)) or words


def shown_number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class Style:
    """The colours a chart takes from the theme in use, found from the palette so a
    chart redrawn while the theme changes already gets the new one."""

    def __init__(self, palette: QPalette):
        self.dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        c = theme.colours(self.dark)
        self.text, self.muted, self.base = QColor(c["text"]), QColor(c["muted"]), QColor(c["base"])
        self.grid = QColor(c["border"])
        self.shades = [QColor(s) for s in SHADES[self.dark]]

    def chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setBackgroundBrush(QBrush(self.base))
        chart.setBackgroundPen(QPen(self.grid))
        chart.setMargins(QMargins(4, 4, 8, 4))
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitleBrush(QBrush(self.text))
        chart.setTitle(title)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend.setLabelColor(self.text)
        small = QFont(legend.font())
        small.setPointSize(LABEL_POINT_SIZE)
        legend.setFont(small)
        return chart

    def bar_set(self, label: str, values: list, shade: int) -> QBarSet:
        bar_set = QBarSet(label)
        bar_set.append([float(v or 0) for v in values])
        bar_set.setColor(self.shades[shade])
        bar_set.setBorderColor(self.text)
        bar_set.setPen(QPen(self.text, 1))
        bar_set.setLabelColor(self.text)
        font = QFont(bar_set.labelFont())
        font.setPointSize(LABEL_POINT_SIZE)
        bar_set.setLabelFont(font)
        return bar_set

    def values_shown(self, series: QAbstractBarSeries) -> None:
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(6)

    def axis(self, axis, grid: bool = False) -> None:
        axis.setLabelsBrush(QBrush(self.text))
        font = QFont(axis.labelsFont())
        font.setPointSize(LABEL_POINT_SIZE)
        axis.setLabelsFont(font)
        axis.setLinePen(QPen(self.muted))
        axis.setGridLineVisible(grid)
        axis.setGridLinePen(QPen(self.grid, 1, Qt.PenStyle.DotLine))
        axis.setTruncateLabels(False)


def _value_axis(style: Style, highest: float) -> QValueAxis:
    axis = QValueAxis()
    top, ticks = axis_top(highest)
    axis.setRange(0, top)
    axis.setTickCount(ticks)
    axis.setLabelFormat("%d")
    style.axis(axis, grid=True)
    return axis


def items_by_type_chart(style: Style, years: list[tuple[str, dict]]) -> QChart:
    """Items heard by type, the three years side by side on each type heard in any of them."""
    types = [t for t in ITEM_TYPE_LABELS if any(f["panel"]["items_by_type"][t] for _, f in years)]
    chart = style.chart("Items heard by type")
    if not types:
        chart.setTitle("Items heard by type: none were heard in these three years")
        return chart
    series = QHorizontalBarSeries()
    # A horizontal chart draws its first category and first set lowest: the types go in
    # reversed to read down in the report's order, the years oldest first to put this period on top.
    shown_types = list(reversed(types))
    for shade, (label, figures) in reversed(list(enumerate(years))):
        series.append(style.bar_set(label, [figures["panel"]["items_by_type"][t] for t in shown_types], shade))
    series.setBarWidth(0.85)
    style.values_shown(series)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([wrapped(ITEM_TYPE_LABELS[t].capitalize()) for t in shown_types])
    style.axis(categories)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values = _value_axis(style, max(f["panel"]["items_by_type"][t] for _, f in years for t in types))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    return chart


def adopter_funnel_chart(style: Style, label: str, figures: dict) -> QChart:
    """The adopter journey of the period, from initial visit to approval, widest at the top."""
    chart = style.chart(f"The adopter journey, {label}")
    series = QHorizontalBarSeries()
    steps = list(reversed(FUNNEL))
    series.append(style.bar_set(f"Households, {label}", [figures["adopters"][key] for key, _ in steps], 0))
    series.setBarWidth(0.6)
    style.values_shown(series)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([wrapped(words) for _, words in steps])
    style.axis(categories)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values = _value_axis(style, max(figures["adopters"][key] for key, _ in FUNNEL))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    return chart


def pin_words(chart: QChart, series, words: str, at: QPointF, colour: QColor) -> None:
    """``words`` written upwards from the point ``at`` (in the series' values), following
    the plot when the chart is resized; how a bar with no value says why it is missing."""
    item = QGraphicsSimpleTextItem(words, chart)
    item.setBrush(QBrush(colour))
    font = QFont(item.font())
    font.setPointSize(LABEL_POINT_SIZE - 1)
    item.setFont(font)
    item.setRotation(-90)

    def place(_area=None) -> None:
        # Turned a quarter left, the words run up from the item's position and their
        # height lies to its right, so centre that height on the point.
        point = chart.mapToPosition(at, series)
        item.setPos(point.x() - item.boundingRect().height() / 2, point.y() - 4)

    chart.plotAreaChanged.connect(place)
    place()


def timeliness_chart(style: Style, years: list[tuple[str, dict]]) -> QChart:
    """A2 and A10 for the three years, oldest on the left, each against its national
    target drawn as a dashed line across its group of bars; a year in which no child
    was measured says "none measured" where its bar would be."""
    chart = style.chart("A2 and A10 against the national targets")
    series = QBarSeries()
    width = 0.8
    series.setBarWidth(width)
    chronological = list(reversed(list(enumerate(years))))
    unmeasured = []
    for position, (shade, (label, figures)) in enumerate(chronological):
        values = [figures["scorecard"][key]["days"] for key, _ in TIMELINESS]
        series.append(style.bar_set(label, values, shade))
        unmeasured += [(column, position) for column, value in enumerate(values) if value is None]
    style.values_shown(series)
    chart.addSeries(series)
    targets = [years[0][1]["scorecard"][key]["target"] for key, _ in TIMELINESS]
    categories = QBarCategoryAxis()
    categories.append([wrapped(words, 18) + (f"<br>target {target} days" if target is not None else "")
                       for (_, words), target in zip(TIMELINESS, targets, strict=False)])
    style.axis(categories)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    measured = [f["scorecard"][key]["days"] for _, f in years for key, _ in TIMELINESS]
    values = _value_axis(style, max(v for v in [*measured, *targets, 0] if v is not None))
    values.setTitleText("average days")
    values.setTitleBrush(QBrush(style.muted))
    small = QFont(values.titleFont())
    small.setPointSize(LABEL_POINT_SIZE)
    small.setBold(False)
    values.setTitleFont(small)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    for column, position in unmeasured:
        # The category axis puts category n at x = n, its bars side by side across the bar width.
        x = column - width / 2 + (position + 0.5) * width / len(chronological)
        pin_words(chart, series, "none measured", QPointF(x, 0), style.text)
    # The dashes go over a band of the background's colour, so they show across a bar
    # of any shade, this period's strongest one included.
    halo, pen = QPen(style.base, 6), QPen(style.text, 2, Qt.PenStyle.DashLine)
    named = False
    for column, target in enumerate(targets):
        if target is None:
            continue
        for line_pen in (halo, pen):
            line = QLineSeries()
            line.append([QPointF(column - 0.45, target), QPointF(column + 0.45, target)])
            line.setPen(line_pen)
            line.setName("Target")
            chart.addSeries(line)
            line.attachAxis(categories)
            line.attachAxis(values)
            if named or line_pen is halo:  # one legend entry for the targets
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)
        named = True
    return chart


def describe(chart: QChart) -> str:
    """The chart's figures in words, for a screen reader."""
    parts = [chart.title()]
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            axis = next((a for a in series.attachedAxes() if isinstance(a, QBarCategoryAxis)), None)
            names = [n.replace("\n", " ") for n in axis.categories()] if axis else []
            for bar_set in series.barSets():
                values = ", ".join(f"{name} {shown_number(bar_set.at(n))}" for n, name in enumerate(names))
                parts.append(f"{bar_set.label()}: {values}")
        elif series.isVisible() and chart.legend().markers(series)[0].isVisible():
            parts.append(series.name())
    return ". ".join(parts)


class StatisticsCharts(QWidget):
    """The three charts in a row, redrawn when the figures or the theme change."""

    NAMES = ("items_by_type", "adopter_journey", "timeliness")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years: list[tuple[str, dict]] | None = None
        self._dark: bool | None = None
        self.views: dict[str, QChartView] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for name, stretch in zip(self.NAMES, (5, 3, 4), strict=False):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(240, 250)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.views[name] = view
            row.addWidget(view, stretch)

    def chart(self, name: str) -> QChart:
        return self.views[name].chart()

    def show_years(self, years: list[tuple[str, dict]]) -> None:
        """``years``: (label, figures) for the period and the two years before it, newest first."""
        self.years = years
        self._draw()

    def _draw(self) -> None:
        style = Style(self.palette())
        self._dark = style.dark
        if self.years is None:
            return
        label, now = self.years[0]
        charts = {
            "items_by_type": items_by_type_chart(style, self.years),
            "adopter_journey": adopter_funnel_chart(style, label, now),
            "timeliness": timeliness_chart(style, self.years),
        }
        for name, chart in charts.items():
            view = self.views[name]
            old = view.chart()
            view.setChart(chart)  # the view takes the new chart; the old one is ours to delete
            old.deleteLater()
            view.setAccessibleName(chart.title())
            view.setAccessibleDescription(describe(chart))
            view.setToolTip(describe(chart).replace(". ", "\n"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.years is not None \
                and Style(self.palette()).dark != self._dark:
            self._draw()
