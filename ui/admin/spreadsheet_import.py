"""File > Import a spreadsheet…: an agency's own tracker (.xlsx or .csv) read into the store.

The dialog builds the mapping with the user: it guesses the heading rows and which
column holds which field from the headings, shows the first rows as they will be
read with each error in the cell it belongs to, and keeps the mapping for the next
time the same tracker is imported. The import itself runs in the task runner, all
or nothing, through the exchange importer (panelapp.spreadsheet).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from openpyxl.utils import get_column_letter
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.config import data_dir
from panelapp.db import Store
from panelapp.errors import ExchangeErrors, PanelAppError
from panelapp.exchange import ImportResult
from panelapp.services.permissions import Actor, allowed
from panelapp.spreadsheet import Mapping, SheetMapping, import_tracker, load_mapping, save_mapping
from panelapp.spreadsheet.cells import Origins
from panelapp.spreadsheet.fields import RECORDS, key_at, steps
from panelapp.spreadsheet.guess import FIELDS, RECORD_WORDS, guess_columns, guess_header_rows
from panelapp.spreadsheet.tracker import Grid, ReadRow, headings, read_grids, read_rows, resolve_columns
from panelapp.spreadsheet.values import normal

from ..common.tasks import Task, TaskRunner

log = logging.getLogger(__name__)
FILES = "Spreadsheets (*.xlsx *.csv);;All files (*)"
MAPPINGS = "Mapping files (*.toml);;All files (*)"
NOT_MAPPED = "(not in the tracker)"
PREVIEW_ROWS = 12
MOST_WORDS = 60
ERROR_SHADE = QColor(255, 221, 221)


def remembered_mapping_path(folder: Path, tracker: Path) -> Path:
    """Where the mapping of a tracker is kept for next time: one file per tracker name."""
    return folder / f"{normal(tracker.stem) or 'tracker'}.toml"


def import_tracker_file(task: Task, store: Store, actor: Actor, path: Path, mapping: Mapping,
                        mode: str = "insert") -> ImportResult:
    """The worker: read the tracker and write it in one transaction that a cancel rolls back."""
    task.progress(0.0, f"Reading {path.name}…")
    with store.transaction() as session:
        result = import_tracker(session, path, mapping, mode=mode, by=actor)
        task.check()  # the last moment to cancel: raising here rolls the whole import back
    return result


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return f"{dt.date.fromisoformat(value):%d/%m/%Y}"
        except ValueError:
            return value
    if isinstance(value, str):
        return value.replace("_", " ")
    return str(value)


def _raw(value) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


class PreviewModel(QAbstractTableModel):
    """The first rows as they will be read: a column per mapped field, each cell the value
    read, or what is wrong with it beside the cell's own text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields: list[tuple[str, str, int]] = []  # (field, words, column number)
        self.rows: list[ReadRow] = []

    def show(self, fields: list[tuple[str, str, int]], rows: list[ReadRow]) -> None:
        self.beginResetModel()
        self.fields, self.rows = fields, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def cell(self, index: QModelIndex):
        field = self.fields[index.column()][0]
        return self.rows[index.row()].cells.get(field)

    def text(self, index: QModelIndex) -> str:
        found = self.cell(index)
        if found is None:
            return ""
        _cell, raw, value, error = found
        if error is not None:
            # The error sits in its cell; it names the cell's text unless it says why the text is missing.
            return f"⚠ {error}" if raw is None or _raw(raw) in error else f"{_raw(raw)} ⚠ {error}"
        return _shown(value)

    def error(self, index: QModelIndex) -> str | None:
        found = self.cell(index)
        return None if found is None else found[3]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.cell(index)
            if found is None:
                return None
            cell, raw, _value, error = found
            return f"{cell}: {error}" if error else f"{cell}: {_raw(raw)}"
        if role == Qt.ItemDataRole.BackgroundRole and self.error(index):
            return QBrush(ERROR_SHADE)
        if role == Qt.ItemDataRole.ForegroundRole and self.error(index):
            return QBrush(QColor(120, 0, 0))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            _field, words, column = self.fields[section]
            return f"{words}\n(column {get_column_letter(column)})"
        return f"Row {self.rows[section].row}"


