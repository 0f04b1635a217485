"""The form for a household: its applicants, route, milestones, approval and withdrawal."""

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from panelapp.enums import HOUSEHOLD_MILESTONES, RELATIONSHIPS, ROUTES, WITHDRAWAL_STAGES, WITHDRAWN_BY
from ui.records.forms import DateField, RecordForm, choice_box, grown_form

FIRST, SECOND = "First applicant", "Second applicant"


class HouseholdForm(RecordForm):
    """``record``: the household in the exchange format's terms, or None for a new one."""

    def __init__(self, record: dict | None, save: Callable[[dict], dict], parent: QWidget | None = None):
        record = record or {}
        title = f"Household {record['ref']}" if record else "New household"
        super().__init__(title, save, parent)
        self.new = not record

        household = QGroupBox("Household")
        household.setAccessibleName("Household")
        form = grown_form(household)
        self.ref_field(form, record)
        self.relationship = choice_box("Relationship", RELATIONSHIPS, record.get("relationship"))
        self.field(form, "Re&lationship", self.relationship, "relationship")
        self.route = choice_box("Route", ROUTES, record.get("route", "standard"), unknown=None)
        self.field(form, "Ro&ute", self.route, "route")

        applicants = record.get("applicants", [])
        self.applicant_groups = []
        self.applicant_fields = []
        for number, title in enumerate((FIRST, SECOND)):
            given = applicants[number] if number < len(applicants) else {}
            group = QGroupBox(title)
            group.setAccessibleName(title)
            if number == 1:
                group.setCheckable(True)
                group.setChecked(bool(given))
                group.setToolTip("Tick for a couple; untick for a single applicant")
            form = grown_form(group)
            name = QLineEdit(given.get("name", ""))
            dob = DateField(f"{title}: date of birth", given.get("dob"))
            gender = QLineEdit(given.get("gender", ""))
            ethnicity = QLineEdit(given.get("ethnicity", ""))
            for widget, label, key in ((name, "&Name" if number == 0 else "Na&me", "name"),
                                       (dob, "Born", "dob"), (gender, "Gender", "gender"),
                                       (ethnicity, "Ethnicity", "ethnicity")):
                if not widget.accessibleName():
                    widget.setAccessibleName(f"{title}: {label.replace('&', '').lower()}")
                self.field(form, label, widget, f"applicants[{number}].{key}")
            self.rows[f"applicants[{number}]"] = self.rows[f"applicants[{number}].name"]
            self.applicant_groups.append(group)
            self.applicant_fields.append((name, dob, gender, ethnicity))

        milestones = self.milestones_group(
            HOUSEHOLD_MILESTONES, record,
            "Each milestone on or after the one above it; leave empty when not known.")

        approval = record.get("approval")
        self.approval = QGroupBox("Approved for")
        self.approval.setAccessibleName("Approved for: the terms of the approval")
        self.approval.setCheckable(True)
        self.approval.setChecked(approval is not None)
        approval = approval or {"children_max": 1, "age_min_years": 0, "age_max_years": 4,
                                "early_permanence": False}
        form = grown_form(self.approval)
        self.children_max = QSpinBox()
        self.children_max.setRange(1, 9)
        self.children_max.setMinimumWidth(self.children_max.fontMetrics().horizontalAdvance("9") + 44)
        self.children_max.setValue(approval["children_max"])
        self.children_max.setAccessibleName("Most children")
        self.field(form, "Most &children", self.children_max, "approval.children_max", grow=False)
        ages = QWidget()
        row = QHBoxLayout(ages)
        row.setContentsMargins(0, 0, 0, 0)
        self.age_min = QSpinBox()
        self.age_max = QSpinBox()
        for box, value, name in ((self.age_min, approval["age_min_years"], "Youngest age, in years"),
                                 (self.age_max, approval["age_max_years"], "Oldest age, in years")):
            box.setRange(0, 18)
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("18") + 44)
            box.setValue(value)
            box.setAccessibleName(name)
        to = QLabel("to")
        row.addWidget(self.age_min)
        row.addWidget(to)
        row.addWidget(self.age_max)
        row.addWidget(QLabel("years"))
        row.addStretch(1)
        self.field(form, "A&ged", ages, "approval.age_min_years", "approval.age_max_years")
        ages.setAccessibleName("Ages")
        self.rows["approval"] = self.rows["approval.children_max"]
        self.early_permanence = QCheckBox("Early permanence (fostering for adoption)")
        self.early_permanence.setAccessibleName("Approved for early permanence")
        self.early_permanence.setChecked(bool(approval["early_permanence"]))
        self.field(form, "Also", self.early_permanence, "approval.early_permanence")

        withdrawal = record.get("withdrawal")
        self.withdrawal = QGroupBox("Withdrawn")
        self.withdrawal.setAccessibleName("Withdrawn: how the household left the process")
        self.withdrawal.setCheckable(True)
        self.withdrawal.setChecked(withdrawal is not None)
        withdrawal = withdrawal or {}
        form = grown_form(self.withdrawal)
        self.withdrawal_date = DateField("Date of withdrawal", withdrawal.get("date"))
        self.field(form, "Date", self.withdrawal_date, "withdrawal.date", "withdrawal")
        self.withdrawn_by = choice_box("Withdrawn by", WITHDRAWN_BY, withdrawal.get("by"), unknown="Choose…")
        self.field(form, "&By", self.withdrawn_by, "withdrawal.by")
        self.withdrawal_stage = choice_box("Stage at withdrawal", WITHDRAWAL_STAGES, withdrawal.get("stage"),
                                           unknown="Choose…")
        self.field(form, "At &stage", self.withdrawal_stage, "withdrawal.stage")
        self.withdrawal_reason = QLineEdit(withdrawal.get("reason", ""))
        self.withdrawal_reason.setAccessibleName("Reason for withdrawal")
        self.field(form, "&Reason", self.withdrawal_reason, "withdrawal.reason")

        first, second, third = QVBoxLayout(), QVBoxLayout(), QVBoxLayout()
        first.addWidget(household)
        for group in self.applicant_groups:
            first.addWidget(group)
        first.addStretch(1)
        second.addWidget(milestones)
        second.addStretch(1)
        third.addWidget(self.approval)
        third.addWidget(self.withdrawal)
        third.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(first, 4)
        body.addLayout(second, 4)
        body.addLayout(third, 4)
        self.finish_layout(body)
        if self.new:  # a ref is made when none is given: the applicant's name comes first
            self.applicant_fields[0][0].setFocus()
        self.resize(1080, 200)
        self.fit_height()

    def values(self) -> dict:
        applicants = []
        for number, (name, dob, gender, ethnicity) in enumerate(self.applicant_fields):
            if number == 1 and not self.applicant_groups[1].isChecked():
                continue
            applicants.append({"name": name.text(), "dob": dob.value(), "gender": gender.text(),
                               "ethnicity": ethnicity.text()})
        values = {
            "applicants": applicants,
            "relationship": self.relationship.currentData(),
            "route": self.route.currentData(),
            "milestones": {name: field.value() for name, field in self.milestones.items()},
            "approval": {"children_max": self.children_max.value(), "age_min_years": self.age_min.value(),
                         "age_max_years": self.age_max.value(),
                         "early_permanence": self.early_permanence.isChecked()}
            if self.approval.isChecked() else None,
            "withdrawal": {"date": self.withdrawal_date.value(), "by": self.withdrawn_by.currentData(),
                           "stage": self.withdrawal_stage.currentData(), "reason": self.withdrawal_reason.text()}
            if self.withdrawal.isChecked() else None,
        }
        if self.new:
            values["ref"] = self.ref.text()
        return values
