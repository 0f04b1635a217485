"""A panel adviser's week on a small demo agency, through the real widgets: a year of
meetings scheduled from a pattern, an agenda of five items built through the add-item
dialog, papers attached, opened and sent, the warnings seen, the agenda reordered by
dragging, an item removed, and a meeting cancelled with its items moved on."""

import datetime as dt
import hashlib
import shutil

import holidays
import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from panelapp.db import open_store
from panelapp.models import AgendaItem, Child, Household, ItemHousehold, ItemPaper, Meeting
from panelapp.services.agenda import add_item
from panelapp.services.permissions import Actor
from ui.agenda import paper_list
from ui.agenda.item_dialog import ItemDialog
from ui.agenda.paper_list import AttachDialog, documents_dir
from ui.agenda.papers_sent_dialog import PapersSentDialog
from ui.common.pickers import REF_ROLE
from ui.common.reason_dialog import ReasonDialog
from ui.meetings.cancel_dialog import CancelDialog
from ui.meetings.schedule_dialog import ScheduleDialog

ADVISER = Actor("pat", "Pat Adviser", "adviser")
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """A year of a small demo agency, made once; its meetings are planned from today on."""
    from panelapp.demo import create_demo_agency
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = open_store(str(path))
    with store.transaction() as session:
        create_demo_agency(session, seed=1, years=1, scale=1, actor="demo")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.dispose()
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    shutil.copyfile(demo_template, tmp_path / "demo.sqlite")
    store = open_store(str(tmp_path / "demo.sqlite"))
    yield store
    store.dispose()


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def meeting_of(store, ref):
    with store.session() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        return meeting.id, meeting.status, [(i.ref, i.outcome) for i in meeting.items]


def plan_a_meeting(qtbot, window, day: dt.date, venue: str, capacity: int) -> str:
    """Through File > New meeting; returns the new meeting's ref."""
    window.new_meeting_action.trigger()
    dialog = window.dialog
    dialog.date.setDate(qdate(day))
    dialog.venue.clear()
    qtbot.keyClicks(dialog.venue, venue)
    dialog.capacity.setValue(capacity)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with window.store.session() as session:
        return session.exec(select(Meeting.ref).where(Meeting.venue == venue)).one()


def open_agenda_of(qtbot, window, ref):
    """From the meetings list, as the adviser would: choose the meeting, Open agenda."""
    window.show_section("meetings")
    meetings = window.meetings
    qtbot.waitUntil(lambda: meetings.loading is None and meetings.select_where(lambda r: r.ref == ref))
    qtbot.mouseClick(meetings.agenda_button, Qt.MouseButton.LeftButton)
    page = window.agenda
    qtbot.waitUntil(lambda: page.agenda is not None and page.agenda.meeting_ref == ref
                    and page.items.loading is None)
    return page


def tick(qtbot, checklist, text, ref):
    """Type into the list's search box, go down into the list to the one wanted, tick it with Space."""
    # Keys go to the active window: make sure the dialog is it before typing (the offscreen
    # platform activates a new window a moment after it shows).
    window = checklist.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    checklist.search.setFocus()
    checklist.search.clear()
    qtbot.keyClicks(checklist.search, text)
    shown = checklist.shown_refs()
    assert ref in shown
    qtbot.keyClick(checklist.search, Qt.Key.Key_Down)
    qtbot.waitUntil(checklist.view.hasFocus, timeout=5_000)
    for _ in range(shown.index(ref)):
        qtbot.keyClick(checklist.view, Qt.Key.Key_Down)
    assert checklist.view.currentIndex().data(REF_ROLE) == ref
    qtbot.keyClick(checklist.view, Qt.Key.Key_Space)
    assert ref in checklist.chosen()


