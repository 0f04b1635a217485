"""Reading a PDF inside the app: pages rendered by PDFium (pypdfium2) into images.

QtPdf comes only with Qt WebEngine, which PanelApp does not depend on; PDFium
renders each page to a bitmap in a worker, the bitmap becomes a QImage there
(QImage, unlike QPixmap, may be made off the GUI thread), and the GUI thread
only puts the images in labels. PDFium is not thread-safe, so one lock guards
every use of it.
"""

import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common.errors import said
from ui.common.tasks import Task, TaskRunner

PDFIUM = threading.Lock()
POINTS_PER_INCH = 72
DPI = 130  # sharp when fitted to a laptop screen's width, small enough to render fast


def render_pages(task: Task | None, path: str | Path, dpi: int = DPI) -> list[QImage]:
    import pypdfium2 as pdfium
    images = []
    with PDFIUM:
        document = pdfium.PdfDocument(str(path))
        try:
            count = len(document)
            for number in range(count):
                if task is not None:
                    task.progress(number / max(count, 1), f"Page {number + 1} of {count}")
                page = document[number]
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
                fmt = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
                # copy(): the QImage must own its pixels once PDFium's buffer is freed.
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            document.close()
    return images


class PdfPreview(QScrollArea):
    """The pages of one PDF, one under another. ``shown`` carries the number of pages."""

    shown = Signal(int)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.task: Task | None = None
        self.path: Path | None = None
        self.pages: list[QLabel] = []
        self.images: list[QImage] = []
        self.setWidgetResizable(True)
        self.setAccessibleName("Preview of the document")
        self.body = QWidget()
        self.body.setObjectName("pdf_pages")
        self.column = QVBoxLayout(self.body)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.note = QLabel("Nothing to show yet.")
        self.note.setObjectName("muted")
        self.column.addWidget(self.note)
        self.setWidget(self.body)

    def show_document(self, make: Callable[[Path], object] | None, path: Path) -> Task:
        """Write the PDF with ``make(path)`` (skipped when None: the file exists), then show it;
        both happen in a worker."""
        if self.task is not None:
            self.task.cancel()
        self.note.setText("Preparing the document…")
        self.note.show()

        def work(task):
            if make is not None:
                make(path)
            task.check()
            return render_pages(task, path)

        self.task = self.runner.submit(work, name="PDF preview", on_done=lambda images: self._show(path, images),
                                       on_error=self._failed, on_cancelled=lambda: None)
        return self.task

    def _show(self, path: Path, images: list[QImage]) -> None:
        self.task = None
        self.path = path
        for label in self.pages:
            self.column.removeWidget(label)
            label.deleteLater()
        self.pages = []
        self.images = images
        for number, _image in enumerate(images, start=1):
            label = QLabel()
            label.setAccessibleName(f"Page {number} of {len(images)}")
            label.setObjectName("pdf_page")
            label.setStyleSheet("QLabel#pdf_page { border: 1px solid #9aa3ad; background: white; }")
            self.column.addWidget(label)
            self.pages.append(label)
        self._fit()
        self.note.setVisible(not images)
        self.note.setText("The document has no pages.")
        self.shown.emit(len(images))

    def _fit(self) -> None:
        """Pages as wide as the view (never wider than rendered), so no page needs scrolling sideways."""
        room = self.viewport().width() - 2 * self.column.contentsMargins().left() - 4
        for label, image in zip(self.pages, self.images, strict=True):
            width = max(200, min(image.width(), room))
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.pages:
            self._fit()

    def _failed(self, exc, _details) -> None:
        self.task = None
        reason = said(exc, "making a document")
        self.note.setText(f"The document cannot be shown: {reason}")
        self.note.show()
        self.failed.emit(reason)


class PdfPreviewDialog(QDialog):
    """A document to read before it is printed or sent, with Save a copy."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.folder = Path(tempfile.mkdtemp(prefix="panelapp-preview-"))
        self.file_name = "".join(c if c.isalnum() or c in " -_" else "-" for c in title).strip() + ".pdf"
        self.preview = PdfPreview(runner)
        self.pages = QLabel()
        self.pages.setObjectName("muted")
        self.save = QPushButton("Save a copy…")
        self.save.setAccessibleName("Save a copy of the document")
        self.save.setEnabled(False)
        self.save.clicked.connect(self.save_copy)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        self.preview.shown.connect(self._shown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages, 1)
        buttons.addWidget(self.save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.resize(820, 900)
        self.finished.connect(self._clean_up)

    def show_made(self, make: Callable[[Path], object]) -> Task:
        return self.preview.show_document(make, self.folder / self.file_name)

    def show_file(self, path: str | Path) -> Task:
        return self.preview.show_document(None, Path(path))

    def _shown(self, count: int) -> None:
        self.pages.setText(f"{count} page{'s' if count != 1 else ''}")
        self.save.setEnabled(count > 0)

    def save_copy(self) -> None:
        source = self.preview.path
        if source is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, "Save a copy", source.name, "PDF (*.pdf)")
        if target:
            shutil.copyfile(source, target)

    def _clean_up(self, _code: int) -> None:
        if self.preview.task is not None:
            self.preview.task.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)
