"""The store on disk: private to its owner, backups rotated, a foreign database refused
and never converted, and no store made by a mistyped path."""

import os
import sqlite3
import stat

import pytest
from alembic import command

from panelapp import db as dbmod
from panelapp.cli import main
from panelapp.db import alembic_config, backups_of, make_engine, open_store
from panelapp.errors import StoreError


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_default_store_its_folder_wal_and_log_are_the_owners_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PANELAPP_DB_URL", raising=False)
    old = os.umask(0o022)
    try:
        assert main(["init"]) == 0
    finally:
        os.umask(old)
    store = tmp_path / "data" / "PanelApp" / "panelapp.sqlite"
    assert store.exists()
    assert mode(store.parent) == 0o700
    for path in [store] + [p for p in store.parent.iterdir() if p.name.startswith("panelapp.sqlite-")]:
        assert mode(path) & 0o077 == 0, path


def _old_store(path, revision="0003"):
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_backups_are_private_and_only_the_last_few_kept(tmp_path):
    path = tmp_path / "s.sqlite"
    for _ in range(dbmod.KEEP_BACKUPS + 3):
        path.unlink(missing_ok=True)
        _old_store(path)
        open_store(str(path)).dispose()
    backups = backups_of(path)
    assert len(backups) == dbmod.KEEP_BACKUPS
    assert all(mode(b) == 0o600 for b in backups)


def test_another_applications_sqlite_file_is_refused_and_left_alone(tmp_path, capsys):
    path = tmp_path / "photos.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO photo (name) VALUES ('beach.jpg')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is not a PanelApp store: it holds other tables"):
        open_store(str(path))
    assert main(["--db", str(path), "init"]) == 1
    assert "not a PanelApp store" in capsys.readouterr().err
    assert path.read_bytes() == before
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["photo"]
    con.close()


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n" * 200)
    assert main(["--db", str(path), "info"]) == 1
    assert "not a PanelApp store" in capsys.readouterr().err
    assert path.read_text().startswith("shopping list")


def test_a_mistyped_path_makes_no_store(tmp_path, capsys):
    typo = tmp_path / "sotre.sqlite"
    for argv in (["info"], ["stats", "--year", "2024"], ["audit", "verify"], ["export", str(tmp_path / "e.json")]):
        assert main(["--db", str(typo)] + argv) == 1
        assert "There is no store at" in capsys.readouterr().err
    assert not typo.exists()
    assert main(["--db", str(typo), "init"]) == 0 and typo.exists()
