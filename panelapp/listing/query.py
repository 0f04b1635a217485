"""What the listings share: the search words as SQL conditions, the sort order, and
running a window's query with its columns typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Date, text
from sqlalchemy.engine import Connection

# A window larger than this is refused: a listing is read a screenful or two at a time.
MAX_WINDOW = 5_000


def words(search: str) -> list[str]:
    return [w for w in search.split() if w]


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Search:
    """The WHERE clause (``1=1`` when nothing is typed) and its parameters."""

    where: str
    params: dict

    @property
    def empty(self) -> bool:
        return not self.params


def fts_search(table: str, columns: Sequence[str], search: str) -> Search:
    """SQLite: words of three letters or more through the trigram index, as one
    MATCH; shorter words (which trigrams cannot index) by LIKE on the same table."""
    found = words(search)
    parts, params = [], {}
    long = [w for w in found if len(w) >= 3]
    if long:
        parts.append(f"{table} MATCH :match")
        params["match"] = " AND ".join('"' + w.replace('"', '""') + '"' for w in long)
    for n, word in enumerate(w for w in found if len(w) < 3):
        parts.append("(" + " OR ".join(f"{table}.{c} LIKE :short{n} ESCAPE '\\'" for c in columns) + ")")
        params[f"short{n}"] = like_pattern(word)
    return Search(" AND ".join(parts) or "1=1", params)


def ilike_search(search: str, per_word: str) -> Search:
    """PostgreSQL: every word must satisfy ``per_word`` (written with ``:w``)."""
    found = words(search)
    parts = [per_word.replace(":w", f":w{n}") for n in range(len(found))]
    return Search(" AND ".join(f"({p})" for p in parts) or "1=1",
                  {f"w{n}": like_pattern(w) for n, w in enumerate(found)})


def order_by(expression: str, descending: bool, tie: str) -> str:
    """Missing values last either way; ties by id, so windows never overlap."""
    way = "DESC" if descending else "ASC"
    if expression == tie:
        return f"{tie} {way}"
    return f"({expression}) IS NULL, {expression} {way}, {tie} {way}"


def check_window(offset: int, limit: int) -> None:
    if offset < 0 or limit < 1 or limit > MAX_WINDOW:
        raise ValueError(f"a window is 1 to {MAX_WINDOW} rows from offset 0 or more, "
                         f"not {limit} from {offset}")


def fetch(connection: Connection, sql: str, params: dict, dates: Sequence[str]) -> list:
    statement = text(sql).bindparams(**params).columns(**{name: Date for name in dates}) if dates \
        else text(sql).bindparams(**params)
    return connection.execute(statement).all()


def count(connection: Connection, sql: str, params: dict) -> int:
    return int(connection.execute(text(sql).bindparams(**params)).scalar_one())
