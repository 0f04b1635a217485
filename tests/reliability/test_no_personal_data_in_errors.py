"""A write the database refuses is told as a sentence: the command line's error output
and the log never carry the SQL, its parameters or the names in the record."""

import json
import sqlite3
from pathlib import Path

import pytest

from panelapp import db
from panelapp.cli import main

NAME = "Zebedee Quillfeather"


@pytest.fixture
def document(tmp_path, northshire_doc) -> Path:
    doc = json.loads(json.dumps(northshire_doc))
    doc["households"][0]["applicants"][0]["name"] = NAME
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def log_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("PANELAPP_LOG_DIR", str(folder))
    return folder


def _leaks(text: str) -> list[str]:
    return [word for word in (NAME, "Quillfeather", "INSERT", "applicant (", "[parameters", "SQL:")
            if word in text]


def _check_quiet(capsys, log_dir: Path) -> str:
    err = capsys.readouterr().err
    log = (log_dir / "panelapp.log").read_text(encoding="utf-8") if (log_dir / "panelapp.log").exists() else ""
    assert _leaks(err) == [], err
    assert _leaks(log) == [], log
    return err


def test_a_refused_write_names_no_one(tmp_path, document, log_dir, capsys):
    store = tmp_path / "s.sqlite"
    assert main(["init", "--db", str(store)]) == 0
    con = sqlite3.connect(store)
    con.execute("CREATE TRIGGER refuse BEFORE INSERT ON applicant BEGIN SELECT RAISE(ABORT, 'no'); END")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["import", str(document), "--db", str(store)]) == 2
    err = _check_quiet(capsys, log_dir)
    assert "(store): The store refused the change" in err and "nothing was saved" in err


def test_a_full_disk_is_a_sentence(tmp_path, document, log_dir, capsys, monkeypatch):
    store = tmp_path / "s.sqlite"
    assert main(["init", "--db", str(store)]) == 0
    plain = db._sqlite_pragmas

    def cramped(dbapi_connection, record):
        plain(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")
    monkeypatch.setattr(db, "_sqlite_pragmas", cramped)
    capsys.readouterr()
    assert main(["import", str(document), "--db", str(store)]) == 1
    err = _check_quiet(capsys, log_dir)
    assert "disk that holds the store is full" in err


def test_an_unexpected_error_shows_its_kind_only_and_logs_no_message(tmp_path, document, log_dir, capsys,
                                                                      monkeypatch):
    from panelapp.cli import exchange_cmds

    def broken(*_args, **_kwargs):
        raise ValueError(f"cannot place {NAME}")
    monkeypatch.setattr(exchange_cmds, "import_document", broken)
    assert main(["init", "--db", str(tmp_path / "s.sqlite")]) == 0
    capsys.readouterr()
    assert main(["import", str(document), "--db", str(tmp_path / "s.sqlite")]) == 1
    err = _check_quiet(capsys, log_dir)
    assert "unexpected error (ValueError)" in err
    log = (log_dir / "panelapp.log").read_text(encoding="utf-8")
    assert "ValueError" in log and "Traceback" in log


def test_a_refused_account_shows_neither_name_nor_password_hash(tmp_path, log_dir, capsys, monkeypatch):
    """The driver's error carries the statement's parameters: the name and the argon2 hash."""
    import io
    store = tmp_path / "s.sqlite"
    assert main(["init", "--db", str(store)]) == 0
    con = sqlite3.connect(store)
    con.execute("CREATE TRIGGER refuse BEFORE INSERT ON user_account BEGIN SELECT RAISE(FAIL, 'disk'); END")
    con.commit()
    con.close()
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    code = main(["user", "add", "zq", "--name", NAME, "--role", "admin", "--password-stdin", "--db", str(store)])
    assert code == 1
    err = _check_quiet(capsys, log_dir)
    assert "$argon2" not in err
    assert "nothing was saved" in err