def add_through_dialog(qtbot, page, item_type, households=(), children=(), presenters="", minutes=30):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ItemDialog) and page.dialog.isVisible())
    dialog = page.dialog
    dialog.choose_type(item_type)
    # The cases here are chosen to draw the agenda's warnings, not for being eligible.
    dialog.show_all.setChecked(True)
    for text, ref in households:
        tick(qtbot, dialog.households, text, ref)
    for text, ref in children:
        tick(qtbot, dialog.children, text, ref)
    qtbot.keyClicks(dialog.presenters, presenters)
    dialog.minutes.setValue(minutes)
    assert dialog.ok_button.isEnabled(), dialog.missing.text()
    before = page.items.model.rowCount()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.items.loading is None and page.items.model.rowCount() == before + 1)
    page.dialog = None


def cases(store, day: dt.date):
    """Households and children of the demo for each kind of item, chosen by what they are."""
    with store.session() as session:
        elsewhere = session.exec(
            select(Household.ref).join(ItemHousehold).join(AgendaItem).join(Meeting)
            .where(Meeting.status == "planned", AgendaItem.outcome.is_(None))).first()
        listed = set(session.exec(select(Household.ref).join(ItemHousehold)).all())
        approved = session.exec(select(Household).where(Household.approved.is_not(None),
                                                        Household.approval_age_max_years.is_not(None),
                                                        Household.withdrawn.is_(None))
                                .order_by(Household.ref)).all()
        free = [h for h in approved if h.ref not in listed and h.ref != elsewhere]
        reviewed, matched = free[0], free[1]
        too_old = next(c for c in session.exec(select(Child).where(Child.dob.is_not(None)).order_by(Child.ref))
                       if (day - c.dob).days // 366 > matched.approval_age_max_years)
        planned_for = session.exec(select(Child).order_by(Child.ref.desc())).first()
        surname = reviewed.applicants[0].name.split()[-1]
        return {"elsewhere": elsewhere, "review": (surname, reviewed.ref), "match": matched.ref,
                "too_old": too_old.ref, "plan": planned_for.ref}


# -- Monday: a year of meetings from a pattern --------------------------------------

def pattern_dates(first, last):
    """The first and last Monday of each month, worked out here without PanelApp."""
    out, day = [], first
    while day <= last:
        if day.weekday() == 0:
            following = day + dt.timedelta(days=7)
            if day.day <= 7 or following.month != day.month:
                out.append(day)
        day += dt.timedelta(days=1)
    return out


def test_scheduling_a_year_from_a_pattern_skips_bank_holidays(qtbot, open_workspace, demo):
    window = open_workspace(demo, ADVISER)
    window.show_section("meetings")
    page = window.meetings
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.loading is None)
    before = page.model.rowCount()
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ScheduleDialog) and dialog.isVisible()
    assert "2nd and 4th Thursday, 10:00" in dialog.pattern.placeholderText()

    dialog.pattern.clear()
    qtbot.keyClicks(dialog.pattern, "every Monday")
    assert not dialog.schedule_button.isEnabled() and "Cannot read the pattern" in dialog.preview.text()
    dialog.pattern.clear()
    qtbot.keyClicks(dialog.pattern, "1st and last Monday, 13:30")
    first = TODAY + dt.timedelta(days=1)
    last = dt.date(first.year + 1, first.month, 1) - dt.timedelta(days=1)
    dialog.first.setDate(qdate(first))
    dialog.last.setDate(qdate(last))
    qtbot.keyClicks(dialog.venue, "Town Hall, Room 2")
    dialog.capacity.setValue(6)
    dialog.skip.setChecked(True)  # moving off a bank holiday is the default: test_schedule_year.py
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)

    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 1))
    dates = pattern_dates(first, last)
    expected = [d for d in dates if d not in bank]
    skipped = [d for d in dates if d in bank]
    assert skipped, "a year of first and last Mondays meets the May and August bank holidays"
    with demo.session() as session:
        made = session.exec(select(Meeting).where(Meeting.venue == "Town Hall, Room 2")
                            .order_by(Meeting.meeting_date)).all()
        assert [m.meeting_date for m in made] == expected
        assert {(m.start_time, m.capacity, m.status) for m in made} == {(dt.time(13, 30), 6, "planned")}
    shown = dialog.result.toPlainText()
    assert f"{len(expected)} meetings planned" in shown
    for day in skipped:
        assert f"{day:%a %-d %b %Y}: bank holiday" in shown
    places = [shown.index(f"{day:%a %-d %b %Y} at 13:30") for day in expected]
    assert places == sorted(places), "listed in date order"
    assert not dialog.schedule_button.isVisible(), "a schedule is made once"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "planned from" in window.statusBar().currentMessage()

    # The list shows them, with the forecast and the papers deadline; a year at a time.
    qtbot.waitUntil(lambda: page.loading is None and page.model.rowCount() == before + len(expected))
    page.show_year(last.year)
    qtbot.waitUntil(lambda: page.loading is None and page.year_choice.currentData() == last.year)
    rows = page.model.rows()
    assert rows and {r.meeting_date.year for r in rows} == {last.year}
    town_hall = [r for r in rows if r.venue == "Town Hall, Room 2"]
    assert town_hall and all(r.forecast == "Quorate" for r in town_hall), \
        "nobody has sent apologies: the whole central list is expected"
    assert all(r.papers_deadline < r.meeting_date for r in town_hall)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert "Quorum forecast" in headers and "Papers due" in headers


