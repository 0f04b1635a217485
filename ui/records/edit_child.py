"""The form for a child: who they are, their needs and match, and their journey's milestones."""

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from panelapp.enums import CHILD_MILESTONES, GENDERS
from ui.records.forms import DateField, RecordForm, choice_box, grown_form, yes_no_box


class ChildForm(RecordForm):
    """``record``: the child in the exchange format's terms, or None for a new one."""

    def __init__(self, record: dict | None, save: Callable[[dict], dict], parent: QWidget | None = None):
        record = record or {}
        super().__init__(f"{record['name']} ({record['ref']})" if record else "New child", save, parent)
        self.new = not record

        about = QGroupBox("Child")
        about.setAccessibleName("Child")
        form = grown_form(about)
        self.ref_field(form, record)
        self.name = QLineEdit(record.get("name", ""))
        self.name.setAccessibleName("Name")
        self.field(form, "&Name", self.name, "name")
        self.dob = DateField("Date of birth", record.get("dob"))
        self.field(form, "&Born", self.dob, "dob")
        self.gender = choice_box("Gender", GENDERS, record.get("gender"))
        self.field(form, "&Gender", self.gender, "gender")
        self.ethnicity = QLineEdit(record.get("ethnicity", ""))
        self.ethnicity.setAccessibleName("Ethnicity")
        self.ethnicity.setPlaceholderText("the agency's own code")
        self.field(form, "&Ethnicity", self.ethnicity, "ethnicity")
        self.ethnic_minority = yes_no_box("From a Black or minority ethnic group", record.get("ethnic_minority"))
        self.field(form, "Black or &minority ethnic", self.ethnic_minority, "ethnic_minority")
        self.sibling_group = QLineEdit(record.get("sibling_group", ""))
        self.sibling_group.setAccessibleName("Sibling group")
        self.sibling_group.setPlaceholderText("shared by brothers and sisters placed together")
        self.field(form, "&Sibling group", self.sibling_group, "sibling_group")
        self.needs = QLineEdit(", ".join(record.get("needs", [])))
        self.needs.setAccessibleName("Needs")
        self.needs.setPlaceholderText("e.g. complex_health, disability, separated by commas")
        self.field(form, "Nee&ds", self.needs, "needs")
        self.matched_household = QLineEdit(record.get("matched_household", ""))
        self.matched_household.setAccessibleName("Matched household")
        self.matched_household.setPlaceholderText("the household's ref")
        self.field(form, "Matched &household", self.matched_household, "matched_household")
        self.early_permanence = yes_no_box("Placed on an early permanence basis", record.get("early_permanence"))
        self.field(form, "Early &permanence", self.early_permanence, "early_permanence")

        milestones = self.milestones_group(
            CHILD_MILESTONES, record,
            "In the order they happen, except: a match may come before the placement order "
            "(early permanence); moving in with foster carers, a change of plan and a disruption "
            "may fall at any point after entering care (a disruption not before placement).")

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(about)
        left.addStretch(1)
        right.addWidget(milestones)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        self.finish_layout(body)
        if self.new:
            self.name.setFocus()
        self.resize(900, 200)
        self.fit_height()

    def values(self) -> dict:
        values = {
            "name": self.name.text(),
            "dob": self.dob.value(),
            "gender": self.gender.currentData(),
            "ethnicity": self.ethnicity.text(),
            "ethnic_minority": self.ethnic_minority.currentData(),
            "sibling_group": self.sibling_group.text(),
            "needs": [n.strip() for n in self.needs.text().split(",") if n.strip()],
            "matched_household": self.matched_household.text(),
            "early_permanence": self.early_permanence.currentData(),
            "milestones": {name: field.value() for name, field in self.milestones.items()},
        }
        if self.new:
            values["ref"] = self.ref.text()
        return values
