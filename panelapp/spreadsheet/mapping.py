"""The mapping file: which sheet of a tracker holds which records, which column holds
which field, and how the tracker spells its values. TOML, read with tomllib and
written by the small writer below (docs/spreadsheets.md describes it)."""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import column_index_from_string, get_column_letter

from ..errors import ExchangeErrors, PanelAppError
from .fields import RECORDS, key_at, steps
from .values import NO, YES, Spellings, normal

SCALARS = ("str", "date", "time", "int", "number", "bool", "choice")


@dataclass
class SheetMapping:
    records: str                                   # members, households or children
    name: str | None = None                        # the worksheet; None: the first (and a .csv file's only)
    header_rows: tuple[int, ...] = (1,)
    columns: dict[str, str | int] = field(default_factory=dict)  # field -> header words, or column number
    values: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # field -> code -> spellings


@dataclass
class Mapping:
    sheets: list[SheetMapping]
    yes: tuple[str, ...] = YES
    no: tuple[str, ...] = NO

    def spellings(self, sheet: SheetMapping) -> Spellings:
        choices = {name: {normal(spelt): code for code, spelt_all in codes.items() for spelt in spelt_all}
                   for name, codes in sheet.values.items()}
        return Spellings(choices=choices, yes=self.yes, no=self.no)


def field_problem(records: str, name: str) -> str | None:
    """Why ``name`` cannot be a column's field for ``records``, or None."""
    shape = RECORDS.get(records)
    if shape is None:
        return f"records must be one of: {', '.join(RECORDS)}"
    try:
        key = key_at(shape, steps(name))
    except ValueError:
        key = None
    if key is None:
        return f"{name!r} is not a field of {records} (see docs/spreadsheets.md)"
    if key.kind not in SCALARS and not (key.kind == "list" and key.item is not None):
        return f"{name!r} is a group of fields; map each of its fields instead"
    return None


def _strings(value, where: str, problems: list[str]) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    problems.append(f"{where}: should be a string or a list of strings")
    return []


def parse_mapping(data: dict, name: str = "mapping") -> Mapping:
    problems: list[str] = []
    sheets = []
    for n, raw in enumerate(data.get("sheet", []), start=1):
        where = f"{name}: sheet {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: should be a table")
            continue
        unknown = set(raw) - {"name", "records", "header_rows", "columns", "values"}
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        records = raw.get("records")
        if records not in RECORDS:
            problems.append(f"{where}: records must be one of: {', '.join(RECORDS)}")
            continue
        rows = raw.get("header_rows", [1])
        rows = [rows] if isinstance(rows, int) else rows
        if not (isinstance(rows, list) and rows and all(isinstance(r, int) and r >= 1 for r in rows)):
            problems.append(f"{where}: header_rows should be a row number or a list of them")
            rows = [1]
        columns: dict[str, str | int] = {}
        for field_name, spec in (raw.get("columns") or {}).items():
            problem = field_problem(records, field_name)
            if problem:
                problems.append(f"{where}: {problem}")
            elif isinstance(spec, str):
                columns[field_name] = spec
            elif isinstance(spec, dict) and isinstance(spec.get("column"), str) \
                    and re.fullmatch(r"[A-Za-z]{1,3}", spec["column"]):
                columns[field_name] = column_index_from_string(spec["column"].upper())
            else:
                problems.append(f"{where}: column of {field_name!r} should be its heading, "
                                'or { column = "F" }')
        if "ref" not in columns:
            problems.append(f"{where}: map the column holding each record's reference: ref = \"...\"")
        values: dict[str, dict[str, list[str]]] = {}
        for field_name, codes in (raw.get("values") or {}).items():
            if not isinstance(codes, dict):
                problems.append(f"{where}: values.{field_name} should be a table of code = [spellings]")
                continue
            values[field_name] = {code: _strings(spelt, f"{where}: values.{field_name}.{code}", problems)
                                  for code, spelt in codes.items()}
        sheet_name = raw.get("name")
        if sheet_name is not None and not isinstance(sheet_name, str):
            problems.append(f"{where}: name should be the worksheet's name")
            sheet_name = None
        sheets.append(SheetMapping(records=records, name=sheet_name, header_rows=tuple(rows),
                                   columns=columns, values=values))
    if not sheets and not problems:
        problems.append(f"{name}: no [[sheet]] is mapped")
    yes = tuple(_strings(data.get("yes", list(YES)), f"{name}: yes", problems))
    no = tuple(_strings(data.get("no", list(NO)), f"{name}: no", problems))
    if problems:
        raise ExchangeErrors(problems)
    return Mapping(sheets=sheets, yes=yes, no=no)


def load_mapping(path: str | os.PathLike) -> Mapping:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PanelAppError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ExchangeErrors([f"{path.name}: not a TOML file: {exc}"]) from None
    return parse_mapping(data, path.name)


# -- writing -----------------------------------------------------------------------------------

def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _text(name)


def _list(values) -> str:
    return "[" + ", ".join(_text(v) if isinstance(v, str) else str(v) for v in values) + "]"


def dump_mapping(mapping: Mapping) -> str:
    lines = ["# A PanelApp tracker mapping: which sheet holds which records, which column holds",
             "# which field, and how the tracker spells its values (docs/spreadsheets.md).", "",
             f"yes = {_list(mapping.yes)}", f"no = {_list(mapping.no)}"]
    for sheet in mapping.sheets:
        lines += ["", "[[sheet]]"]
        if sheet.name is not None:
            lines.append(f"name = {_text(sheet.name)}")
        lines += [f"records = {_text(sheet.records)}", f"header_rows = {_list(sheet.header_rows)}",
                  "", "[sheet.columns]"]
        for name, spec in sheet.columns.items():
            shown = _text(spec) if isinstance(spec, str) else f'{{ column = "{get_column_letter(spec)}" }}'
            lines.append(f"{_key(name)} = {shown}")
        for name, codes in sheet.values.items():
            lines += ["", f"[sheet.values.{_key(name)}]"]
            lines += [f"{_key(code)} = {_list(spelt)}" for code, spelt in codes.items()]
    return "\n".join(lines) + "\n"


def save_mapping(mapping: Mapping, path: str | os.PathLike) -> Path:
    from ..reports.output import write_atomically
    return write_atomically(path, dump_mapping(mapping).encode("utf-8"))
