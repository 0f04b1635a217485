"""The fields the takeaway dialogs share: a passphrase typed twice with a hint of its strength,
and a file or folder typed or chosen with Browse."""

import math
import string
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from panelapp.takeaway.sealed import MIN_PASSPHRASE

# Rough bits of guessing work; a hint for the person choosing, not a rule.
STRONG_BITS, FAIR_BITS = 64, 50


def strength(passphrase: str) -> tuple[str, bool]:
    """A hint in words, and whether the passphrase is long enough to be used at all."""
    if not passphrase:
        return f"At least {MIN_PASSPHRASE} characters; a few unrelated words are easy to type and hard to guess.", False
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Too short: {len(passphrase)} of at least {MIN_PASSPHRASE} characters.", False
    words = passphrase.split()
    bits: float
    if all(w.isalpha() for w in words):
        # Words of a language: a guesser tries whole words (about 13 bits each from a large list).
        bits = 13 * len(words) if len(words) > 1 else len(passphrase) * 2
    else:
        pool = sum(size for chars, size in ((string.ascii_lowercase, 26), (string.ascii_uppercase, 26),
                                            (string.digits, 10), (string.punctuation + " ", 33))
                   if any(c in chars for c in passphrase))
        pool += 100 if any(ord(c) > 127 for c in passphrase) else 0
        # Three quarters: people choose patterns (a capital first, digits for letters), not random characters.
        bits = min(len(passphrase), len(set(passphrase)) * 2) * math.log2(max(pool, 2)) * 0.75
    if bits >= STRONG_BITS:
        return "Strong.", True
    if bits >= FAIR_BITS:
        return "Fair: another word or two would make it strong.", True
    return "Weak: add a few more unrelated words.", True


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class Passphrase:
    """The passphrase rows of a form: once (opening a file) or twice (sealing one)."""

    def __init__(self, form: QFormLayout, *, twice: bool):
        self.first = password_field("Passphrase")
        form.addRow("&Passphrase:", self.first)
        self.again: QLineEdit | None = None
        self.hint: QLabel | None = None
        if twice:
            self.again = password_field("Passphrase again")
            form.addRow("Passphrase &again:", self.again)
            self.hint = QLabel()
            self.hint.setWordWrap(True)
            self.hint.setAccessibleName("How strong the passphrase is")
            form.addRow("", self.hint)
            self.first.textChanged.connect(self._hint)
            self._hint("")

    def _hint(self, text: str) -> None:
        assert self.hint is not None
        self.hint.setText(strength(text)[0])

    def value(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        text = self.first.text()
        if self.again is None:
            return None if text else "Type the passphrase the file was sealed with."
        if not strength(text)[1]:
            return f"The passphrase must have at least {MIN_PASSPHRASE} characters."
        if text != self.again.text():
            return "The two passphrases differ: type the same one twice."
        return None


class PathField(QWidget):
    """A path typed or chosen: ``mode`` is "save", "open" or "folder"."""

    def __init__(self, name: str, mode: str, caption: str, filters: str = "", browse: str = "Bro&wse…",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.mode, self.caption, self.filters = mode, caption, filters
        self.line = QLineEdit()
        self.line.setAccessibleName(name)
        self.button = QPushButton(browse)
        self.button.setAccessibleName(f"Choose {name.lower()}")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.line)

    def browse(self) -> None:
        start = self.line.text()
        if self.mode == "save":
            path, _ = QFileDialog.getSaveFileName(self, self.caption, start, self.filters)
        elif self.mode == "open":
            path, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.filters)
        else:
            path = QFileDialog.getExistingDirectory(self, self.caption, start)
        if path:
            self.line.setText(path)

    def text(self) -> str:
        return self.line.text().strip()

    def set(self, path: str | Path) -> None:
        self.line.setText(str(path))
