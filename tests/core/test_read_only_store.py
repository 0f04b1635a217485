"""A store that cannot be written opens read-only, saying so: reads work, every change is
refused in a sentence, nothing is backed up or migrated, and one that needs a migration is
refused with a sentence saying who can upgrade it.

The suite runs as root in CI, where a chmod'ed file can still be written, so these tests open
the store read-only explicitly, and prove a truly read-only folder with a read-only bind
mount in a mount namespace of its own (root's ``unshare``) or, for any other user, a chmod.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from sqlmodel import select

from panelapp.cli import main
from panelapp.db import alembic_config, make_engine, open_store, read_only_uri, sqlite_writable
from panelapp.errors import StoreReadOnly
from panelapp.models import Agency, UserAccount
from panelapp.services import accounts
from panelapp.services.agency import ensure_agency
from panelapp.services.permissions import Actor
from panelapp.store_faults import OPEN_READ_ONLY
from tests.builders import sign_in_everyone

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def written(tmp_path) -> Path:
    """A store with an agency and accounts, closed (its WAL folded into the file)."""
    path = tmp_path / "shared" / "panel.sqlite"
    path.parent.mkdir()
    store = open_store(str(path))
    try:
        sign_in_everyone(store)
    finally:
        store.dispose()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def test_a_store_opened_read_only_reads_and_refuses_every_change(written):
    before = _digest(written)
    store = open_store(str(written), read_only=True)
    try:
        assert store.read_only and store.backup is None
        with store.session() as session:
            assert session.exec(select(Agency)).first() is not None
        with store.snapshot() as session:
            assert session.exec(select(UserAccount)).all()
        with pytest.raises(StoreReadOnly) as refused:
            with store.transaction() as session:
                ensure_agency(session, "Someone Else's Agency")
        assert str(refused.value) == OPEN_READ_ONLY and "read-only" in str(refused.value)
        # Below the store's own refusal, SQLite refuses too, and that becomes the same kind of sentence.
        with store.session() as session:
            with pytest.raises(StoreReadOnly, match="cannot be written"):
                try:
                    session.connection().exec_driver_sql("UPDATE agency SET name = 'x'")
                except Exception as exc:
                    from panelapp.store_faults import explain
                    raise explain(exc) from None
    finally:
        store.dispose()
    assert _digest(written) == before


def test_signing_in_to_a_read_only_store_writes_nothing(written):
    before = _digest(written)
    store = open_store(str(written), read_only=True)
    try:
        with store.session() as session:
            actor = accounts.sign_in_to_read(session, "chair", "chair-password")
            assert actor.role == "chair"
            with pytest.raises(accounts.SignInFailed, match="not right"):
                accounts.sign_in_to_read(session, "chair", "a wrong password")
        with store.session() as session:
            chair = session.exec(select(UserAccount).where(UserAccount.username == "chair")).one()
            assert chair.failed_sign_ins == 0
    finally:
        store.dispose()
    assert _digest(written) == before


def test_a_read_only_store_that_needs_a_migration_is_refused_unchanged(tmp_path):
    from alembic.script import ScriptDirectory
    first = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())[-1].revision
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, first)
    engine.dispose()
    before = _digest(path)
    with pytest.raises(StoreReadOnly) as refused:
        open_store(str(path), read_only=True)
    assert "must be upgraded" in str(refused.value) and "someone who may write it" in str(refused.value)
    assert _digest(path) == before
    # SQLite may leave its (empty) -wal and -shm beside a WAL file it read; no backup is made.
    assert not [p.name for p in tmp_path.iterdir() if "backup" in p.name]


def test_an_empty_file_or_no_file_is_not_opened_read_only(tmp_path):
    (tmp_path / "empty.sqlite").touch()
    with pytest.raises(StoreReadOnly, match="empty and open read-only"):
        open_store(str(tmp_path / "empty.sqlite"), read_only=True)
    with pytest.raises(Exception, match="no store at"):
        open_store(str(tmp_path / "missing.sqlite"), read_only=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_unwritable_store_is_found_by_the_write_probe(written, monkeypatch):
    """``sqlite_writable`` is what open_store asks; a refusal to write (as an ACL, a locked share
    or a read-only mount gives) makes the default open read-only."""
    assert sqlite_writable(written)
    real_open = os.open

    def refuse_writing(path, flags, *args):
        if flags & (os.O_WRONLY | os.O_RDWR) and Path(path).parent == written.parent:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse_writing)
    assert not sqlite_writable(written)


def test_a_wal_store_with_unfolded_changes_in_an_unwritable_folder_is_refused(written, monkeypatch):
    """immutable=1 would read the file without what waits in its -wal: refused instead."""
    wal = written.with_name(written.name + "-wal")
    wal.write_bytes(b"\0" * 4096)

    real_connect = sqlite3.connect

    def cannot_make_shm(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        if isinstance(target, str) and target.endswith("?mode=ro"):
            con.close()
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return con

    monkeypatch.setattr(sqlite3, "connect", cannot_make_shm)
    with pytest.raises(StoreReadOnly, match="-wal"):
        read_only_uri(written)
    wal.unlink()
    assert read_only_uri(written).endswith("&immutable=1")


def test_cli_reads_a_read_only_store_and_says_why_it_cannot_write(written, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("panelapp.db.sqlite_writable", lambda _path: False)
    monkeypatch.setenv("PANELAPP_PASSWORD", "adviser-password")
    before = _digest(written)
    db = str(written)
    assert main(["info", "--db", db, "--as", "adviser"]) == 0
    assert "agency:" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["export", "--db", db, "--as", "adviser", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["agency"]
    capsys.readouterr()
    assert main(["init", "--db", db, "--agency", "Another Agency"]) != 0
    assert "open read-only" in capsys.readouterr().err
    assert _digest(written) == before


_PROBE = textwrap.dedent("""
    import json, sys
    from panelapp.db import open_store
    from panelapp.errors import StoreReadOnly
    from panelapp.services.agency import ensure_agency
    store = open_store(sys.argv[1])
    out = {"read_only": store.read_only}
    with store.session() as session:
        out["agency"] = session.connection().exec_driver_sql("SELECT name FROM agency").scalar()
    try:
        with store.transaction() as session:
            ensure_agency(session, "Someone Else")
        out["refused"] = None
    except StoreReadOnly as exc:
        out["refused"] = str(exc)
    store.dispose()
    print(json.dumps(out))
