"""The store: SQLite settings, migrations on open with a backup, refusal of a newer store."""

import sqlite3

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm.exc import StaleDataError

from panelapp.db import alembic_config, current_revision, head_revision, open_store
from panelapp.errors import StoreConflict, StoreTooNew
from panelapp.models import Agency, Meeting, PanelMember
import datetime as dt


def test_sqlite_store_uses_wal_foreign_keys_and_busy_timeout(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_store_is_at_head(store):
    assert current_revision(store.engine) == head_revision()


def test_models_and_migrations_are_in_step(store):
    """`alembic check`: autogenerate finds nothing the migrations lack."""
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.check(cfg)


def test_migration_chain_is_linear_and_upgrades_step_by_step(tmp_path):
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert all(len(r._all_down_revisions) <= 1 for r in revisions)
    # Open an old store at the first revision, then let open_store migrate it.
    path = tmp_path / "old.sqlite"
    from panelapp.db import make_engine
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revisions[-1].revision)
        conn.execute(text("INSERT INTO agency (uid, version, created_at, updated_at, name) "
                          "VALUES ('u1', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', 'Old Agency')"))
    engine.dispose()
    store = open_store(str(path))
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.backup is not None and store.backup.exists()
        backed = sqlite3.connect(store.backup)
        assert backed.execute("SELECT name FROM agency").fetchone() == ("Old Agency",)
        backed.close()
        with store.session() as s:
            assert s.get(Agency, 1).name == "Old Agency"
    finally:
        store.dispose()


def test_store_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_store(str(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(StoreTooNew, match="newer version of PanelApp"):
        open_store(str(path))
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_from_the_future",)
    con.close()


def test_database_enforces_enumerations_and_unique_refs(store):
    """The database's refusal reaches the caller as a sentence naming the rule, not the values."""
    with pytest.raises(StoreConflict, match="nothing was saved"):
        with store.transaction() as s:
            s.add(Meeting(ref="X1", meeting_date=dt.date(2024, 5, 1), status="postponed"))
    with store.transaction() as s:
        s.add(PanelMember(ref="M1", name="A", appointed=dt.date(2024, 1, 1)))
    with pytest.raises(StoreConflict, match="panel_member") as refused:
        with store.transaction() as s:
            s.add(PanelMember(ref="M1", name="B", appointed=dt.date(2024, 1, 1)))
    assert "M1" not in str(refused.value) and refused.value.__cause__ is None


def test_version_rises_and_a_stale_write_is_refused(store):
    with store.transaction() as s:
        s.add(Agency(name="Northshire"))
    with store.session() as first, store.session() as second:
        a1, a2 = first.get(Agency, 1), second.get(Agency, 1)
        uid = a1.uid
        a1.panel_name = "Panel A"
        first.commit()
        assert a1.version == 2
        a2.panel_name = "Panel B"
        with pytest.raises(StaleDataError):
            second.commit()
    with store.session() as s:
        agency = s.get(Agency, 1)
        assert (agency.panel_name, agency.version, agency.uid) == ("Panel A", 2, uid)


def test_two_users_editing_the_same_meeting_one_is_told(store):
    from panelapp.errors import ConcurrentChange
    with store.transaction() as s:
        s.add(Meeting(ref="P1", meeting_date=dt.date(2025, 5, 8), status="planned"))
    with store.session() as reader:
        stale = reader.exec(select_meeting("P1")).one()
    with store.transaction() as s:
        s.exec(select_meeting("P1")).one().venue = "Room 1"
    with pytest.raises(ConcurrentChange, match="Someone else changed this record"):
        with store.transaction() as s:
            mine = s.merge(stale, load=False)
            mine.venue = "Room 2"
    with store.session() as s:
        assert s.exec(select_meeting("P1")).one().venue == "Room 1"


def select_meeting(ref):
    from sqlmodel import select
    return select(Meeting).where(Meeting.ref == ref)
