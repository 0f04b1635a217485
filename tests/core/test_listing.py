"""Listings read a window at a time: the windows, put end to end, are the whole table
in the order asked for, and searching finds the rows a substring filter finds."""

import pytest
from sqlmodel import select

from panelapp.enums import HOUSEHOLD_MILESTONES
from panelapp.listing import (
    CHILD_SORTS,
    HOUSEHOLD_SORTS,
    child_count,
    child_window,
    household_count,
    household_window,
)
from panelapp.listing.households import STAGE_NAMES
from panelapp.models import Applicant, Child, Household

QUERIES = ("okafor", "ok", "o", "H0001", "a e", "smith jo", "zzz", "c0", "'", "%", "_")


def every_window(read, size: int = 37, **options) -> list:
    rows, offset = [], 0
    while True:
        window = read(offset=offset, limit=size, **options)
        rows += window
        if len(window) < size:
            return rows
        offset += size


def expected_order(rows: list, field: str, descending: bool) -> list[int]:
    present = sorted((r for r in rows if getattr(r, field) is not None),
                     key=lambda r: (getattr(r, field), r.id), reverse=descending)
    missing = sorted((r for r in rows if getattr(r, field) is None), key=lambda r: r.id, reverse=descending)
    return [r.id for r in present + missing]


def test_households_listing_holds_what_the_store_holds(northshire):
    rows = every_window(household_window, store=northshire)
    with northshire.session() as session:
        households = session.exec(select(Household).order_by(Household.id)).all()
        assert [r.id for r in rows] == [h.id for h in households]
        assert [r.applicants for r in rows] == [h.display_name if h.applicants else "" for h in households]
        assert [r.ref for r in rows] == [h.ref for h in households]
        furthest = [[m for m in HOUSEHOLD_MILESTONES if getattr(h, m)] for h in households]
        assert [r.stage for r in rows] == [STAGE_NAMES[f[-1]] if f else "Not started" for f in furthest]
    assert household_count(northshire) == len(rows) == 220
    assert len({r.stage for r in rows}) >= 3


FIELDS = {"ref": "ref", "applicants": "applicants", "stage": "stage", "route": "route",
          "relationship": "relationship", "enquiry": "enquiry", "approved": "approved", "withdrawn": "withdrawn"}


@pytest.mark.parametrize("descending", [False, True])
def test_households_windows_end_to_end_are_sorted_like_a_plain_sort(northshire, descending):
    base = every_window(household_window, store=northshire)
    text_order_is_bytes = northshire.engine.dialect.name == "sqlite"  # PostgreSQL sorts by its collation
    for sort in HOUSEHOLD_SORTS:
        rows = every_window(household_window, store=northshire, sort=sort, descending=descending)
        assert sorted(r.id for r in rows) == sorted(r.id for r in base), sort  # none twice, none lost
        if text_order_is_bytes or sort in ("enquiry", "approved", "withdrawn"):
            assert [r.id for r in rows] == expected_order(base, FIELDS[sort], descending), sort


def matches(text: str, search: str) -> bool:
    return all(word.lower() in text.lower() for word in search.split())


@pytest.mark.parametrize("search", QUERIES)
def test_household_search_finds_what_a_substring_filter_finds(northshire, search):
    base = every_window(household_window, store=northshire)
    wanted = [r.id for r in base if all(matches(r.ref, w) or any(matches(name, w) for name in r.applicants.split(" and "))
                                        for w in search.split())]
    found = every_window(household_window, store=northshire, search=search)
    assert [r.id for r in found] == wanted
    assert household_count(northshire, search=search) == len(wanted)


@pytest.mark.parametrize("search", QUERIES)
def test_child_search_and_sorts(northshire, search):
    base = every_window(child_window, store=northshire)
    with northshire.session() as session:
        assert [r.id for r in base] == list(session.exec(select(Child.id).order_by(Child.id)))
    wanted = [r.id for r in base if all(matches(r.ref, w) or matches(r.name, w) for w in search.split())]
    assert [r.id for r in every_window(child_window, store=northshire, search=search)] == wanted
    assert child_count(northshire, search=search) == len(wanted)
    if search == "o":
        for sort in CHILD_SORTS:
            rows = every_window(child_window, store=northshire, sort=sort, search=search)
            assert sorted(r.id for r in rows) == sorted(wanted), sort


def test_search_follows_changes_to_names(northshire):
    with northshire.transaction() as session:
        applicant = session.exec(select(Applicant).order_by(Applicant.id)).first()
        applicant.name = "Zebedee Quartermaine"
        household_id = applicant.household_id
        child = session.exec(select(Child).order_by(Child.id)).first()
        child.name = "Xanthe Quartermaine"
    assert [r.id for r in household_window(northshire, search="quarterm")] == [household_id]
    assert [r.name for r in child_window(northshire, search="quarterm")] == ["Xanthe Quartermaine"]
    with northshire.transaction() as session:
        session.delete(session.get(Applicant, applicant.id))
    assert household_window(northshire, search="zebedee") == []


def test_a_window_too_large_or_an_unknown_sort_is_refused(northshire):
    with pytest.raises(ValueError):
        household_window(northshire, limit=100_000)
    with pytest.raises(ValueError):
        household_window(northshire, sort="id; DROP TABLE household")
