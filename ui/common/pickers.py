"""A searchable list to tick records in: households or children for an agenda item.

Ticks live in the source model, not in the view's selection, so what was
chosen stays chosen while the list is filtered to find the next one.
"""

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

REF_ROLE = Qt.ItemDataRole.UserRole


class OfferedProxy(QSortFilterProxyModel):
    """The search filter, and (when set) only the refs offered; a ticked one always shows."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.offered: frozenset[str] | None = None

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if self.offered is not None:
            item = self.sourceModel().index(row, 0, parent)
            if item.data(REF_ROLE) not in self.offered and item.data(Qt.ItemDataRole.CheckStateRole) != \
                    Qt.CheckState.Checked.value:
                return False
        return super().filterAcceptsRow(row, parent)


class Checklist(QWidget):
    """``entries``: (ref, text) pairs, e.g. ("H000123", "H000123 — Aisha Williams and Owen Khan")."""

    changed = Signal()

    def __init__(self, noun: str, entries: list[tuple[str, str]], hint: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.noun = noun
        self._order: list[str] = []  # refs in the order ticked: the first named is the first listed
        self.model = QStandardItemModel(self)
        self._items: dict[str, QStandardItem] = {}
        for ref, text in entries:
            item = QStandardItem(text)
            item.setData(ref, REF_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            self.model.appendRow(item)
            self._items[ref] = item
        self.model.itemChanged.connect(self._ticked)
        self.proxy = OfferedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(hint or f"Find {noun}: type a ref or a name")
        self.search.setAccessibleName(f"Find {noun}")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.installEventFilter(self)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(noun.capitalize())
        self.view.setAccessibleDescription("Space or a double click ticks or unticks the one under the cursor")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.activated.connect(self._toggle_index)
        self.view.installEventFilter(self)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("muted")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setAccessibleName(f"{noun.capitalize()} chosen")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chosen_label)
        self._show_chosen()

    # -- what is chosen -------------------------------------------------------
    def chosen(self) -> list[str]:
        return list(self._order)

    def set_chosen(self, ref: str, chosen: bool = True) -> None:
        self._items[ref].setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def offer_only(self, refs: frozenset[str] | None) -> None:
        """Show only ``refs`` (and whatever is ticked); None shows every one."""
        self.proxy.beginFilterChange()
        self.proxy.offered = refs
        self.proxy.endFilterChange()

    def shown_refs(self) -> list[str]:
        return [self.proxy.index(r, 0).data(REF_ROLE) for r in range(self.proxy.rowCount())]

    def _toggle_index(self, index) -> None:
        item = self.model.itemFromIndex(self.proxy.mapToSource(index))
        if item is not None:
            self.set_chosen(item.data(REF_ROLE), item.checkState() != Qt.CheckState.Checked)

    def _ticked(self, item: QStandardItem) -> None:
        ref = item.data(REF_ROLE)
        if item.checkState() == Qt.CheckState.Checked and ref not in self._order:
            self._order.append(ref)
        elif item.checkState() != Qt.CheckState.Checked and ref in self._order:
            self._order.remove(ref)
        else:
            return
        self._show_chosen()
        self.changed.emit()

    def _show_chosen(self) -> None:
        self.chosen_label.setText(f"Chosen: {', '.join(self._order)}" if self._order
                                  else f"No {self.noun} chosen")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        # Down (or Enter) from the search box goes into the list, so the keyboard can follow
        # the search; Enter there must not press the dialog's OK while a name is being found.
        if watched is self.search and (key == Qt.Key.Key_Down or enter):
            if self.proxy.rowCount():
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.proxy.index(0, 0))
            return True
        # Enter in the list ticks, as Space does; the list view would pass it on to OK too.
        if watched is self.view and enter:
            if self.view.currentIndex().isValid():
                self._toggle_index(self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)
