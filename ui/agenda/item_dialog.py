"""Adding an item to an agenda: its type, the households and children it concerns,
who presents it and how long it is expected to take."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from panelapp.queries.agenda import DEFAULT_MINUTES, ItemChoices
from panelapp.queries.eligibility import WHY, Eligible
from panelapp.services.agenda import ITEM_TYPE_WORDS, NEEDS_CHILD, NEEDS_HOUSEHOLD
from ui.common.pickers import Checklist
from ui.common.widgets import ok_cancel


def needs(item_type: str) -> list[str]:
    """What an item of this type must name, in words."""
    out = []
    if item_type in NEEDS_HOUSEHOLD:
        out.append("a household")
    if item_type in NEEDS_CHILD:
        out.append("a child")
    return out


class ItemDialog(QDialog):
    def __init__(self, meeting: str, choices: ItemChoices, parent: QWidget | None = None,
                 eligible: Eligible | None = None):
        super().__init__(parent)
        self.eligible = eligible
        title = f"Add an item to {meeting}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.item_type = QComboBox()
        self.item_type.setAccessibleName("Item type")
        for code, words in ITEM_TYPE_WORDS.items():
            self.item_type.addItem(words, code)
        self.households = Checklist("households", choices.households,
                                    "Find a household: a ref or an applicant's name")
        self.children = Checklist("children", choices.children, "Find a child: a ref or a name")
        self.presenters = QLineEdit()
        self.presenters.setAccessibleName("Presenters")
        self.presenters.setPlaceholderText("names, separated by commas")
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 240)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" minutes")
        self.minutes.setAccessibleName("Estimated time")
        self.show_all = QCheckBox("Sho&w all households and children")
        self.show_all.setAccessibleName("Show all households and children, not only the eligible ones")
        self.show_all.setVisible(eligible is not None)
        self.offered = QLabel()
        self.offered.setObjectName("muted")
        self.offered.setWordWrap(True)
        self.offered.setAccessibleName("Which cases are offered")
        self.missing = QLabel()
        self.missing.setObjectName("muted")
        self.missing.setAccessibleName("What the item still needs")

        form = QFormLayout()
        type_label = QLabel("&Type:")
        type_label.setBuddy(self.item_type)
        form.addRow(type_label, self.item_type)
        lists = QGridLayout()
        household_label = QLabel("&Households")
        household_label.setBuddy(self.households.search)
        child_label = QLabel("C&hildren")
        child_label.setBuddy(self.children.search)
        lists.addWidget(household_label, 0, 0)
        lists.addWidget(child_label, 0, 1)
        lists.addWidget(self.households, 1, 0)
        lists.addWidget(self.children, 1, 1)
        lists.setColumnStretch(0, 3)
        lists.setColumnStretch(1, 2)
        lists.setRowStretch(1, 1)
        more = QFormLayout()
        more.addRow("&Presenters:", self.presenters)
        more.addRow("&Estimated time:", self.minutes)
        buttons, self.ok_button = ok_cancel(self, "&Add item")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.offered)
        layout.addWidget(self.show_all)
        layout.addLayout(lists, 1)
        layout.addLayout(more)
        layout.addWidget(self.missing)
        layout.addWidget(buttons)

        for signal in (self.item_type.currentIndexChanged, self.households.changed, self.children.changed):
            signal.connect(self._check)
        self.item_type.currentIndexChanged.connect(self._offer)
        self.show_all.toggled.connect(self._offer)
        self._offer()
        self._check()
        self.resize(860, 560)

    def _check(self) -> None:
        code = self.item_type.currentData()
        missing = [what for what, chosen in (("a household", self.households.chosen()),
                                             ("a child", self.children.chosen()))
                   if what in needs(code) and not chosen]
        self.missing.setText(f"{ITEM_TYPE_WORDS[code]} needs {' and '.join(missing)}." if missing else "")
        self.ok_button.setEnabled(not missing)

    def _offer(self, *_args) -> None:
        """Only the cases an item of this type may concern, unless "show all" is ticked."""
        code = self.item_type.currentData()
        everyone = self.eligible is None or self.show_all.isChecked()
        self.households.offer_only(None if everyone else self.eligible.households_for(code))
        self.children.offer_only(None if everyone else self.eligible.children_for(code))
        why = WHY.get(code)
        self.offered.setText("" if everyone or why is None else f"Offered: {why}. Tick \"show all\" for "
                             "any other.")
        self.offered.setVisible(bool(self.offered.text()))

    def choose_type(self, code: str) -> None:
        self.item_type.setCurrentIndex(self.item_type.findData(code))

    def values(self) -> dict:
        return {
            "item_type": self.item_type.currentData(),
            "households": self.households.chosen(),
            "children": self.children.chosen(),
            "presenters": [p.strip() for p in self.presenters.text().split(",") if p.strip()],
            "duration_minutes": self.minutes.value(),
        }