class SpreadsheetImportDialog(QDialog):
    """Choose a tracker, check the mapping against its first rows, import it."""

    finished_import = Signal(str, str)  # "imported", "refused", "failed" or "cancelled", and what was said

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None,
                 mappings_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.mappings_folder = mappings_folder or data_dir() / "mappings"
        self.path: Path | None = None
        self.grids: list[Grid] = []
        self.mapping = Mapping(sheets=[])
        self.task: Task | None = None
        self._filling = False
        self.setWindowTitle("Import a spreadsheet")
        self.setAccessibleName("Import a spreadsheet")
        self._build()
        self.resize(1100, 740)

    # -- the layout -----------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel("Read an agency tracker (.xlsx or .csv) into the store. Say which rows hold the "
                       "headings and which column holds each field; the first rows below show how they will "
                       "be read, with anything that cannot be read marked in its cell. Nothing is stored "
                       "unless every row of the tracker can be read.")
        intro.setWordWrap(True)
        self.file_label = QLineEdit()
        self.file_label.setReadOnly(True)
        self.file_label.setAccessibleName("The tracker")
        choose = QPushButton("&Choose a spreadsheet…")
        choose.setAccessibleName("Choose a spreadsheet")
        choose.clicked.connect(self.ask_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)

        self.sheet = QComboBox()
        self.sheet.setAccessibleName("Sheet")
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.records = QComboBox()
        self.records.setAccessibleName("What each row is")
        for kind, words in RECORD_WORDS.items():
            self.records.addItem(words, kind)
        self.records.currentIndexChanged.connect(self._records_chosen)
        self.first_heading, self.last_heading = QSpinBox(), QSpinBox()
        for spin, name in ((self.first_heading, "First heading row"), (self.last_heading, "Last heading row")):
            spin.setRange(1, 50)
            spin.setAccessibleName(name)
            spin.valueChanged.connect(self._headings_changed)
        heading_row = QHBoxLayout()
        heading_row.addWidget(QLabel("from row"))
        heading_row.addWidget(self.first_heading)
        heading_row.addWidget(QLabel("to row"))
        heading_row.addWidget(self.last_heading)
        heading_row.addStretch(1)
        top = QFormLayout()
        for words, buddy, field in (("&File:", self.file_label, file_row), ("&Sheet:", self.sheet, self.sheet),
                                    ("&Each row is:", self.records, self.records),
                                    ("&Headings:", self.first_heading, heading_row)):
            label = QLabel(words)
            label.setBuddy(buddy)
            top.addRow(label, field)

        self.columns_box = QGroupBox("Which column holds each field")
        self.columns_form = QFormLayout(self.columns_box)
        self.column_choosers: dict[str, QComboBox] = {}
        self.words_box = QGroupBox("The tracker's own words")
        self.words_box.setToolTip("Values a column holds that are not PanelApp's own words: say what each means")
        self.words_form = QFormLayout(self.words_box)
        self.word_choosers: dict[tuple[str, str], QComboBox] = {}
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.columns_box)
        left_layout.addWidget(self.words_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)

        self.preview = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.preview)
        self.table.setAccessibleName("The first rows as they will be read")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the check found")
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems found")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("The first rows, as they will be read:"))
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.problems, 1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 660])

        self.update_existing = QCheckBox("&Update records imported before: the tracker's values, blanks "
                                         "too, replace what was recorded since")
        self.update_existing.setAccessibleName("Update records imported before")
        self.update_existing.setToolTip("Left unticked, a row whose reference is in the store already is "
                                        "refused, and nothing is imported")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.load_button = QPushButton("&Open a mapping…")
        self.save_button = QPushButton("Save the &mapping…")
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        for button, role in ((self.load_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.save_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addButton(button, role)
        self.load_button.clicked.connect(self.ask_mapping)
        self.save_button.clicked.connect(self.ask_save_mapping)
        self.import_button.clicked.connect(self.start_import)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.update_existing)
        layout.addWidget(buttons)
        self._enable()

    def _enable(self) -> None:
        ready = self.path is not None and self.task is None
        for widget in (self.sheet, self.records, self.first_heading, self.last_heading, self.save_button,
                       self.import_button, self.load_button, self.update_existing):
            widget.setEnabled(ready)
        self.sheet.setEnabled(ready and len(self.grids) > 1)

    # -- the file and its sheets ------------------------------------------------------------
    def ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a spreadsheet", "", FILES)
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> bool:
        """Read the tracker, then take the mapping kept from last time, or guess one."""
        path = Path(path)
        try:
            grids = read_grids(path)
        except (PanelAppError, ExchangeErrors) as exc:
            self._say_problems(str(exc) if not isinstance(exc, ExchangeErrors) else "; ".join(exc.errors), [])
            return False
        self.path, self.grids = path, grids
        self.file_label.setText(str(path))
        kept = remembered_mapping_path(self.mappings_folder, path)
        self.mapping = Mapping(sheets=[])
        if kept.is_file():
            try:
                self.mapping = load_mapping(kept)
            except (PanelAppError, ExchangeErrors):
                log.warning("the mapping kept for %s could not be read; guessing afresh", path.name)
        self._filling = True
        self.sheet.clear()
        for grid in grids:
            self.sheet.addItem(grid.title)
        self._filling = False
        first = next((n for n, g in enumerate(grids) if self._sheet_mapping(g.title, create=False)), 0)
        self.sheet.setCurrentIndex(first)
        self._sheet_chosen()
        self._enable()
        return True

    def grid(self) -> Grid:
        return self.grids[max(0, self.sheet.currentIndex())]

    def _sheet_mapping(self, title: str, create: bool = True) -> SheetMapping | None:
        csv = self.path is not None and self.path.suffix.lower() == ".csv"
        for sheet in self.mapping.sheets:
            if csv or (sheet.name is not None and normal(sheet.name) == normal(title)):
                return sheet
        if not create:
            return None
        sheet = SheetMapping(records="households", name=None if csv else title)
        self.mapping.sheets.append(sheet)
        return sheet

    def current(self) -> SheetMapping:
        found = self._sheet_mapping(self.grid().title)
        assert found is not None
        return found

    def _sheet_chosen(self, *_args) -> None:
        if self._filling or not self.grids:
            return
        grid = self.grid()
        known = self._sheet_mapping(grid.title, create=False)
        sheet = self.current()
        if known is None or not sheet.columns:
            sheet.header_rows = guess_header_rows(grid)
            sheet.records = self._guess_records(grid, sheet.header_rows)
            self._guess(sheet)
        self._filling = True
        self.records.setCurrentIndex(max(0, self.records.findData(sheet.records)))
        self.first_heading.setValue(sheet.header_rows[0])
        self.last_heading.setValue(sheet.header_rows[-1])
        self._filling = False
        self._fill_choosers()
        self.refresh()

    @staticmethod
    def _guess_records(grid: Grid, header_rows: tuple[int, ...]) -> str:
        heads = headings(grid, header_rows)
        return max(RECORD_WORDS, key=lambda kind: len(guess_columns(heads, kind)))

    def _guess(self, sheet: SheetMapping) -> None:
        heads = headings(self.grid(), sheet.header_rows)
        sheet.columns = {name: self._spec(heads, column)
                         for name, column in guess_columns(heads, sheet.records).items()}

    @staticmethod
    def _spec(heads: list[str], column: int) -> str | int:
        """A column is kept by its heading (so the mapping survives a column added to the
        tracker), or by its letter where the heading is blank or not unique."""
        words = heads[column - 1]
        if words and sum(normal(h) == normal(words) for h in heads) == 1:
            return words
        return column

    def _records_chosen(self, *_args) -> None:
        if self._filling or not self.grids:
            return
        sheet = self.current()
        sheet.records = self.records.currentData()
        sheet.values = {}
        self._guess(sheet)
        self._fill_choosers()
        self.refresh()

    def _headings_changed(self, *_args) -> None:
        if self._filling or not self.grids:
            return
        first, last = self.first_heading.value(), self.last_heading.value()
        if last < first:
            self._filling = True
            self.last_heading.setValue(first)
            self._filling = False
            last = first
        sheet = self.current()
        sheet.header_rows = tuple(range(first, last + 1))
        self._guess(sheet)
        self._fill_choosers()
        self.refresh()

    # -- the field-to-column choosers ---------------------------------------------------------
    def _fill_choosers(self) -> None:
        while self.columns_form.rowCount():
            self.columns_form.removeRow(0)
        self.column_choosers = {}
        sheet = self.current()
        heads = headings(self.grid(), sheet.header_rows)
        found = self._columns(sheet, heads)
        for name, words in FIELDS[sheet.records]:
            chooser = QComboBox()
            chooser.setAccessibleName(f"Column holding {words}")
            chooser.addItem(NOT_MAPPED, 0)
            for column, heading in enumerate(heads, start=1):
                chooser.addItem(f"{get_column_letter(column)}: {heading or '(no heading)'}", column)
            chooser.setCurrentIndex(max(0, chooser.findData(found.get(name, 0))))
            chooser.setMinimumHeight(chooser.sizeHint().height())  # scrolled, never squeezed
            chooser.currentIndexChanged.connect(lambda _i, name=name, c=chooser: self._column_chosen(name, c))
            self.columns_form.addRow(words + (" *" if name == "ref" else ""), chooser)
            self.column_choosers[name] = chooser

    @staticmethod
    def _columns(sheet: SheetMapping, heads: list[str]) -> dict[str, int]:
        grid = Grid("", [heads])
        probe = SheetMapping(records=sheet.records, header_rows=(1,), columns=sheet.columns)
        return resolve_columns(grid, probe, Origins())

    def _column_chosen(self, name: str, chooser: QComboBox) -> None:
        sheet = self.current()
        column = chooser.currentData()
        if column:
            sheet.columns[name] = self._spec(headings(self.grid(), sheet.header_rows), column)
        else:
            sheet.columns.pop(name, None)
        self.refresh()

    # -- the preview --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the first rows with the mapping as it now stands."""
        if not self.grids:
            return
        sheet, grid = self.current(), self.grid()
        origins = Origins()
        columns = resolve_columns(grid, sheet, origins)
        words = dict(FIELDS[sheet.records])
        fields = [(name, words.get(name, name), column) for name, column in columns.items()]
        fields.sort(key=lambda f: f[2])
        rows = read_rows(grid, sheet, self.mapping, columns)
        self.preview.show(fields, rows[:PREVIEW_ROWS])
        self._fill_words(sheet, rows)
        self.table.resizeRowsToContents()
        problems = list(origins.errors)
        if "ref" not in sheet.columns:
            problems.insert(0, "Choose the column holding each record's reference (its case number): "
                               "without it nothing can be imported.")
        problems += [f"{cell}: {error}" for row in rows for cell, _raw, _value, error in row.cells.values()
                     if error is not None]
        self._say_problems(f"{len(rows)} rows of {RECORD_WORDS[sheet.records].lower()} found on this sheet; "
                           + (f"{len(problems)} problem{'' if len(problems) == 1 else 's'} to mend before it "
                              "can be imported, listed below." if problems
                              else "every mapped cell can be read.")
                           + " The import also checks the rules between records (dates in order, references "
                             "that exist, none used twice) and lists any it finds.", problems)

    # -- the tracker's own words for yes, no and the codes ---------------------------------------
    def _words(self, sheet: SheetMapping, rows: list[ReadRow]) -> dict[tuple[str, str], str | bool | None]:
        """(field, word) -> what it is taken to mean: each word of a coded or yes-or-no column that
        cannot be read as it stands (None), and each the mapping already gives a meaning."""
        shape = RECORDS[sheet.records]
        found: dict[tuple[str, str], str | bool | None] = {}
        for name, codes in sheet.values.items():
            for code, spelt in codes.items():
                for word in spelt:
                    found[(name, word)] = code
        for row in rows:
            for name, (_cell, raw, _value, error) in row.cells.items():
                key = key_at(shape, steps(name))
                if error is None or raw is None or key is None or key.kind not in ("choice", "bool"):
                    continue
                found.setdefault((name, _raw(raw).strip()), None)
                if len(found) >= MOST_WORDS:
                    return found
        return found

    def _fill_words(self, sheet: SheetMapping, rows: list[ReadRow]) -> None:
        while self.words_form.rowCount():
            self.words_form.removeRow(0)
        self.word_choosers = {}
        words = dict(FIELDS[sheet.records])
        shape = RECORDS[sheet.records]
        for (name, word), meaning in self._words(sheet, rows).items():
            key = key_at(shape, steps(name))
            if key is None:
                continue
            chooser = QComboBox()
            chooser.setAccessibleName(f"What {word} means in {words.get(name, name)}")
            chooser.addItem("(not known: an error)", None)
            if key.kind == "bool":
                chooser.addItem("Yes", True)
                chooser.addItem("No", False)
            for code in key.choices:
                chooser.addItem(code.replace("_", " "), code)
            chooser.setCurrentIndex(max(0, chooser.findData(meaning)) if meaning is not None else 0)
            chooser.setMinimumHeight(chooser.sizeHint().height())
            chooser.currentIndexChanged.connect(
                lambda _i, name=name, word=word, c=chooser, kind=key.kind: self._word_chosen(name, word, kind, c))
            self.words_form.addRow(f"{words.get(name, name)}: “{word}”", chooser)
            self.word_choosers[(name, word)] = chooser
        self.words_box.setVisible(bool(self.word_choosers))

    def _word_chosen(self, name: str, word: str, kind: str, chooser: QComboBox) -> None:
        meaning = chooser.currentData()
        sheet = self.current()
        if kind == "bool":
            same = normal(word)
            self.mapping.yes = tuple(w for w in self.mapping.yes if normal(w) != same)
            self.mapping.no = tuple(w for w in self.mapping.no if normal(w) != same)
            if meaning is True:
                self.mapping.yes += (word,)
            elif meaning is False:
                self.mapping.no += (word,)
        else:
            codes = sheet.values.setdefault(name, {})
            for code in list(codes):
                codes[code] = [w for w in codes[code] if normal(w) != normal(word)]
                if not codes[code]:
                    del codes[code]
            if meaning is not None:
                codes.setdefault(meaning, []).append(word)
            if not codes:
                del sheet.values[name]
        # Read again once this chooser's signal is over: the refresh rebuilds the choosers.
        QTimer.singleShot(0, self.refresh)

    def _say_problems(self, summary: str, problems: list[str]) -> None:
        self.summary.setText(summary)
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))

    # -- the mapping file ---------------------------------------------------------------------
    def ask_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a mapping", str(self.mappings_folder), MAPPINGS)
        if path:
            self.use_mapping(path)

    def use_mapping(self, path: str | Path) -> bool:
        try:
            self.mapping = load_mapping(path)
        except ExchangeErrors as exc:
            self._say_problems(f"{Path(path).name} was not used: it has mistakes.", exc.errors)
            return False
        except PanelAppError as exc:
            self._say_problems(str(exc), [])
            return False
        self._sheet_chosen()
        return True

    def ask_save_mapping(self) -> None:
        suggested = str(self.mappings_folder / f"{self.path.stem if self.path else 'tracker'}.toml")
        path, _ = QFileDialog.getSaveFileName(self, "Save the mapping", suggested, MAPPINGS)
        if path:
            self.save_mapping_to(path)

    def save_mapping_to(self, path: str | Path) -> Path | None:
        if Path(path).suffix.lower() != ".toml":
            self._say_problems(f"{Path(path).name}: a mapping is saved as a .toml file; nothing was written.", [])
            return None
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return save_mapping(self.mapping_to_import(), path)
        except (PanelAppError, OSError) as exc:
            self._say_problems(f"The mapping was not saved: {exc}", [])
            return None

    def mapping_to_import(self) -> Mapping:
        """The sheets the user has mapped (a reference column at least)."""
        sheets = [s for s in self.mapping.sheets if "ref" in s.columns]
        return Mapping(sheets=sheets, yes=self.mapping.yes, no=self.mapping.no)

    def remember(self) -> None:
        if self.path is not None:
            self.save_mapping_to(remembered_mapping_path(self.mappings_folder, self.path))

    # -- importing ------------------------------------------------------------------------------
    def start_import(self) -> Task | None:
        if self.path is None or self.task is not None or not allowed(self.actor, "exchange.import"):
            return None
        mapping = self.mapping_to_import()
        if not mapping.sheets:
            self._say_problems("Nothing to import yet: choose the column holding each record's reference.", [])
            return None
        self.remember()
        path = self.path
        self.summary.setText(f"Importing {path.name}…")

        def done(result: ImportResult) -> None:
            self.task = None
            self._enable()
            if result.created or result.updated:
                text = f"{path.name} was imported: {result.summary()}."
            else:
                text = f"{path.name} was read: every record in it is in the store as it says; nothing changed."
            self._say_problems(text, [])
            reload_all = getattr(self.parent(), "reload_all", None)
            if callable(reload_all):
                reload_all()
            self.finished_import.emit("imported", text)

        def failed(exc: BaseException, details: str) -> None:
            self.task = None
            self._enable()
            if isinstance(exc, ExchangeErrors):
                text = (f"{path.name} was not imported: {len(exc.errors)} problem"
                        f"{'' if len(exc.errors) == 1 else 's'}, listed below. Nothing was changed.")
                self._say_problems(text, exc.errors)
                self.finished_import.emit("refused", "\n".join(exc.errors))
                return
            if isinstance(exc, PanelAppError):
                text = f"{path.name} was not imported: {exc} Nothing was changed."
            else:
                log.error("importing %s failed:\n%s", path, details)
                text = (f"{path.name} was not imported: something went wrong ({type(exc).__name__}). "
                        "Nothing was changed.")
            self._say_problems(text, [])
            self.finished_import.emit("failed", text)

        def cancelled() -> None:
            self.task = None
            self._enable()
            text = f"The import of {path.name} was cancelled: nothing was changed."
            self._say_problems(text, [])
            self.finished_import.emit("cancelled", text)

        mode = "upsert" if self.update_existing.isChecked() else "insert"
        self.task = self.runner.submit(import_tracker_file, self.store, self.actor, path, mapping, mode,
                                       name=f"import {path.name}", on_done=done, on_error=failed,
                                       on_cancelled=cancelled, owner=self)
        self._enable()
        return self.task

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()  # the import is rolled back; the dialog closes when it has stopped
            return
        super().reject()


def open_spreadsheet_import(window) -> SpreadsheetImportDialog | None:
    """File > Import a spreadsheet… on a workspace window."""
    if not allowed(window.actor, "exchange.import"):
        return None
    dialog = SpreadsheetImportDialog(window.runner, window.store, window.actor, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
