"""A searchable, sortable table of one kind of record, loaded off the GUI thread."""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.errors import said
from ui.common.tablemodel import Column, Prepared, RowTableModel, SearchProxy, prepare
from ui.common.tasks import Task, TaskRunner
from ui.shell import theme

# Filtering 100,000 rows takes a twentieth of a second: below this many rows it
# follows every keystroke; above, it waits for a pause in the typing.
INSTANT_ROWS = 20_000
TYPING_PAUSE_MS = 150
# Most loads end sooner than this; the bar appears only for those that don't, so a
# quick reload does not flash it.
PROGRESS_AFTER_MS = 250
# Rows are prepared in batches this big, reporting progress (and a chance to stop) between them.
BATCH_ROWS = 5_000
STEPS = 1000


def prepare_in_batches(task: Task, columns: Sequence[Column], rows: Sequence, mark, extra) -> Prepared:
    """``prepare`` a batch at a time, so a long list shows how far it has got and stops
    between batches when cancelled."""
    whole = Prepared([], [], [], [], [])
    total = len(rows)
    for start in range(0, total, BATCH_ROWS):
        if total > BATCH_ROWS:
            task.progress(start / total, f"Preparing {start:,} of {total:,}")
        part = prepare(columns, rows[start:start + BATCH_ROWS], mark, extra)
        whole.rows += part.rows
        whole.texts += part.texts
        whole.keys += part.keys
        whole.search += part.search
        whole.marks += part.marks
    return whole


