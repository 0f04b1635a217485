"""The statistics as an Excel workbook: a sheet per section, three periods side by side."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from ..errors import PanelAppError
from .coverage import NO_RECORDS, Coverage
from .layout import SECTIONS, attendance_table, lookup, rows_of
from .periods import dates_in_words, period, period_label

# Row 1 names the agency and the period; row 2 heads the columns; the figures follow.
TITLE_ROW, HEAD_ROW = 1, 2
PERCENT_FORMAT = "0.0%"


def export_xlsx(result: dict, path, *, agency: str | None = None, coverage: Coverage | None = None) -> Path:
    """Write ``result`` (from ``compute_statistics``) to ``path`` as .xlsx: sheets
    Panel, ADM, Adopters, Children, Scorecard and Attendance. Each sheet's first row
    names ``agency`` and the period, the second heads the columns by year ("2024-25"),
    then each figure is a row with its words, its key, and one column per period;
    percentages are stored as fractions shown as percentages. A period before the
    store's records for a section begin (``coverage``, when given) shows "no records".
    Written beside the target and renamed into place, so a failure never leaves half a file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise PanelAppError(f"{path}: the folder {folder} does not exist")
    if path.suffix.lower() != ".xlsx":
        raise PanelAppError(f"{path}: an Excel workbook is written only to a file ending .xlsx")
    # openpyxl loads only when a workbook is written, keeping every other command quick to start.
    from openpyxl import Workbook
    workbook = Workbook()
    workbook.remove(workbook.active)
    periods = [result, *result.get("previous", [])]
    labels = [_label(figures) for figures in periods]
    coverage = coverage or Coverage.everything()
    title = _title(result, agency)
    workbook.properties.title = title
    # The file names the agency, never a person: the creator is the program.
    workbook.properties.creator = "PanelApp"
    workbook.properties.subject = f"Panel statistics {labels[0]}" + (f", {agency}" if agency else "")
    for section, heading, rows in SECTIONS:
        covered = [coverage.covers(section, figures) for figures in periods]
        sheet = workbook.create_sheet(heading)
        sheet.append([title])
        sheet.append(["Figure", "Key", *labels])
        for key, words in rows_of(rows, periods):
            sheet.append([words, key, *[_value(key, lookup(figures, key)) if seen else NO_RECORDS
                                        for figures, seen in zip(periods, covered)]])
            if key.endswith(".percent"):
                for cell in sheet[sheet.max_row][2:]:
                    cell.number_format = PERCENT_FORMAT
        _finish(sheet, widths=[52, 44] + [14] * len(periods))
    _attendance_sheet(workbook.create_sheet("Attendance"), result, title, labels,
                      [coverage.covers("panel", figures) for figures in periods])
    _save_atomically(workbook, path)
    return path


def _label(figures: dict) -> str:
    return period_label(period(figures["period"]["from"], figures["period"]["to"]))


def _title(result: dict, agency: str | None) -> str:
    span = period(result["period"]["from"], result["period"]["to"])
    words = f"Panel statistics {period_label(span)} ({dates_in_words(span)}), with the same period one and " \
            "two years earlier"
    return f"{agency}: {words}" if agency else words


def _value(key: str, value):
    """A percentage as the fraction Excel formats as one (27.6 is 0.276, shown 27.6%)."""
    if key.endswith(".percent") and value is not None:
        return float(Decimal(str(value)) / 100)
    return value


def _attendance_sheet(sheet, result: dict, title: str, labels: list[str], covered: list[bool]) -> None:
    _, rows = attendance_table(result)
    sheet.append([title])
    sheet.append(["Member", *[h for label in labels for h in (label, None)]])
    sheet.append([None, *["present", "expected"] * len(labels)])
    for n in range(len(labels)):
        column = 2 + 2 * n
        sheet.merge_cells(start_row=HEAD_ROW, start_column=column, end_row=HEAD_ROW, end_column=column + 1)
    for member, *counts in rows:
        cells: list = []
        for n, seen in enumerate(covered):
            cells += counts[2 * n:2 * n + 2] if seen else [NO_RECORDS, None]
        sheet.append([member, *cells])
    _finish(sheet, widths=[12] + [14] * (2 * len(labels)), header_rows=3)


def _finish(sheet, widths: list[int], header_rows: int = HEAD_ROW) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    for row in sheet.iter_rows(min_row=1, max_row=header_rows):
        for cell in row:
            cell.font = Font(bold=True)
            if cell.row > TITLE_ROW:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = sheet.cell(row=header_rows + 1, column=2)


def _save_atomically(workbook, path: Path) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
