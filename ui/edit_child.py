"""The form for a child: who they are, their needs and match, and their journey's milestones."""

from typing import Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from panelapp.enums import CHILD_MILESTONES, GENDERS

from .record_forms import DateField, RecordForm, choice_box, yes_no_box
from .words import word


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class ChildForm(RecordForm):
    """``record``: the child in the exchange format's terms, or None for a new one."""

    def __init__(self, record: dict | None, save: Callable[[dict], dict], parent: QWidget | None = None):
        record = record or {}
        super().__init__(f"{record['name']} ({record['ref']})" if record else "New child", save, parent)
        self.new = not record

        about = QGroupBox("Child")
        about.setAccessibleName("Child")
        form = _form(about)
        self.ref = QLineEdit(record.get("ref", ""))
        self.ref.setAccessibleName("Ref")
        if self.new:
            self.ref.setPlaceholderText("left empty, one is made")
        else:
            self.ref.setReadOnly(True)
            self.ref.setToolTip("A ref cannot be changed: files and other records point at it")
        self.field(form, "Ref", self.ref, "ref")
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

        milestones = QGroupBox("Milestones")
        milestones.setAccessibleName("Milestones")
        form = _form(milestones)
        known = record.get("milestones", {})
        self.milestones = {}
        for name in CHILD_MILESTONES:
            self.milestones[name] = DateField(word(name), known.get(name))
            self.field(form, word(name), self.milestones[name], f"milestones.{name}")
        note = QLabel("In the order they happen, except: a match may come before the placement order "
                      "(early permanence); moving in with foster carers, a change of plan and a disruption "
                      "may fall at any point after entering care (a disruption not before placement).")
        note.setObjectName("muted")
        note.setWordWrap(True)
        form.addRow(note)

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
