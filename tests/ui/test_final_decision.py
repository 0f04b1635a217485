"""The final decision after a qualifying determination, from the decisions screen: before the
40 working days end it waits for the applicants' representations, the IRM's recommendation,
or their written notice that they will make none; with the notice recorded (and its date) it
can be signed at once, and the record says what came before it."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from panelapp.services import adm
from panelapp.services.lookup import meeting_by_name
from tests.builders import PASSWORDS
from tests.shots import SHOTS
from tests.ui.test_adm_queue import open_queue, queue_store, select  # noqa: F401  (the fixture)
from tests.ui.test_mnemonics import alt_keys
from ui.common.words import day

MENU_KEYS = {"f", "e", "v", "h"}  # the main window's File, Edit, View and Help


def no_alt_key_twice(page) -> bool:
    """As tests/ui/test_mnemonics.py walks the workspace, for a state of the screen it does not reach."""
    keys = alt_keys(page, page)
    clashes = {key: texts for key, texts in keys.items() if len(texts) > 1 or key in MENU_KEYS}
    assert not clashes, clashes
    return True


@pytest.fixture
def told(queue_store):  # noqa: F811
    """Item 3 (not recommended) decided as a qualifying determination today, the applicants told today."""
    store, people = queue_store
    today = dt.date.today()
    with store.transaction() as s:
        item = meeting_by_name(s, "P20250612").items[2]
        adm.record_decision(s, people["adm"], item, decision="qualifying_determination", decided_on=today,
                            reasons="The assessment does not show the capacity to parent.",
                            password=PASSWORDS["adm"])
        adm.record_notification(s, people["adm"], item, on=today)
    return store, people


def final_page(qtbot, runner, store, actor):
    page = open_queue(qtbot, runner, store, actor)
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.waiting.setCurrentIndex(page.waiting.findData("final"))
    select(qtbot, page, "P20250612", 3)
    return page


def test_before_the_40_days_end_the_written_notice_lets_the_final_decision_be_signed(qtbot, runner, told):
    store, people = told
    page = final_page(qtbot, runner, store, people["adm"])
    form = page.final_box
    assert form.isVisible() and page.final_button.isVisible()
    today = dt.date.today()
    end = dt.date.fromisoformat(page.case.decision["representations_end"])
    assert end > today
    assert f"the 40 working days for representations or the IRM run until {day(end)}" in form.advice.text()
    assert form.review.currentData() == "none" and form.notice.isVisible() and not form.notice_on.isEnabled()
    assert not form.representations_on.isVisible() and not form.irm_recommendation.isVisible()

    form.decision.setCurrentIndex(form.decision.findData("positive"))
    qtbot.keyClicks(form.reasons, "The applicants' further evidence answers my concerns.")
    assert not page.final_button.isEnabled()
    assert "needs the applicants' written notice that they will make no representations" in form.advice.text()

    qtbot.mouseClick(form.notice, Qt.MouseButton.LeftButton)
    assert form.notice.isChecked() and form.notice_on.isEnabled()
    assert form.notice_on.minimumDate() == QDate(today.year, today.month, today.day)
    assert page.final_button.isEnabled(), form.advice.text()
    page.resize(1280, 680)
    page.grab().save(f"{SHOTS}/final-decision-notice-1280x680.png")
    assert no_alt_key_twice(page)

    with qtbot.waitSignals([page.case_shown, page.table.loaded], timeout=10_000):
        qtbot.mouseClick(page.final_button, Qt.MouseButton.LeftButton)
    assert not page.message.isVisible(), page.message.text()
    with store.session() as s:
        decision = meeting_by_name(s, "P20250612").items[2].adm_decision
        assert (decision.final_decision, decision.final_review) == ("positive", "none")
        assert decision.no_representations_on == today and decision.final_date == today
        assert decision.final_reasons == "The applicants' further evidence answers my concerns."
        assert decision.representations_on is None
    assert (f"Final decision: Positive on {day(today)}, after the applicants' written notice, received on "
            f"{day(today)}, that they will make no representations.") in page.signed.text()


def test_representations_and_the_irm_each_ask_for_their_own_dates(qtbot, runner, told):
    store, people = told
    page = final_page(qtbot, runner, store, people["adm"])
    form = page.final_box
    qtbot.keyClicks(form.reasons, "Reasons.")
    form.review.setCurrentIndex(form.review.findData("independent_review"))
    assert not form.notice.isVisible() and form.irm_recommendation.isVisible() and form.irm_on.isVisible()
    assert not page.final_button.isEnabled() and "Write the IRM panel's recommendation" in form.advice.text()
    qtbot.keyClicks(form.irm_recommendation, "The IRM panel recommends approval.")
    assert page.final_button.isEnabled()
    assert form.values()["irm_recommendation"] == "The IRM panel recommends approval."

    form.review.setCurrentIndex(form.review.findData("representations"))
    assert form.representations_on.isVisible() and not form.irm_on.isVisible()
    form.decision.setCurrentIndex(form.decision.findData("negative"))
    with qtbot.waitSignals([page.case_shown, page.table.loaded], timeout=10_000):
        qtbot.mouseClick(page.final_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        decision = meeting_by_name(s, "P20250612").items[2].adm_decision
        assert (decision.final_review, decision.representations_on) == ("representations", dt.date.today())
        assert decision.no_representations_on is None


def test_without_the_letter_the_form_says_to_record_it_first(qtbot, runner, queue_store):  # noqa: F811
    store, people = queue_store
    with store.transaction() as s:
        item = meeting_by_name(s, "P20250612").items[2]
        adm.record_decision(s, people["adm"], item, decision="qualifying_determination",
                            reasons="The assessment does not show the capacity to parent.",
                            password=PASSWORDS["adm"])
    page = final_page(qtbot, runner, store, people["adm"])
    qtbot.keyClicks(page.final_box.reasons, "Reasons.")
    page.final_box.notice.setChecked(True)
    assert not page.final_button.isEnabled()
    assert "have not been told of the qualifying determination yet" in page.final_box.advice.text()


def test_the_queue_shows_the_representations_clock_not_the_decisions(qtbot, runner, told):
    """Awaiting the final decision, the clock is the 40 working days beginning with the day the
    applicants were told, and its end is the date due; the decision's own clock has stopped."""
    from panelapp.rules.clocks import representations_end
    from panelapp.rules.workdays import WorkingDays
    from panelapp.services.common import agency_of
    from tests.ui.test_adm_queue import row_texts

    store, people = told
    page = final_page(qtbot, runner, store, people["adm"])
    with store.session() as s:
        end = representations_end(WorkingDays.for_agency(agency_of(s)), dt.date.today())
    clock, _meeting, _item, due = row_texts(page)["P20250612/3"][:4]
    assert due == day(end)
    assert clock == "40 working days for representations"
