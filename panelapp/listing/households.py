"""The households listing: a window of rows, sorted and searched in SQL."""

from __future__ import annotations

from ..db import Store
from ..enums import HOUSEHOLD_MILESTONES
from ..queries.records import NOT_STARTED, STAGE_NAMES, HouseholdRow, household_stage
from .query import check_window, count, fetch, fts_search, ilike_search, order_by

STAGE_SQL = ("CASE " + " ".join(f"WHEN h.{m} IS NOT NULL THEN '{STAGE_NAMES[m]}'"
                                for m in reversed(HOUSEHOLD_MILESTONES)) + f" ELSE '{NOT_STARTED}' END")
SQLITE_NAMES = "household_search.names"
# The applicants' names one a line (as the search table holds them), shown joined by "and".
PG_NAMES = ("coalesce((SELECT string_agg(a.name, chr(10) ORDER BY a.position, a.id) FROM applicant a "
            "WHERE a.household_id = h.id), '')")

# The sort keys a listing offers, by the column's name.
HOUSEHOLD_SORTS = ("ref", "applicants", "stage", "route", "relationship", "enquiry", "approved", "withdrawn")


def sort_expression(sort: str | None, names: str, tie: str) -> str:
    return {None: tie, "ref": "h.ref", "applicants": names, "stage": STAGE_SQL,
            "route": "coalesce(h.route, 'standard')", "relationship": "h.relationship_status",
            "enquiry": "h.enquiry", "approved": "h.approved", "withdrawn": "h.withdrawn"}[sort]


def _query(dialect: str, search: str):
    """(FROM ... WHERE, its parameters, the names expression, the id to order by) for the
    dialect. On SQLite the search table leads and the order of record is its rowid, which
    it gives in order: a first window then stops at its last row instead of sorting them all."""
    if dialect == "sqlite":
        found = fts_search("household_search", ("ref", "names"), search)
        return ("FROM household_search JOIN household h ON h.id = household_search.rowid WHERE " + found.where,
                found.params, SQLITE_NAMES, "household_search.rowid")
    found = ilike_search(search, "h.ref ILIKE :w OR EXISTS (SELECT 1 FROM applicant a "
                                 "WHERE a.household_id = h.id AND a.name ILIKE :w)")
    return "FROM household h WHERE " + found.where, found.params, PG_NAMES, "h.id"


def household_window(store: Store, *, search: str = "", sort: str | None = None, descending: bool = False,
                     offset: int = 0, limit: int = 200) -> list[HouseholdRow]:
    """Up to ``limit`` households from ``offset``, in ``sort`` order (one of
    ``HOUSEHOLD_SORTS``; None: the order they were recorded), matching ``search``."""
    if sort not in HOUSEHOLD_SORTS and sort is not None:
        raise ValueError(f"households sort by one of {', '.join(HOUSEHOLD_SORTS)}, not {sort!r}")
    check_window(offset, limit)
    dialect = store.engine.dialect.name
    source, params, names, tie = _query(dialect, search)
    milestones = ", ".join(f"h.{m}" for m in HOUSEHOLD_MILESTONES)
    sql = (f"SELECT h.id, h.uid, h.ref, {names} AS names, h.relationship_status, h.route, {milestones} "
           f"{source} ORDER BY {order_by(sort_expression(sort, names, tie), descending, tie)} "
           "LIMIT :limit OFFSET :offset")
    with store.engine.connect() as connection:
        found = fetch(connection, sql, {**params, "limit": limit, "offset": offset}, HOUSEHOLD_MILESTONES)
    rows = []
    for hid, uid, ref, applicants, relationship, route, *dates in found:
        reached = dict(zip(HOUSEHOLD_MILESTONES, dates))
        rows.append(HouseholdRow(hid, uid, ref, (applicants or "").replace("\n", " and "), relationship,
                                 route or "standard", household_stage(reached),
                                 reached["enquiry"], reached["approved"], reached["withdrawn"]))
    return rows


def household_count(store: Store, *, search: str = "") -> int:
    source, params, _names, _tie = _query(store.engine.dialect.name, search)
    if not params:  # nothing typed: count the table itself, not the join
        source = "FROM household h"
    with store.engine.connect() as connection:
        return count(connection, f"SELECT count(*) {source}", params)
