"""search indexes for the record listings

Households and children are searched as the user types, at a million rows: on
SQLite through FTS5 tables with the trigram tokenizer (any part of a name or ref,
as the tables' old substring filter matched), kept in step by triggers; on
PostgreSQL through pg_trgm indexes on the same columns, where the extension can
be created (without it the same ILIKE search runs unindexed).

Revision ID: listing
Revises: safekeeping
Create Date: 2026-12-04
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'listing'
down_revision: str | None = 'safekeeping'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The applicants' names, one a line (so that no search word can match across two names),
# for searching and sorting.
NAMES = ("(SELECT coalesce(group_concat(name, char(10)), '') FROM "
         "(SELECT name FROM applicant WHERE household_id = {id} ORDER BY position, id))")

SQLITE_UP = [
    "CREATE VIRTUAL TABLE household_search USING fts5(ref, names, tokenize='trigram')",
    "INSERT INTO household_search (rowid, ref, names) SELECT id, ref, " + NAMES.format(id="household.id")
    + " FROM household",
    "CREATE TRIGGER household_search_insert AFTER INSERT ON household BEGIN "
    "INSERT INTO household_search (rowid, ref, names) VALUES (new.id, new.ref, ''); END",
    "CREATE TRIGGER household_search_delete AFTER DELETE ON household BEGIN "
    "DELETE FROM household_search WHERE rowid = old.id; END",
    "CREATE TRIGGER household_search_ref AFTER UPDATE OF ref ON household BEGIN "
    "UPDATE household_search SET ref = new.ref WHERE rowid = new.id; END",
    "CREATE TRIGGER applicant_search_insert AFTER INSERT ON applicant BEGIN "
    "UPDATE household_search SET names = " + NAMES.format(id="new.household_id")
    + " WHERE rowid = new.household_id; END",
    "CREATE TRIGGER applicant_search_delete AFTER DELETE ON applicant BEGIN "
    "UPDATE household_search SET names = " + NAMES.format(id="old.household_id")
    + " WHERE rowid = old.household_id; END",
    "CREATE TRIGGER applicant_search_update AFTER UPDATE OF name, position, household_id ON applicant BEGIN "
    "UPDATE household_search SET names = " + NAMES.format(id="old.household_id")
    + " WHERE rowid = old.household_id; "
    "UPDATE household_search SET names = " + NAMES.format(id="new.household_id")
    + " WHERE rowid = new.household_id; END",
    "CREATE VIRTUAL TABLE child_search USING fts5(ref, name, tokenize='trigram')",
    "INSERT INTO child_search (rowid, ref, name) SELECT id, ref, name FROM child",
    "CREATE TRIGGER child_search_insert AFTER INSERT ON child BEGIN "
    "INSERT INTO child_search (rowid, ref, name) VALUES (new.id, new.ref, new.name); END",
    "CREATE TRIGGER child_search_delete AFTER DELETE ON child BEGIN "
    "DELETE FROM child_search WHERE rowid = old.id; END",
    "CREATE TRIGGER child_search_update AFTER UPDATE OF ref, name ON child BEGIN "
    "UPDATE child_search SET ref = new.ref, name = new.name WHERE rowid = new.id; END",
]
SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in (
        "household_search_insert", "household_search_delete", "household_search_ref",
        "applicant_search_insert", "applicant_search_delete", "applicant_search_update",
        "child_search_insert", "child_search_delete", "child_search_update")),
    "DROP TABLE IF EXISTS household_search",
    "DROP TABLE IF EXISTS child_search",
]
TRIGRAM_INDEXES = (("trgm_household_ref", "household", "ref"), ("trgm_applicant_name", "applicant", "name"),
                   ("trgm_child_ref", "child", "ref"), ("trgm_child_name", "child", "name"))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
        return
    if bind.dialect.name != "postgresql":
        return
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar()
    if not available:
        return
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        savepoint.commit()
    except Exception:  # not allowed to create extensions here: search runs unindexed
        savepoint.rollback()
        return
    for name, table, column in TRIGRAM_INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for name, _table, _column in TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