# -- Tuesday: an agenda of five items, and what it warns of -------------------------

def test_building_an_agenda_of_five_items_through_the_dialog(qtbot, open_workspace, demo):
    window = open_workspace(demo, ADVISER)
    # Three days off: the papers should have gone out already.
    day = TODAY + dt.timedelta(days=3)
    ref = plan_a_meeting(qtbot, window, day, "Civic Centre, Room 1", capacity=4)
    chosen = cases(demo, day)
    page = open_agenda_of(qtbot, window, ref)
    assert page.items.model.rowCount() == 0 and page.add_button.isEnabled()

    add_through_dialog(qtbot, page, "adopter_approval", households=[(chosen["elsewhere"], chosen["elsewhere"])],
                       presenters="Lena Smith", minutes=45)
    # Found by an applicant's name, not only by ref.
    add_through_dialog(qtbot, page, "adopter_review", households=[chosen["review"]], minutes=20)
    add_through_dialog(qtbot, page, "match", households=[(chosen["match"], chosen["match"])],
                       children=[(chosen["too_old"], chosen["too_old"])],
                       presenters="Kofi Nowak, Gus Fitzgerald", minutes=60)
    add_through_dialog(qtbot, page, "child_plan", children=[(chosen["plan"], chosen["plan"])])
    add_through_dialog(qtbot, page, "other", presenters="Panel adviser", minutes=15)

    rows = page.items.model.rows()
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]
    assert [r.item_type for r in rows] == ["adopter_approval", "adopter_review", "match", "child_plan", "other"]
    assert [r.slot for r in rows] == ["10:00–10:45", "10:45–11:05", "11:05–12:05", "12:05–12:35",
                                      "12:35–12:50"], "no start set: slots from 10:00, in each item's minutes"
    assert rows[2].presenters == "Kofi Nowak, Gus Fitzgerald"
    assert page.items.current_object().number == 5, "the item just added is selected"

    warnings = page.warnings.text()
    assert page.warnings.isVisible()
    assert "Over capacity: 5 items for a meeting that takes 4." in warnings
    assert "Papers late: they were due out by" in warnings
    assert f"household {chosen['elsewhere']} is also listed on" in warnings
    assert f"child {chosen['too_old']} is" in warnings and f"household {chosen['match']}" in warnings
    # Shown inline too: the items warned of are highlighted, the warning in their tooltip.
    marked = [r.number for r in rows if r.warnings]
    assert 1 in marked and 3 in marked and 2 not in marked
    index = page.items.model.index(2, 4)
    assert chosen["too_old"] in page.items.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert page.items.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "5 items for 4 places" in page.facts.text()

    # The meetings list counts them.
    window.show_section("meetings")
    qtbot.waitUntil(lambda: window.meetings.loading is None and any(
        r.ref == ref and r.items == 5 for r in window.meetings.model.rows()))


