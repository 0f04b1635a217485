"""Text that wraps even inside a word, for sign-off hashes.

A QLabel wraps only between words, so a 64-character SHA-256 either widens its pane or is
cut off at the edge. This read-only text box breaks such a run anywhere once no space is
left, keeps ordinary sentences breaking between words, grows to the height of its lines,
and copies exactly the text it holds (no hidden break characters in a copied hash).
"""

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

# Wide enough for a short sentence; the layout may give it more, and it never asks for the
# width of a whole hash.
HINT_CHARACTERS = 24


class WrappingText(QTextEdit):
    """A label-like, selectable text that wraps anywhere a word is longer than the line."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.viewport().setAutoFillBackground(False)  # the window's colour shows through, as a label's
        self.document().setDocumentMargin(0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_height())
        self.setText(text)

    # -- QLabel's way of being used ------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.setVisible(bool(text))
        self._fit_height()

    def clear(self) -> None:
        self.setText("")

    # -- size -------------------------------------------------------------------------
    def _frame(self) -> int:
        return 2 * self.frameWidth()

    def heightForWidth(self, width: int) -> int:
        document = self.document().clone(self)
        document.setTextWidth(max(1, width - self._frame()))
        height = math.ceil(document.size().height())
        document.deleteLater()
        return height + self._frame()

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().averageCharWidth() * HINT_CHARACTERS + self._frame()
        return QSize(width, self.heightForWidth(self.width() if self.width() > 1 else width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 8, self.fontMetrics().height() + self._frame())

    def _fit_height(self) -> None:
        """As tall as the lines at the width it has, so nothing is cut off below or scrolls."""
        height = math.ceil(self.document().size().height()) + self._frame()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)
            self.updateGeometry()
