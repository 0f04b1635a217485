"""The desktop's households table with tens of thousands of rows, driven offscreen.

The store is the demo agency as the desk makes it (four years to 2026-02-11) at
scale $PANELAPP_BENCH_SCALE (default 50: about 80,000 households; 63 gives about
100,000). Importing that takes minutes, so the store is built once and kept in
$PANELAPP_BENCH_CACHE (default: panelapp-bench in the temporary folder), named
by scale and by a digest of the demo, exchange and migration code, so a change
to any of them builds it anew. Each run works on a copy, never the cached file.

Measured on the real widgets (HouseholdsPage in a QApplication, offscreen):
loading (the worker's query and row preparation, then the hand-over to the
model on the GUI thread), filtering as the user types "okafor" one key at a
time, sorting by clicking column headers, and painting a page after scrolling.
Every figure labelled "GUI thread" is time the window cannot respond.
"""

import datetime as dt
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from panelapp.db import open_store  # noqa: E402
from panelapp.demo import create_demo_agency  # noqa: E402
from ui.shell import settings as ui_settings  # noqa: E402
from ui.shell import theme  # noqa: E402
from ui.app import quiet_offscreen  # noqa: E402
from panelapp.queries.records import household_rows  # noqa: E402
from panelapp.services.permissions import Actor  # noqa: E402
from ui.common.queries import read  # noqa: E402
from ui.records.households import HOUSEHOLD_COLUMNS, HouseholdsPage  # noqa: E402
from ui.common.tablemodel import prepare  # noqa: E402
from ui.common.tablepage import INSTANT_ROWS  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

from benchmarks._measure import memory_mb, reset_peak, scale_asked  # noqa: E402

ROOT = Path(__file__).parents[1]
TODAY = dt.date(2026, 2, 11)
YEARS = 4
TYPED = "okafor"
WINDOW = (1280, 800)

READER = Actor("bench", "Benchmark", "viewer")  # reads only, as a viewer may


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}" if seconds >= 0.01 else f"{seconds * 1000:.1f}"


def report(label: str, runs: list[float], worst: bool = False) -> None:
    extra = f", worst {ms(max(runs))}" if worst else ""
    print(f"   {label:<60} median {ms(statistics.median(runs)):>6} ms  (best {ms(min(runs))}{extra}, "
          f"n={len(runs)})", flush=True)


# -- the store, built once per scale ----------------------------------------------

