"""Declarations of interest: those made, and the form to record another."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.enums import DECLARATION_ACTIONS
from panelapp.queries.room import RoomState
from panelapp.services.agenda import ITEM_TYPE_WORDS
from ui.common.tablemodel import Column, RowTableModel, SearchProxy, prepare
from ui.common.words import word

DECLARATION_COLUMNS = (
    Column("Member", lambda d: d.member_name),
    # Declarations about the meeting as a whole sort before those about an item.
    Column("Item", lambda d: d.item_number or 0,
           show=lambda d: f"Item {d.item_number}" if d.item_number else "All items"),
    Column("Interest", lambda d: d.interest),
    Column("What they did", lambda d: d.action, word),
)


class DeclarationsPanel(QWidget):
    declared = Signal(dict)  # {member, interest, action, item_id}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RowTableModel(DECLARATION_COLUMNS, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Declarations of interest")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.member = QComboBox()
        self.member.setAccessibleName("Member declaring")
        self.item = QComboBox()
        self.item.setAccessibleName("Item the interest concerns")
        self.interest = QLineEdit()
        self.interest.setAccessibleName("The interest")
        self.interest.setPlaceholderText("e.g. knows the applicants through work")
        self.action = QComboBox()
        self.action.setAccessibleName("What the member did")
        for action in DECLARATION_ACTIONS:
            self.action.addItem(word(action), action)
        self.button = QPushButton("Record the declaration")
        self.button.setAccessibleName("Record the declaration")
        self.button.clicked.connect(self._declare)
        self.button.setToolTip("Record the declaration (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.button)  # active while the form is on screen
            shortcut.activated.connect(lambda: self.button.isEnabled() and self.button.click())
        self.interest.textChanged.connect(self._update)

        form = QFormLayout()
        form.addRow("Mem&ber:", self.member)
        form.addRow("I&tem:", self.item)
        form.addRow("I&nterest:", self.interest)
        form.addRow("&What they did:", self.action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        heading = QLabel("Record a declaration")
        heading.setObjectName("subheading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.may_record = False
        self._update()

    def show_state(self, state: RoomState, may_record: bool) -> None:
        self.may_record = may_record and not state.locked
        self.model.set_prepared(prepare(DECLARATION_COLUMNS, state.declarations))
        self.proxy.resort()
        keep_member, keep_item = self.member.currentData(), self.item.currentData()
        self.member.clear()
        for m in state.members:
            if m.status == "present":
                self.member.addItem(m.name, m.ref)
        self.item.clear()
        self.item.addItem("All items (the meeting as a whole)", None)
        for i in state.items:
            about = "; ".join(x for x in (", ".join(i.households), ", ".join(i.children)) if x)
            self.item.addItem(f"Item {i.number}: {ITEM_TYPE_WORDS.get(i.item_type, word(i.item_type))}"
                              f"{' — ' + about if about else ''}", i.id)
        self.member.setCurrentIndex(max(0, self.member.findData(keep_member)))
        self.item.setCurrentIndex(max(0, self.item.findData(keep_item)))
        self._update()

    def _update(self) -> None:
        for widget in (self.member, self.item, self.interest, self.action):
            widget.setEnabled(self.may_record)
        self.button.setEnabled(self.may_record and bool(self.interest.text().strip())
                               and self.member.count() > 0)

    def _declare(self) -> None:
        self.declared.emit({"member": self.member.currentData(), "interest": self.interest.text().strip(),
                            "action": self.action.currentData(), "item_id": self.item.currentData()})

    def clear_form(self) -> None:
        self.interest.clear()
