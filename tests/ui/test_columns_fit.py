"""Agenda and decision-queue columns size to their content as rows change; the decision queue
keeps the clock, the meeting, the item, the due date and the decision in view without scrolling
sideways at 1280x680; long sign-off hashes wrap instead of being cut off (issue 14)."""

import datetime as dt

from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp.models import AgendaItem, Meeting
from panelapp.services import adm
from panelapp.services.agenda import add_item
from panelapp.services.lookup import meeting_by_name
from tests.builders import PASSWORDS
from tests.ui import test_adm_queue, test_agenda
from ui.decisions.queue import COLUMNS, IN_VIEW

# The stores those tests build, used here as they are.
queue_store = test_adm_queue.queue_store
planned = test_agenda.planned
PLANNER = test_agenda.PLANNER

LAPTOP = (1280, 680)  # a 1080p laptop at 150%
NAMED = ["Clock", "Meeting", "Item", "Due", "Decision"]


def _in_view(view, column: int) -> bool:
    header = view.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return (not view.isColumnHidden(column) and left >= 0
            and left + header.sectionSize(column) <= view.viewport().width())


def _decide_first(store, people) -> str:
    """The ADM decides item 1 of the meeting held long ago; returns the sign-off hash."""
    with store.transaction() as s:
        item = meeting_by_name(s, "P20250612").items[0]
        adm.record_decision(s, people["adm"], item, decision="positive", reasons="As the panel recommended.",
                            decided_on=dt.date.today(), password=PASSWORDS["adm"])
    with store.session() as s:
        return meeting_by_name(s, "P20250612").items[0].adm_decision.signoff_hash


def _queue(qtbot, open_workspace, store, actor):
    window = open_workspace(store, actor)
    window.resize(*LAPTOP)
    page = window.section("decisions").page
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        window.show_section("decisions")
    return window, page


def test_the_queue_keeps_the_five_columns_in_view_at_1280_by_680(qtbot, open_workspace, queue_store):
    store, people = queue_store
    signed = _decide_first(store, people)
    assert [c.title for c in COLUMNS[:IN_VIEW]] == NAMED
    window, page = _queue(qtbot, open_workspace, store, people["adm"])
    assert window.width() == LAPTOP[0]
    view = page.table.table
    assert view.horizontalScrollBar().value() == 0
    for column in range(IN_VIEW):
        assert _in_view(view, column), COLUMNS[column].title
    # The clock's words whole ("369 working days overdue", in bold), not elided at the number.
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0)

    # Rows of another kind arrive (a decision, whose words are long): the columns follow them.
    decision = IN_VIEW - 1
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.waiting.setCurrentIndex(page.waiting.findData("letter"))
    assert page.table.proxy.index(0, decision).data() == "Positive"
    assert view.horizontalHeader().sectionSize(decision) >= view.sizeHintForColumn(decision) > 0
    for column in range(IN_VIEW):
        assert _in_view(view, column), COLUMNS[column].title

    # The decided case shows its sign-off hash whole, wrapped within the pane.
    with qtbot.waitSignal(page.case_shown, timeout=10_000):
        assert page.table.select_where(lambda r: r.meeting_ref == "P20250612" and r.number == 1)
    label = page.signed
    assert label.isVisible() and f"Signed (SHA-256): {signed}" in label.text()
    pane = label.parentWidget()
    assert label.sizeHint().width() <= pane.width()
    assert label.geometry().right() <= pane.contentsRect().right()
    assert label.document().idealWidth() <= label.viewport().width()  # no line runs past the edge
    assert label.height() >= label.document().size().height()  # and none is cut off below


def test_a_long_hash_wraps_in_a_narrow_pane(qtbot, open_workspace, queue_store):
    store, people = queue_store
    signed = _decide_first(store, people)
    window, page = _queue(qtbot, open_workspace, store, people["adm"])
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.waiting.setCurrentIndex(page.waiting.findData("letter"))
    with qtbot.waitSignal(page.case_shown, timeout=10_000):
        assert page.table.select_where(lambda r: r.number == 1)
    label = page.signed
    hash_width = label.fontMetrics().horizontalAdvance(signed)
    total = sum(page.splitter.sizes())
    page.splitter.setSizes([total - hash_width // 2 - 40, hash_width // 2 + 40])
    qtbot.waitUntil(lambda: label.viewport().width() < hash_width)
    qtbot.waitUntil(lambda: label.height() >= label.document().size().height())
    assert label.document().idealWidth() <= label.viewport().width()
    lines = sum(block.layout().lineCount() for block in _blocks(label.document()))
    assert lines > label.text().count("\n") + 2  # the hash itself took more than one line
    assert signed in label.text()  # copied, the text holds the hash unbroken


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_the_minutes_hash_fits_the_window(qtbot, open_workspace, queue_store):
    store, people = queue_store
    window = open_workspace(store, people["chair"])
    window.resize(*LAPTOP)
    window.show_section("minutes")
    view = window.section("minutes").page
    qtbot.waitUntil(lambda: view.state is not None, timeout=10_000)
    index = view.chooser.findText("P20250612", Qt.MatchFlag.MatchContains)
    view.chooser.setCurrentIndex(index)
    qtbot.waitUntil(lambda: view.state is not None and view.state.final and bool(view.state.hash), timeout=10_000)
    label = view.signature
    assert view.state.hash in label.text()
    assert label.sizeHint().width() <= view.width()
    assert label.document().idealWidth() <= label.viewport().width()
    assert label.height() >= label.document().size().height()


def test_agenda_columns_grow_when_a_longer_row_arrives(qtbot, open_workspace, northshire_store, planned):
    meeting_ref, _items = planned
    window = open_workspace(northshire_store)
    window.resize(*LAPTOP)
    window.show_section("agenda")
    page = window.agenda
    table = page.items
    qtbot.waitUntil(lambda: table.model.rowCount() == 3, timeout=10_000)
    households = next(n for n, c in enumerate(table.model.columns) if c.title == "Households")
    header = table.table.horizontalHeader()
    before = header.sectionSize(households)

    # H0213's applicants have the longest names of the fixture.
    with northshire_store.transaction() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == meeting_ref)).one()
        add_item(session, PLANNER, meeting, item_type="adopter_approval", households=["H0213"])
    with qtbot.waitSignal(table.loaded, timeout=10_000):
        table.reload()
    qtbot.waitUntil(lambda: table.model.rowCount() == 4)
    longest = max((table.proxy.index(r, households).data() for r in range(4)), key=len)
    assert "H0213" in longest
    after = header.sectionSize(households)
    assert after > before
    assert after >= table.table.fontMetrics().horizontalAdvance(longest)
    # Every column shown still fits the table: nothing to scroll sideways for.
    shown = [n for n in range(len(table.model.columns)) if not table.table.isColumnHidden(n)]
    assert all(_in_view(table.table, n) for n in shown)
    with northshire_store.session() as session:
        assert len(session.exec(select(AgendaItem).join(Meeting).where(Meeting.ref == meeting_ref)).all()) == 4
