"""What the chair writes for the annual (or half-year) report of one period: the
texts of its written sections and the service plan's priorities for the next year.

Everything is saved through panelapp.services.report_texts in one transaction,
so a text refused (it names a child, say) leaves the plan unsaved too, and the
service's sentence is shown with the input kept.
"""

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.models import REPORT_SECTIONS
from panelapp.reports.annual.labels import dates_in_words, period_label, report_kind
from panelapp.services.permissions import Actor
from panelapp.services.report_texts import (
    PLAN_FIELDS,
    SECTION_WORDS,
    get_report_texts,
    get_service_plan,
    previous_service_plan,
    save_report_text,
    set_service_plan,
)
from panelapp.stats.periods import Period
from ui.common.widgets import warning_label
from ui.statistics.export import sentence

# (section, tab title, what the chair writes there)
SECTION_TABS = {
    "introduction": ("&Introduction", "Opens the report. Left empty, the report writes an introduction "
                                      "from the figures."),
    "chair_commentary": ("&Chair's commentary", "The chair's view of the panel's year: what went well, "
                                                "what did not, and what the panel asks of the agency."),
    "quality_of_reports": ("&Quality of reports", "The quality of the reports the panel read: child's "
                                                  "permanence reports, prospective adopter's reports."),
    "service_plan_review": ("&Review of last year's plan", "How far last year's service plan priorities "
                                                           "were met."),
}
PLAN_TITLES = {"priority": "Priority", "owner": "Owner", "due": "Due", "progress": "Progress"}
DUE = PLAN_FIELDS.index("due")