def test_a_type_that_needs_a_household_cannot_be_added_without_one(qtbot, open_workspace, demo):
    window = open_workspace(demo, ADVISER)
    ref = plan_a_meeting(qtbot, window, TODAY + dt.timedelta(days=30), "Annexe", capacity=6)
    page = open_agenda_of(qtbot, window, ref)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ItemDialog))
    dialog = page.dialog
    dialog.choose_type("match")
    assert not dialog.ok_button.isEnabled()
    assert dialog.missing.text() == "Match needs a household and a child."
    first_child = dialog.children.shown_refs()[0]
    dialog.children.set_chosen(first_child)
    assert dialog.missing.text() == "Match needs a household."
    dialog.reject()


# -- Wednesday: papers --------------------------------------------------------------

def seed_agenda(store, day, venue, types=("adopter_approval", "adopter_review", "other")):
    """A planned meeting with items, made through the services (the dialog has its own test)."""
    from panelapp.services.meetings import create_meeting
    with store.transaction() as session:
        made = create_meeting(session, ADVISER, date=day, venue=venue, start=dt.time(9, 30))
        meeting = session.exec(select(Meeting).where(Meeting.ref == made["ref"])).one()
        households = session.exec(select(Household.ref).where(Household.approved.is_not(None))
                                  .order_by(Household.ref.desc())).all()
        for n, item_type in enumerate(types):
            add_item(session, ADVISER, meeting, item_type=item_type,
                     households=[households[n]] if item_type != "other" else [])
        return made["ref"], [i.ref for i in meeting.items]


def attach_through_dialog(qtbot, page, path, kind=None):
    qtbot.mouseClick(page.papers.attach_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AttachDialog)
    qtbot.keyClicks(dialog.path, str(path))
    if kind:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    count = len(page.items.current_object().papers)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.items.loading is None and page.items.current_object() is not None
                    and len(page.items.current_object().papers) == count + 1)
    return dialog


