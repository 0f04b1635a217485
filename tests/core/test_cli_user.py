"""`panelapp user add` and `panelapp user list`."""

import io

from panelapp.cli import main


def test_first_account_is_an_administrator_then_others_need_one(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "u.sqlite")
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password\n"))
    assert main(["--db", db, "user", "add", "ada", "--name", "Ada Admin", "--role", "admin", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("chair-password\n"))
    assert main(["--db", db, "user", "add", "cc", "--name", "Chloë Chair", "--role", "chair",
                 "--password-stdin"]) == 1
    assert "Sign in as an administrator" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("chair-password\nadmin-password\n"))
    assert main(["--db", db, "user", "add", "cc", "--name", "Chloë Chair", "--role", "chair", "--as", "ada",
                 "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "user", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["ada", "admin", "active"] and out[1].split()[:2] == ["cc", "chair"]
