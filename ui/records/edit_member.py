"""The form for a member of the central list: roles, experience and the appointment's dates."""

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QWidget

from panelapp.enums import ROLES
from ui.common.words import word
from ui.records.forms import DateField, RecordForm, grown_form, number_or_text

ROLE_COLUMNS = 3


class MemberForm(RecordForm):
    """``record``: the member in the exchange format's terms, or None for a new one."""

    def __init__(self, record: dict | None, save: Callable[[dict], dict], parent: QWidget | None = None):
        record = record or {}
        super().__init__(f"{record['name']} ({record['ref']})" if record else "New member of the central list",
                         save, parent)
        self.new = not record
        form = grown_form()
        self.ref_field(form, record)
        self.name = QLineEdit(record.get("name", ""))
        self.name.setAccessibleName("Name")
        self.field(form, "&Name", self.name, "name")

        roles = QWidget()
        roles.setAccessibleName("Roles")
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        held = set(record.get("roles", []))
        self.roles: dict[str, QCheckBox] = {}
        for n, role in enumerate(ROLES):
            box = QCheckBox(word(role))
            box.setAccessibleName(f"Role: {word(role)}")
            box.setChecked(role in held)
            grid.addWidget(box, n // ROLE_COLUMNS, n % ROLE_COLUMNS)
            self.roles[role] = box
        self.field(form, "Roles", roles, "roles")

        pqe = record.get("social_worker_pqe_years")
        self.pqe = QLineEdit("" if pqe is None else f"{pqe:g}")
        self.pqe.setAccessibleName("Years of post-qualifying experience")
        self.pqe.setPlaceholderText("social workers: years, e.g. 4.5")
        self.pqe.setMaximumWidth(self.fontMetrics().horizontalAdvance("social workers: years, e.g. 4.5") + 24)
        self.field(form, "&PQE years", self.pqe, "social_worker_pqe_years", grow=False)
        self.appointed = DateField("Appointed", record.get("appointed"))
        self.field(form, "&Appointed", self.appointed, "appointed")
        self.term_ends = DateField("Term ends", record.get("term_ends"))
        self.field(form, "&Term ends", self.term_ends, "term_ends")
        self.left = DateField("Left the list", record.get("left"))
        self.field(form, "&Left", self.left, "left")
        self.finish_layout(form)
        if self.new:
            self.name.setFocus()
        self.resize(620, 200)
        self.fit_height()

    def values(self) -> dict:
        values = {
            "name": self.name.text(),
            "roles": [role for role, box in self.roles.items() if box.isChecked()],
            "social_worker_pqe_years": number_or_text(self.pqe.text()),
            "appointed": self.appointed.value(),
            "term_ends": self.term_ends.value(),
            "left": self.left.value(),
        }
        if self.new:
            values["ref"] = self.ref.text()
        return values