def test_papers_are_attached_opened_and_sent(qtbot, open_workspace, demo, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(paper_list, "open_file", lambda path: opened.append(path) or True)
    ref, items = seed_agenda(demo, TODAY + dt.timedelta(days=20), "Riverside")
    window = open_workspace(demo, ADVISER)
    page = open_agenda_of(qtbot, window, ref)
    page.items.select_where(lambda r: r.ref == items[0])
    report = tmp_path / "Prospective_adopters_report.pdf"
    report.write_bytes(b"%PDF-1.4 the assessment\n")
    dialog = attach_through_dialog(qtbot, page, report)
    assert dialog.title.text() == "Prospective adopters report", "the title starts as the file's name"
    assert dialog.kind.currentData() == "prospective_adopters_report", "an approval is heard on a PAR"

    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    stored = documents_dir(demo) / ref / items[0] / f"{digest[:12]}-{report.name}"
    assert stored.read_bytes() == report.read_bytes()
    assert documents_dir(demo) == demo.path.parent / "documents"
    with demo.session() as session:
        paper = session.exec(select(ItemPaper)).one()
        assert (paper.sha256, paper.stored_path, paper.late) == (digest, str(stored), False)
    assert page.papers.table.model().index(0, 0).data() == "Prospective adopters report"
    assert page.items.current_object().papers[0].sha256 == digest
    qtbot.mouseClick(page.papers.open_button, Qt.MouseButton.LeftButton)
    assert opened == [stored]

    # A stored copy changed behind PanelApp's back is not opened as the paper attached.
    stored.write_bytes(b"something else")
    qtbot.mouseClick(page.papers.open_button, Qt.MouseButton.LeftButton)
    assert opened == [stored] and "has changed since it was attached" in window.message.text()
    window.message.close()

    # Papers sent, a day late; a paper added after that is late, and both are warned of.
    deadline = page.agenda.deadline
    qtbot.mouseClick(page.papers_sent_button, Qt.MouseButton.LeftButton)
    sent = page.dialog
    assert isinstance(sent, PapersSentDialog)
    sent.sent_on.setDate(qdate(deadline + dt.timedelta(days=1)))
    assert sent.note.text().startswith("Late:")
    sent.accept()
    qtbot.waitUntil(lambda: page.agenda.papers_sent == deadline + dt.timedelta(days=1))
    assert f"papers sent {deadline + dt.timedelta(days=1):%-d %b %Y}" in page.facts.text()
    assert "Papers late: sent" in page.warnings.text()
    page.today = lambda: deadline + dt.timedelta(days=2)
    page.items.select_where(lambda r: r.ref == items[1])
    addendum = tmp_path / "medical.txt"
    addendum.write_text("the medical adviser's summary")
    attach_through_dialog(qtbot, page, addendum, kind="medical_report")
    papers = page.papers.table.model()
    assert papers.index(0, 2).data().endswith("(late)")
    assert papers.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None, "a late paper is highlighted"
    assert "addendum" in papers.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 paper(s) added after the papers went out" in page.warnings.text()


def test_removing_an_item_after_papers_went_out_keeps_it_listed(qtbot, open_workspace, demo):
    from panelapp.services.meetings import mark_papers_sent
    ref, items = seed_agenda(demo, TODAY + dt.timedelta(days=20), "Riverside")
    with demo.transaction() as session:
        mark_papers_sent(session, ADVISER, session.exec(select(Meeting).where(Meeting.ref == ref)).one(), on=TODAY)
    window = open_workspace(demo, ADVISER)
    page = open_agenda_of(qtbot, window, ref)
    assert [r.slot for r in page.items.model.rows()] == ["09:30–10:00", "10:00–10:30", "10:30–11:00"]
    page.items.select_where(lambda r: r.ref == items[0])
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog) and "stays on the agenda" in dialog.explain.text()
    assert not dialog.ok_button.isEnabled(), "a removal says why"
    qtbot.keyClicks(dialog.reason, "The applicants asked for more time")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.items.loading is None and page.items.model.rows()[0].outcome == "removed")
    rows = page.items.model.rows()
    assert [r.ref for r in rows] == items
    assert [r.slot for r in rows] == ["", "09:30–10:00", "10:00–10:30"], "a removed item takes no time"
    assert page.items.model.data(page.items.model.index(0, 0), Qt.ItemDataRole.FontRole).italic()
    assert not page.remove_button.isEnabled(), "removed already"
    assert meeting_of(demo, ref)[2][0] == (items[0], "removed")


# -- Thursday: the order of the day, by dragging ------------------------------------

def drag_row(view, source_row: int, target_row: int) -> bool:
    """Drop row ``source_row`` just above ``target_row`` (its upper edge), through the view's own
    drag-enter, drag-move and drop handling: what a drag with the mouse ends in."""
    model = view.model()
    mime = model.mimeData([model.index(source_row, c) for c in range(model.columnCount())])
    if target_row < model.rowCount():
        rect = view.visualRect(model.index(target_row, 0))
        point = QPointF(rect.center().x(), rect.top() + 1)
    else:
        rect = view.visualRect(model.index(model.rowCount() - 1, 0))
        point = QPointF(rect.center().x(), rect.bottom() - 1)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, modifiers))
    moving = QDragMoveEvent(point, Qt.DropAction.MoveAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, moving)
    drop = QDropEvent(point, Qt.DropAction.MoveAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)
    return moving.isAccepted() and drop.isAccepted()


