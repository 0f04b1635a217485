"""Alembic environment: the one migration chain of PanelApp's store."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from panelapp import models  # noqa: F401  (registers every table)
from panelapp.models.base import metadata

config = context.config

# Search indexes the models do not describe (0005_listing): the FTS5 tables and their
# shadow tables on SQLite, the trigram indexes on PostgreSQL. `alembic check` leaves them be.
SEARCH_TABLES = ("household_search", "child_search")


def include_name(name, type_, _parent_names) -> bool:
    if type_ == "table":
        return not (name or "").startswith(SEARCH_TABLES)
    if type_ == "index":
        return not (name or "").startswith("trgm_")
    return True


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = engine_from_config(config.get_section(config.config_ini_section, {}),
                                prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as conn:
        run(conn)
        conn.commit()