def _day_words(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def where(message: str) -> str:
    """The section a refusal is about, so its tab can be brought to the front."""
    for section in REPORT_SECTIONS:
        if f"the {SECTION_WORDS[section]}" in message:
            return section
    return "service_plan" if "service plan" in message else REPORT_SECTIONS[0]


class PlanModel(QAbstractTableModel):
    """The service plan's priorities, edited in place: text columns, and a due date."""

    def __init__(self, priorities: list[dict], parent=None):
        super().__init__(parent)
        self.entries = [dict(entry) for entry in priorities]
        self.changed = False

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(PLAN_FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return PLAN_TITLES[PLAN_FIELDS[section]]
            if role == Qt.ItemDataRole.ToolTipRole and section == DUE:
                return "When the priority is to be met"
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.entries[index.row()].get(PLAN_FIELDS[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(value, dt.date):
                return _day_words(value)
            return value or ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def flags(self, index):
        if not index.isValid():  # the root is no cell: nothing to edit there
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = PLAN_FIELDS[index.column()]
        if isinstance(value, str):
            value = value.strip() or None
        if self.entries[index.row()].get(field) == value:
            return False
        self.entries[index.row()][field] = value
        self.changed = True
        self.dataChanged.emit(index, index)
        return True

    def add(self) -> int:
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append({field: None for field in PLAN_FIELDS})
        self.endInsertRows()
        self.changed = True
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.entries[row]
            self.endRemoveRows()
            self.changed = True

    def priorities(self) -> list[dict]:
        """As the service takes them; a row left wholly empty is no priority."""
        return [{field: entry.get(field) for field in PLAN_FIELDS} for entry in self.entries
                if any(entry.get(field) for field in PLAN_FIELDS)]


class DueDateDelegate(QStyledItemDelegate):
    """A calendar for the due date; a new priority starts at the end of the next year."""

    def __init__(self, default: dt.date, parent=None):
        super().__init__(parent)
        self.default = default

    def createEditor(self, parent, _option, _index):
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("d MMM yyyy")
        editor.setAccessibleName("Due date")
        return editor

    def setEditorData(self, editor, index):
        day = index.data(Qt.ItemDataRole.EditRole) or self.default
        editor.setDate(QDate(day.year, day.month, day.day))

    def setModelData(self, editor, model, index):
        day = editor.date()
        model.setData(index, dt.date(day.year(), day.month(), day.day()), Qt.ItemDataRole.EditRole)


class ReportTextsDialog(QDialog):
    saved = Signal()

    def __init__(self, store: Store, actor: Actor, span: Period, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.actor, self.span = store, actor, span
        title = f"The report's texts: {period_label(span)}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        with store.session() as session:
            self.written = get_report_texts(session, span)
            plan = get_service_plan(session, span)
            reviewed = previous_service_plan(session, span)

        intro = QLabel(f"What the chair writes for the {report_kind(span)} for {dates_in_words(span)}. "
                       "The report is published without names: write no child's or adopter's name.")
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections of the report")
        self.texts: dict[str, QPlainTextEdit] = {}
        for section in REPORT_SECTIONS:
            tab_title, hint = SECTION_TABS[section]
            edit = QPlainTextEdit(self.written.get(section, ""))
            edit.setAccessibleName(tab_title.replace("&", ""))
            edit.setAccessibleDescription(hint)
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            self.texts[section] = edit
            page = QWidget()
            column = QVBoxLayout(page)
            if section == "service_plan_review":
                column.addWidget(self._reviewed_plan(reviewed))
            column.addWidget(edit, 1)
            self.tabs.addTab(page, tab_title)
            if section == "quality_of_reports":
                self.tabs.addTab(self._plan_page(plan), "Service &plan priorities")

        self.problem = warning_label("Why the texts were not saved", selectable=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save the texts")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 540)

    def _plan_page(self, plan: list[dict]) -> QWidget:
        self.plan = PlanModel(plan, self)
        self.plan_table = QTableView()
        self.plan_table.setAccessibleName("Service plan priorities")
        self.plan_table.setModel(self.plan)
        a_year_on = self.span.years_earlier(-1).end
        self.plan_table.setItemDelegateForColumn(DUE, DueDateDelegate(a_year_on, self.plan_table))
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_table.setWordWrap(True)
        # A long priority wraps onto more lines rather than being cut off.
        self.plan_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.plan_table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.add_button = QPushButton("&Add a priority")
        self.add_button.setAccessibleName("Add a priority")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_priority)
        self.remove_button = QPushButton("&Remove the priority")
        self.remove_button.setAccessibleName("Remove the chosen priority")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_priority)
        self.plan_table.selectionModel().currentRowChanged.connect(lambda *_: self._plan_buttons())
        self.plan.rowsRemoved.connect(lambda *_: self._plan_buttons())
        note = QLabel("The priorities for the next year, in order: what is to be done, who is responsible, "
                      "when it is due and, as the year goes on, how far it has got. Double-click a cell to "
                      "change it.")
        note.setObjectName("muted")
        note.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(note)
        column.addWidget(self.plan_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        self._plan_buttons()
        return page

    def _reviewed_plan(self, reviewed) -> QLabel:
        if reviewed is None:
            words = "No service plan was set in a report for the year before, so there is none to review."
        else:
            earlier, priorities = reviewed
            lines = [f"• {p['priority']} ({p['owner']}, due {_day_words(p['due'])})" for p in priorities]
            words = f"The plan set in the report for {period_label(earlier)}:\n" + "\n".join(lines)
        label = QLabel(words)
        label.setObjectName("muted")
        label.setWordWrap(True)
        label.setAccessibleName("Last year's service plan")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _plan_buttons(self) -> None:
        self.remove_button.setEnabled(self.plan_table.currentIndex().isValid())

    def add_priority(self) -> int:
        row = self.plan.add()
        index = self.plan.index(row, 0)
        self.plan_table.setCurrentIndex(index)
        self.plan_table.edit(index)
        return row

    def remove_priority(self) -> None:
        index = self.plan_table.currentIndex()
        if index.isValid():
            self.plan.remove(index.row())

    def show_section(self, section: str) -> None:
        """Bring a section's tab to the front (``"service_plan"`` for the priorities)."""
        page = self.plan_table if section == "service_plan" else self.texts[section]
        for number in range(self.tabs.count()):
            if self.tabs.widget(number).isAncestorOf(page):
                self.tabs.setCurrentIndex(number)

    def save(self) -> bool:
        """Every text changed and the plan (if changed), in one transaction."""
        start, end = self.span.start, self.span.end
        changed = {section: edit.toPlainText() for section, edit in self.texts.items()
                   if edit.toPlainText().strip() != self.written.get(section, "").strip()}
        try:
            with self.store.transaction() as session:
                for section, text in changed.items():
                    save_report_text(session, self.actor, start, end, section, text)
                if self.plan.changed:
                    set_service_plan(session, self.actor, start, end, self.plan.priorities())
        except PanelAppError as exc:
            self.problem.setText(sentence(exc))
            self.problem.show()
            self.show_section(where(str(exc)))
            return False
        self.written.update(changed)
        self.plan.changed = False
        self.problem.hide()
        self.saved.emit()
        self.accept()
        return True
