"""Once a store has accounts, nothing that shows records runs without signing in; wrong
passwords are counted, slowed, locked out and audited; an unknown name costs a hash too."""

import io
from pathlib import Path

import pytest
from sqlmodel import select

from panelapp.cli import main
from panelapp.db import open_store
from panelapp.errors import PanelAppError
from panelapp.models import AuditEvent, Household, UserAccount
from panelapp.services import accounts
from panelapp.services.agency import update_agency
from panelapp.services.permissions import Actor

FIXTURE = str(Path(__file__).parent.parent / "fixtures" / "northshire.json")

SHOWING_RECORDS = [
    ["minutes", "P20220623", "--out", "{tmp}/m.pdf"],
    ["decision", "I00108", "--letter", "--out", "{tmp}/l.pdf"],
    ["decision", "I00108", "--out", "{tmp}/d.pdf"],
    ["agenda", "P20220623", "--out", "{tmp}/a.pdf"],
    ["pack", "P20220623", "--out", "{tmp}/p.pdf"],
    ["report", "annual", "--year", "2024", "--out", "{tmp}/r.pdf"],
    ["deadlines"],
    ["stats", "--year", "2024"],
    ["info"],
    ["user", "list"],
    ["export", "{tmp}/e.json"],
    ["audit", "list"],
    ["audit", "verify"],
]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("guarded") / "g.sqlite")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", FIXTURE]) == 0
    # A letter needs the agency's address and a way to reach it (agency settings).
    store = open_store(db)
    with store.transaction() as s:
        update_agency(s, Actor("op", "Operator", "admin"), address="Civic Centre\nNorthshire NS1 1AA",
                      telephone="01234 567890")
        for household in s.exec(select(Household)):
            household.address = "1 Mill Lane\nNorthshire NS2 2BB"
            s.add(household)
    store.dispose()
    import sys
    saved = sys.stdin
    sys.stdin = io.StringIO("admin-password\n")
    try:
        assert main(["--db", db, "user", "add", "ada", "--name", "Ada Admin", "--role", "admin",
                     "--password-stdin"]) == 0
    finally:
        sys.stdin = saved
    return db


@pytest.mark.parametrize("command", SHOWING_RECORDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_that_shows_records_signs_in(guarded, command, tmp_path, capsys):
    argv = ["--db", guarded] + [a.format(tmp=tmp_path) for a in command]
    assert main(argv) == 1
    assert "say who you are with --as USERNAME" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_signed_in_the_letter_is_written(guarded, tmp_path, monkeypatch):
    monkeypatch.setenv("PANELAPP_PASSWORD", "admin-password")
    out = tmp_path / "l.pdf"
    assert main(["--db", guarded, "decision", "I00108", "--letter", "--out", str(out), "--as", "ada"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.fixture
def accounts_store(sqlite_store):
    with sqlite_store.transaction() as s:
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
    with sqlite_store.transaction() as s:
        admin = accounts.sign_in(s, "admin", "admin-password")
        accounts.create_account(s, admin, username="pat", display_name="Pat Adviser", role="adviser",
                                password="pat-password")
    return sqlite_store


def _try(store, username, password):
    with store.transaction() as s:
        return accounts.sign_in(s, username, password)


def _account(store, username) -> UserAccount:
    with store.session() as s:
        return s.exec(select(UserAccount).where(UserAccount.username == username)).one()


def test_failed_sign_ins_are_audited_kept_and_slowed(accounts_store, monkeypatch):
    for _ in range(accounts.FREE_TRIES):
        with pytest.raises(PanelAppError, match="user name or password is not right"):
            _try(accounts_store, "pat", "wrong")
    account = _account(accounts_store, "pat")
    assert account.failed_sign_ins == accounts.FREE_TRIES and account.locked_until is not None
    # Now even the right password waits until the back-off is over.
    with pytest.raises(PanelAppError, match="try again in"):
        _try(accounts_store, "pat", "pat-password")
    with pytest.raises(PanelAppError, match="user name or password is not right"):
        _try(accounts_store, "nobody", "wrong")
    with accounts_store.session() as s:
        failed = s.exec(select(AuditEvent).where(AuditEvent.action == "sign_in_failed")).all()
    assert len(failed) == accounts.FREE_TRIES + 1
    assert failed[-1].actor == "(unknown)" and "nobody" not in (failed[-1].summary or "")


def test_lockout_after_n_until_an_administrator_unlocks(accounts_store, monkeypatch):
    for n in range(accounts.LOCKOUT_AFTER):
        with accounts_store.transaction() as s:  # the back-off is waited out, as a patient guesser would
            s.exec(select(UserAccount).where(UserAccount.username == "pat")).one().locked_until = None
        with pytest.raises(PanelAppError):
            _try(accounts_store, "pat", f"guess {n}")
    with pytest.raises(PanelAppError, match="locked after 10 wrong passwords"):
        _try(accounts_store, "pat", "pat-password")
    with accounts_store.transaction() as s:
        admin = accounts.sign_in(s, "admin", "admin-password")
        accounts.unlock(s, admin, "pat")
    assert _try(accounts_store, "pat", "pat-password").username == "pat"
    assert _account(accounts_store, "pat").failed_sign_ins == 0


def test_an_unknown_name_is_checked_against_a_hash_like_a_known_one(accounts_store, monkeypatch):
    """Equal work, so equal time: an unknown name costs one argon2 verification, as a known one does."""
    calls = []
    real = accounts._hasher

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def verify(self, stored, password):
            calls.append(stored.split("$")[1:4])
            return real.verify(stored, password)
    monkeypatch.setattr(accounts, "_hasher", Counting())
    for name in ("pat", "nobody"):
        with pytest.raises(PanelAppError):
            _try(accounts_store, name, "wrong")
    assert len(calls) == 2 and calls[0] == calls[1]  # same algorithm and cost


def test_the_cli_unlocks_an_account(accounts_store, monkeypatch, capsys):
    with accounts_store.transaction() as s:
        s.exec(select(UserAccount).where(UserAccount.username == "pat")).one().failed_sign_ins = 99
    db = str(accounts_store.path)
    accounts_store.dispose()
    monkeypatch.setenv("PANELAPP_PASSWORD", "admin-password")
    assert main(["--db", db, "user", "unlock", "pat", "--as", "admin"]) == 0
    store = open_store(db)
    try:
        assert _account(store, "pat").failed_sign_ins == 0
    finally:
        store.dispose()