class TablePage(QWidget):
    """``load()`` runs in a worker and returns the rows; ``columns`` say what is shown."""

    current_changed = Signal(object)  # the row object under the cursor, or None
    loaded = Signal(int)
    activated = Signal(object)

    def __init__(self, runner: TaskRunner, noun: str, columns: Sequence[Column],
                 load: Callable[[], Sequence[Any]], *, mark: Callable[[Any], int] | None = None,
                 extra_search: Callable[[Any], str] | None = None, hint: str = "",
                 legend: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.noun, self.load = runner, noun, load
        self.mark, self.extra_search = mark, extra_search
        self.loading: Task | None = None

        self.model = RowTableModel(columns, self)
        self.model.highlight = QBrush(QColor(theme.colours(theme.current_is_dark())["warning"]))
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(hint or f"Search {noun}: type any part of a row")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(f"Search {noun}")
        self.search.setAccessibleDescription("Shows only the rows that contain every word typed")
        self.search.installEventFilter(self)
        self.count = QLabel()
        self.count.setAccessibleName(f"Number of {noun} shown")
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_bar = QProgressBar()
        self.load_bar.setAccessibleName(f"Loading {noun}")
        self.load_bar.setMaximumWidth(140)
        self.load_bar.setTextVisible(False)
        self.load_bar.hide()
        self.stop_button = QPushButton("Cancel")
        self.stop_button.setAccessibleName(f"Stop loading {noun}")
        self.stop_button.setToolTip(f"Stop reading the {noun}; the rows shown stay as they are")
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.cancel_load)
        self.stop_button.hide()
        self._bar_delay = QTimer(self)
        self._bar_delay.setSingleShot(True)
        self._bar_delay.setInterval(PROGRESS_AFTER_MS)
        self._bar_delay.timeout.connect(self._progress_shown)

        self.table = QTableView()
        self.table.setObjectName(f"{noun.replace(' ', '_')}_table")
        self.table.setAccessibleName(noun.capitalize())
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(200)  # size columns from a sample, not 100,000 rows
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda index: self.activated.emit(self.proxy.row_object(index.row())))

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_changed)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.load_bar)
        top.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.legend = QLabel(legend)
        self.legend.setObjectName("legend")
        self.legend.setVisible(bool(legend))
        layout.addWidget(self.legend)
        self._sized = False
        self._show_count()

    def retheme(self) -> None:
        self.model.highlight = QBrush(QColor(theme.colours(theme.current_is_dark())["warning"]))
        self.table.viewport().update()

    # -- loading ------------------------------------------------------------
    def reload(self) -> None:
        if self.loading is not None:
            self.loading.cancel()
        self.count.setText(f"Loading {self.noun}…")
        columns, load, mark, extra = self.model.columns, self.load, self.mark, self.extra_search

        def work(task):
            rows = load()
            task.check()
            return prepare_in_batches(task, columns, rows, mark, extra)

        # Each callback knows its own load, so one overtaken by a newer load is ignored.
        mine: list[Task] = []

        def done(prepared) -> None:
            if self._settled(mine[0]):
                self._loaded(prepared)

        def failed(exc, _details) -> None:
            if self._settled(mine[0]):
                self._failed(exc)

        self.loading = self.runner.submit(
            work, name=f"load {self.noun}", owner=self, on_done=done, on_error=failed,
            on_progress=lambda fraction, _message: self._progressed(mine[0], fraction),
            on_cancelled=lambda: None)
        mine.append(self.loading)
        self.load_bar.setRange(0, 0)  # busy until the worker says how far it has got
        self._bar_delay.start()

    def cancel_load(self) -> None:
        """Stop the load in hand; the rows shown stay. A query already sent to the store
        runs to its end in the worker, but its rows are dropped."""
        task = self.loading
        if task is None:
            return
        task.cancel()
        self._settled(task)
        self._show_count()
        self.count.setText(f"Loading stopped: {self.count.text()}")

    def _settled(self, task: Task) -> bool:
        """True when ``task`` is the load in hand, which is now over."""
        if task is not self.loading:
            return False
        self.loading = None
        self._bar_delay.stop()
        self.load_bar.hide()
        self.stop_button.hide()
        return True

    def _progress_shown(self) -> None:
        if self.loading is not None:
            self.load_bar.show()
            self.stop_button.show()

    def _progressed(self, task: Task, fraction: float) -> None:
        if task is self.loading:
            self.load_bar.setRange(0, STEPS)
            self.load_bar.setValue(round(fraction * STEPS))

    def _loaded(self, prepared) -> None:
        current = self.current_object()
        self.model.set_prepared(prepared)
        self.proxy.resort()
        if not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            self._cap_column_widths()
        self._show_count()
        if current is not None:
            self.select_where(lambda row: getattr(row, "uid", None) == getattr(current, "uid", None))
        self.loaded.emit(self.model.rowCount())

    def _failed(self, exc) -> None:
        self.count.setText(f"Could not read the {self.noun}: {said(exc, f'reading the {self.noun}')}")

    def _cap_column_widths(self) -> None:
        header = self.table.horizontalHeader()
        limit = max(160, self.fontMetrics().averageCharWidth() * 40)
        for column in range(self.model.columnCount() - 1):
            title = self.model.columns[column].title
            wanted = self.fontMetrics().horizontalAdvance(title) + 36  # room for the sort arrow
            header.resizeSection(column, min(limit, max(header.sectionSize(column), wanted)))

    # -- searching ----------------------------------------------------------
    def _search_changed(self, _text: str) -> None:
        if self.model.rowCount() < INSTANT_ROWS:
            self._apply_search()
        else:
            self._typing.start()

    def _apply_search(self) -> None:
        self._typing.stop()
        self.proxy.set_search(self.search.text())
        self._show_count()

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count.setText(f"{total:,} {self.noun}" if shown == total
                           else f"{shown:,} of {total:,} {self.noun}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the table, so the keyboard can follow the search.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # -- selection ----------------------------------------------------------
    def current_object(self):
        index = self.table.currentIndex()
        return self.proxy.row_object(index.row()) if index.isValid() else None

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        for source_row, row in enumerate(self.model.rows()):
            if predicate(row):
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if not index.isValid():  # filtered out
                    return False
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _current_row_changed(self, current, _previous) -> None:
        self.current_changed.emit(self.proxy.row_object(current.row()) if current.isValid() else None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
