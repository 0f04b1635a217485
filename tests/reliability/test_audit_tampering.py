"""Every way of tampering with the record the audit trail must catch (issue 11, point 8).

Each test makes a store with a whole meeting (recorded, minutes signed, an ADM decision),
checks that it verifies, then tampers with it directly in the database, as someone with
the store file but without the user's key folder could, and checks that verify says so.
"""

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import select

from panelapp import audit
from panelapp.cli import main
from panelapp.db import make_engine, open_store
from panelapp.models import AuditEvent
from panelapp.services import adm, minutes
from panelapp.services.lookup import meeting_by_name
from tests.builders import full_meeting


@pytest.fixture
def decided(store, people):  # noqa: F811
    ref = full_meeting(store, people)
    with store.transaction() as s:
        minutes.draft_minutes(s, people["adviser"], meeting_by_name(s, ref))
        minutes.approve_minutes(s, people["chair"], meeting_by_name(s, ref), on=dt.date(2025, 6, 20),
                                password="chair-password")
    with store.transaction() as s:
        adm.record_decision(s, people["adm"], meeting_by_name(s, ref).items[1], decision="positive",
                            decided_on=dt.date(2025, 6, 25), reasons="the panel's reasons, which I accept",
                            password="adm-password")
    assert problems(store) == []
    return store


def problems(store) -> list[str]:
    with store.snapshot() as s:
        return audit.verify(s).problems


def run(store, sql: str, **params) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def last_id(store) -> int:
    with store.snapshot() as s:
        return s.exec(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)).one()


def said(store, words: str) -> None:
    found = problems(store)
    assert any(words in p for p in found), found


def test_deleting_the_last_events_even_with_the_head_fixed(decided):
    top = last_id(decided)
    run(decided, "DELETE FROM audit_event WHERE id > :keep", keep=top - 2)
    with decided.snapshot() as s:
        kept = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    run(decided, "UPDATE audit_head SET events = events - 2, hash = :h", h=kept.hash)
    said(decided, "events were deleted")


def test_deleting_every_event_and_resetting_the_head(decided):
    run(decided, "DELETE FROM audit_event")
    run(decided, "UPDATE audit_head SET events = 0, hash = :h", h=audit.GENESIS)
    said(decided, "events were deleted")


def test_deleting_an_event_in_the_middle(decided):
    run(decided, "DELETE FROM audit_event WHERE id = :i", i=last_id(decided) - 3)
    said(decided, "the event before it was changed or deleted")


def test_renumbering_the_events(decided):
    run(decided, "UPDATE audit_event SET id = id + 1000")
    said(decided, "its content, number or seal was changed")


def test_editing_a_recommendation_without_an_event(decided):
    run(decided, "UPDATE recommendation SET wording = 'recommended after all' WHERE wording LIKE 'not suitable%'")
    said(decided, "no longer match the minutes the chair signed")


def test_editing_a_decision_without_an_event(decided):
    run(decided, "UPDATE adm_decision SET decision = 'negative'")
    said(decided, "no longer matches what the decision maker signed")


def test_giving_a_user_a_role_without_an_event(decided):
    run(decided, "UPDATE user_account SET role = 'admin' WHERE username = 'viewer'")
    said(decided, "the account viewer was changed without an audit event (role)")


def test_recomputing_the_chain_after_an_edit(decided):
    """Without the key, the only chain an editor can compute is unkeyed: it does not verify,
    whether the head still claims a key or the claim is removed too."""
    run(decided, "UPDATE audit_event SET summary = 'nothing happened' WHERE action = 'decide'")
    with decided.snapshot() as s:
        events = s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    prev = audit.GENESIS
    with decided.engine.begin() as conn:
        for ev in events:
            ev.prev_hash = prev
            ev.hash = audit.event_hash(ev)
            conn.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": "tmp-" + str(ev.id), "h": "tmp-h-" + str(ev.id), "i": ev.id})
            prev = ev.hash
        for ev in events:
            conn.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": ev.prev_hash, "h": ev.hash, "i": ev.id})
        conn.execute(text("UPDATE audit_head SET hash = :h"), {"h": prev})
    said(decided, "its content, number or seal was changed")
    run(decided, "UPDATE audit_head SET key_id = NULL, keyed_from = NULL")
    said(decided, "rewritten without it")


def test_appending_a_forged_event(decided):
    with decided.snapshot() as s:
        last = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    forged = AuditEvent(id=last.id + 1, at=last.at, actor="adm", action="decide", entity="adm_decision",
                        summary="a decision nobody made", prev_hash=last.hash, hash="")
    forged.hash = audit.event_hash(forged)
    run(decided, "INSERT INTO audit_event (id, at, actor, action, entity, summary, prev_hash, hash) "
                 "VALUES (:i, :at, 'adm', 'decide', 'adm_decision', 'a decision nobody made', :p, :h)",
        i=forged.id, at=last.at, p=forged.prev_hash, h=forged.hash)
    run(decided, "UPDATE audit_head SET events = events + 1, hash = :h", h=forged.hash)
    said(decided, "its content, number or seal was changed")


def test_a_store_swapped_for_another(decided, tmp_path):
    """Someone replaces the store's trail with a freshly made one: it is not the anchored store."""
    run(decided, "UPDATE audit_head SET store_uid = 'another-store'")
    said(decided, "not the store the anchor was written for")


def test_a_corrupt_page_is_found_and_verify_exits_3(sqlite_store, tmp_path, capsys):
    from panelapp.services.agency import ensure_agency
    with sqlite_store.transaction() as s:
        ensure_agency(s, "Corrupt Council")
    path = sqlite_store.path
    sqlite_store.dispose()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE filler (x TEXT)")
    con.execute("CREATE INDEX ix_filler ON filler (x)")
    con.executemany("INSERT INTO filler VALUES (?)", [(f"row {i:05d} " + "x" * 200,) for i in range(2000)])
    con.commit()
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_filler'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xff" * 64)
    assert main(["--db", str(path), "audit", "verify"]) == 3
    out = capsys.readouterr().out
    assert "store's file is damaged" in out and "intact" not in out


def test_a_store_whose_chain_predates_the_key_still_verifies_and_is_keyed_from_then_on(tmp_path):
    """Events written before this version are plain SHA-256; they still verify, and every
    event after them is sealed with the key."""
    from alembic import command

    from panelapp.db import alembic_config
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        prev = audit.GENESIS
        for n in range(3):
            ev = AuditEvent(id=n + 1, at=dt.datetime(2025, 1, 1, 10, n), actor="old", action="update",
                            entity="agency", summary=f"old change {n}", prev_hash=prev, hash="")
            ev.hash = audit.event_hash(ev)
            conn.execute(text("INSERT INTO audit_event (id, at, actor, action, entity, summary, prev_hash, hash) "
                              "VALUES (:i, :at, 'old', 'update', 'agency', :s, :p, :h)"),
                         {"i": ev.id, "at": ev.at, "s": ev.summary, "p": prev, "h": ev.hash})
            prev = ev.hash
    engine.dispose()
    store = open_store(str(path))
    try:
        with store.snapshot() as s:
            report = audit.verify(s)
        assert report.problems == [] and report.events == 3 and not report.keyed
        with store.transaction() as s:
            audit.record(s, "new", "update", "agency", summary="a change under the key")
        with store.snapshot() as s:
            report = audit.verify(s)
        assert report.problems == [] and report.events == 4 and report.keyed
        run(store, "UPDATE audit_event SET summary = 'rewritten' WHERE id = 4")
        said(store, "event 4")
    finally:
        store.dispose()
