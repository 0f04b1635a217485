"""What the record forms share: date fields that may be empty, a message beside each field,
and a Save that keeps the form open, with everything typed, until the service accepts it.

The forms check nothing themselves: the service checks every field by the exchange
format's rules and names the fields it refuses (``FieldErrors``); the form shows each
message in red directly under its field.
"""

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from panelapp.errors import FieldErrors, PanelAppError
from ui.common.words import word
from ui.shell import theme

# What people type for a date, tried in turn; the store keeps ISO dates.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y")


# The service's messages name other fields by their codes ("is before stage1_end 2024-05-01");
# the form says them in words, as its labels do.
SPOKEN = {code: word(code).lower() for code in (*HOUSEHOLD_MILESTONES, *CHILD_MILESTONES)}
SPOKEN["age_min_years"] = "the youngest age"
_CODE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def spoken(message: str) -> str:
    return _CODE.sub(lambda found: SPOKEN.get(found[0], found[0]), message)


def parse_day(text: str) -> dt.date | None:
    text = " ".join(text.split())
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class DateField(QLineEdit):
    """A date typed as 2024-09-12, 12/9/2024 or 12 Sep 2024, shown back as 2024-09-12 once
    typed; empty when not known. Text that is not a date is passed on as it is, so the
    service's message says what is wrong with it."""

    def __init__(self, name: str, value: str | None = None, parent: QWidget | None = None):
        super().__init__(value or "", parent)
        self.setAccessibleName(name)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setToolTip("A date such as 2024-09-12 or 12/9/2024; leave empty when not known")
        self.setClearButtonEnabled(True)
        for button in self.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(f"Clear {name}")
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("2024-09-30") + 56)
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        day = parse_day(self.text())
        if day is not None and day.isoformat() != self.text():
            self.setText(day.isoformat())

    def value(self) -> dt.date | str | None:
        text = self.text().strip()
        if not text:
            return None
        return parse_day(text) or text


def grown_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields take the width they are given."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def choice_box(name: str, codes, current: str | None, unknown: str | None = "Not known") -> QComboBox:
    """A closed vocabulary in words; ``unknown`` (None for none) is the first entry, for no value."""
    box = QComboBox()
    box.setAccessibleName(name)
    if unknown is not None:
        box.addItem(unknown, None)
    for code in codes:
        box.addItem(word(code), code)
    index = box.findData(current) if current is not None else 0
    box.setCurrentIndex(max(index, 0))
    return box


def yes_no_box(name: str, current: bool | None) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for text, value in (("Not known", None), ("Yes", True), ("No", False)):
        box.addItem(text, value)
    box.setCurrentIndex({None: 0, True: 1, False: 2}[current])
    return box


def number_or_text(text: str):
    """A number where the text is one (``3``, ``4.5``), else the text, for the service to refuse."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


class FieldRow(QWidget):
    """A field with the place for its message directly under it."""

    def __init__(self, label: str, widget: QWidget, grow: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.label, self.widget = label, widget
        self.error = QLabel()
        self.error.setObjectName("field_error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(f"Problem with {label}")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.error.hide()
        self.messages: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if grow:
            layout.addWidget(widget)
        else:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)

    def add_message(self, message: str) -> None:
        self.messages.append(message)
        self.error.setText("\n".join(self.messages))
        self.error.setStyleSheet(f"color: {theme.colours(theme.current_is_dark())['danger']};")
        self.error.show()
        self.widget.setAccessibleDescription(" ".join(self.messages))

    def clear(self) -> None:
        self.messages = []
        self.error.clear()
        self.error.hide()
        self.widget.setAccessibleDescription("")


class RecordForm(QDialog):
    """A record's form. Subclasses build their fields with ``field`` and say ``values()`` in the
    exchange format's terms; ``save(values)`` runs the service and returns what it returned."""

    def __init__(self, title: str, save: Callable[[dict], dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.save = save
        self.saved: dict | None = None
        self.rows: dict[str, FieldRow] = {}
        self.problem = QLabel()
        self.problem.setObjectName("form_problem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Why the record was not saved")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, body) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def fit_height(self) -> None:
        """Tall enough for every field and message at the form's width; never shrinks under the user."""
        layout = self.layout()
        layout.activate()
        wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def field(self, form: QFormLayout, label: str, widget: QWidget, *names: str, grow: bool = True) -> FieldRow:
        """Add ``widget`` to ``form`` under ``label``; messages about ``names`` show beneath it."""
        row = FieldRow(label.replace("&", ""), widget, grow)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        caption = QLabel(label if label.endswith(":") else f"{label}:")
        caption.setBuddy(widget)
        form.addRow(caption, row)
        for name in names:
            self.rows[name] = row
        return row

    def ref_field(self, form: QFormLayout, record: dict) -> None:
        """The record's ref, as ``self.ref``: typed (or left for one to be made) only for a new record
        (``self.new``)."""
        self.ref = QLineEdit(record.get("ref", ""))
        self.ref.setAccessibleName("Ref")
        if self.new:
            self.ref.setPlaceholderText("left empty, one is made")
        else:
            self.ref.setReadOnly(True)
            self.ref.setToolTip("A ref cannot be changed: files and other records point at it")
        self.field(form, "Ref", self.ref, "ref")

    def milestones_group(self, codes, record: dict, note: str) -> QGroupBox:
        """A date field for each milestone, as ``self.milestones``, with ``note`` on their order beneath."""
        group = QGroupBox("Milestones")
        group.setAccessibleName("Milestones")
        form = grown_form(group)
        known = record.get("milestones", {})
        self.milestones = {}
        for name in codes:
            self.milestones[name] = DateField(word(name), known.get(name))
            self.field(form, word(name), self.milestones[name], f"milestones.{name}")
        words = QLabel(note)
        words.setObjectName("muted")
        words.setWordWrap(True)
        form.addRow(words)
        return group

    def values(self) -> dict:
        raise NotImplementedError

    # -- saving ----------------------------------------------------------------
    def submit(self) -> None:
        self.clear_errors()
        try:
            self.saved = self.save(self.values())
        except FieldErrors as exc:
            self.show_errors(exc.errors)
            return
        except PanelAppError as exc:
            self._say_problem(str(exc))
            return
        self.accept()

    def row_for(self, name: str) -> FieldRow | None:
        """The field a message is about, or the nearest that holds it (``applicants[1].dob`` ->
        ``applicants[1]`` -> ``applicants``)."""
        while name:
            if name in self.rows:
                return self.rows[name]
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", name)
            if shorter == name:
                break
            name = shorter
        return None

    def show_errors(self, errors: dict[str, str]) -> None:
        elsewhere = []
        for name, message in errors.items():
            row = self.row_for(name)
            if row is None:
                elsewhere.append(f"{name}: {spoken(message)}")
            else:
                row.add_message(spoken(message))
        if elsewhere:
            self._say_problem("\n".join(elsewhere))
        else:
            self._say_problem(f"Not saved: {len(errors)} thing{'s' if len(errors) != 1 else ''} to put right, "
                              "shown in red.")
        self.fit_height()
        first = next((row for row in self.rows.values() if row.messages), None)  # in the form's order
        if first is not None:
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setStyleSheet(f"color: {theme.colours(theme.current_is_dark())['danger']};")
        self.problem.show()

    def clear_errors(self) -> None:
        for row in dict.fromkeys(self.rows.values()):
            row.clear()
        self.problem.hide()
        self.problem.clear()

    def messages(self) -> dict[str, str]:
        """The messages shown, by field label: what a person reading the form sees."""
        return {row.label: row.error.text() for row in dict.fromkeys(self.rows.values()) if row.messages}
