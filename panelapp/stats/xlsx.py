"""The statistics as an Excel workbook: a sheet per section, three periods side by side."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import PanelAppError
from .layout import SECTIONS, attendance_table, lookup, side_by_side


def export_xlsx(result: dict, path) -> Path:
    """Write ``result`` (from ``compute_statistics``) to ``path`` as .xlsx: sheets
    Panel, ADM, Adopters, Children, Scorecard and Attendance, each figure a row
    with its words, its key, and one column per period. Written beside the
    target and renamed into place, so a failure never leaves half a file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise PanelAppError(f"{path}: the folder {folder} does not exist")
    # openpyxl loads only when a workbook is written, keeping every other command quick to start.
    from openpyxl import Workbook
    workbook = Workbook()
    workbook.remove(workbook.active)
    periods = side_by_side(result)
    for _, title, rows in SECTIONS:
        sheet = workbook.create_sheet(title)
        sheet.append(["Figure", "Key", *[heading for heading, _ in periods]])
        for key, label in rows:
            sheet.append([label, key, *[lookup(figures, key) for _, figures in periods]])
        _finish(sheet, widths=[52, 44] + [24] * len(periods))
    _attendance_sheet(workbook.create_sheet("Attendance"), result)
    _save_atomically(workbook, path)
    return path


def _attendance_sheet(sheet, result: dict) -> None:
    headings, rows = attendance_table(result)
    sheet.append(["Member", *[h for heading in headings for h in (heading, None)]])
    sheet.append([None, *["present", "expected"] * len(headings)])
    for n in range(len(headings)):
        column = 2 + 2 * n
        sheet.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + 1)
    for row in rows:
        sheet.append(row)
    _finish(sheet, widths=[12] + [20] * (2 * len(headings)), header_rows=2)


def _finish(sheet, widths: list[int], header_rows: int = 1) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    for row in sheet.iter_rows(min_row=1, max_row=header_rows):
        for cell in row:
            cell.font = Font(bold=True)
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
