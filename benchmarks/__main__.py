"""`make bench`: run every benchmarks/bench_*.py in turn and print what each measured.

Speed and memory are measured here, never asserted in tests: the machines are
shared and noisy, so a benchmark reports numbers for people to compare.
"""

import runpy
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not wanted or p.stem in wanted)
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        started = time.perf_counter()
        runpy.run_path(str(script), run_name="__main__")
        print(f"   ({time.perf_counter() - started:.1f} s in all)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
