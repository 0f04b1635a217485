"""Making up the demo agency, and loading it into a new SQLite store, at several sizes.

Run alone with ``python benchmarks/bench_demo.py [--generate 1 50] [--load 1 10]``;
``make bench`` uses the defaults. Loading scale 50 (about 100,000 households and
children) takes minutes, so it is left to ``--load 50``.
"""

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from panelapp.db import open_store
from panelapp.demo import create_demo_agency, generate
from panelapp.exchange import validate

TODAY = dt.date(2026, 2, 11)


def measure_generation(scale: int) -> None:
    repeat = 3 if scale <= 5 else 1
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        doc = generate(seed=1, scale=scale, today=TODAY)
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    errors = validate(doc)
    checked = time.perf_counter() - started
    items = sum(len(m["items"]) for m in doc["meetings"])
    print(f"   generate scale {scale:<3} {statistics.median(runs):7.2f} s  (validate {checked:.2f} s, "
          f"{len(errors)} errors): {len(doc['households'])} households, {len(doc['children'])} children, "
          f"{len(doc['meetings'])} meetings, {items} items", flush=True)


def measure_load(scale: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "demo.sqlite"))
        marks = {}
        started = time.perf_counter()
        with store.transaction() as session:
            create_demo_agency(session, scale=scale, today=TODAY,
                               progress=lambda f, _m: marks.setdefault(f, time.perf_counter() - started))
            loaded = time.perf_counter() - started
        committed = time.perf_counter() - started
        store.dispose()
    made = marks.get(0.2, 0.0)
    print(f"   load scale {scale:<3} {committed:7.1f} s in all: made up {made:.1f} s, "
          f"import {loaded - made:.1f} s, commit {committed - loaded:.1f} s", flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generate", type=int, nargs="*", default=[1, 50], metavar="SCALE")
    parser.add_argument("--load", type=int, nargs="*", default=[1, 10], metavar="SCALE")
    args = parser.parse_args(argv)
    for scale in args.generate:
        measure_generation(scale)
    for scale in args.load:
        measure_load(scale)


if __name__ == "__main__":
    # Under `make bench` the runner's own arguments are not this script's.
    main(sys.argv[1:] if Path(sys.argv[0]).resolve() == Path(__file__).resolve() else [])
