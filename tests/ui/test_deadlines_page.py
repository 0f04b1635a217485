"""The Deadlines section as a to-do list: overdue first, marked in words and colour, and each
row (double-clicked, or Enter) opening what it concerns with that record selected."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from sqlmodel import select

from panelapp.models import AgendaItem, Meeting, PanelMember
from panelapp.services.adm import record_decision
from panelapp.services.meetings import create_meeting
from panelapp.services.permissions import Actor
from tests.builders import ADVISER
from ui.shell import theme

TODAY = dt.date.today()
DECIDER = Actor("dee", "Dee Decider", "adm")
CHAIR = Actor("chloe", "Chloë Chair", "chair")


@pytest.fixture
def agency(northshire_store):
    """Northshire as it stands today (every clock of its past long run out), with a meeting
    coming up, a member's term ending soon and a qualifying determination just made."""
    with northshire_store.transaction() as s:
        create_meeting(s, ADVISER, date=TODAY + dt.timedelta(days=40), venue="Room 2")
        member = s.exec(select(PanelMember).where(PanelMember.ref == "M02")).one()
        member.term_ends = TODAY + dt.timedelta(days=20)
        s.add(member)
        item = s.exec(select(AgendaItem).where(AgendaItem.ref == "I00230")).one()
        record_decision(s, DECIDER, item, decision="qualifying_determination", decided_on=TODAY,
                        reasons="The review does not show the household can still meet a child's needs.")
    return northshire_store


def deadlines_of(qtbot, window):
    window.show_section("deadlines")
    page = window.deadlines
    qtbot.waitUntil(lambda: page.loading is None and page.model.rowCount() > 0, timeout=10_000)
    return page


def shown(page) -> list:
    return [page.proxy.row_object(row) for row in range(page.proxy.rowCount())]


def activate(qtbot, window, clock: str, subject: str | None = None, how: str = "enter"):
    """Activate the first deadline on ``clock`` (about ``subject``), from the Deadlines section."""
    page = deadlines_of(qtbot, window)
    row = next(n for n, d in enumerate(shown(page)) if d.clock == clock and subject in (None, d.subject))
    deadline = page.proxy.row_object(row)
    index = page.proxy.index(row, 0)
    page.table.setCurrentIndex(index)
    page.table.scrollTo(index)
    if how == "enter":
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    else:  # as a mouse sends it: a click, then the double-click
        where = page.table.visualRect(index).center()
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    return deadline


def opened(qtbot, window, key: str) -> None:
    """Meetings and items are looked up in a worker first: the section follows."""
    qtbot.waitUntil(lambda: window.current_section().key == key, timeout=10_000)


def meeting_id(store, ref: str) -> int:
    with store.session() as s:
        return s.exec(select(Meeting.id).where(Meeting.ref == ref)).one()


def item_of(store, ref: str) -> tuple[int, int, int]:
    """The item's id, its meeting's id and its number on the agenda."""
    with store.session() as s:
        item = s.exec(select(AgendaItem).where(AgendaItem.ref == ref)).one()
        return item.id, item.meeting_id, item.position + 1


def test_overdue_first_and_marked_in_words_and_colour(qtbot, open_workspace, agency):
    page = deadlines_of(qtbot, open_workspace(agency))
    rows = shown(page)
    overdue = [d.overdue for d in rows]
    assert True in overdue and False in overdue
    assert overdue == sorted(overdue, reverse=True), "every overdue deadline comes before the others"
    late = [d for d in rows if d.overdue]
    assert [d.due for d in late] == sorted(d.due for d in late)
    warning = QColor(theme.colours(False)["warning"])
    for row, d in enumerate(rows):
        words = page.proxy.index(row, 1).data()
        colour = page.proxy.index(row, 3).data(Qt.ItemDataRole.BackgroundRole)
        if d.overdue:
            assert words.endswith("overdue"), words
            assert isinstance(colour, QBrush) and colour.color() == warning
        else:
            assert "overdue" not in words and colour is None, (words, colour)
    assert "Highlighted: overdue" in page.legend.text()


