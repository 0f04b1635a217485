"""The paged table model: Qt's model tester on it, windows read as the view scrolls,
and searching and sorting handed to the store."""

import pytest
from PySide6.QtCore import Qt

from panelapp.listing import household_count, household_window
from ui.common.paged_table import WINDOW_ROWS, PagedTableModel, PagedTablePage
from ui.records.households import HOUSEHOLD_COLUMNS, HOUSEHOLD_SORTS


def read_households(store):
    return lambda search, sort, descending, offset, limit: household_window(
        store, search=search, sort=sort, descending=descending, offset=offset, limit=limit)


@pytest.fixture
def wide_store(northshire_store):
    return northshire_store


def test_qt_model_tester_passes_through_reads_searches_and_sorts(qtbot, qtmodeltester, runner, wide_store):
    model = PagedTableModel(HOUSEHOLD_COLUMNS, read_households(wide_store), HOUSEHOLD_SORTS, runner)
    with qtbot.waitSignal(model.reset_done):
        model.reset()
    assert model.rowCount() == WINDOW_ROWS < 220 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)  # it keeps watching every change after this; it may ask for more
    qtbot.waitUntil(lambda: not model.busy)
    if model.canFetchMore():
        model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 220)
    assert not model.canFetchMore()
    with qtbot.waitSignal(model.reset_done):
        model.set_search("okafor")
    assert 0 < model.rowCount() < 220
    assert all("okafor" in model.row_object(r).applicants.lower() or "okafor" in model.row_object(r).ref.lower()
               for r in range(model.rowCount()))
    with qtbot.waitSignal(model.reset_done):
        model.sort(0, Qt.SortOrder.DescendingOrder)  # Ref
    refs = [model.row_object(r).ref for r in range(model.rowCount())]
    assert refs == sorted(refs, reverse=True)


def test_the_page_counts_and_finds_rows_beyond_the_first_window(qtbot, runner, wide_store):
    page = PagedTablePage(runner, "households", HOUSEHOLD_COLUMNS, read_households(wide_store),
                          lambda search: household_count(wide_store, search=search), HOUSEHOLD_SORTS)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.total == 220)
    assert page.count.text() == "220 households"
    last = household_window(wide_store, offset=219, limit=1)[0]
    assert page.select_where(lambda row: row.ref == last.ref)  # read on until found
    assert page.current_object().ref == last.ref
    page.search.setText(last.ref)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.matching == 1)
    assert page.count.text() == "1 of 220 households"
