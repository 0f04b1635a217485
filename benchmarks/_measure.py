"""What the benchmarks at scale share: the scale asked for, and resident memory."""

import os
import re
import resource
from pathlib import Path


def scale_asked(default: int) -> int:
    words = os.environ.get("PANELAPP_BENCH_SCALE", "").strip()
    if not words:
        return default
    if not words.isdigit() or int(words) < 1:
        raise SystemExit(f"PANELAPP_BENCH_SCALE must be a whole number of 1 or more, not {words!r}")
    return int(words)


def reset_peak() -> None:
    """Start the peak resident memory afresh (Linux), so that under `make bench` one
    phase's peak is not an earlier benchmark's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def memory_mb(field: str = "VmHWM") -> float:
    """Resident memory in MB: VmHWM the peak since ``reset_peak``, VmRSS now. Without
    /proc, the process's peak from getrusage (KB on Linux)."""
    try:
        found = re.search(rf"{field}:\s+(\d+) kB", Path("/proc/self/status").read_text())
        return int(found.group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