def test_a_meetings_papers_open_its_agenda_and_its_minutes_clock_the_minutes(qtbot, open_workspace, agency):
    window = open_workspace(agency)
    papers = activate(qtbot, window, "papers", how="double-click")
    wanted = meeting_id(agency, papers.subject)
    opened(qtbot, window, "agenda")
    qtbot.waitUntil(lambda: window.agenda.agenda is not None and window.agenda.agenda.meeting_id == wanted,
                    timeout=10_000)
    assert window.agenda.chooser.currentData() == wanted

    minutes = activate(qtbot, window, "minutes")
    wanted = meeting_id(agency, minutes.subject)
    page = window.section("minutes").page
    opened(qtbot, window, "minutes")
    qtbot.waitUntil(lambda: page.state is not None and page.state.meeting_id == wanted, timeout=10_000)
    assert page.chooser.currentData() == wanted


@pytest.mark.parametrize("clock, subject, queue", [
    ("adm_decision", "I00231", "decision"),
    ("decision_letter", "I00220", "letter"),
    ("qualifying_determination", "I00230", "final"),
])
def test_an_items_decision_clocks_open_the_decision_queue_on_the_item(qtbot, open_workspace, agency,
                                                                      clock, subject, queue):
    window = open_workspace(agency)
    activate(qtbot, window, clock, subject)
    page = window.section("decisions").page
    opened(qtbot, window, "decisions")
    assert page.waiting.currentData() == queue
    item_id = item_of(agency, subject)[0]
    qtbot.waitUntil(lambda: page.case is not None and page.case.id == item_id, timeout=10_000)
    assert page.table.current_object().ref == subject
    assert page.heading.text().startswith(page.case.label)


def test_without_the_decision_queue_an_item_opens_its_minute(qtbot, open_workspace, agency):
    window = open_workspace(agency, CHAIR)
    assert "decisions" not in {s.key for s in window.sections}
    activate(qtbot, window, "adm_decision", "I00232")
    item_id, wanted, number = item_of(agency, "I00232")
    page = window.section("minutes").page
    opened(qtbot, window, "minutes")
    qtbot.waitUntil(lambda: page.state is not None and page.state.meeting_id == wanted
                    and page.current_item_id() == item_id, timeout=10_000)
    assert page.parts.currentItem().text().startswith(f"Item {number}:")


@pytest.mark.parametrize("clock, section", [("review", "households"), ("child_match", "children")])
def test_a_household_or_child_is_selected_with_its_details(qtbot, open_workspace, agency, clock, section):
    window = open_workspace(agency)
    page = window.section(section).page
    window.show_section(section)
    qtbot.waitUntil(lambda: page.table.loading is None and page.table.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClicks(page.table.search, "nothing is called this")  # a search that hides the record
    qtbot.waitUntil(lambda: page.table.proxy.rowCount() == 0)  # households: the store searches, in a worker
    deadline = activate(qtbot, window, clock, how="double-click")
    assert window.current_section().key == section
    qtbot.waitUntil(lambda: f"({deadline.subject})" in page.detail.title.text(), timeout=10_000)
    assert page.table.current_object().ref == deadline.subject
    assert page.table.search.text() == ""
    assert page.detail.facts.isVisibleTo(page)


def test_a_member_opens_the_central_list_and_the_panels_feedback_the_statistics(qtbot, open_workspace,
                                                                                 agency):
    window = open_workspace(agency)
    activate(qtbot, window, "term_ends", "M02")
    page = window.section("central_list").page
    opened(qtbot, window, "central_list")
    qtbot.waitUntil(lambda: page.current_object() is not None, timeout=10_000)
    assert page.current_object().ref == "M02"
    assert page.table.selectionModel().isRowSelected(page.table.currentIndex().row())

    activate(qtbot, window, "quality_feedback")
    opened(qtbot, window, "statistics")
    assert window.stack.currentWidget() is window.section("statistics").page
