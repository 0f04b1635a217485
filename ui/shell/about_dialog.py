"""Help > About: PanelApp's version, and every component it ships with its version and
licence; choosing one shows its licence text (panelapp.licences finds them)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp import __version__
from panelapp.licences import Component, components
from ui.common.tablemodel import Column, RowTableModel, prepare
from ui.shell.icons import app_icon

COLUMNS = [
    Column("Component", lambda c: c.name),
    Column("Version", lambda c: c.version),
    Column("What it is", lambda c: c.kind),
    Column("Licence", lambda c: c.licence),
]


def licence_text(component: Component) -> str:
    """The component's licence texts one after another, each under its file name."""
    if not component.texts:
        if component.name == "PanelApp":
            return "PanelApp is supplied under the terms of your agency's licence agreement."
        return f"{component.name} ships no licence text of its own; its licence is {component.licence}."
    parts = []
    for path in component.texts:
        try:
            body = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            body = f"(cannot be read: {exc.strerror})"
        parts.append(f"==== {path.name} ====\n\n{body.strip()}\n")
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About PanelApp")
        self.setAccessibleName("About PanelApp")
        self.components = components()

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<b>PanelApp {__version__}</b><br>Adoption panel records: meetings, agendas, "
                       "minutes, ADM decisions and statistics.")
        title.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(logo)
        header.addWidget(title, 1)
        intro = QLabel(f"PanelApp ships these {len(self.components) - 1} components of others. "
                       "Choose one to read its licence.")
        intro.setWordWrap(True)

        self.model = RowTableModel(COLUMNS, self)
        self.model.set_prepared(prepare(COLUMNS, self.components))
        self.table = QTableView()
        self.table.setAccessibleName("Components and their licences")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Licence text")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([260, 200])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table.selectRow(0)

    def _show_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.text.setPlainText(licence_text(self.model.row_object(rows[0].row())))
            self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
