"""The panel's PDFs (panelapp.reports) made for the in-app preview, each in its own session."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting
from panelapp.reports import decision_record_pdf, minutes_extract_pdf, minutes_pdf
from ui.common.pdf_preview import PdfPreviewDialog
from ui.common.tasks import TaskRunner


def minutes_document(store: Store, meeting_id: int) -> Callable[[Path], object]:
    def make(path: Path):
        with store.session() as session:
            return minutes_pdf(session, session.get(Meeting, meeting_id), path)
    return make


def extract_document(store: Store, item_id: int) -> Callable[[Path], object]:
    def make(path: Path):
        with store.session() as session:
            return minutes_extract_pdf(session, session.get(AgendaItem, item_id), path)
    return make


def decision_document(store: Store, item_id: int) -> Callable[[Path], object]:
    def make(path: Path):
        with store.session() as session:
            return decision_record_pdf(session, session.get(AgendaItem, item_id), path)
    return make


def open_preview(runner: TaskRunner, parent: QWidget, title: str,
                 make: Callable[[Path], object] | None = None, path: str | None = None) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(runner, title, parent)
    if make is not None:
        dialog.show_made(make)
    else:
        dialog.show_file(path)
    dialog.open()
    return dialog
