"""Dark theme contrast, measured on the rendered pixels (WCAG 2.2 AA): the box of a check box
and the ring of a radio button at 3:1 against the window, selected-row text at 4.5:1 against
the selection."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tests.shots import SHOTS
from ui.shell import theme

PNG = SHOTS


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def strongest(image: QImage, rect: QRect, against: QColor) -> float:
    """The highest contrast of any pixel in ``rect`` against ``against``: the line drawn there."""
    best = 1.0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            best = max(best, contrast(image.pixelColor(x, y), against))
    return best


def most_common(image: QImage, rect: QRect) -> QColor:
    counts: dict[int, int] = {}
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    return QColor.fromRgb(max(counts, key=counts.get))


@pytest.fixture
def dark(qapp):
    theme.apply(qapp, "dark")
    yield
    theme.apply(qapp, "light")


@pytest.mark.parametrize("checked", [False, True], ids=["empty", "checked"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_check_boxes_and_radio_buttons_stand_out_3_to_1(qtbot, dark, kind, checked):
    holder = QWidget()
    qtbot.addWidget(holder)
    button = kind("Approved for early permanence", holder)
    button.setChecked(checked)
    QVBoxLayout(holder).addWidget(button)
    holder.show()
    qtbot.waitExposed(holder)
    image = holder.grab().toImage()
    option = QStyleOptionButton()
    button.initStyleOption(option) if hasattr(button, "initStyleOption") else option.initFrom(button)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox
               else QStyle.SubElement.SE_RadioButtonIndicator)
    box = button.style().subElementRect(element, option, button).translated(button.pos())
    window = most_common(image, QRect(0, 0, image.width(), image.height()))
    holder.grab().save(f"{PNG}/dark-{kind.__name__}-{'checked' if checked else 'empty'}.png")
    assert strongest(image, box, window) >= 3.0


def test_selected_row_text_4_5_to_1(qtbot, dark):
    table = QTableWidget(3, 1)
    qtbot.addWidget(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for row in range(3):
        table.setItem(row, 0, QTableWidgetItem(f"Siân Jones and Łukasz Nowak {row}"))
    table.resize(400, 200)
    table.show()
    qtbot.waitExposed(table)
    table.selectRow(1)
    table.setFocus()
    image = table.viewport().grab().toImage()
    cell = table.visualItemRect(table.item(1, 0))
    selection = most_common(image, cell)
    table.grab().save(f"{PNG}/dark-selected-row.png")
    assert contrast(selection, QColor(theme.colours(True)["base"])) > 1.2, "the selection shows"
    assert strongest(image, cell.adjusted(2, 2, -2, -2), selection) >= 4.5
