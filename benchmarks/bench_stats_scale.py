"""Statistics and deadlines on a large demo agency in a new SQLite store.

The demo agency is made as the desk makes it (four years, so that FY2024, the
last complete financial year, has its two years before it) at scale
$PANELAPP_BENCH_SCALE (default 10: about 16,000 households and 8,900 children).
It reports what the store holds, how long the import took, and then
``compute_statistics`` for FY2024 with its two previous years and
``open_deadlines``, each in a fresh session, with peak memory.
"""

import datetime as dt
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from sqlalchemy import func, inspect, select, table

from panelapp.db import open_store
from panelapp.demo import create_demo_agency
from panelapp.rules.clocks import open_deadlines
from panelapp.stats import compute_statistics

from benchmarks._measure import memory_mb, reset_peak, scale_asked

TODAY = dt.date(2026, 2, 11)
YEARS = 4
FY2024 = (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
SHOWN = ("household", "applicant", "child", "panel_member", "meeting", "attendance", "agenda_item",
         "recommendation", "adm_decision", "audit_event")


def row_counts(store) -> dict[str, int]:
    with store.engine.connect() as connection:
        names = inspect(connection).get_table_names()
        return {name: connection.execute(select(func.count()).select_from(table(name))).scalar_one()
                for name in names}


def timed(label: str, fn, repeat: int):
    """Run ``fn`` (which opens its own session) ``repeat`` times, then once traced."""
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"   {label:<46} median {statistics.median(runs) * 1000:7.0f} ms  (best {min(runs) * 1000:.0f}, "
          f"first {runs[0] * 1000:.0f}, n={repeat}); peak {peak / 2**20:.1f} MB traced", flush=True)
    return result


def main() -> None:
    scale = scale_asked(10)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "demo.sqlite"))
        reset_peak()
        before = memory_mb("VmRSS")
        marks = {}
        started = time.perf_counter()
        with store.transaction() as session:
            create_demo_agency(session, scale=scale, years=YEARS, today=TODAY,
                               progress=lambda f, _m: marks.setdefault(f, time.perf_counter() - started))
            imported = time.perf_counter() - started
        loaded = time.perf_counter() - started
        made = marks.get(0.2, 0.0)
        size = (Path(tmp) / "demo.sqlite").stat().st_size / 2**20
        counts = row_counts(store)
        print(f"   demo agency at scale {scale}, {YEARS} years to {TODAY}: {loaded:.1f} s in all (made up "
              f"{made:.1f} s, import {imported - made:.1f} s, commit {loaded - imported:.1f} s); store "
              f"{size:.0f} MB; peak RSS {memory_mb():.0f} MB (from {before:.0f})", flush=True)
        print("   rows: " + ", ".join(f"{name} {counts[name]:,}" for name in SHOWN if name in counts)
              + f"; {sum(counts.values()):,} in all", flush=True)

        def stats():
            with store.session() as s:
                return compute_statistics(s, *FY2024)

        def deadlines():
            with store.session() as s:
                return open_deadlines(s, TODAY)

        reset_peak()
        figures = timed("statistics FY2024 with two previous years", stats, repeat=3)
        due = timed(f"open deadlines on {TODAY}", deadlines, repeat=3)
        print(f"   (FY2024: {figures['panel']['meetings_held']} meetings held; "
              f"{len(due):,} open deadlines; peak RSS {memory_mb():.0f} MB while working them out)", flush=True)
        store.dispose()


if __name__ == "__main__":
    main()
