"""Where a value came from in a spreadsheet, so that every error names its cell.

A reader records, for each exchange path it fills (``households[2].milestones.approved``),
the cell it read (``Households!F4``). An error from the exchange validator is then
put back where the user can find it: ``Households!F4: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LAST_STEP = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")
_RECORD = re.compile(r"^(?:meetings\[\d+\]\.items|[a-z_]+)\[\d+\]\.?")
_PATH_IN_WORDS = re.compile(r"\b(?:members|households|children|meetings)\[\d+\](?:\.[a-z_]+|\[\d+\])*")


def cell_name(sheet: str, column: int, row: int) -> str:
    """``Households!F12``; a sheet name with spaces or marks is quoted as Excel quotes it."""
    return f"{quoted(sheet)}!{get_column_letter(column)}{row}"


def row_name(sheet: str, row: int) -> str:
    return f"{quoted(sheet)}!{row}:{row}"


def quoted(sheet: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def uk_dates(message: str) -> str:
    """The validator speaks ISO dates; a spreadsheet user reads 31/03/2025."""
    return _ISO_DATE.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", message)


@dataclass
class Origins:
    """Exchange path -> the cell it was read from, and the errors found while reading."""

    cells: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    _bad: set[str] = field(default_factory=set)

    def note(self, path: str, cell: str) -> None:
        """``path`` was read from ``cell``; the objects around it are found there too,
        unless an earlier cell claimed them."""
        self.cells[path] = cell
        while (shorter := _LAST_STEP.sub("", path)) != path and shorter:
            self.cells.setdefault(shorter, cell)
            path = shorter

    def error(self, cell: str, message: str, path: str | None = None) -> None:
        self.errors.append(f"{cell}: {message}")
        if path is not None:
            self._bad.add(path)

    def where(self, path: str) -> tuple[str | None, str]:
        """The cell of ``path``, or of the nearest object holding it, and the part of
        the path that cell does not already say."""
        rest: list[str] = []
        while path:
            if path in self.cells:
                return self.cells[path], ".".join(reversed(rest))
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                break
            rest.append(path[len(shorter):].lstrip("."))
            path = shorter
        return None, ".".join(reversed(rest))

    def locate(self, errors: list[str], fallback: str) -> list[str]:
        """Exchange errors (``PATH: message``) as ``SHEET!CELL: message``. An error on a
        value already refused while reading is left out: it was said once."""
        out = []
        for line in errors:
            path, _, message = line.partition(": ")
            if any(path == bad or path.startswith(bad + ".") or path.startswith(bad + "[")
                   for bad in self._bad):
                continue
            cell, rest = self.where(path)
            words = uk_dates(_PATH_IN_WORDS.sub(lambda m: self.where(m[0])[0] or m[0], message))
            if rest:
                # Name the field the cell does not: "withdrawal reason is required".
                field_words = _RECORD.sub("", path).replace(".", " ").replace("_", " ")
                words = f"{field_words} {words}" if words.startswith("is ") else f"{field_words}: {words}"
            out.append(f"{cell or fallback}: {words}")
        return out
