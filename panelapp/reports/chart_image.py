"""A ReportLab chart as a PNG picture and as words, for documents that are not PDF.

The picture is drawn by ReportLab as PDF and rasterised by pdfium, so it is the
chart the PDF prints, pixel for pixel in shape. The words are its alternative
text: the title, then every bar's value, so a screen reader hears the figures.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import BarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String

from .fonts import BOLD

DPI = 200


def png_of(drawing: Drawing, dpi: int = DPI) -> bytes:
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = pdf[0].render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


def _shown(value) -> str:
    if value is None:
        return "none measured"
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() else f"{value:.1f}"
    return str(value)


def _same(a, b) -> bool:
    return a is not None and b is not None and getattr(a, "rgb", lambda: a)() == getattr(b, "rgb", lambda: b)()


def describe(drawing: Drawing) -> str:
    """The chart in words: its title, each bar chart's figures by category and series."""
    strings = [s for s in drawing.contents if isinstance(s, String)]
    charts = [c for c in drawing.contents if isinstance(c, BarChart)]
    legends = [c for c in drawing.contents if isinstance(c, Legend)]
    top = max(strings, key=lambda s: s.y, default=None)
    parts = [top.text.rstrip(".") + "." if top is not None else "A chart."]
    pairs = [(colour, str(name)) for legend in legends for colour, name in legend.colorNamePairs]
    bold = [s.text for s in strings if s is not top and s.fontName == BOLD]
    targets = [s.text for s in strings if s.text.startswith("target ")]
    for n, chart in enumerate(charts):
        names = [str(c).replace("\n", " ") for c in chart.categoryAxis.categoryNames or []]
        heading = f"{bold[n]}: " if len(bold) == len(charts) else ""
        if len(chart.data) == 1:
            series_name = next((name for colour, name in pairs if _same(colour, chart.bars[0].fillColor)), "")
            lead = heading or (f"{series_name}: " if series_name else "")
            figures = "; ".join(f"{name} {_shown(value)}" for name, value in zip(names, chart.data[0], strict=False))
            target = f" ({targets[n]})" if len(targets) == len(charts) else ""
            parts.append(f"{lead}{figures}{target}.")
            continue
        order = []
        for index in range(len(chart.data)):
            named = [i for i, (colour, _) in enumerate(pairs) if _same(colour, chart.bars[index].fillColor)]
            order.append((named[0] if named else len(pairs) + index, index))
        order.sort()
        for column, category in enumerate(names):
            figures = ", ".join(
                f"{pairs[rank][1] if rank < len(pairs) else f'series {index + 1}'} {_shown(chart.data[index][column])}"
                for rank, index in order)
            parts.append(f"{heading}{category}: {figures}.")
    return " ".join(parts)
