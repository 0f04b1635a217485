"""The whole store as an Excel workbook, written from an exchange document and read
back into one, so that a workbook import gets every rule of the JSON import."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import ExchangeErrors, PanelAppError
from ..exchange.schema import FORMAT_NAME, FORMAT_VERSION
from ..reports.output import write_atomically
from .cells import Origins, cell_name, quoted
from .fields import get, key_at, key_of, put, steps
from .layout import AGENCY, DECISIONS, DISSENT, ITEMS, MEETINGS, SHEETS, Sheet
from .values import BadValue, blank, normal, read_value

DATE_FORMAT = "DD/MM/YYYY"
TIME_FORMAT = "HH:MM"


# -- writing --------------------------------------------------------------------------------

def _rows(doc: dict, sheet: Sheet) -> list[tuple[str | None, dict]]:
    """(parent ref, record) for each row of ``sheet``."""
    if sheet is AGENCY:
        return [(None, doc["agency"])] if doc.get("agency") else []
    if sheet.parent is None:
        key = {"Members": "members", "Households": "households", "Children": "children",
               "Meetings": "meetings"}[sheet.name]
        return [(None, record) for record in doc.get(key, [])]
    rows: list[tuple[str | None, dict]] = []
    for meeting in doc.get("meetings", []):
        if sheet.parent == "Meeting":
            listed = {"Attendance": "attendance", "Declarations": "declarations", "Items": "items"}[sheet.name]
            rows += [(meeting["ref"], record) for record in meeting.get(listed, [])]
            continue
        for item in meeting.get("items", []):
            if sheet is DISSENT:
                rows += [(item["ref"], record) for record in item.get("dissent", [])]
            elif sheet is DECISIONS and item.get("adm"):
                rows.append((item["ref"], item["adm"]))
    return rows


def _cell_value(value, kind: str):
    if value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "time":
        return dt.time.fromisoformat(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def workbook_of(doc: dict) -> Workbook:
    """The document as a workbook: a sheet per kind of record, a row per record."""
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name)
        headers = ([sheet.parent] if sheet.parent else []) + [header for header, _ in sheet.columns]
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        kinds = [key_at(sheet.shape, steps(path)).kind for _, path in sheet.columns]  # type: ignore[union-attr]
        for parent, record in _rows(doc, sheet):
            values = [_cell_value(get(record, steps(path)), kind)
                      for (_, path), kind in zip(sheet.columns, kinds, strict=True)]
            ws.append(([parent] if sheet.parent else []) + values)
        offset = 1 if sheet.parent else 0
        for column, kind in enumerate(kinds, start=1 + offset):
            for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
                if kind == "date":
                    cell.number_format = DATE_FORMAT
                elif kind == "time":
                    cell.number_format = TIME_FORMAT
                elif isinstance(cell.value, str):
                    # Text that starts with "=" stays text: a reason is never run as a formula.
                    cell.data_type = "s"
                    if "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column, header in enumerate(headers, start=1):
            letter = ws.cell(row=1, column=column).column_letter
            ws.column_dimensions[letter].width = max(10, min(40, len(header) + 2))
    return book


def write_workbook(doc: dict, path: str | os.PathLike) -> Path:
    """Write the workbook beside ``path`` and rename it into place: never half a file."""
    buffer = io.BytesIO()
    workbook_of(doc).save(buffer)
    return write_atomically(path, buffer.getvalue())


# -- reading --------------------------------------------------------------------------------

def open_workbook(path: str | os.PathLike, read_only: bool = True):
    try:
        return load_workbook(path, read_only=read_only, data_only=True)
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise ExchangeErrors([f"(document): {Path(path).name} is not an Excel workbook (.xlsx)"]) from None


def read_workbook(path: str | os.PathLike) -> tuple[dict, Origins]:
    """The exchange document a PanelApp workbook holds, and where each value came from.
    Values that cannot be read are left out and each is an error in ``origins``."""
    book = open_workbook(path)
    try:
        return document_of(book)
    finally:
        book.close()


class _Reader:
    def __init__(self) -> None:
        self.doc: dict = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
        self.origins = Origins()
        self.meetings: dict[str, int] = {}
        self.items: dict[str, tuple[int, int]] = {}

    def target(self, sheet: Sheet, parent, parent_cell: str) -> tuple[list | None, str]:
        """The list a row of ``sheet`` joins, and that list's exchange path."""
        if sheet.parent is None:
            key = sheet.name.lower()
            return self.doc.setdefault(key, []), key
        ref = "" if blank(parent) else str(parent).strip()
        if sheet.parent == "Meeting":
            if ref not in self.meetings:
                self.origins.error(parent_cell, f"no meeting on the Meetings sheet has ref {ref!r}"
                                   if ref else "the meeting's ref is missing")
                return None, ""
            m = self.meetings[ref]
            key = sheet.name.lower()
            return self.doc["meetings"][m].setdefault(key, []), f"meetings[{m}].{key}"
        if ref not in self.items:
            self.origins.error(parent_cell, f"no item on the Items sheet has ref {ref!r}"
                               if ref else "the item's ref is missing")
            return None, ""
        m, i = self.items[ref]
        item = self.doc["meetings"][m]["items"][i]
        if sheet is DISSENT:
            return item.setdefault("dissent", []), f"meetings[{m}].items[{i}].dissent"
        if "adm" in item:
            self.origins.error(parent_cell, f"the item {ref!r} has a decision on an earlier row already")
            return None, ""
        holder: list = []
        item["adm"] = holder  # replaced by the record below
        return holder, f"meetings[{m}].items[{i}].adm"

    def sheet(self, ws, sheet: Sheet) -> None:
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None) or ()
        wanted = {normal(h): path for h, path in sheet.columns}
        if sheet.parent:
            wanted[normal(sheet.parent)] = "(parent)"
        columns: list[str | None] = []
        for number, title in enumerate(header, start=1):
            if blank(title):
                columns.append(None)
                continue
            path = wanted.get(normal(str(title)))
            if path is None:
                self.origins.error(cell_name(ws.title, number, 1),
                                   f"{str(title)!r} is not a column of the {sheet.name} sheet "
                                   "(a typo? nothing was imported)")
            columns.append(path)
        for row_number, row in enumerate(rows, start=2):
            if all(blank(v) for v in row):
                continue
            self.row(ws.title, sheet, columns, row, row_number)

    def row(self, title: str, sheet: Sheet, columns: list, row: tuple, row_number: int) -> None:
        cells = dict(zip(columns, enumerate(row, start=1), strict=False))
        parent_at = cells.get("(parent)", (1, None))
        record: dict = {}
        if sheet is AGENCY:
            if "agency" in self.doc:
                self.origins.error(cell_name(title, 1, row_number), "the Agency sheet holds one row only")
                return
            target, base = None, "agency"
        else:
            target, base = self.target(sheet, parent_at[1], cell_name(title, parent_at[0], row_number))
            if target is None:
                return
            base = f"{base}[{len(target)}]" if sheet is not DECISIONS else base
        # The record is found at its Ref cell, wherever that column is; else at its first cell.
        ref_column = cells.get("ref", (1 + (1 if sheet.parent else 0), None))[0]
        self.origins.note(base, cell_name(title, ref_column, row_number))
        for path, (column, value) in cells.items():
            if path in (None, "(parent)") or blank(value):
                continue
            where = cell_name(title, column, row_number)
            field = steps(path)
            exchange = f"{base}.{path}"
            try:
                put(record, field, read_value(value, key_of(sheet.shape, field), path))
            except BadValue as exc:
                self.origins.error(where, str(exc), exchange)
                continue
            self.origins.note(exchange, where)
        if sheet is AGENCY:
            self.doc["agency"] = record
        elif sheet is DECISIONS:
            m, i = self.items[str(parent_at[1]).strip()]
            self.doc["meetings"][m]["items"][i]["adm"] = record
        else:
            assert target is not None
            target.append(record)
            if sheet is MEETINGS and record.get("ref"):
                self.meetings.setdefault(record["ref"], len(target) - 1)
            if sheet is ITEMS and record.get("ref"):
                self.items.setdefault(record["ref"], (self.meetings[str(parent_at[1]).strip()],
                                                      len(target) - 1))


def document_of(book) -> tuple[dict, Origins]:
    reader = _Reader()
    known = {normal(sheet.name): sheet for sheet in SHEETS}
    present = {}
    for ws in book.worksheets:
        sheet = known.get(normal(ws.title))
        if sheet is None:
            reader.origins.error(f"{quoted(ws.title)}!A1", "is not a sheet of a PanelApp workbook "
                                 f"(the sheets are {', '.join(s.name for s in SHEETS)})")
        else:
            present[sheet.name] = ws
    # Meetings before the sheets that name them, items before dissent and decisions.
    for sheet in SHEETS:
        if sheet.name in present:
            reader.sheet(present[sheet.name], sheet)
    return reader.doc, reader.origins
