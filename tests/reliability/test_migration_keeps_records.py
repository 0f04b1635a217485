"""Upgrading a populated store from every earlier revision keeps every record.

The Northshire fixture is imported at head; for each earlier revision a store is built
with that revision's schema and filled with the same rows (the columns that revision
has), then opened, which upgrades it. Every row must come through unchanged: SQLite's
batch migrations copy and drop tables, and a DROP with foreign keys on cascades.
"""

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from panelapp.db import alembic_config, current_revision, head_revision, make_engine, open_store
from panelapp.errors import StoreError
from panelapp.exchange import import_document


def _rows(path: Path) -> dict[str, dict[int, dict]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        # Records only: the search index (FTS tables, kept by triggers) has no ids of its own.
        tables = [t for t in tables if "id" in {c[1] for c in con.execute(f'PRAGMA table_info("{t}")')}]
        return {t: {row["id"]: dict(row) for row in con.execute(f'SELECT * FROM "{t}"')} for t in tables}
    finally:
        con.close()


def _earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions())) if r.revision != script.get_current_head()]


@pytest.fixture(scope="module")
def head_rows(tmp_path_factory, northshire_doc) -> dict[str, dict[int, dict]]:
    path = tmp_path_factory.mktemp("head") / "head.sqlite"
    store = open_store(str(path))
    try:
        with store.transaction() as session:
            import_document(session, northshire_doc, actor="test")
    finally:
        store.dispose()
    rows = _rows(path)
    # The fixture must exercise the links a cascade would delete.
    for table in ("recommendation", "adm_decision", "item_household", "item_child", "dissent", "attendance"):
        assert rows[table], table
    return rows


def _store_at(path: Path, revision: str, head_rows: dict) -> None:
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    columns = {t: {c["name"] for c in inspect(engine).get_columns(t)} for t in inspect(engine).get_table_names()}
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    with con:
        for table, rows in head_rows.items():
            if table not in columns:
                continue
            for row in rows.values():
                kept = {k: v for k, v in row.items() if k in columns[table]}
                names = ", ".join(f'"{k}"' for k in kept)
                marks = ", ".join("?" for _ in kept)
                # OR REPLACE: a migration may have made a row already (the audit chain's head).
                con.execute(f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})', list(kept.values()))
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


@pytest.mark.parametrize("revision", _earlier_revisions())
def test_upgrade_from_every_earlier_revision_keeps_every_record(tmp_path, head_rows, revision):
    path = tmp_path / f"at-{revision}.sqlite"
    _store_at(path, revision, head_rows)
    before = _rows(path)
    store = open_store(str(path))
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()
    after = _rows(path)
    for table, rows in before.items():
        assert set(after[table]) == set(rows), f"{table}: rows lost or added by the upgrade"
        for row_id, row in rows.items():
            assert {k: after[table][row_id][k] for k in row} == row, f"{table} {row_id} changed"
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a new connection's default
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_an_upgrade_that_would_leave_dangling_links_is_refused_and_rolled_back(tmp_path, head_rows):
    path = tmp_path / "dangling.sqlite"
    first = _earlier_revisions()[0]
    _store_at(path, first, head_rows)
    con = sqlite3.connect(path)  # foreign keys off: a store damaged by an older tool
    with con:
        con.execute("DELETE FROM household WHERE id IN (SELECT household_id FROM item_household LIMIT 1)")
    con.close()
    before = _rows(path)
    with pytest.raises(StoreError, match="upgrade was refused and nothing was changed"):
        open_store(str(path))
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
    con.close()
    assert _rows(path) == before
