"""The store: one engine factory for SQLite and PostgreSQL, sessions, and migrations on open.

SQLite is the embedded default (WAL, foreign keys, a busy timeout so that a
second writer waits instead of failing). PostgreSQL runs through the same code.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, create_engine

from .config import data_dir, resolve_db_url
from .errors import ConcurrentChange, StoreBusy, StoreDamaged, StoreError, StoreReadOnly, StoreTooNew
from .migrations import HEAD_REVISION
from .privacy import private_dir, private_file
from .store_faults import BUSY, OPEN_READ_ONLY, explain

if TYPE_CHECKING:  # Alembic is imported only when a store needs migrating (or a test asks)
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
# Each migration leaves a backup; older ones go, so that copies of records do not pile up.
KEEP_BACKUPS = 5
# How many busy timeouts a writer sits out before it is told to try again.
WRITE_ATTEMPTS = 3


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed draft must survive a flat battery, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_read_pragmas(dbapi_connection, _record):
    """A read-only connection leaves the journal mode alone (setting it is a write) and refuses
    writes itself as well, whatever SQLite's open flags would allow."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def sqlite_writable(path: Path) -> bool:
    """Whether this process may write the store's file and its folder: SQLite keeps the WAL and
    its shared-memory file beside the store, and a migration leaves its backup there."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return False
    # access() reads the mode bits; a read-only mount, an ACL or a locked share may still say no.
    try:
        handle, probe = tempfile.mkstemp(prefix=".panelapp-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    os.unlink(probe)
    if path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY))  # opened for writing, nothing written
        except OSError:
            return False
    return True


def _readonly_failure(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in str(exc)


def read_only_uri(path: Path) -> str:
    """The URI that opens the SQLite file ``path`` read-only.

    ``mode=ro`` reads a WAL store like any other as long as SQLite can make (or finds) its
    ``-shm`` file beside it. In a folder that cannot be written it cannot, and the first read
    fails; ``immutable=1`` then reads the file without the WAL's shared memory or locks. That
    is safe only when nothing waits in a ``-wal`` file (it would be ignored), so a store
    whose WAL still holds changes is refused rather than shown without them.
    Raises sqlite3.DatabaseError for a file that is not a database."""
    plain = f"{path.resolve().as_uri()}?mode=ro"
    try:
        con = sqlite3.connect(plain, uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
        return plain
    except sqlite3.OperationalError as exc:
        if not _readonly_failure(exc):
            raise
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreReadOnly(
            f"{path} cannot be read here: its last changes are still in {wal.name} beside it, and its "
            "folder cannot be written, so they cannot be read with it. Nothing was changed. Ask someone "
            "who may write that folder to open the store once (which folds the changes in), then try again.")
    return plain + "&immutable=1"


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3, the driver the ``postgres`` extra installs."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and read_only:
        if not parsed.database or parsed.database == ":memory:":
            raise StoreError("Only a store kept in a file can be opened read-only.")
        target = read_only_uri(Path(parsed.database))
        engine = create_engine(url, hide_parameters=True, creator=lambda: sqlite3.connect(
            target, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
        event.listen(engine, "connect", _sqlite_read_pragmas)
        return engine
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_sqlite_file(Path(parsed.database))
        engine = create_engine(url, hide_parameters=True,
                               connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A writer waits for another's lock as long as SQLite would, then is told, never hangs.
    options = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
    if read_only:  # the server refuses every write in these sessions too
        options += " -c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args={"options": options})


def _private_sqlite_file(path: Path) -> None:
    """The store's folder and file are the owner's alone. The file is made before SQLite opens
    it, so that its journal files (which copy the file's mode) are private from the start."""
    private_dir(path.parent, ours=path.parent == data_dir())
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(companion)


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


def backups_of(path: Path) -> list[Path]:
    """The store's backups, oldest first."""
    return sorted(path.parent.glob(f"{glob_escape(path.stem)}.backup-*{glob_escape(path.suffix)}"),
                  key=lambda p: (p.stat().st_mtime, p.name))


def backup_sqlite(path: Path, tag: str) -> Path:
    """A consistent copy of the store (the backup API copes with WAL), beside it, as private as
    the store; only the last ``KEEP_BACKUPS`` are kept."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.backup-{tag}-{stamp}{path.suffix}")
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    for old in backups_of(path)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def migrate(engine: Engine, *, read_only: bool = False) -> Path | None:
    """Bring the store to this version's schema. Returns the backup made, if any. A store open
    read-only is never backed up or migrated: one that needs it is refused in a sentence."""
    path = sqlite_path(engine)
    try:
        current = current_revision(engine)
        # A store at this version's revision opens with one query and without Alembic.
        if current == HEAD_REVISION:
            return None
        tables = set(inspect(engine).get_table_names())
    except DBAPIError as exc:
        if path is not None and isinstance(explain(exc), StoreDamaged):
            raise StoreError(f"{path} is not a PanelApp store (it is not a SQLite database, or it is "
                             "damaged); nothing was changed.") from None
        raise
    if current is None and tables:
        raise StoreError(f"{path or 'This database'} is not a PanelApp store: it holds other tables "
                         f"({', '.join(sorted(tables)[:3])}{', ...' if len(tables) > 3 else ''}) and no "
                         "PanelApp schema. Nothing was changed; give PanelApp a store of its own.")
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
    if read_only:
        where = path or "This database"
        if current is None:
            raise StoreReadOnly(f"{where} is empty and open read-only, so it cannot become a PanelApp store. "
                                "Nothing was changed; " + ("choose a file in a folder you may write."
                                                           if path else "give PanelApp a database it may write."))
        raise StoreReadOnly(
            f"{where} was written by an older PanelApp (schema revision {current}; this version needs "
            f"{head}) and must be upgraded before it can be opened, but it cannot be written here. Nothing "
            "was changed. Ask someone who may write it to open it once with this version of PanelApp "
            "(which backs it up, then upgrades it), or open a copy kept where you may write.")
    backup = None
    if path is not None and path.exists() and tables:
        backup = backup_sqlite(path, current or "unversioned")
    cfg = alembic_config(engine)
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine, cfg)
    else:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return backup


def _upgrade_sqlite(engine: Engine, cfg: Config) -> None:
    """Run every migration in one transaction with foreign keys off.

    SQLite's batch migrations copy a table and drop the original; with foreign keys on,
    that DROP cascades and deletes every row that points at it (recommendations, ADM
    decisions, links). SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, so it is
    switched off before BEGIN, and ``foreign_key_check`` proves nothing dangles before COMMIT.
    """
    from alembic import command

    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    tables = sorted({str(row[0]) for row in broken})
                    raise StoreError(
                        f"Upgrading the store would leave {len(broken)} record(s) pointing at records that "
                        f"do not exist (in {', '.join(tables)}), so the upgrade was refused and nothing "
                        "was changed.")
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def _begin_immediate(session: Session) -> None:
    """Take SQLite's write lock, waiting out a few busy timeouts before giving up with a sentence."""
    connection = session.connection()
    for _attempt in range(WRITE_ATTEMPTS):
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as exc:
            if not isinstance(explain(exc), StoreBusy):
                raise
    raise StoreBusy(BUSY)


@dataclass
class Store:
    engine: Engine
    url: str
    backup: Path | None = None
    # Opened read-only (its file or folder cannot be written, or it was asked for): reads work,
    # and every transaction is refused with a sentence before it starts.
    read_only: bool = False

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
        changed since this session read it is refused, not overwritten.

        On SQLite the transaction takes the write lock first (BEGIN IMMEDIATE): writers then
        queue for the lock instead of each reading, then failing to upgrade to a writer."""
        if self.read_only:
            raise StoreReadOnly(OPEN_READ_ONLY)
        with self.session() as session:
            try:
                if self.engine.dialect.name == "sqlite":
                    _begin_immediate(session)
                yield session
                session.commit()
            except StaleDataError:
                session.rollback()
                raise ConcurrentChange(
                    "Someone else changed this record while you were working on it, so nothing of "
                    "yours was saved. Reload it to see their change, then make yours again.") from None
            except DBAPIError as exc:
                session.rollback()
                raise (explain(exc) or exc) from None
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """Reads that see the store as it was at one moment, whatever is written meanwhile:
        an export or a set of statistics never mixes records from before and after a change.
        Nothing written in it is kept."""
        if self.engine.dialect.name == "sqlite":
            session = Session(self.engine, expire_on_commit=False)
            # pysqlite opens no transaction for reads, so each SELECT would see the latest commit.
            session.connection().exec_driver_sql("BEGIN")
        else:
            session = Session(self.engine.execution_options(isolation_level="REPEATABLE READ"),
                              expire_on_commit=False)
        try:
            yield session
        except DBAPIError as exc:
            raise (explain(exc) or exc) from None
        finally:
            # Closing gives the connection back, which rolls back at the pool; objects read
            # stay loaded for the caller (a session rollback would expire them).
            session.close()

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


def _refuse_foreign_file(url: str) -> None:
    """Look at an existing SQLite file read-only before opening it for real: opening switches
    it to WAL, which would change another application's database."""
    try:
        parsed = make_url(normalise_url(url))
    except Exception:
        return
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    path = Path(parsed.database)
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise StoreError(f"{path} is not a PanelApp store (it is not a SQLite database, or it is damaged); "
                         "nothing was changed.") from None
    if tables and "alembic_version" not in tables:
        shown = sorted(tables)
        raise StoreError(f"{path} is not a PanelApp store: it holds other tables ({', '.join(shown[:3])}"
                         f"{', ...' if len(shown) > 3 else ''}) and no PanelApp schema. Nothing was changed; "
                         "give PanelApp a store of its own.")


def _sqlite_file(url: str) -> Path | None:
    try:
        parsed = make_url(normalise_url(url))
    except Exception:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def open_store(db: str | None = None, *, upgrade: bool = True, read_only: bool | None = None) -> Store:
    """Open (creating if needed) the store named by ``db``, ``PANELAPP_DB_URL`` or the default.

    ``read_only``: True opens it for reading only; None (the default) does so when its file or
    folder cannot be written, so a store on a read-only share still opens, saying so
    (``Store.read_only``). A read-only store is never created, backed up or migrated."""
    url = resolve_db_url(db)
    file = _sqlite_file(url)
    if read_only is None:
        read_only = file is not None and file.is_file() and not sqlite_writable(file)
    if read_only and file is not None and not file.is_file():
        raise StoreError(f"There is no store at {file} to open read-only.")
    _refuse_foreign_file(url)
    try:
        engine = make_engine(url, read_only=read_only)
    except StoreError:
        raise
    except Exception as exc:  # a malformed URL or a missing driver
        raise StoreError(f"Cannot open the store {_shown(url)}: {_hide(str(exc), url)}") from None
    try:
        backup = migrate(engine, read_only=read_only) if upgrade else None
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"Cannot open the store {_shown(url)}: {explain(exc)}") from None
    except Exception as exc:
        engine.dispose()
        raise StoreError(f"Cannot open the store {_shown(url)}: {_hide(str(exc), url)}") from None
    return Store(engine=engine, url=url, backup=backup, read_only=read_only)