def test_dragging_an_item_reorders_the_agenda_undoably(qtbot, open_workspace, demo):
    ref, items = seed_agenda(demo, TODAY + dt.timedelta(days=20), "Riverside",
                             types=("adopter_approval", "adopter_review", "withdrawal", "other"))
    window = open_workspace(demo, ADVISER)
    page = open_agenda_of(qtbot, window, ref)
    view = page.items.table

    assert drag_row(view, 3, 0)
    assert [i for i, _ in meeting_of(demo, ref)[2]] == [items[3], items[0], items[1], items[2]]
    qtbot.waitUntil(lambda: page.items.loading is None
                    and [r.ref for r in page.items.model.rows()] == [items[3], *items[:3]])
    assert page.items.current_object().ref == items[3], "the item dragged stays selected"
    assert window.undo_action.text() == f"&Undo Move {items[3]} to place 1"

    assert drag_row(view, 1, 4), "to the end"
    assert [i for i, _ in meeting_of(demo, ref)[2]] == [items[3], items[1], items[2], items[0]]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [i for i, _ in meeting_of(demo, ref)[2]] == items
    qtbot.waitUntil(lambda: page.items.loading is None and [r.ref for r in page.items.model.rows()] == items)

    # Dropping an item where it already is changes nothing; nor can the order change while searching.
    assert not drag_row(view, 1, 1)
    qtbot.keyClicks(page.items.search, "withdrawal")
    assert not page.items.model.movable and not page.up.isEnabled()
    assert window.undo_stack.count() == 2


# -- Friday: a meeting cancelled, its items moved on ---------------------------------

def test_cancelling_a_meeting_moves_its_items_to_the_meeting_chosen(qtbot, open_workspace, demo):
    ref, items = seed_agenda(demo, TODAY + dt.timedelta(days=20), "Riverside")
    later, later_items = seed_agenda(demo, TODAY + dt.timedelta(days=34), "Annexe", types=("other",))
    window = open_workspace(demo, ADVISER)
    page = window.meetings
    window.show_section("meetings")
    qtbot.waitUntil(lambda: page.loading is None and page.select_where(lambda r: r.ref == ref))
    assert page.cancel_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CancelDialog)
    assert f"({ref}) will be cancelled. Its 3 items not yet heard move" in dialog.explain.text()
    targets = [dialog.move_to.itemData(i) for i in range(dialog.move_to.count())]
    later_id = meeting_of(demo, later)[0]
    assert later_id in targets and meeting_of(demo, ref)[0] not in targets
    with demo.session() as session:
        assert all(session.get(Meeting, t).status == "planned"
                   and session.get(Meeting, t).meeting_date >= TODAY + dt.timedelta(days=20) for t in targets)
    dialog.choose(later_id)
    assert not dialog.ok_button.isEnabled(), "a cancellation says why"
    qtbot.keyClicks(dialog.reason, "The chair is ill and no vice chair is free")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    _, status, left = meeting_of(demo, ref)
    assert status == "cancelled" and left == []
    assert [i for i, _ in meeting_of(demo, later)[2]] == later_items + items
    assert f"3 items moved to {later}" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: page.loading is None and any(
        r.ref == ref and r.status == "cancelled" and r.forecast == "" for r in page.model.rows()))
    assert page.select_where(lambda r: r.ref == ref) and not page.cancel_button.isEnabled()

    agenda = open_agenda_of(qtbot, window, later)
    assert [r.ref for r in agenda.items.model.rows()] == later_items + items


def test_enter_in_the_pickers_finds_and_ticks_without_adding_the_item(qtbot, open_workspace, demo):
    window = open_workspace(demo, ADVISER)
    ref = plan_a_meeting(qtbot, window, TODAY + dt.timedelta(days=30), "Annexe", capacity=6)
    page = open_agenda_of(qtbot, window, ref)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ItemDialog) and page.dialog.isVisible())
    dialog = page.dialog
    households = dialog.households
    wanted = households.shown_refs()[1]
    qtbot.keyClicks(households.search, wanted)
    qtbot.keyClick(households.search, Qt.Key.Key_Return)
    assert households.view.hasFocus() and dialog.isVisible()
    qtbot.keyClick(households.view, Qt.Key.Key_Return)
    assert households.chosen() == [wanted] and dialog.isVisible(), "Enter ticked, and did not add the item"
    qtbot.keyClick(households.view, Qt.Key.Key_Space)
    assert households.chosen() == []
    # What was ticked stays ticked while the list is searched for the next one.
    households.set_chosen(wanted)
    households.search.setText("no such household")
    assert households.shown_refs() == [] and households.chosen() == [wanted]
    dialog.reject()
    with demo.session() as session:
        assert session.exec(select(AgendaItem).join(Meeting).where(Meeting.ref == ref)).first() is None
