"""The store: one engine factory for SQLite and PostgreSQL, sessions, and migrations on open.

SQLite is the embedded default (WAL, foreign keys, a busy timeout so that a
second writer waits instead of failing). PostgreSQL runs through the same code.
"""

import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, create_engine

from .config import resolve_db_url
from .errors import ConcurrentChange, StoreError, StoreTooNew
from .migrations import HEAD_REVISION

if TYPE_CHECKING:  # Alembic is imported only when a store needs migrating (or a test asks)
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed draft must survive a flat battery, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3, the driver the ``postgres`` extra installs."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_path(engine: Engine) -> Path | None:
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database)
    return None


def alembic_config(engine: Engine | None = None) -> "Config":
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False)
                            .replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration this PanelApp knows (kept in step with the scripts by a test)."""
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    """The revision the store is at, read with one query (None for a store never migrated)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):  # no alembic_version table: a new store
            return None


def backup_sqlite(path: Path, tag: str) -> Path:
    """A consistent copy of the store (the backup API copes with WAL), beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{tag}-{stamp}{path.suffix}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine) -> Path | None:
    """Bring the store to this version's schema. Returns the backup made, if any."""
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise StoreTooNew(
                f"This store was written by a newer version of PanelApp (schema revision {current}); "
                f"this version knows revisions up to {head}. Install the newer PanelApp to open it. "
                "Nothing was changed.") from None
    if current == head:
        return None
    backup = None
    path = sqlite_path(engine)
    has_tables = bool(inspect(engine).get_table_names())
    if path is not None and path.exists() and has_tables:
        backup = backup_sqlite(path, current or "unversioned")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


@dataclass
class Store:
    engine: Engine
    url: str
    backup: Path | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.engine)

    @property
    def description(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole. A record someone else
        changed since this session read it is refused, not overwritten."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except StaleDataError:
                session.rollback()
                raise ConcurrentChange(
                    "Someone else changed this record while you were working on it, so nothing of "
                    "yours was saved. Reload it to see their change, then make yours again.") from None
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def _shown(url: str) -> str:
    """The URL as a message may show it: never with its password."""
    try:
        return repr(make_url(url).render_as_string(hide_password=True))
    except Exception:
        return "(a database URL that cannot be read)"


def _hide(text: str, url: str) -> str:
    try:
        password = make_url(url).password
    except Exception:
        return text
    return text.replace(str(password), "***") if password else text


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating if needed) the store named by ``db``, ``PANELAPP_DB_URL`` or the default."""
    url = resolve_db_url(db)
    try:
        engine = make_engine(url)
    except Exception as exc:  # a malformed URL or a missing driver
        raise StoreError(f"Cannot open the store {_shown(url)}: {_hide(str(exc), url)}") from None
    try:
        backup = migrate(engine) if upgrade else None
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise StoreError(f"Cannot open the store {_shown(url)}: {_hide(str(exc), url)}") from None
    return Store(engine=engine, url=url, backup=backup)
