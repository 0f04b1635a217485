"""The panel's papers as PDF, on the Northshire fixture: minutes of an eight-item meeting,
one item's extract, the agenda, the ADM's decision record, a panel pack with four papers,
and the annual report for FY2024.

The fixture has no meeting of eight items, so a copy of it brings the items of
P20240926 and P20241024 (one each) forward into P20240912 (six), before import.
The annual report is made from the fixture as it is.

Each document is made ``n`` times, each time in a fresh session (as the desk and
the command line do), then once more under tracemalloc for its peak memory.
"""

import datetime as dt
import hashlib
import json
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from panelapp.db import open_store
from panelapp.exchange import import_document, validate
from panelapp.models import ItemPaper
from panelapp.reports import (agenda_pdf, decision_record_pdf, minutes_extract_pdf, minutes_pdf,
                              panel_pack_pdf)
from panelapp.reports.annual import annual_report_pdf
from panelapp.services.lookup import meeting_by_name

FIXTURE = Path(__file__).parents[1] / "tests" / "fixtures" / "northshire.json"
EIGHT = "P20240912"
BROUGHT_FORWARD = ("P20240926", "P20241024")
# (title, kind, pages, late): four small papers on the first four items.
PAPERS = (("Prospective Adopter's Report", "prospective_adopters_report", 4, False),
          ("Medical report", "medical_report", 2, False),
          ("Child Permanence Report", "child_permanence_report", 3, False),
          ("Social worker's update", "other", 1, True))


def eight_item_fixture(doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    meetings = {m["ref"]: m for m in doc["meetings"]}
    for ref in BROUGHT_FORWARD:
        meetings[EIGHT]["items"] += meetings[ref]["items"]
        meetings[ref]["items"] = []
    errors = validate(doc)
    if errors:
        raise SystemExit(f"the eight-item copy of the fixture does not validate: {errors[:3]}")
    return doc


def small_paper(path: Path, pages: int, words: str) -> Path:
    canvas = Canvas(str(path))
    for n in range(pages):
        canvas.setFont("Helvetica", 11)
        for line in range(40):
            canvas.drawString(72, 760 - line * 17, f"{words}, page {n + 1}, line {line + 1}: "
                                                    "the applicants' history, support network and home.")
        canvas.showPage()
    canvas.save()
    return path


def attach_papers(store, folder: Path) -> None:
    """Straight onto the items: the agenda service refuses papers for a meeting already held."""
    with store.transaction() as session:
        meeting = meeting_by_name(session, EIGHT)
        for item, (title, kind, pages, late) in zip(meeting.items, PAPERS):
            path = small_paper(folder / f"{item.ref}.pdf", pages, title)
            item.papers.append(ItemPaper(
                title=title, kind=kind, file_name=path.name, stored_path=str(path),
                sha256=hashlib.sha256(path.read_bytes()).hexdigest(), late=late,
                added_on=meeting.papers_sent + dt.timedelta(days=2 if late else -1),
                position=len(item.papers)))


def measure(label: str, store, write, path: Path, repeat: int) -> None:
    """``write(session, path)`` makes one document, in a fresh session each time: timed
    ``repeat`` times, then once more under tracemalloc for its peak."""
    def once():
        with store.session() as session:
            write(session, path)

    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        once()
        runs.append(time.perf_counter() - started)
    tracemalloc.start()
    once()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pages = len(PdfReader(str(path)).pages)
    print(f"   {label:<40} median {statistics.median(runs) * 1000:5.0f} ms  (best {min(runs) * 1000:.0f}, "
          f"first {runs[0] * 1000:.0f}, n={repeat}); peak {peak / 2**20:5.1f} MB traced; {pages} pages, "
          f"{path.stat().st_size / 1024:.0f} KB", flush=True)


def main() -> None:
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stores = {}
        for name, content in (("fixture", doc), ("eight", eight_item_fixture(doc))):
            stores[name] = open_store(str(tmp / f"{name}.sqlite"))
            with stores[name].transaction() as session:
                import_document(session, content)
        eight = stores["eight"]
        attach_papers(eight, tmp)

        def on_meeting(write):
            return lambda session, path: write(session, meeting_by_name(session, EIGHT), path)

        def on_item(write, pick):
            return lambda session, path: write(session, pick(meeting_by_name(session, EIGHT).items), path)

        def with_decision(items):
            return next(i for i in items if i.adm_decision is not None)

        def annual(session, path):
            annual_report_pdf(session, path, date_from=dt.date(2024, 4, 1), date_to=dt.date(2025, 3, 31),
                              made_on=dt.date(2025, 5, 1))

        with eight.session() as session:
            items = meeting_by_name(session, EIGHT).items
            if len(items) != 8 or any(i.recommendation is None for i in items):
                raise SystemExit(f"{EIGHT} should have eight heard items, each with a recommendation")
        jobs = (
            ("minutes, meeting of 8 items", eight, on_meeting(minutes_pdf), 10),
            ("extract of item 1's minute", eight, on_item(minutes_extract_pdf, lambda items: items[0]), 10),
            ("agenda, 8 items", eight, on_meeting(agenda_pdf), 10),
            ("ADM decision record", eight, on_item(decision_record_pdf, with_decision), 10),
            ("panel pack, 8 items, 4 papers", eight, on_meeting(panel_pack_pdf), 10),
            ("annual report FY2024 (fixture as it is)", stores["fixture"], annual, 5),
        )
        for n, (label, store, write, repeat) in enumerate(jobs):
            measure(label, store, write, tmp / f"document{n}.pdf", repeat)
        for store in stores.values():
            store.dispose()


if __name__ == "__main__":
    main()
