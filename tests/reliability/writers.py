"""A writer process for the concurrency tests: edits its own household over and over,
each edit one transaction through the records service, and reports what it was told."""

from panelapp.db import open_store
from panelapp.services.permissions import Actor
from panelapp.services.records import read_household, update_household


def write_many(url: str, worker: int, ref: str, edits: int, start) -> list[str]:
    actor = Actor(f"writer{worker}", f"Writer {worker}", "admin")
    store = open_store(url)
    failures: list[str] = []
    start.wait()
    try:
        for n in range(edits):
            try:
                with store.transaction() as session:
                    current = read_household(session, actor, ref)
                    applicants = current["record"]["applicants"]
                    applicants[0]["name"] = f"Writer {worker} edit {n}"
                    update_household(session, actor, ref, applicants=applicants)
            except Exception as exc:  # the test counts these: there must be none
                failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        store.dispose()
    return failures
