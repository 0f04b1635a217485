"""The installed app checks itself: ``panelapp self-test`` and ``panelapp-desk --self-test``.

In a temporary store it runs the migrations, imports the Northshire fixture, writes the
minutes of one meeting as a PDF and computes the financial year 2024's statistics,
which must equal the fixture's expected figures. That exercises what a frozen bundle
most easily loses: the migrations read from disk, the fonts, the bank-holiday data,
ReportLab and the store's driver. The fixture travels with the app as
resources/selftest (the installer's spec and pyproject.toml copy tests/fixtures there);
in a source tree it is read from tests/fixtures.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PanelAppError
from .paths import resources_dir

FIXTURE = "northshire.json"
EXPECTED = "northshire-fy2024.expected.json"
YEAR = "2024"
MEETING = "P20240808"


@dataclass(frozen=True)
class Step:
    """One check the self-test made: what, whether it passed, how long it took, and why not."""

    name: str
    passed: bool
    seconds: float
    problem: str = ""


def fixture_dir() -> Path:
    """Where the self-test's fixture is: beside the resources in an installed app or
    bundle, or the project's tests/fixtures in a source tree."""
    for folder in (resources_dir() / "selftest", Path(__file__).resolve().parent.parent / "tests" / "fixtures"):
        if (folder / FIXTURE).is_file() and (folder / EXPECTED).is_file():
            return folder
    raise PanelAppError(f"The self-test cannot find its fixture ({FIXTURE} and {EXPECTED}): "
                        "this installation is incomplete.")


def figure_differences(got: Any, want: Any, path: str = "") -> list[str]:
    """Where two statistics results differ, one line a difference. Numbers compare as
    numbers (5 == 5.0); the attendance table compares as a set of rows."""
    where = path or "statistics"
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected a table of figures, got {got!r}"]
        inner = lambda key: f"{path}.{key}" if path else key  # noqa: E731
        found = [f"{inner(key)}: missing" for key in want if key not in got]
        found += [f"{inner(key)}: not expected" for key in got if key not in want]
        for key in want:
            if key in got:
                found += figure_differences(got[key], want[key], inner(key))
        return found
    if path.endswith("attendance") and isinstance(want, list) and isinstance(got, list):
        rows = lambda table: sorted(json.dumps(row, sort_keys=True) for row in table)  # noqa: E731
        return [] if rows(got) == rows(want) else [f"{where}: the attendance rows differ"]
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: expected {len(want)} entries, got {got!r}"]
        pairs = enumerate(zip(got, want, strict=True))
        return [d for n, (g, w) in pairs for d in figure_differences(g, w, f"{where}[{n}]")]
    numbers = (int, float)
    if isinstance(want, numbers) and not isinstance(want, bool):
        same = isinstance(got, numbers) and not isinstance(got, bool) and got == want
    else:
        same = got == want
    return [] if same else [f"{where}: got {got!r}, expected {want!r}"]


def run_self_test() -> Iterator[Step]:
    """Each step as it finishes; a failed step ends the run, since the next needs it."""
    from .db import current_revision, head_revision, open_store
    from .exchange import import_document
    from .models import Meeting
    from .reports import minutes_pdf
    from .stats import compute_statistics, financial_year

    folder = fixture_dir()
    with tempfile.TemporaryDirectory(prefix="panelapp-self-test-") as work:
        store = None

        def migrate() -> str:
            nonlocal store
            store = open_store(str(Path(work) / "self-test.sqlite"))
            revision, head = current_revision(store.engine), head_revision()
            if revision != head:
                return f"the store is at schema {revision}, not at this PanelApp's {head}"
            return ""

        def load() -> str:
            doc = json.loads((folder / FIXTURE).read_text(encoding="utf-8"))
            with store.transaction() as session:  # type: ignore[union-attr]
                import_document(session, doc, actor="self-test")
            return ""

        def minutes() -> str:
            from sqlmodel import select
            out = Path(work) / "minutes.pdf"
            with store.session() as session:  # type: ignore[union-attr]
                meeting = session.exec(select(Meeting).where(Meeting.ref == MEETING)).first()
                if meeting is None:
                    return f"the fixture has no meeting {MEETING}"
                minutes_pdf(session, meeting, out)
            data = out.read_bytes()
            if not data.startswith(b"%PDF-"):
                return "the minutes are not a PDF"
            if b"DejaVuSans" not in data:
                return "the minutes do not embed the DejaVu font from resources/fonts"
            return ""

        def statistics() -> str:
            date_from, date_to = financial_year(YEAR)
            with store.session() as session:  # type: ignore[union-attr]
                got = compute_statistics(session, date_from, date_to)
            want = json.loads((folder / EXPECTED).read_text(encoding="utf-8"))
            differences = figure_differences(json.loads(json.dumps(got)), want)
            if differences:
                shown = "; ".join(differences[:5])
                more = f" and {len(differences) - 5} more" if len(differences) > 5 else ""
                return f"{len(differences)} figures differ from {EXPECTED}: {shown}{more}"
            return ""

        steps: list[tuple[str, Callable[[], str]]] = [
            ("temporary store, every migration", migrate),
            (f"import {FIXTURE}", load),
            (f"minutes of {MEETING} as a PDF", minutes),
            (f"statistics of the year {YEAR} equal {EXPECTED}", statistics),
        ]
        try:
            for name, check in steps:
                started = time.perf_counter()
                try:
                    problem = check()
                except PanelAppError as exc:
                    problem = str(exc)
                except Exception as exc:
                    # A sentence, not a traceback: driver errors may quote SQL.
                    if os.environ.get("PANELAPP_DEBUG"):
                        raise
                    problem = f"{type(exc).__name__} (set PANELAPP_DEBUG=1 to see the details)"
                step = Step(name, not problem, time.perf_counter() - started, problem)
                yield step
                if not step.passed:
                    return
        finally:
            if store is not None:
                store.dispose()


def report_self_test(write: Callable[[str], None]) -> bool:
    """Run the self-test, writing a line a step; True when every step passed."""
    passed = True
    for step in run_self_test():
        mark = "ok" if step.passed else "FAILED"
        write(f"{mark:6} {step.name} ({step.seconds:.2f} s)" + (f": {step.problem}" if step.problem else ""))
        passed = passed and step.passed
    write("self-test passed" if passed else "self-test failed")
    return passed
