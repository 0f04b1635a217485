"""Four processes edit four different households at once, on SQLite and on PostgreSQL:
every edit is saved, none is told to give up, and the audit chain holds one event each."""

import multiprocessing

from sqlalchemy import func
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.models import AuditEvent, Household

from .writers import write_many

WRITERS, EDITS = 4, 25


def test_four_writers_lose_nothing_and_fail_nothing(northshire):
    url = northshire.url
    with northshire.session() as s:
        refs = [h.ref for h in s.exec(select(Household).order_by(Household.ref).limit(WRITERS))]
        events_before = s.exec(select(func.count()).select_from(AuditEvent)).one()
    northshire.dispose()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        start = manager.Barrier(WRITERS)
        with ctx.Pool(WRITERS) as pool:
            results = pool.starmap(write_many, [(url, w, refs[w], EDITS, start) for w in range(WRITERS)])
    assert [f for failures in results for f in failures] == []
    store = open_store(url)
    try:
        with store.session() as s:
            events = s.exec(select(func.count()).select_from(AuditEvent)).one()
            assert events == events_before + WRITERS * EDITS
            for w, ref in enumerate(refs):
                household = s.exec(select(Household).where(Household.ref == ref)).one()
                assert household.applicants[0].name == f"Writer {w} edit {EDITS - 1}"
            report = audit.verify(s)
            assert report.problems == []
    finally:
        store.dispose()
