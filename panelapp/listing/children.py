"""The children listing: a window of rows, sorted and searched in SQL."""

from __future__ import annotations

from ..db import Store
from ..queries.records import DISRUPTED, JOURNEY, JOURNEY_NAMES, NOT_STARTED, PLAN_CHANGED, ChildRow, child_stage
from .query import check_window, count, fetch, fts_search, ilike_search, order_by

READ = ("dob", *JOURNEY, "plan_changed", "disruption")


STAGE_SQL = (f"CASE WHEN c.disruption IS NOT NULL THEN '{DISRUPTED}' "
             f"WHEN c.plan_changed IS NOT NULL THEN '{PLAN_CHANGED}' "
             + " ".join(f"WHEN c.{m} IS NOT NULL THEN '{JOURNEY_NAMES[m]}'" for m in reversed(JOURNEY))
             + f" ELSE '{NOT_STARTED}' END")
CHILD_SORTS = ("ref", "name", "dob", "gender", "siblings", "stage", "placement_order", "matched_with",
               "placed", "adoption_order")


def sort_expression(sort: str | None, tie: str) -> str:
    return {None: tie, "ref": "c.ref", "name": "c.name", "dob": "c.dob", "gender": "c.gender",
            "siblings": "c.sibling_group", "stage": STAGE_SQL, "placement_order": "c.placement_order",
            "matched_with": "m.ref", "placed": "c.placed", "adoption_order": "c.adoption_order"}[sort]


def _query(dialect: str, search: str):
    if dialect == "sqlite":
        found = fts_search("child_search", ("ref", "name"), search)
        return ("FROM child_search JOIN child c ON c.id = child_search.rowid "
                "LEFT JOIN household m ON m.id = c.matched_household_id WHERE " + found.where, found.params,
                "child_search.rowid")
    found = ilike_search(search, "c.ref ILIKE :w OR c.name ILIKE :w")
    return ("FROM child c LEFT JOIN household m ON m.id = c.matched_household_id WHERE " + found.where,
            found.params, "c.id")


def child_window(store: Store, *, search: str = "", sort: str | None = None, descending: bool = False,
                 offset: int = 0, limit: int = 200) -> list[ChildRow]:
    """Up to ``limit`` children from ``offset``, in ``sort`` order (one of
    ``CHILD_SORTS``; None: the order they were recorded), matching ``search``."""
    if sort not in CHILD_SORTS and sort is not None:
        raise ValueError(f"children sort by one of {', '.join(CHILD_SORTS)}, not {sort!r}")
    check_window(offset, limit)
    source, params, tie = _query(store.engine.dialect.name, search)
    dates = ", ".join(f"c.{m}" for m in READ)
    sql = (f"SELECT c.id, c.uid, c.ref, c.name, c.gender, c.sibling_group, m.ref AS matched, {dates} "
           f"{source} ORDER BY {order_by(sort_expression(sort, tie), descending, tie)} "
           "LIMIT :limit OFFSET :offset")
    with store.engine.connect() as connection:
        found = fetch(connection, sql, {**params, "limit": limit, "offset": offset}, READ)
    rows = []
    for cid, uid, ref, name, gender, sibling, matched, *values in found:
        m = dict(zip(READ, values))
        rows.append(ChildRow(cid, uid, ref, name, m["dob"], gender, sibling, child_stage(m), m["placement_order"],
                             matched, m["placed"], m["adoption_order"]))
    return rows


def child_count(store: Store, *, search: str = "") -> int:
    source, params, _tie = _query(store.engine.dialect.name, search)
    if not params:
        source = "FROM child c"
    with store.engine.connect() as connection:
        return count(connection, f"SELECT count(*) {source}", params)
