"""First start on an empty store: open the demo agency, or set up a new one."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from panelapp.enums import AGENCY_KINDS, REGIONS
from ui.common.words import word
from ui.onboarding.signin import AccountFields
from ui.shell import theme
from ui.shell.icons import icon


class WelcomeScreen(QWidget):
    demo_requested = Signal()
    new_agency_requested = Signal()

    def __init__(self, store_description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWindowTitle("Welcome to PanelApp")
        self.setAccessibleName("Welcome to PanelApp")

        heading = QLabel("Welcome to PanelApp")
        heading.setObjectName("heading")
        intro = QLabel(
            "PanelApp keeps your adoption panel's records: the central list, meetings and "
            "agendas, minutes, the agency decision maker's decisions, and the figures for "
            "your six-monthly and annual reports.\n\nThis store is empty. How would you like to start?")
        intro.setWordWrap(True)
        self.demo_button = QCommandLinkButton(
            "Open the demo agency",
            "A made-up agency with four years of meetings, households and children, "
            "to try PanelApp without real records.")
        self.demo_button.setAccessibleName("Open the demo agency")
        self.new_button = QCommandLinkButton(
            "Start a new agency",
            "Set up your own agency: its name, its panel's name, what kind of agency it is "
            "and where.")
        self.new_button.setAccessibleName("Start a new agency")
        where = QLabel(f"Store: {store_description}")
        where.setObjectName("muted")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName("Where the records are kept")

        # Fusion's own arrow is drawn dark whatever the palette; ours follows the theme.
        for button in (self.demo_button, self.new_button):
            button.setIcon(icon("go", theme.colours(theme.current_is_dark())["highlight"]))
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_agency_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 32)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.new_button)
        layout.addStretch(1)
        layout.addWidget(where)
        self.setMinimumSize(620, 460)


class NewAgencyDialog(QDialog):
    """The agency, and the administrator's account every change will be recorded under.

    The agency's name is required; its other settings can be changed later."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Start a new agency")
        self.setAccessibleName("Start a new agency")
        self.name = QLineEdit()
        self.name.setAccessibleName("Agency name")
        self.name.setPlaceholderText("e.g. Northshire Council Adoption Agency")
        self.panel_name = QLineEdit()
        self.panel_name.setAccessibleName("Panel name")
        self.panel_name.setPlaceholderText("e.g. Northshire Adoption Panel")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of agency")
        for code in AGENCY_KINDS:
            self.kind.addItem(word(code), code)
        self.region = QComboBox()
        self.region.setAccessibleName("Region")
        self.region.setToolTip("Which bank holidays count when working days are counted")
        for code in REGIONS:
            self.region.addItem(word(code), code)

        form = QFormLayout()
        form.addRow("Agency &name:", self.name)
        form.addRow("&Panel name:", self.panel_name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Region:", self.region)
        note = QLabel("The region decides which bank holidays count as non-working days.")
        note.setObjectName("muted")
        note.setWordWrap(True)
        account_heading = QLabel("Your account")
        account_heading.setObjectName("subheading")
        account_note = QLabel("Every change is recorded under a named account. Yours is the "
                              "administrator's: with it you create the others' accounts.")
        account_note.setObjectName("muted")
        account_note.setWordWrap(True)
        self.account = AccountFields()
        self.problem = QLabel()
        self.problem.setObjectName("muted")
        self.problem.setAccessibleName("What is still missing")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create the agency")
        self.ok_button.setAccessibleName("Create the agency")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.name.textChanged.connect(self._update)
        self.account.changed.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addSpacing(8)
        layout.addWidget(account_heading)
        layout.addWidget(account_note)
        layout.addWidget(self.account)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update()

    def _update(self) -> None:
        problem = "Give the agency's name." if not self.name.text().strip() else self.account.problem()
        self.ok_button.setEnabled(problem is None)
        self.problem.setText(problem or "")

    def values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "panel_name": self.panel_name.text().strip() or None,
            "kind": self.kind.currentData(),
            "region": self.region.currentData(),
        }

    def account_values(self) -> dict:
        return self.account.values()
