"""The app's SVG icons (resources/icons), drawn in the palette's text colour."""

from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from panelapp.paths import resources_dir

SIZES = (16, 20, 24, 32, 48)


def icon_path(name: str):
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def _svg(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def icon(name: str, color: str = "#202020") -> QIcon:
    """``currentColor`` in the SVG becomes ``color``, so icons follow the light or dark palette."""
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        for ratio in (1, 2):
            image = QImage(QSize(size * ratio, size * ratio), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
            painter.end()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    return icon("panelapp", QColor("#2f6f8f").name())
