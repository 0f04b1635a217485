"""The agency settings that letters and case documents print: the protective marking, the
agency's address and contacts, and the Independent Review Mechanism's details."""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from panelapp.services.agency import SETTINGS

LINES = ("address", "irm_contact")
FIELDS = (("protective_marking", "Protective &marking:", "Printed top and bottom of every case document"),
          ("address", "&Address:", "The agency's postal address, one line a row, printed on its letters"),
          ("telephone", "&Telephone:", "The number applicants are given to call"),
          ("email", "&E-mail:", "The address applicants are given to write to"),
          ("irm_contact", "&IRM contact:", ("The Independent Review Mechanism's current contact details, "
                                            "given with every qualifying determination")))


class LetterSettings(QGroupBox):
    """A group of the settings dialog; ``values()`` gives them as the service takes them."""

    def __init__(self, current: dict, parent: QWidget | None = None):
        super().__init__("Letters and case documents", parent)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        for key, label, tip in FIELDS:
            value = current.get(key) or ""
            edit: QLineEdit | QPlainTextEdit
            if key in LINES:
                edit = QPlainTextEdit(value)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            else:
                edit = QLineEdit(value)
            edit.setAccessibleName(SETTINGS[key][1].capitalize())
            edit.setToolTip(tip)
            self.edits[key] = edit
            form.addRow(label, edit)

    def values(self) -> dict:
        """Each setting's text; an empty one is None (the marking then goes back to its default)."""
        out = {}
        for key, edit in self.edits.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            out[key] = text.strip() or None
        return out
