"""The meetings table: the store's meetings, filtered as the user types, sortable."""

import datetime as dt

from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp.models import Meeting
from panelapp.services.meetings import create_meeting
from panelapp.services.permissions import Actor
from panelapp.services.recording import record_attendance

ADVISER = Actor("pat", "Pat Adviser", "adviser")


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
    assert headers == ["Date", "Ref", "Status", "Items", "Quorum forecast", "Papers due", "Papers sent",
                       "Minutes final", "Venue"]
    for r in range(page.proxy.rowCount()):
        meeting = next(m for m in northshire_doc["meetings"] if m["ref"] == shown_refs(page)[r])
        row = [page.proxy.index(r, c).data() for c in range(page.model.columnCount())]
        # Items removed from an agenda take no place on it.
        assert row[3] == str(sum(1 for i in meeting.get("items", []) if i.get("outcome") != "removed"))
        assert row[2] == meeting["status"].capitalize()
        assert (row[5] == "") == (meeting["status"] == "cancelled")
        assert row[8] == (meeting.get("venue") or "")


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
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    most = max(len(m.get("items", [])) for m in northshire_doc["meetings"])
    assert page.proxy.index(0, 3).data() == str(most)
    assert header.sortIndicatorSection() == 3
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


def row_of(page, ref):
    return next(r for r in page.model.rows() if r.ref == ref)


def test_the_quorum_of_held_meetings_is_the_quorum_of_those_present(qtbot, open_workspace, northshire_store):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    # Present on 9 February 2023: a vice chair, a social worker of 2 years, an independent member,
    # the medical adviser and the agency adviser (who is not a member).
    assert row_of(page, "P20230209").forecast == (
        "Inquorate: only 4 members count (5 needed), no social worker with 3 years' post-qualifying "
        "experience is present")
    held = [r for r in page.model.rows() if r.status == "held"]
    assert sum(r.forecast == "Quorate" for r in held) == len(held) - 1
    assert {r.forecast for r in page.model.rows() if r.status == "cancelled"} == {""}


def test_a_planned_meeting_is_at_risk_when_apologies_leave_no_quorum(qtbot, open_workspace, northshire_store):
    day = dt.date.today() + dt.timedelta(days=60)
    with northshire_store.transaction() as session:
        ref = create_meeting(session, ADVISER, date=day, capacity=6)["ref"]
    window = open_workspace(northshire_store)
    page = window.meetings
    qtbot.waitUntil(lambda: page.loading is None and page.model.rowCount() > 0)
    # Everyone on the central list on the day, with no apologies, is expected.
    assert row_of(page, ref).forecast == "Quorate" and not row_of(page, ref).at_risk
    assert row_of(page, ref).capacity == 6
    page.select_where(lambda r: r.ref == ref)
    assert page.proxy.index(page.table.currentIndex().row(), 3).data() == "0 of 6"

    with northshire_store.transaction() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        record_attendance(session, ADVISER, meeting, [{"member": m, "status": "apologies"}
                                                      for m in ("M01", "M02", "M03")])
    page.reload()
    qtbot.waitUntil(lambda: page.loading is None and row_of(page, ref).at_risk)
    assert row_of(page, ref).forecast == "At risk: no chair or vice chair is expected"
    with northshire_store.transaction() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        record_attendance(session, ADVISER, meeting, [{"member": "M04", "status": "apologies"}])
    page.reload()
    qtbot.waitUntil(lambda: page.loading is None and "only 4 members" in row_of(page, ref).forecast)
    assert row_of(page, ref).forecast == (
        "At risk: only 4 members count (5 needed), no chair or vice chair is expected, no social worker "
        "with 3 years' post-qualifying experience is expected")
    # A planned meeting at risk is highlighted.
    page.select_where(lambda r: r.ref == ref)
    index = page.table.currentIndex()
    assert page.proxy.data(index, Qt.ItemDataRole.BackgroundRole) is not None


def test_the_list_shows_a_year_at_a_time(qtbot, open_workspace, northshire_store, northshire_doc):
    page = meetings_page(qtbot, open_workspace, northshire_store)
    years = sorted({m["date"][:4] for m in northshire_doc["meetings"]}, reverse=True)
    assert [page.year_choice.itemText(i) for i in range(page.year_choice.count())] == ["All years", *years]
    page.year_choice.setCurrentIndex(page.year_choice.findText("2023"))
    in_2023 = sorted(m["ref"] for m in northshire_doc["meetings"] if m["date"].startswith("2023"))
    qtbot.waitUntil(lambda: page.loading is None and sorted(shown_refs(page)) == in_2023)
    assert page.count.text() == f"{len(in_2023)} meetings"
    page.year_choice.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.loading is None and page.model.rowCount() == 72)


def test_the_papers_deadline_is_the_agency_working_days_before(qtbot, open_workspace, northshire_store):
    from panelapp.rules.workdays import WorkingDays
    page = meetings_page(qtbot, open_workspace, northshire_store)
    row = row_of(page, "P20230209")
    # Five working days before Thursday 9 February 2023 is Thursday 2 February.
    assert row.papers_deadline == dt.date(2023, 2, 2)
    assert WorkingDays().between(row.papers_deadline, row.meeting_date) == 5


def test_a_member_sees_the_list_but_no_planning_buttons(qtbot, open_workspace, northshire_store):
    member = open_workspace(northshire_store, Actor("sam", "Sam Member", "member")).meetings
    adviser = open_workspace(northshire_store).meetings
    for name in ("plan_button", "schedule_button", "cancel_button"):
        assert getattr(member, name).isHidden() and not getattr(adviser, name).isHidden()
    assert not member.agenda_button.isHidden()


def test_once_members_reply_the_forecast_counts_those_coming(qtbot, open_workspace, northshire_store):
    day = dt.date.today() + dt.timedelta(days=60)
    with northshire_store.transaction() as session:
        ref = create_meeting(session, ADVISER, date=day)["ref"]
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        # Three have said they will come; nobody else has replied yet.
        record_attendance(session, ADVISER, meeting, [{"member": m, "status": "present"}
                                                      for m in ("M01", "M03", "M04")])
    window = open_workspace(northshire_store)
    page = window.meetings
    qtbot.waitUntil(lambda: page.loading is None and page.model.rowCount() > 0)
    assert row_of(page, ref).forecast == "At risk: only 3 members count (5 needed)"
    with northshire_store.transaction() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        record_attendance(session, ADVISER, meeting, [{"member": m, "status": "present"} for m in ("M07", "M09")])
    page.reload()
    qtbot.waitUntil(lambda: page.loading is None and row_of(page, ref).forecast == "Quorate")
