"""Taking a meeting away and back: ``panelapp takeaway export|open|return|merge`` on a
meeting of the demo agency at scale 10 (PANELAPP_BENCH_SCALE to change), each timed as
the whole command (a process of its own, start-up included), the median of 3 runs.

The meeting is the planned one with eight items (else the nearest in size). Between
open and return the chair records the meeting on the laptop through the services.
"""

import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _measure import scale_asked
from sqlmodel import select

from panelapp.db import open_store
from panelapp.demo import create_demo_agency
from panelapp.models import Meeting, PanelMember
from panelapp.services import accounts

TODAY = dt.date(2026, 2, 11)
PASSPHRASE = "benchmark passphrase"
RUNS = 3


def prepare(folder: Path, scale: int) -> tuple[Path, str, int]:
    path = folder / "demo.sqlite"
    store = open_store(str(path))
    with store.transaction() as s:
        create_demo_agency(s, scale=scale, today=TODAY)
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
        admin = accounts.sign_in(s, "admin", "admin-password")
        planned = s.exec(select(Meeting).where(Meeting.status == "planned")).all()
        meeting = min(planned, key=lambda m: (abs(len(m.items) - 8), m.meeting_date))
        chair = next(p for p in s.exec(select(PanelMember)) if "chair" in p.role_names
                     and p.on_list(meeting.meeting_date))
        accounts.create_account(s, admin, username="adviser", display_name="Pat Adviser", role="adviser",
                                password="adviser-password")
        accounts.create_account(s, admin, username="chair", display_name=chair.name, role="chair",
                                password="chair-password", member_id=chair.id)
        ref, items = meeting.ref, len(meeting.items)
    store.dispose()
    return path, ref, items


def command(args: list[str], password: str) -> tuple[float, float]:
    """The command's wall-clock time and its CPU time (user + system): on a shared, busy
    machine the first waits for the processor, the second does not."""
    env = os.environ | {"PANELAPP_PASSPHRASE": PASSPHRASE, "PANELAPP_PASSWORD": password,
                        "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "panelapp.cli", *args], env=env, capture_output=True, text=True,
                          check=False)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"panelapp {' '.join(args[2:4])} failed: {done.stderr.strip()}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def one_run(template: Path, ref: str, folder: Path) -> dict[str, tuple[float, float]]:
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from takeaway_helpers import record_meeting  # the chair's work, as the tests do it

    office, laptop = folder / "office.sqlite", folder / "laptop.sqlite"
    out, back = folder / "meeting.panelmeeting", folder / "return.panelmeeting"
    shutil.copy(template, office)
    took = {"export": command(["--db", str(office), "takeaway", "export", ref, "--out", str(out),
                               "--as", "adviser"], "adviser-password"),
            "open": command(["--db", str(laptop), "takeaway", "open", str(out)], "")}
    store = open_store(str(laptop))
    with store.transaction() as s:
        chair = accounts.sign_in(s, "chair", "chair-password")
    record_meeting(store, ref, chair)
    store.dispose()
    took["return"] = command(["--db", str(laptop), "takeaway", "return", "--out", str(back), "--as", "chair"],
                             "chair-password")
    took["merge"] = command(["--db", str(office), "takeaway", "merge", str(back), "--as", "adviser"],
                            "adviser-password")
    took["start-up"] = command(["--version"], "")
    took["file_kb"] = (out.stat().st_size / 1024, 0.0)
    return took


def main() -> None:
    scale = scale_asked(10)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        template, ref, items = prepare(Path(tmp), scale)
        print(f"   demo scale {scale} loaded in {time.perf_counter() - started:.0f} s; meeting {ref}, "
              f"{items} items", flush=True)
        runs = []
        for n in range(RUNS):
            folder = Path(tmp) / f"run{n}"
            folder.mkdir()
            runs.append(one_run(template, ref, folder))
        print("   each a whole `panelapp` process; wall-clock (CPU) seconds, median of "
              f"{RUNS} runs", flush=True)
        for step in ("export", "open", "return", "merge", "start-up"):
            wall = [r[step][0] for r in runs]
            cpu = [r[step][1] for r in runs]
            print(f"   {step:<8} {statistics.median(wall):6.2f} s ({statistics.median(cpu):5.2f} s CPU)  "
                  f"runs: {', '.join(f'{t:.2f}' for t in wall)}", flush=True)
        print(f"   the meeting file: {runs[0]['file_kb'][0]:.0f} KB; start-up is `panelapp --version`, "
              "the part of each command that is Python and imports", flush=True)


if __name__ == "__main__":
    main()