""")


def _run_in_read_only_folder(folder: Path, args: list[str]) -> subprocess.CompletedProcess:
    """``python args`` with ``folder`` truly read-only: a read-only bind mount in a mount
    namespace of its own when root (chmod does not stop root), a chmod otherwise."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT)
        finally:
            folder.chmod(0o755)
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare to make a read-only folder for root")
    command_line = " ".join(["mount", "--bind", "-o", "ro", f"'{folder}'", f"'{folder}'", "&&",
                             f"'{sys.executable}'", *(f"'{a}'" for a in args)])
    done = subprocess.run([unshare, "-m", "sh", "-c", command_line], capture_output=True, text=True, env=env,
                          cwd=ROOT)
    if done.returncode != 0 and "mount" in done.stderr and "panelapp" not in done.stderr:
        pytest.skip("this machine does not allow a read-only bind mount")
    return done


def test_a_store_in_a_read_only_folder_opens_read_only(written):
    """The folder cannot be written, so SQLite cannot make the WAL's -shm file beside the store:
    PanelApp finds that on its own and opens it read-only, writing nothing there."""
    before = sorted(p.name for p in written.parent.iterdir()), _digest(written)
    done = _run_in_read_only_folder(written.parent, ["-c", _PROBE, str(written)])
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["read_only"] is True and seen["agency"]
    assert seen["refused"] == OPEN_READ_ONLY
    assert (sorted(p.name for p in written.parent.iterdir()), _digest(written)) == before


def test_cli_in_a_read_only_folder(written):
    env_password = {"PANELAPP_PASSWORD": "adviser-password"}
    os.environ.update(env_password)
    try:
        done = _run_in_read_only_folder(written.parent, ["-m", "panelapp.cli", "info", "--db", str(written),
                                                         "--as", "adviser"])
        assert done.returncode == 0, done.stderr
        assert "agency:" in done.stdout
        done = _run_in_read_only_folder(written.parent, ["-m", "panelapp.cli", "init", "--db", str(written),
                                                         "--agency", "Another"])
        assert done.returncode != 0 and "open read-only" in done.stderr
    finally:
        os.environ.pop("PANELAPP_PASSWORD", None)


def test_read_only_actor_is_refused_before_the_service_runs(written):
    """A change helper gets the store's refusal whoever acts: even an administrator."""
    store = open_store(str(written), read_only=True)
    try:
        with pytest.raises(StoreReadOnly):
            with store.transaction() as session:
                accounts.create_account(session, Actor("admin", "Admin", "admin"), username="new",
                                        display_name="New", role="viewer", password="a long password")
    finally:
        store.dispose()
