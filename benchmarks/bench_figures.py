"""The figures of benchmarks/results.json: each of PanelApp's figures beside its floor,
measured in the same run, so a noisy machine moves both.

- startup_signin: the desktop started on a demo store until the sign-in window has
  painted, against a bare PySide6 window in a process that also imports sqlmodel
  (whole processes, taken in turn, median of five).
- cli_info: ``panelapp info`` on that store, against ``python -c "import sqlmodel"``.
- filter_keystroke_1m, sort_1m, reload_1m, memory_1m: the households page on a
  store of about a million households (below), in a QApplication offscreen:
  typing "okafor" a key at a time (worst keystroke, from the key to the rows
  painted), clicking three column headers, reloading; each against the same
  window's query written by hand in sqlite3. Memory: resident after all of that,
  against the resident memory of the same process before the table was shown.
- import_scale10: importing the scale-10 demo agency into a new store, against
  inserting the very rows it wrote with sqlite3's executemany into an empty copy
  of the schema, in one transaction.
- stats_scale10: statistics for FY2024 with its two previous years, against the
  panel section's figures for the same three years by hand-written SQL in sqlite3.
- deadlines_scale10: every open deadline on the demo's day, against reading the
  rows the clocks are worked out from, by hand-written SQL in sqlite3.
- minutes_pdf: the minutes of a meeting of eight items, against ReportLab writing
  the same words as plain paragraphs.

The million-row store: the scale-100 demo takes an hour or more to make up on a
busy two-core machine, so the table figures use the scale-10 demo with its
households (and their applicants) and children copied by SQL until there are 63
times as many, under new ids, uids and refs, and the search tables filled again:
1,004,976 households and about 558,000 children.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
HERE = Path(__file__).parent
RESULTS = HERE / "results.json"
TODAY = dt.date(2026, 2, 11)
YEARS = 4
FY2024 = (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
COPIES = 63  # the scale-10 demo's 15,952 households, 63 times over: 1,004,976
RUNS = 5

figures: list[dict] = []


def record(name: str, ours: float, floor: float, unit: str, target: str, note: str = "") -> None:
    entry = {"name": name, "ours": round(ours, 4), "floor": round(floor, 4), "unit": unit,
             "ratio": round(ours / floor, 2) if floor else None, "target": target}
    if note:
        entry["note"] = note
    figures.append(entry)
    print(f"   {name:<22} ours {ours:10.4f} {unit:<3} floor {floor:10.4f} {unit:<3} "
          f"ratio {entry['ratio']}  (target {target})", flush=True)


def cache_folder() -> Path:
    folder = Path(os.environ.get("PANELAPP_BENCH_CACHE") or Path(tempfile.gettempdir()) / "panelapp-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def code_digest() -> str:
    digest = hashlib.sha256(f"{YEARS} {TODAY} {COPIES}".encode())
    for folder in ("panelapp/demo", "panelapp/exchange", "panelapp/migrations/versions", "panelapp/models"):
        for path in sorted((ROOT / folder).glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


# -- whole processes ------------------------------------------------------------------

def whole_process(command: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one run of ``command``."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def in_turn(ours: list[str], floor: list[str], env: dict) -> tuple[list[float], list[float]]:
    """One warm-up each, then RUNS of each taken in turn (A B A B ...)."""
    whole_process(ours, env)
    whole_process(floor, env)
    a, b = [], []
    for _ in range(RUNS):
        a.append(whole_process(ours, env)[0])
        b.append(whole_process(floor, env)[0])
    return a, b


def measure_startup(demo_store: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        env["HOME"] = env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = home  # no one's own settings
        python = sys.executable
        ours, floor = in_turn([python, str(HERE / "probe_signin.py"), str(demo_store)],
                              [python, str(HERE / "probe_signin.py"), "--bare"], env)
        record("startup_signin", statistics.median(ours), statistics.median(floor), "s", "ratio <= 1.5")
        ours, floor = in_turn([python, "-m", "panelapp.cli", "--db", str(demo_store), "info"],
                              [python, "-c", "import sqlmodel"], env)
        record("cli_info", statistics.median(ours), statistics.median(floor), "s", "ratio <= 1.5")


# -- the stores -----------------------------------------------------------------------

def demo_document(scale: int) -> dict:
    from panelapp.demo import generate
    return generate(seed=1, years=YEARS, scale=scale, today=TODAY)


def timed_import(doc: dict, path: Path) -> float:
    from panelapp.db import open_store
    from panelapp.exchange import import_document
    store = open_store(str(path))
    started = time.perf_counter()
    with store.transaction() as session:
        import_document(session, doc, actor="bench", source="the scale-10 demo")
    took = time.perf_counter() - started
    store.dispose()
    return took


def executemany_floor(source: Path, target: Path) -> float:
    """The rows ``source`` holds, inserted into an empty copy of its tables by sqlite3's
    executemany in one transaction (no search index: the floor is the plain rows)."""
    read = sqlite3.connect(source)
    tables = [(name, sql) for name, sql in read.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    indexes = [sql for (sql,) in read.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    rows = {name: read.execute(f'SELECT * FROM "{name}"').fetchall() for name, _sql in tables}
    read.close()
    write = sqlite3.connect(target)
    for _name, sql in tables:
        write.execute(sql)
    for sql in indexes:
        write.execute(sql)
    write.commit()
    started = time.perf_counter()
    with write:
        for name, _sql in tables:
            if rows[name]:
                marks = ", ".join("?" * len(rows[name][0]))
                write.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows[name])
    took = time.perf_counter() - started
    write.close()
    return took


def scale10_store(tmp: Path) -> Path:
    """The scale-10 demo imported now (timed, with its floor), kept for the next run."""
    doc = demo_document(10)
    ours = timed_import(doc, tmp / "import.sqlite")
    floor = executemany_floor(tmp / "import.sqlite", tmp / "floor.sqlite")
    rows = sum(len(doc[k]) for k in ("households", "children", "meetings"))
    record("import_scale10", ours, floor, "s", "ratio <= 10",
           note=f"{rows:,} households, children and meetings; validation included in ours")
    return tmp / "import.sqlite"


def million_store(scale10: Path) -> Path:
    """The scale-10 demo with its households, applicants and children copied by SQL
    until there are COPIES times as many (new ids and refs), built once and cached."""
    path = cache_folder() / f"demo-million-{code_digest()}.sqlite"
    if path.exists():
        return path
    for stale in cache_folder().glob("demo-million-*.sqlite"):
        stale.unlink()
    part = path.with_suffix(".part")
    shutil.copyfile(scale10, part)
    db = sqlite3.connect(part)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    triggers = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")]
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {name}")  # the search tables are filled once, after the copying
    households = db.execute("SELECT max(id) FROM household").fetchone()[0]
    children = db.execute("SELECT max(id) FROM child").fetchone()[0]
    with db:
        for copy in range(1, COPIES):
            params = {"hoff": copy * households, "coff": copy * children, "tag": f"{copy}-",
                      "suffix": f"-{copy}"}
            for table, changed in (
                    ("household", {"id": ":hoff + id", "uid": ":tag || uid", "ref": "ref || :suffix"}),
                    ("applicant", {"id": "NULL", "uid": ":tag || uid", "household_id": ":hoff + household_id"}),
                    ("child", {"id": ":coff + id", "uid": ":tag || uid", "ref": "ref || :suffix",
                               "matched_household_id": "NULL"})):
                names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
                limit = "household_id" if table == "applicant" else "id"
                bound = households if table != "child" else children
                db.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT "
                           + ", ".join(changed.get(n, n) for n in names)
                           + f" FROM {table} WHERE {limit} <= {bound} ORDER BY id", params)
    with db:
        db.execute("DELETE FROM household_search")
        db.execute("INSERT INTO household_search (rowid, ref, names) SELECT h.id, h.ref, "
                   "(SELECT coalesce(group_concat(name, char(10)), '') FROM (SELECT name FROM applicant "
                   "WHERE household_id = h.id ORDER BY position, id)) FROM household h")
        db.execute("DELETE FROM child_search")
        db.execute("INSERT INTO child_search (rowid, ref, name) SELECT id, ref, name FROM child")
        for sql in triggers:
            db.execute(sql)
    db.execute("VACUUM")
    db.close()
    part.rename(path)
    return path


# -- statistics, deadlines, minutes -----------------------------------------------------

PANEL_SQL = (
    "SELECT count(*) FROM meeting WHERE status = 'held' AND meeting_date BETWEEN ? AND ?",
    "SELECT count(*) FROM meeting WHERE status = 'cancelled' AND meeting_date BETWEEN ? AND ?",
    "SELECT i.item_type, i.outcome, count(*) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
    "WHERE m.status = 'held' AND m.meeting_date BETWEEN ? AND ? GROUP BY i.item_type, i.outcome",
    "SELECT sum(r.votes_against > 0 OR r.votes_abstain > 0 OR EXISTS (SELECT 1 FROM dissent d "
    "WHERE d.recommendation_id = r.id)), count(*) FROM recommendation r JOIN agenda_item i ON i.id = r.item_id "
    "JOIN meeting m ON m.id = i.meeting_id WHERE m.status = 'held' AND m.meeting_date BETWEEN ? AND ?",
    "SELECT sum(papers_sent <= date(meeting_date, '-5 days')), sum(papers_sent > date(meeting_date, '-5 days')) "
    "FROM meeting WHERE status = 'held' AND meeting_date BETWEEN ? AND ?",
    "SELECT a.member_id, sum(a.status = 'present'), count(*) FROM attendance a JOIN meeting m "
    "ON m.id = a.meeting_id WHERE m.status = 'held' AND m.meeting_date BETWEEN ? AND ? GROUP BY a.member_id",
)
DEADLINE_SQL = (
    "SELECT i.id, i.item_type, i.outcome, m.meeting_date, m.minutes_final, d.decided_on, d.notified, "
    "d.final_date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
    "LEFT JOIN adm_decision d ON d.item_id = i.id",
    "SELECT id, meeting_date, status, papers_sent, minutes_final FROM meeting",
    "SELECT id, approved, withdrawn FROM household WHERE approved IS NOT NULL",
    "SELECT id, should_be_placed_decision, placement_order, match_decision, placed FROM child",
)


def median_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_stats_and_deadlines(store_path: Path) -> None:
    from panelapp.db import open_store
    from panelapp.rules.clocks import open_deadlines
    from panelapp.stats import compute_statistics
    store = open_store(str(store_path))

    def ours_stats():
        with store.session() as session:
            compute_statistics(session, *FY2024)

    def floor_stats():
        db = sqlite3.connect(store_path)
        for years in (0, 1, 2):
            start, end = (d.replace(year=d.year - years).isoformat() for d in FY2024)
            for sql in PANEL_SQL:
                db.execute(sql, (start, end)).fetchall()
        db.close()

    def ours_deadlines():
        with store.session() as session:
            open_deadlines(session, TODAY)

    def floor_deadlines():
        db = sqlite3.connect(store_path)
        for sql in DEADLINE_SQL:
            db.execute(sql).fetchall()
        db.close()

    record("stats_scale10", median_of(ours_stats), median_of(floor_stats), "s", "reported",
           note="ours: every section of statistics.md for three years; floor: the panel section only")
    record("deadlines_scale10", median_of(ours_deadlines), median_of(floor_deadlines), "s", "reported",
           note="floor: reading the rows the clocks are worked out from")
    store.dispose()


def measure_minutes(tmp: Path) -> None:
    from pypdf import PdfReader
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from panelapp.db import open_store
    from panelapp.exchange import import_document
    from panelapp.reports import minutes_pdf
    from panelapp.services.lookup import meeting_by_name
    sys.path.insert(0, str(HERE))
    from bench_documents import EIGHT, eight_item_fixture

    doc = eight_item_fixture(json.loads((ROOT / "tests/fixtures/northshire.json").read_text()))
    store = open_store(str(tmp / "minutes.sqlite"))
    with store.transaction() as session:
        import_document(session, doc, actor="bench")
    out = tmp / "minutes.pdf"

    def ours():
        with store.session() as session:
            minutes_pdf(session, meeting_by_name(session, EIGHT), out)

    ours_time = median_of(ours, runs=5)
    words = [page.extract_text() for page in PdfReader(out).pages]
    style = getSampleStyleSheet()["BodyText"]

    def floor():
        story = [Paragraph(line.replace("&", "&amp;").replace("<", "&lt;"), style)
                 for text in words for line in text.splitlines() if line.strip()]
        SimpleDocTemplate(str(tmp / "plain.pdf")).build(story)

    record("minutes_pdf", ours_time, median_of(floor, runs=5), "s", "reported",
           note=f"{len(words)} pages; floor: the same words as plain ReportLab paragraphs")
    store.dispose()


def demo_store_with_accounts(tmp: Path) -> Path:
    from panelapp.db import open_store
    from panelapp.demo import create_demo_agency
    from panelapp.demo.accounts import make_demo_accounts
    path = tmp / "desk.sqlite"
    store = open_store(str(path))
    with store.transaction() as session:
        create_demo_agency(session, scale=1, years=YEARS, today=TODAY)
        make_demo_accounts(session)
    store.dispose()
    return path


def write_results() -> None:
    machine = (f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
               f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GB, "
               f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; shared with other "
               "work and noisy (load average "
               f"{os.getloadavg()[0]:.1f} at the end of the run): compare ours with its floor, "
               "not with another run")
    RESULTS.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": machine,
                                   "figures": figures}, indent=2) + "\n", encoding="utf-8")
    print(f"   wrote {RESULTS}", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        measure_startup(demo_store_with_accounts(tmp))
        scale10 = scale10_store(tmp)
        measure_stats_and_deadlines(scale10)
        measure_minutes(tmp)
        million = million_store(scale10)
        from tables_1m import measure_tables
        for name, ours, floor, unit, target, note in measure_tables(million):
            record(name, ours, floor, unit, target, note)
    write_results()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
