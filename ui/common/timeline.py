"""Milestones as a simple timeline: a line down the side, a dot and a date for each."""

import datetime as dt
from collections.abc import Collection

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common.words import day

ROW = 26
DOT = 9
LEFT = 14


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.events: list[tuple[dt.date | None, str, bool]] = []
        self.setAccessibleName("Milestones")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_events(self, events: list[tuple[dt.date | None, str]], warn: Collection[str] = frozenset()) -> None:
        """``(date, what)`` pairs; those with a date are drawn in order, the rest as still to come."""
        done = sorted((e for e in events if e[0] is not None), key=lambda e: e[0] or dt.date.min)
        self.events = [(d, what, what in warn) for d, what in done]
        self.setAccessibleDescription("; ".join(f"{day(d)}: {what}" for d, what, _ in self.events)
                                      or "No milestones yet")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.events)) * ROW + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if not self.events:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(self.rect().adjusted(LEFT, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "No milestones yet")
            return
        line = palette.mid().color()
        accent = palette.highlight().color()
        warn = palette.brightText().color()
        text = palette.windowText().color()
        muted = palette.placeholderText().color()
        date_width = self.fontMetrics().horizontalAdvance("30 Sep 2025") + 16
        top, bottom = 4 + ROW / 2, 4 + ROW * (len(self.events) - 0.5)
        painter.setPen(QPen(line, 2))
        painter.drawLine(QPointF(LEFT, top), QPointF(LEFT, bottom))
        for n, (when, what, warned) in enumerate(self.events):
            y = 4 + ROW * n + ROW / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(warn if warned else accent)
            painter.drawEllipse(QPointF(LEFT, y), DOT / 2, DOT / 2)
            painter.setPen(muted)
            painter.drawText(QRectF(LEFT + 14, y - ROW / 2, date_width, ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, day(when))
            painter.setPen(warn if warned else text)
            painter.drawText(QRectF(LEFT + 14 + date_width, y - ROW / 2,
                                    self.width() - date_width - LEFT - 18, ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, what)
