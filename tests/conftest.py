"""Shared fixtures: a fresh store per test, on SQLite, and on PostgreSQL when
``PANELAPP_TEST_DB_URL`` names a server (each test then gets its own schema)."""

import json
import os
import uuid
from pathlib import Path

import pytest

from panelapp.db import open_store
from panelapp.exchange import import_document

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("PANELAPP_TEST_DB_URL")


@pytest.fixture(scope="session", autouse=True)
def private_folders(tmp_path_factory):
    """Audit keys, anchors and the log go to a folder of the test run, never the user's own."""
    keys, logs = tmp_path_factory.mktemp("audit-keys"), tmp_path_factory.mktemp("logs")
    saved = {name: os.environ.get(name) for name in ("PANELAPP_KEY_DIR", "PANELAPP_LOG_DIR")}
    os.environ["PANELAPP_KEY_DIR"], os.environ["PANELAPP_LOG_DIR"] = str(keys), str(logs)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def northshire_doc() -> dict:
    return json.loads((FIXTURES / "northshire.json").read_text(encoding="utf-8"))


def _pg_store_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    name = "panelapp_test_" + uuid.uuid4().hex[:10]
    from panelapp.db import normalise_url
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(normalise_url(PG_URL)).set(database=name).render_as_string(hide_password=False)

    def drop():
        import time

        from sqlalchemy.exc import DBAPIError
        # FORCE cannot end a session the server itself holds there (an autovacuum worker
        # runs as the superuser): wait for it to finish, and leave the database if it will not.
        try:
            for attempt in range(20):
                try:
                    with admin.connect() as conn:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    return
                except DBAPIError:
                    time.sleep(0.25 * (attempt + 1))
        finally:
            admin.dispose()
    return url, drop


@pytest.fixture(params=["sqlite"] + (["postgres"] if PG_URL else []))
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
    else:
        url, drop = _pg_store_url()
        yield url
        drop()


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(tmp_path):
    s = open_store(str(tmp_path / "store.sqlite"))
    yield s
    s.dispose()


@pytest.fixture
def northshire(store, northshire_doc):
    """A store holding the Northshire fixture."""
    with store.transaction() as session:
        import_document(session, northshire_doc, actor="test")
    return store


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """argon2 at its real cost takes ~100 ms a hash; the suite creates hundreds of accounts."""
    from argon2 import PasswordHasher
    from panelapp.services import accounts
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def people(store):
    """The small agency with an account for every role (tests.builders.sign_in_everyone)."""
    from tests.builders import sign_in_everyone
    return sign_in_everyone(store)
