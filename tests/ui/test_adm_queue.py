"""The agency decision maker's queue: the clock (overdue in red and in words), the form that
says what it needs before submit, the qualifying determination and its final decision, the
letter, and the decision record read in the in-app PDF preview."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from panelapp.models import Meeting
from panelapp.services import agenda, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from tests.builders import MEETING_DAY, PASSWORDS, build_agency
from ui.decisions.queue import CLOCK_COLUMN, AdmQueuePage
from ui.shell import theme

PRESENT = ["CH", "VC", "SW", "RR", "NQ", "IN", "MA", "MT"]


def held(store, people, ref, day, items, final_on, create=True):
    """A meeting held on ``day`` with ``items`` [(type, households, children, outcome, wording)]
    recorded, and its minutes final on ``final_on``; ``create=False``: its agenda exists."""
    adviser, chair = people["adviser"], people["chair"]
    if create:
        with store.transaction() as s:
            meetings.create_meeting(s, adviser, date=day, ref=ref)
            meeting = meeting_by_name(s, ref)
            for item_type, households, children, _o, _w in items:
                agenda.add_item(s, adviser, meeting, item_type=item_type, households=households,
                                children=children)
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        meetings.start_meeting(s, chair, meeting, password=PASSWORDS["chair"])
        recording.record_attendance(s, chair, meeting, [
            {"member": r, "status": "present", "acting_as": "chair" if r == "CH" else None} for r in PRESENT])
        for item, (_t, _h, _c, outcome, wording) in zip(meeting.items, items):
            recording.record_recommendation(s, chair, item, outcome=outcome, wording=wording, reasons="Reasons.",
                                            discussion="Members discussed the case.",
                                            approval_terms={"children_max": 1, "age_min_years": 0,
                                                            "age_max_years": 4})
        minutes.approve_minutes(s, chair, meeting, on=final_on, password=PASSWORDS["chair"])


@pytest.fixture
def queue_store(store):
    people = build_agency(store)
    held(store, people, "P20250612", MEETING_DAY, [
        ("adopter_approval", ["H1"], [], "recommended", "That they are suitable to adopt."),
        ("match", ["H2"], ["C1"], "recommended", "That Amy should be placed with Zoe."),
        ("adopter_approval", ["H3"], [], "not_recommended", "That Priya Shah is not suitable to adopt."),
        ("adopter_review", ["H4"], [], "recommended", "That they remain suitable."),
    ], final_on=MEETING_DAY + dt.timedelta(days=1), create=False)
    today = dt.date.today()
    held(store, people, "PTODAY", today, [
        ("adopter_review", ["H2"], [], "recommended", "That Zoe Adams remains suitable to adopt."),
    ], final_on=today)
    return store, people


def open_queue(qtbot, runner, store, actor) -> AdmQueuePage:
    page = AdmQueuePage(runner, store, actor)
    page.signoff_password = PASSWORDS.get(actor.username)  # as the sign-off confirmation will pass it
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.reload()
    return page


def row_texts(page):
    model = page.table.proxy
    return {model.index(r, 1).data() + "/" + model.index(r, 2).data():
            [model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())}


def select(qtbot, page, meeting_ref, number):
    with qtbot.waitSignal(page.case_shown, timeout=10_000):
        assert page.table.select_where(lambda r: r.meeting_ref == meeting_ref and r.number == number)


def test_the_queue_shows_the_clock_and_overdue_in_red_and_in_words(qtbot, runner, queue_store):
    store, people = queue_store
    page = open_queue(qtbot, runner, store, people["adm"])
    rows = row_texts(page)
    assert sorted(rows) == ["P20250612/1", "P20250612/2", "P20250612/3", "P20250612/4", "PTODAY/1"]
    assert rows["PTODAY/1"][CLOCK_COLUMN] == "7 working days left"
    late = rows["P20250612/1"][CLOCK_COLUMN]
    assert re.fullmatch(r"\d+ working days overdue", late), late
    danger = QColor(theme.colours(False)["danger"])
    proxy = page.table.proxy
    for r in range(proxy.rowCount()):
        colour = proxy.index(r, CLOCK_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
        overdue = proxy.index(r, CLOCK_COLUMN).data().endswith("overdue")
        assert (colour == danger) == overdue
        assert bool(proxy.index(r, CLOCK_COLUMN).data(Qt.ItemDataRole.FontRole)) == overdue
    # Sorting by the clock puts the most overdue first.
    page.table.table.sortByColumn(CLOCK_COLUMN, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, CLOCK_COLUMN).data().endswith("overdue")
    assert proxy.index(proxy.rowCount() - 1, 1).data() == "PTODAY"


def test_the_form_says_what_it_needs_before_submit(qtbot, runner, queue_store):
    store, people = queue_store
    page = open_queue(qtbot, runner, store, people["adm"])
    select(qtbot, page, "P20250612", 2)
    form = page.form
    assert "Item 2 of P20250612" in page.heading.text()
    assert "That Amy should be placed with Zoe." in page.extract.toPlainText()
    assert not form.button.isEnabled() and form.advice.text() == "Choose the decision."
    assert not form.choices["qualifying_determination"].isEnabled(), "a match has no qualifying determination"
    form.choices["positive"].setChecked(True)
    assert not form.button.isEnabled(), "every decision gives its reasons"
    assert "agrees with the panel's recommendation" in form.advice.text()
    assert "Write the reasons before recording the decision." in form.advice.text()
    qtbot.keyClicks(form.reasons, "I agree with the panel for the reasons it gave.")
    assert form.button.isEnabled()
    form.reasons.clear()
    form.choices["negative"].setChecked(True)
    assert not form.button.isEnabled()
    assert "reasons are required" in form.advice.text()
    assert form.reasons.placeholderText().startswith("Required")


def test_a_qualifying_determination_its_final_decision_and_the_letter(qtbot, runner, queue_store):
    store, people = queue_store
    page = open_queue(qtbot, runner, store, people["adm"])
    select(qtbot, page, "P20250612", 3)
    form = page.form
    form.decided_on.setDate(MEETING_DAY + dt.timedelta(days=2))
    form.choices["qualifying_determination"].setChecked(True)
    assert "40 working days" in form.advice.text() and not form.button.isEnabled()
    qtbot.keyClicks(form.reasons, "The assessment does not show the capacity to parent.")
    with qtbot.waitSignals([page.case_shown, page.table.loaded], timeout=10_000):
        qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        decision = meeting_by_name(s, "P20250612").items[2].adm_decision
        assert decision.decision == "qualifying_determination"
        qd_hash = decision.signoff_hash
    assert "Representations or the IRM: 40 working days, until" in page.signed.text()
    assert f"Signed (SHA-256): {qd_hash}" in page.signed.text()
    assert not page.form.isVisible()

    # The applicants are told: the 40 working days begin that day (reg 30B(5)(c)).
    assert page.notify_box.isVisible()
    page.notified_on.setDate(MEETING_DAY + dt.timedelta(days=3))
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        qtbot.mouseClick(page.notify_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        assert meeting_by_name(s, "P20250612").items[2].adm_decision.notified == MEETING_DAY + dt.timedelta(days=3)

    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.waiting.setCurrentIndex(page.waiting.findData("final"))
    assert list(row_texts(page)) == ["P20250612/3"]
    select(qtbot, page, "P20250612", 3)
    assert page.final_box.isVisible()
    page.final_box.decision.setCurrentIndex(page.final_box.decision.findData("negative"))
    page.final_box.review.setCurrentIndex(page.final_box.review.findData("representations"))
    page.final_box.decided_on.setDate(MEETING_DAY + dt.timedelta(days=80))
    page.final_box.representations_on.setDate(MEETING_DAY + dt.timedelta(days=40))
    qtbot.keyClicks(page.final_box.reasons, "Your representations do not answer my concerns.")
    with qtbot.waitSignals([page.case_shown, page.table.loaded], timeout=10_000):
        qtbot.mouseClick(page.final_button, Qt.MouseButton.LeftButton)
    assert "Final decision: Negative on 31 Aug 2025, after representations received on 22 Jul 2025." in page.signed.text()
    with store.session() as s:
        decision = meeting_by_name(s, "P20250612").items[2].adm_decision
        assert (decision.final_decision, decision.final_review) == ("negative", "representations")
        assert decision.representations_on == MEETING_DAY + dt.timedelta(days=40)
        assert decision.final_reasons == "Your representations do not answer my concerns."
        assert decision.signoff_hash != qd_hash and decision.signoff_hash in page.signed.text()
    assert "P20250612/3" not in row_texts(page)


def test_the_decision_record_is_previewed_as_rendered_pages(qtbot, runner, queue_store):
    store, people = queue_store
    page = open_queue(qtbot, runner, store, people["adm"])
    select(qtbot, page, "P20250612", 1)
    page.form.choices["positive"].setChecked(True)
    page.form.decided_on.setDate(MEETING_DAY + dt.timedelta(days=2))
    qtbot.keyClicks(page.form.reasons, "I agree with the panel for the reasons it gave.")
    with qtbot.waitSignal(page.case_shown, timeout=10_000):
        qtbot.mouseClick(page.form.button, Qt.MouseButton.LeftButton)
    assert page.record_button.isVisible()
    page.preview_record()
    dialog = page.dialog
    with qtbot.waitSignal(dialog.preview.shown, timeout=20_000) as shown:
        pass
    count = shown.args[0]
    assert count >= 1 and dialog.pages.text().startswith(f"{count} page")
    image = dialog.preview.images[0]
    assert image.width() > 600 and image.height() > image.width(), "an A4 page, upright"
    assert not dialog.preview.pages[0].pixmap().isNull()
    darker = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
                 if QColor(image.pixel(x, y)).lightness() < 128)
    assert darker > 50, "the page has text on it, not a blank bitmap"
    dialog.done(0)
    with store.session() as s:
        assert s.get(Meeting, meeting_by_name(s, "P20250612").id).items[0].adm_decision.decision == "positive"
