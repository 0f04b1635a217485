"""Kill writers mid-write and count what survives: ``python -m benchmarks.kills [KILLS] [URL]``.

A writer process edits one household over and over, one transaction an edit, printing
each edit's number once it is committed; it is SIGKILLed after a random number of edits.
After each kill the store must pass SQLite's integrity check and ``audit verify``, and
hold the last edit acknowledged (or the one in flight). Not part of ``make bench``: it
measures robustness, not speed, and reports figures for the issue's note.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import text
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.exchange import import_document
from panelapp.models import Household

WRITER = """
import sys
from panelapp.db import open_store
from panelapp.services.permissions import Actor
from panelapp.services.records import read_household, update_household
store, actor, start = open_store(sys.argv[1]), Actor("killer", "Kill Test", "admin"), int(sys.argv[2])
for n in range(start, start + 10_000):
    with store.transaction() as s:
        record = read_household(s, actor, "H0000")["record"]
        record["applicants"][0]["name"] = f"edit {n}"
        update_household(s, actor, "H0000", applicants=record["applicants"])
    print(n, flush=True)
"""


def main(kills: int, url: str | None) -> int:
    folder = Path(tempfile.mkdtemp(prefix="panelapp-kills-"))
    os.environ.setdefault("PANELAPP_KEY_DIR", str(folder / "keys"))
    url = url or str(folder / "kills.sqlite")
    fixture = Path(__file__).parent.parent / "tests" / "fixtures" / "northshire.json"
    store = open_store(url)
    with store.transaction() as s:
        import_document(s, json.loads(fixture.read_text(encoding="utf-8")), actor="kills")
    store.dispose()
    rng = random.Random(11)
    acked_total, lost, broken, next_n = 0, 0, 0, 0
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent))
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, url, str(next_n)], stdout=subprocess.PIPE,
                                text=True, env=env)
        assert proc.stdout is not None
        wanted, acked = rng.randint(1, 12), None
        for line in proc.stdout:
            acked = int(line)
            if acked - next_n + 1 >= wanted:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = open_store(url)
        try:
            with store.snapshot() as s:
                name = s.exec(select(Household).where(Household.ref == "H0000")).one().applicants[0].name
                report = audit.verify(s)
                if store.engine.dialect.name == "sqlite":
                    ok = s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                else:
                    ok = True
        finally:
            store.dispose()
        stored = int(name.split()[-1]) if name.startswith("edit ") else -1
        if acked is not None:
            acked_total += acked - next_n + 1
            if stored < acked:
                lost += acked - stored
        if not ok or report.problems:
            broken += 1
            print("problems:", report.problems[:3], file=sys.stderr)
        next_n = max(stored, acked if acked is not None else -1) + 1
    print(f"kills: {kills}, acknowledged writes: {acked_total}, lost: {lost}, stores failing a check: {broken}")
    return 1 if lost or broken else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, sys.argv[2] if len(sys.argv) > 2 else None))
