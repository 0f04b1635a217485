"""The meetings table: the store's meetings, filtered as the user types, sortable."""

from PySide6.QtCore import Qt


def meetings_page(qtbot, open_workspace, store):
    page = open_workspace(store).section("meetings").page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def shown_refs(page):
    return [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]


def test_the_table_shows_every_meeting(qtbot, open_workspace, northshire_store, northshire_doc):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    refs = sorted(m["ref"] for m in northshire_doc["meetings"])
    assert sorted(shown_refs(page)) == refs
    assert page.count.text() == f"{len(refs)} meetings"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["Date", "Ref", "Status", "Venue", "Items", "Papers sent", "Minutes final"]
    first = next(m for m in northshire_doc["meetings"] if m["ref"] == shown_refs(page)[0])
    row = [page.proxy.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[4] == str(len(first.get("items", [])))
    assert row[2] == first["status"].capitalize()


def test_typing_filters_the_rows(qtbot, open_workspace, northshire_store, northshire_doc):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    cancelled = sorted(m["ref"] for m in northshire_doc["meetings"] if m["status"] == "cancelled")
    assert cancelled, "the fixture has cancelled meetings"
    qtbot.keyClicks(page.search, "cancel")
    assert sorted(shown_refs(page)) == cancelled
    assert page.count.text() == f"{len(cancelled)} of 72 meetings"

    page.search.clear()
    target = northshire_doc["meetings"][10]
    qtbot.keyClicks(page.search, target["ref"].lower())
    assert shown_refs(page) == [target["ref"]]

    # Every word must match, whichever column it is in; ISO dates match too.
    page.search.clear()
    month = target["date"][:7]
    qtbot.keyClicks(page.search, f"{month} {target['status']}")
    dates = ("date", "papers_sent", "minutes_final")
    expected = sorted(m["ref"] for m in northshire_doc["meetings"]
                      if any(str(m.get(k, "")).startswith(month) for k in dates)
                      and m["status"] == target["status"])
    assert sorted(shown_refs(page)) == expected

    page.search.clear()
    assert page.proxy.rowCount() == 72


def test_clicking_a_header_sorts(qtbot, open_workspace, northshire_store, northshire_doc):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    header = page.table.horizontalHeader()
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    most = max(len(m.get("items", [])) for m in northshire_doc["meetings"])
    assert page.proxy.index(0, 4).data() == str(most)
    assert header.sortIndicatorSection() == 4
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    earliest = min(northshire_doc["meetings"], key=lambda m: m["date"])
    assert page.proxy.index(0, 1).data() == earliest["ref"]
    # Sorting keeps the filter.
    qtbot.keyClicks(page.search, "cancelled")
    refs = shown_refs(page)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown_refs(page) == sorted(refs, reverse=True)


def test_down_from_the_search_box_enters_the_table(qtbot, open_workspace, northshire_store):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    page.focus_search()
    qtbot.keyClicks(page.search, "held")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    assert page.current_object() is not None and page.current_object().status == "held"
