"""A table of records with the selected one's details beside it."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ui.common.detail import DetailPane
from ui.common.errors import said
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.shell import settings


class RecordsPage(QWidget):
    """``read_detail(row)`` runs in a worker; ``show_detail(pane, detail)`` on the GUI thread."""

    def __init__(self, key: str, runner: TaskRunner, table: TablePage, what: str,
                 read_detail: Callable[[Any], Any], show_detail: Callable[[DetailPane, Any], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.key, self.runner, self.table = key, runner, table
        self.read_detail, self.render = read_detail, show_detail
        self.detail = DetailPane(what)
        self._reading = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 320])
        state = settings.value(f"{key}/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: settings.set_value(f"{key}/splitter", self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        table.current_changed.connect(self._selected)

    def reload(self) -> None:
        self.table.reload()

    def focus_search(self) -> None:
        self.table.focus_search()

    def _selected(self, row) -> None:
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        if row is None:
            self.detail.clear()
            return
        read = self.read_detail
        self._reading = self.runner.submit(lambda _task: read(row), name=f"read {self.key} detail",
                                           on_done=self._show, on_error=self._failed,
                                           on_cancelled=lambda: None, owner=self)

    def _show(self, detail) -> None:
        self._reading = None
        self.render(self.detail, detail)

    def _failed(self, exc, _details) -> None:
        self._reading = None
        self.detail.clear()
        self.detail.title.setText(f"Could not read the details: {said(exc, f'reading a {self.key}')}")
