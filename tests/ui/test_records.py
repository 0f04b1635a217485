"""Households, children and the central list: tables, filtering, details, highlights."""

import datetime as dt

from PySide6.QtCore import Qt

from tests.builders import ADVISER, fake_households
from ui.common.tablemodel import prepare
from ui.common.tablepage import INSTANT_ROWS, TablePage
from ui.records.central_list import CentralListPage
from ui.records.households import HOUSEHOLD_COLUMNS


def loaded(qtbot, window, key):
    window.show_section(key)
    page = window.section(key).page
    qtbot.waitUntil(lambda: page.table.model.rowCount() > 0)
    return page


def test_households_filter_and_show_their_panel_history(qtbot, open_workspace, northshire_store,
                                                         northshire_doc):
    page = loaded(qtbot, open_workspace(northshire_store), "households")
    # Read a window at a time: the first window now, the count of them all from the store.
    qtbot.waitUntil(lambda: page.table.total == len(northshire_doc["households"]))
    assert 0 < page.table.model.rowCount() <= len(northshire_doc["households"])
    heard = next(i for m in northshire_doc["meetings"] for i in m.get("items", []) if i.get("households"))
    ref = heard["households"][0]
    household = next(h for h in northshire_doc["households"] if h["ref"] == ref)
    surname = household["applicants"][0]["name"].split()[-1]
    qtbot.keyClicks(page.table.search, f"{surname} {ref}")
    qtbot.waitUntil(lambda: page.table.proxy.rowCount() == 1 and not page.table.model.busy)
    qtbot.keyClick(page.table.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.detail.history.isVisible())
    assert ref in page.detail.title.text()
    milestones = [what for _, what, _ in page.detail.timeline.events]
    assert len(milestones) == len(household["milestones"])
    assert heard["ref"] in page.detail.history.toPlainText()


def test_children_show_their_journey(qtbot, open_workspace, northshire_store, northshire_doc):
    page = loaded(qtbot, open_workspace(northshire_store), "children")
    qtbot.waitUntil(lambda: page.table.total == len(northshire_doc["children"]))
    child = next(c for c in northshire_doc["children"] if c["milestones"].get("adoption_order"))
    qtbot.keyClicks(page.table.search, child["ref"].lower())
    qtbot.waitUntil(lambda: page.table.proxy.rowCount() == 1 and not page.table.model.busy)
    page.table.select_where(lambda row: row.ref == child["ref"])
    qtbot.waitUntil(lambda: page.detail.timeline.isVisible())
    assert child["name"] in page.detail.title.text()
    assert [e[1] for e in page.detail.timeline.events][-1] == "Adoption order"
    assert page.table.current_object().stage == "Adopted"


def test_central_list_words_and_highlights(qtbot, runner, northshire_store):
    page = CentralListPage(runner, northshire_store, today=dt.date(2024, 11, 15), actor=ADVISER)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 13)
    rows = {page.model.row_object(r).ref: r for r in range(page.model.rowCount())}
    highlighted = {ref for ref, r in rows.items()
                   if page.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None}
    assert highlighted == {"M06"}, "M06's term ends on 31 December 2024, within 60 days"
    roles = page.model.index(rows["M06"], 2).data()
    assert roles == "Independent, Adopter member"
    assert page.legend.text() == "Highlighted: terms that end within 60 days"
    rate = page.model.index(rows["M01"], 7).data()
    assert rate.endswith("%") and 0 <= int(rate[:-1]) <= 100


def test_a_hundred_thousand_rows_filter_and_sort(qtbot, runner):
    rows = fake_households(100_000)
    page = TablePage(runner, "households", HOUSEHOLD_COLUMNS, lambda: rows)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 100_000)
    assert page.model.rowCount() > INSTANT_ROWS
    qtbot.keyClicks(page.search, "applicant 9999")
    qtbot.waitUntil(lambda: page.proxy.rowCount() < 100_000)  # after the pause in typing
    # Every word typed must be in the row, not necessarily side by side.
    expected = sum(1 for r in rows if "9999" in f"{r.ref} {r.applicants}")
    assert expected == 19  # H009999, H099990-99999 and "Applicant 19999" ... "89999"
    assert page.proxy.rowCount() == expected
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == "H099999"
    assert page.count.text() == f"{expected} of 100,000 households"


def test_prepare_keeps_unknowns_last_both_ways(qtbot):
    rows = fake_households(6)
    prepared = prepare(HOUSEHOLD_COLUMNS, rows)
    from ui.common.tablemodel import RowTableModel
    model = RowTableModel(HOUSEHOLD_COLUMNS)
    model.set_prepared(prepared)
    approved = 6
    model.sort(approved, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, approved).data() for r in range(6)][-4:] == [""] * 4
    model.sort(approved, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, approved).data() for r in range(6)][-4:] == [""] * 4
