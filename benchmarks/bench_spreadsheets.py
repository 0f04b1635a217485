"""Spreadsheets: the demo agency (``PANELAPP_BENCH_SCALE``, default 1) written as a workbook,
read back, and imported into an empty store, beside the JSON import of the same records;
and the annual report written as a Word document. Checks the round trip gives the same
JSON, so a fast wrong answer does not pass for a fast one."""

import datetime as dt
import tempfile
import time
from pathlib import Path

from panelapp.db import open_store
from panelapp.demo import generate
from panelapp.exchange import export_document, import_document
from panelapp.reports.annual import annual_report_docx
from panelapp.spreadsheet import import_workbook, read_workbook, write_workbook

from benchmarks._measure import scale_asked

TODAY = dt.date(2026, 2, 11)


def timed(what: str, fn):
    """Wall time and CPU time: the machines are shared, so CPU time is the steadier figure.
    (tracemalloc is left out: it slows openpyxl several times over.)"""
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    took, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"   {what:<44} {took:7.2f} s  (CPU {used:6.2f} s)", flush=True)
    return result


def main() -> None:
    scale = scale_asked(1)
    doc = generate(seed=1, scale=scale, today=TODAY)
    print(f"   scale {scale}: {len(doc['households'])} households, {len(doc['children'])} children, "
          f"{len(doc['meetings'])} meetings", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        by_json = open_store(str(folder / "json.sqlite"))
        with by_json.transaction() as s:
            timed("JSON import", lambda: import_document(s, doc))
        with by_json.session() as s:
            first = export_document(s)
        book = timed("workbook written (export_document to .xlsx)", lambda: write_workbook(first, folder / "a.xlsx"))
        print(f"   workbook size {book.stat().st_size / 1024:.0f} KB", flush=True)
        timed("workbook read into an exchange document", lambda: read_workbook(book))
        by_book = open_store(str(folder / "book.sqlite"))
        with by_book.transaction() as s:
            timed("workbook import (read, validate, write)", lambda: import_workbook(s, book))
        with by_book.session() as s:
            same = export_document(s) == first
        print(f"   round trip gives the same JSON: {'yes' if same else 'NO'}", flush=True)
        with by_json.session() as s:
            timed("annual report 2024-25 as .docx", lambda: annual_report_docx(
                s, folder / "annual.docx", date_from=dt.date(2024, 4, 1), date_to=dt.date(2025, 3, 31)))
        by_json.dispose()
        by_book.dispose()


if __name__ == "__main__":
    main()