def code_digest() -> str:
    """What the cached store depends on: the demo, the importer and the schema."""
    digest = hashlib.sha256(f"{YEARS} {TODAY}".encode())
    for folder in ("panelapp/demo", "panelapp/exchange", "panelapp/migrations/versions", "panelapp/models"):
        for path in sorted((ROOT / folder).glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def cached_store(scale: int) -> Path:
    folder = Path(os.environ.get("PANELAPP_BENCH_CACHE") or Path(tempfile.gettempdir()) / "panelapp-bench")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-scale{scale}-{code_digest()}.sqlite"
    if path.exists():
        print(f"   store: {path} (cached)", flush=True)
        return path
    for stale in folder.glob(f"demo-scale{scale}-*.sqlite"):
        stale.unlink()
    # Built beside, then renamed: a build stopped halfway never passes for a finished one.
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    print(f"   store: building the demo agency at scale {scale} into {path} (once; takes minutes)",
          flush=True)
    started = time.perf_counter()
    store = open_store(str(part))
    with store.transaction() as session:
        create_demo_agency(session, scale=scale, years=YEARS, today=TODAY)
    store.dispose()
    part.rename(path)
    print(f"   store built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# -- driving the page -------------------------------------------------------------

def wait_until(app: QApplication, done, limit_s: float = 120.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("the households table did not respond in time")
        app.processEvents()
        time.sleep(0.001)


class Timings:
    """Wraps a method of one object so each call's time is kept (instance attribute,
    so only calls that look the method up after wrapping are timed)."""

    def __init__(self, owner, name: str):
        self.runs: list[float] = []
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.runs.append(time.perf_counter() - started)

        setattr(owner, name, timed)


class Heartbeat:
    """A timer that should tick every millisecond: the longest gap between ticks is the
    longest time the GUI thread could not answer (while a worker holds the GIL, say)."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.worst = 0.0

    def _tick(self):
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self):
        self.last, self.worst = None, 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def paint(page) -> float:
    """Paint the table's visible rows now, as the event loop would after a change."""
    started = time.perf_counter()
    page.table.table.viewport().repaint()
    return time.perf_counter() - started


def measure_loading(app, page, store) -> None:
    table = page.table
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        rows = read(store, READER, household_rows)
        runs.append(time.perf_counter() - started)
    report(f"query {len(rows):,} households (worker)", runs)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        prepare(HOUSEHOLD_COLUMNS, rows)
        runs.append(time.perf_counter() - started)
    report("prepare their display text, sort keys, search text (worker)", runs)
    del rows

    reset_peak()
    handed = Timings(table, "_loaded")
    walls, stalls, painted = [], [], []
    beat = Heartbeat()
    for _ in range(3):
        before = len(handed.runs)
        beat.start()
        started = time.perf_counter()
        table.reload()
        wait_until(app, lambda: len(handed.runs) > before)
        walls.append(time.perf_counter() - started)
        stalls.append(beat.stop())
        painted.append(paint(page))
    report("reload, from asking to rows in the model (wall)", walls)
    report("hand the rows to the model (GUI thread; 1st sizes columns)", handed.runs, worst=True)
    report("longest GUI-thread gap during the reload", stalls, worst=True)
    report("paint the first page after loading", painted)
    print(f"   ({table.model.rowCount():,} rows in the table; RSS {memory_mb('VmRSS'):.0f} MB now, "
          f"peak {memory_mb():.0f} MB while loading)", flush=True)


def measure_typing(app, page) -> None:
    table = page.table
    filtered = Timings(table.proxy, "set_search")
    search = table.search
    search.setFocus()
    keys, filters, paints, shown = [], [], [], []
    debounced = table.model.rowCount() >= INSTANT_ROWS
    for ch in TYPED:
        before = len(filtered.runs)
        started = time.perf_counter()
        QTest.keyClick(search, ch)
        keys.append(time.perf_counter() - started)
        # Above INSTANT_ROWS the filter waits for a pause in the typing; wait for it.
        wait_until(app, lambda: len(filtered.runs) > before)
        filters.append(filtered.runs[-1])
        paints.append(paint(page))
        shown.append(table.proxy.rowCount())
    # Below INSTANT_ROWS the keystroke itself filters; above, the filter comes after the pause.
    stalls = [(f if debounced else k) + p for k, f, p in zip(keys, filters, paints)]
    report(f"keystroke itself, typing {TYPED!r} (GUI thread)", keys, worst=True)
    report("filter after each keystroke (GUI thread)", filters, worst=True)
    report("filter and repaint after each keystroke (GUI thread)", stalls, worst=True)
    print("   per keystroke: " + ", ".join(f"{TYPED[:n + 1]!r} {ms(s)} ms ({rows:,} rows)"
                                           for n, (s, rows) in enumerate(zip(stalls, shown))), flush=True)
    before = len(filtered.runs)
    started = time.perf_counter()
    search.clear()
    wait_until(app, lambda: len(filtered.runs) > before)
    cleared = filtered.runs[-1] + paint(page)
    print(f"   clearing the search back to {table.proxy.rowCount():,} rows: {ms(cleared)} ms on the GUI "
          f"thread ({ms(time.perf_counter() - started)} ms with the typing pause)"
          + ("" if debounced else "; below INSTANT_ROWS every keystroke filters at once"), flush=True)
    print(f"   worst keystroke: {ms(max(max(keys), max(stalls)))} ms without an answer", flush=True)


def click_header(page, column: int) -> float:
    header = page.table.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    started = time.perf_counter()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))
    page.table.table.viewport().repaint()
    return time.perf_counter() - started


def measure_sorting(page) -> None:
    titles = [c.title for c in HOUSEHOLD_COLUMNS]
    for title in ("Applicants", "Enquiry", "Stage"):
        column = titles.index(title)
        first = click_header(page, column)
        second = click_header(page, column)  # the same header again: the other way round
        report(f"sort by {title}, click and click again (GUI thread)", [first, second], worst=True)


def measure_scrolling(page) -> None:
    view = page.table.table
    bar = view.verticalScrollBar()
    spots = [round(bar.maximum() * n / 19) for n in range(20)]
    jumps = []
    for spot in spots:
        started = time.perf_counter()
        bar.setValue(spot)
        view.viewport().repaint()
        jumps.append(time.perf_counter() - started)
    report(f"scroll to a spot and paint the page ({view.height()} px)", jumps, worst=True)
    view.setFocus()
    view.selectRow(0)
    pages = []
    for _ in range(20):
        started = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        view.viewport().repaint()
        pages.append(time.perf_counter() - started)
    report("Page Down and paint (GUI thread)", pages, worst=True)


def main() -> None:
    scale = scale_asked(50)
    source = cached_store(scale)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bench_ui_tables"])
    previous_handler = quiet_offscreen()
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        ui_settings.name_application()
        theme.apply(app, "light")
        copy = Path(tmp) / "demo.sqlite"
        shutil.copyfile(source, copy)
        store = open_store(str(copy))
        runner = TaskRunner()
        page = HouseholdsPage(runner, store, actor=READER)
        page.resize(*WINDOW)
        page.show()
        QTest.qWaitForWindowExposed(page)
        print(f"   window {WINDOW[0]}x{WINDOW[1]}, platform {app.platformName()}; "
              f"RSS {memory_mb('VmRSS'):.0f} MB before loading", flush=True)
        measure_loading(app, page, store)
        measure_typing(app, page)
        measure_sorting(page)
        measure_scrolling(page)
        page.close()
        runner.shutdown()
        page.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.dispose()
    qInstallMessageHandler(previous_handler)


if __name__ == "__main__":
    main()
