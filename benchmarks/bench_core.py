"""Import, export, statistics and deadlines on the Northshire fixture, in a temporary store."""

import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from panelapp.db import open_store
from panelapp.exchange import export_document, import_document
from panelapp.rules.clocks import open_deadlines

FIXTURE = Path(__file__).parents[1] / "tests" / "fixtures" / "northshire.json"


def timed(label, fn, repeat=5):
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    print(f"   {label:<44} median {statistics.median(runs) * 1000:8.1f} ms  (best {min(runs) * 1000:.1f}, n={repeat})")


def main():
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        def fresh_import():
            store = open_store(str(Path(tmp) / f"s{time.perf_counter_ns()}.sqlite"))
            with store.transaction() as s:
                import_document(s, doc)
            store.dispose()
        timed("import northshire.json into a new store", fresh_import, repeat=3)
        store = open_store(str(Path(tmp) / "n.sqlite"))
        with store.transaction() as s:
            import_document(s, doc)

        def export():
            with store.session() as s:
                export_document(s)
        timed("export the whole store", export)

        def deadlines():
            with store.session() as s:
                open_deadlines(s, dt.date(2025, 1, 15))
        timed("deadlines on 2025-01-15", deadlines)
        try:
            from panelapp.stats import compute_statistics
        except ImportError:
            compute_statistics = None
        if compute_statistics is not None:
            def stats():
                with store.session() as s:
                    compute_statistics(s, dt.date(2024, 4, 1), dt.date(2025, 3, 31))
            timed("statistics FY2024 with two previous years", stats)
        store.dispose()


if __name__ == "__main__":
    main()
