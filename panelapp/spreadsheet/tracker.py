"""An agency's own tracker, read as its mapping says: merged headings spread over the
columns they span, blank rows and unmapped columns (notes) passed over, every value
read as its field needs, each failure kept with its cell."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from ..errors import ExchangeErrors, PanelAppError
from ..exchange.schema import FORMAT_NAME, FORMAT_VERSION
from .cells import Origins, cell_name, row_name
from .fields import RECORDS, compact, exchange_path, key_of, put, steps
from .mapping import Mapping, SheetMapping
from .values import BadValue, blank, normal, read_value, shown
from .workbook import open_workbook

TRACKER_TYPES = (".xlsx", ".csv")


@dataclass
class Grid:
    """One sheet's cells as values, row by row; ``rows[0]`` is row 1."""

    title: str
    rows: list[list]

    def value(self, row: int, column: int):
        if row - 1 >= len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column - 1] if column - 1 < len(cells) else None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _xlsx_grids(path: Path) -> list[Grid]:
    book = open_workbook(path, read_only=False)
    grids = []
    try:
        for ws in book.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            # A heading merged over several columns (or rows) is every one of their headings.
            for merged in ws.merged_cells.ranges:
                first = ws.cell(row=merged.min_row, column=merged.min_col).value
                for r in range(merged.min_row, merged.max_row + 1):
                    for c in range(merged.min_col, merged.max_col + 1):
                        while len(rows) < r:
                            rows.append([])
                        while len(rows[r - 1]) < c:
                            rows[r - 1].append(None)
                        rows[r - 1][c - 1] = first
            grids.append(Grid(ws.title, rows))
    finally:
        book.close()
    return grids


def _csv_grid(path: Path) -> Grid:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    return Grid(path.stem, [list(row) for row in csv.reader(io.StringIO(text), dialect)])


def read_grids(path: str | os.PathLike) -> list[Grid]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_grids(path)
    if suffix == ".csv":
        return [_csv_grid(path)]
    given = suffix or "a file with no extension"
    raise PanelAppError(f"{path.name}: a tracker is read from .xlsx or .csv, not {given}")


def headings(grid: Grid, header_rows: tuple[int, ...]) -> list[str]:
    """Each column's heading: the words of its header rows, "Applicant 1 / Name"."""
    out = []
    for column in range(1, grid.width + 1):
        parts: list[str] = []
        for row in header_rows:
            value = grid.value(row, column)
            if not blank(value) and (not parts or parts[-1] != shown(value).strip()):
                parts.append(" ".join(shown(value).split()))
        out.append(" / ".join(parts))
    return out


def find_grid(grids: list[Grid], sheet: SheetMapping) -> Grid | None:
    if sheet.name is None:
        return grids[0] if grids else None
    for grid in grids:
        if normal(grid.title) == normal(sheet.name):
            return grid
    return None


def resolve_columns(grid: Grid, sheet: SheetMapping, origins: Origins) -> dict[str, int]:
    """Field -> column number; a heading not found, or found twice, is an error."""
    heads = [normal(h) for h in headings(grid, sheet.header_rows)]
    found: dict[str, int] = {}
    where = row_name(grid.title, sheet.header_rows[-1])
    for field_name, spec in sheet.columns.items():
        if isinstance(spec, int):
            found[field_name] = spec
            continue
        matches = [n for n, h in enumerate(heads, start=1) if h and h == normal(spec)]
        if not matches:
            origins.error(where, f"no column is headed {spec!r} (mapped to {field_name})", field_name)
        elif len(matches) > 1:
            letters = " and ".join(get_column_letter(n) for n in matches)
            origins.error(where, f"{len(matches)} columns are headed {spec!r} ({letters}); "
                                 f'map {field_name} by letter: {{ column = "{get_column_letter(matches[0])}" }}')
        else:
            found[field_name] = matches[0]
    return found


@dataclass
class ReadRow:
    """One data row as it will be read: each mapped field's cell, value and error."""

    row: int
    cells: dict[str, tuple[str, object, object, str | None]]  # field -> (cell, raw, read, error)


def read_rows(grid: Grid, sheet: SheetMapping, mapping: Mapping, columns: dict[str, int],
              limit: int | None = None) -> list[ReadRow]:
    shape = RECORDS[sheet.records]
    spellings = mapping.spellings(sheet)
    out = []
    for row in range(max(sheet.header_rows) + 1, len(grid.rows) + 1):
        raw = {name: grid.value(row, column) for name, column in columns.items()}
        if all(blank(v) for v in raw.values()):
            continue
        cells: dict[str, tuple[str, object, object, str | None]] = {}
        for name, value in raw.items():
            cell = cell_name(grid.title, columns[name], row)
            if blank(value):
                cells[name] = (cell, value, None, None)
                continue
            try:
                cells[name] = (cell, value, read_value(value, key_of(shape, steps(name)), name, spellings), None)
            except BadValue as exc:
                cells[name] = (cell, value, None, str(exc))
        if "ref" in columns and blank(raw.get("ref")):
            ref_cell = cell_name(grid.title, columns["ref"], row)
            cells["ref"] = (ref_cell, None, None, f"the row has data but no reference ({sheet.columns['ref']})")
        out.append(ReadRow(row, cells))
        if limit is not None and len(out) >= limit:
            break
    return out


def read_tracker(path: str | os.PathLike, mapping: Mapping) -> tuple[dict, Origins]:
    """The exchange document a tracker holds, and where each value came from."""
    path = Path(path)
    grids = read_grids(path)
    if path.suffix.lower() == ".csv" and len(mapping.sheets) > 1:
        raise ExchangeErrors([f"({path.name}): a CSV file is one sheet, but the mapping maps "
                              f"{len(mapping.sheets)}; use one mapping per CSV file"])
    doc: dict = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    origins = Origins()
    for sheet in mapping.sheets:
        grid = grids[0] if path.suffix.lower() == ".csv" else find_grid(grids, sheet)
        if grid is None:
            names = ", ".join(repr(g.title) for g in grids)
            origins.error(f"({path.name})", f"has no sheet named {sheet.name!r} (its sheets are {names})")
            continue
        columns = resolve_columns(grid, sheet, origins)
        records = doc.setdefault(sheet.records, [])
        for read in read_rows(grid, sheet, mapping, columns):
            index = len(records)
            record: dict = {}
            origins.note(f"{sheet.records}[{index}]", read.cells["ref"][0] if "ref" in read.cells
                         else cell_name(grid.title, 1, read.row))
            for name, (cell, _raw, value, error) in read.cells.items():
                exchange = exchange_path(sheet.records, index, steps(name))
                if error is not None:
                    origins.error(cell, error, exchange)
                elif value is not None:
                    put(record, steps(name), value)
                    origins.note(exchange, cell)
            records.append(compact(record))
    return doc, origins
