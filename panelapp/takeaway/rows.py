"""Rows as plain JSON values and back, by the columns' own types.

Both files carry rows table by table, with every column (``id`` included, as the
store that wrote them numbered it); the reader turns the values back into what
its columns hold.
"""

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import Column, Table, select
from sqlmodel import Session

from ..models import metadata

# Columns every record has that say nothing about its content.
BOOKKEEPING = ("id", "uid", "version", "created_at", "updated_at")


def table(name: str) -> Table:
    return metadata.tables[name]


def plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def restore(column: Column, value: Any) -> Any:
    if value is None:
        return None
    try:
        kind = getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:  # JSON and the like: stored as they are
        return value
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is dt.time:
        return dt.time.fromisoformat(value)
    return value


def dump(row) -> dict:
    return {key: plain(value) for key, value in row._mapping.items()}


def load(tab: Table, values: dict) -> dict:
    return {name: restore(tab.c[name], value) for name, value in values.items() if name in tab.c}


def rows(session: Session, tab: Table, *where) -> list[dict]:
    query = select(tab).order_by(tab.c.id)
    for condition in where:
        query = query.where(condition)
    return [dump(r) for r in session.execute(query)]


def digest(values: dict) -> str:
    text = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
