"""`panelapp user add` and `panelapp user list`."""

import io

from panelapp.cli import main


def test_first_account_is_an_administrator_then_others_need_one(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "u.sqlite")
    assert main(["--db", db, "init"]) == 0
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
    assert main(["--db", db, "user", "list"]) == 1
    assert "say who you are" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", "admin-password")
    assert main(["--db", db, "user", "list", "--as", "ada"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["ada", "admin", "active"] and out[1].split()[:2] == ["cc", "chair"]


def test_once_a_store_has_accounts_commands_name_who_acts(tmp_path, capsys, monkeypatch):
    from pathlib import Path
    fixture = str(Path(__file__).parent.parent / "fixtures" / "northshire.json")
    db = str(tmp_path / "a.sqlite")
    assert main(["--db", db, "init"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password\n"))
    assert main(["--db", db, "user", "add", "ada", "--name", "Ada Admin", "--role", "admin", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("chair-password\nadmin-password\n"))
    assert main(["--db", db, "user", "add", "cc", "--name", "Chloë Chair", "--role", "chair", "--as", "ada",
                 "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "import", fixture]) == 1
    assert "say who you are with --as USERNAME" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", "chair-password")
    assert main(["--db", db, "import", fixture, "--as", "cc"]) == 1
    assert "may not import exchange files" in capsys.readouterr().err
    assert main(["--db", db, "audit", "verify", "--as", "cc"]) == 1
    monkeypatch.setenv("PANELAPP_PASSWORD", "admin-password")
    assert main(["--db", db, "import", fixture, "--as", "ada"]) == 0
    assert main(["--db", db, "audit", "verify", "--as", "ada"]) == 0
    assert "audit trail intact" in capsys.readouterr().out


def test_with_no_terminal_to_ask_on_the_password_is_asked_for_by_name(tmp_path, capsys, monkeypatch):
    import getpass

    db = str(tmp_path / "a.sqlite")
    assert main(["--db", db, "init"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password\n"))
    assert main(["--db", db, "user", "add", "ada", "--name", "Ada Admin", "--role", "admin", "--password-stdin"]) == 0
    capsys.readouterr()
    monkeypatch.delenv("PANELAPP_PASSWORD", raising=False)

    def no_terminal(prompt: str = "") -> str:
        raise EOFError  # what getpass does when a script gives it nothing to read

    monkeypatch.setattr(getpass, "getpass", no_terminal)
    assert main(["--db", db, "audit", "verify", "--as", "ada"]) == 1
    err = capsys.readouterr().err
    assert "set $PANELAPP_PASSWORD" in err and "EOFError" not in err
