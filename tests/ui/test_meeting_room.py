"""A whole meeting through the real widgets: attendance, a declaration that makes an item
inquorate, four recommendations (a split view with a named dissent), the minutes approved
and amended, and then the agency decision maker deciding all four."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlmodel import select

from panelapp.models import AgendaItem, Draft
from panelapp.services import meetings
from panelapp.services.drafts import load_drafts
from panelapp.services.lookup import meeting_by_name
from tests.builders import MEETING_DAY, PASSWORDS, build_agency  # noqa: F401  (shared)
from tests.ui.drive import choose, mark, record, settle_until, type_into
from ui.decisions.queue import AdmQueuePage
from ui.meeting_room import MeetingRoom
from ui.minutes.view import MinutesView

D = dt.date
@pytest.fixture
def people(store):
    return build_agency(store)


def open_room(qtbot, runner, store, actor) -> MeetingRoom:
    room = MeetingRoom(runner, store, actor)
    room.signoff_password = PASSWORDS.get(actor.username)  # as the sign-off confirmation will pass it
    qtbot.addWidget(room)
    room.resize(1200, 800)
    room.show()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        room.reload()
    return room


def hold_the_meeting(qtbot, runner, store, people) -> MeetingRoom:
    """Through the meeting room: open, attendance, a declaration, and the four items."""
    room = open_room(qtbot, runner, store, people["chair"])
    assert room.state.ref == "P20250612"
    assert room.open_button.isVisible()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    settle_until(qtbot, room, lambda: room.state.status == "held")
    assert room.quorum.quorate is None  # nobody marked yet: nothing to judge

    mark(qtbot, room, "CH", "present", acting="chair")
    for ref in ("VC", "SW", "NQ", "IN", "MA", "MT"):
        mark(qtbot, room, ref, "present")
    mark(qtbot, room, "LA", "apologies")
    mark(qtbot, room, "RR", "absent")
    assert room.quorum.quorate is True
    assert "The meeting is quorate: 6 members count" in room.quorum.text.text()

    # Sam Social knows the applicants of item 1 and leaves the room for it.
    panel = room.declarations
    choose(panel.member, "SW")
    panel.item.setCurrentIndex(1)
    qtbot.keyClicks(panel.interest, "knows the applicants through work")
    choose(panel.action, "left_for_item")
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    table = panel.table.model()
    assert table.rowCount() == 1
    assert [table.index(0, column).data() for column in range(4)] == [
        "Sam Social", "Item 1", "knows the applicants through work", "Left for the item"]

    room.select_item(1)
    pane = room.pane
    assert pane.quorum.quorate is False
    assert pane.quorum.mark.text() == "This item: ✖ Inquorate"
    reason = ("Item 1 is inquorate: no social worker with 3 years' post-qualifying experience is present.")
    assert pane.quorum.text.text() == reason
    assert "Out:</b> Sam Social, left the room for this item" in pane.people.text()
    assert not pane.record.isEnabled()
    assert pane.refusal.isVisible() and reason in pane.refusal.text()
    # Were it tried anyway, the service refuses, and the screen says why.
    choose(pane.outcome, "recommended")
    type_into(qtbot, pane.wording, "That they are suitable.")
    type_into(qtbot, pane.reasons, "A thorough assessment.")
    room.record_item(pane.values())
    assert room.message.text() == reason
    assert pane.refusal.text() == reason
    with store.session() as s:
        assert meeting_by_name(s, "P20250612").items[0].outcome is None
    assert "inquorate" in room.items.item(0).text()

    record(qtbot, room, 2, "recommended", template=True, reasons="The adopter can meet Amy's needs.")
    assert room.state.items[1].wording == "That Amy Child should be placed for adoption with Zoë Adams."
    record(qtbot, room, 3, "not_recommended", wording="That Priya Shah is not suitable to adopt a child.",
           reasons="The assessment did not show the capacity to meet a child's needs.",
           votes={"for": 2, "against": 3, "abstain": 1},
           dissent=[("IN", "Priya showed real insight; more support would have answered the concerns.")])
    record(qtbot, room, 4, "recommended", template=True, reasons="Still waiting; circumstances unchanged.")

    # Rhys Roberts arrives late: item 1 has its qualifying social worker again.
    mark(qtbot, room, "RR", "present", arrived="11:05")
    room.select_item(1)
    assert pane.quorum.quorate is True and pane.record.isEnabled()
    assert "Item 1 is quorate" in pane.quorum.text.text()
    pane.children_max.setValue(2)
    pane.age_min.setValue(0)
    pane.age_max.setValue(6)
    record(qtbot, room, 1, "recommended", template=True, reasons="A thorough assessment; strong support network.")
    return room


def test_a_whole_meeting_then_the_decisions(qtbot, runner, store, people):
    room = hold_the_meeting(qtbot, runner, store, people)
    with store.session() as s:
        meeting = meeting_by_name(s, "P20250612")
        items = meeting.items
        assert [i.outcome for i in items] == ["recommended", "recommended", "not_recommended", "recommended"]
        assert items[0].recommendation.wording == ("That Siân Jones and Łukasz Nowak are suitable to adopt "
                                                   "up to 2 children aged 0 to 6.")
        assert (items[0].household_links[0].household.approval_children_max,
                items[0].household_links[0].household.approval_age_max_years) == (2, 6)
        split = items[2].recommendation
        assert (split.votes_for, split.votes_against, split.votes_abstain) == (2, 3, 1)
        assert [(d.member.name, d.view) for d in split.dissent] == [
            ("Ian Independent", "Priya showed real insight; more support would have answered the concerns.")]
        assert items[3].recommendation.wording == "That Tom Baker and Ruth Baker remain suitable to adopt."
        attendance = {a.member.ref: (a.status, a.acting_as, a.arrived_at) for a in meeting.attendance}
        assert attendance["RR"] == ("present", None, dt.time(11, 5))
        assert attendance["CH"] == ("present", "chair", None)
        assert s.exec(select(Draft)).all() == [], "recording an item clears its drafts"
    room.close()

    # The chair approves the minutes as final: locked and signed with a hash shown.
    minutes = MinutesView(runner, store, people["chair"])
    minutes.signoff_password = PASSWORDS["chair"]
    qtbot.addWidget(minutes)
    minutes.show()
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        minutes.reload()
    assert minutes.status.text().startswith("Draft")
    minutes.parts.setCurrentRow(3)
    assert "Ian Independent" in minutes.text.toPlainText() and "2 for, 3 against, 1 abstaining" in \
        minutes.text.toPlainText()
    minutes.approve_date.setDate(MEETING_DAY + dt.timedelta(days=1))
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        qtbot.mouseClick(minutes.approve_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        signed = meeting_by_name(s, "P20250612").minutes.signoff_hash
    assert minutes.status.text().startswith("Final: approved 13 Jun 2025 by Chloë Chair; locked")
    assert signed and signed in minutes.signature.text()
    assert not minutes.approve_button.isEnabled() and minutes.amend_button.isEnabled()

    # As the agency decision maker: all four, one a qualifying determination.
    queue = AdmQueuePage(runner, store, people["adm"])
    queue.signoff_password = PASSWORDS["adm"]
    qtbot.addWidget(queue)
    queue.resize(1200, 800)
    queue.show()
    with qtbot.waitSignal(queue.table.loaded, timeout=10_000):
        queue.reload()
    assert queue.table.model.rowCount() == 4
    decide(qtbot, queue, "P20250612", 1, "positive")
    decide(qtbot, queue, "P20250612", 2, "positive")
    decide(qtbot, queue, "P20250612", 3, "qualifying_determination",
           reasons="The assessment does not show that Priya can meet a child's needs.")
    form = decide(qtbot, queue, "P20250612", 4, "negative", reasons=None, submit=False)
    assert not form.button.isEnabled()
    assert "departs from the panel's recommendation (recommended): reasons are required" in form.advice.text()
    assert "Write the reasons before recording the decision." in form.advice.text()
    qtbot.keyClicks(form.reasons, "New information about the household's health since the panel.")
    assert form.button.isEnabled()
    with qtbot.waitSignal(queue.case_shown, timeout=10_000):
        qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.table.model.rowCount() == 0, timeout=10_000)

    with store.session() as s:
        items = meeting_by_name(s, "P20250612").items
        assert [i.adm_decision.decision for i in items] == ["positive", "positive", "qualifying_determination",
                                                            "negative"]
        assert all(i.adm_decision.signoff_hash for i in items)
        last_hash = items[3].adm_decision.signoff_hash
    assert f"Signed (SHA-256): {last_hash}" in queue.signed.text()
    assert "departs from the panel's recommendation" in queue.signed.text()


def decide(qtbot, queue, meeting_ref, number, decision, reasons=None, submit=True):
    with qtbot.waitSignal(queue.case_shown, timeout=10_000):
        assert queue.table.select_where(lambda r: r.meeting_ref == meeting_ref and r.number == number)
    form = queue.form
    assert form.isVisible()
    form.decided_on.setDate(MEETING_DAY + dt.timedelta(days=3))
    form.choices[decision].setChecked(True)
    if decision == "qualifying_determination":
        assert "40 working days" in form.advice.text()
        assert not form.button.isEnabled(), "a qualifying determination needs its reasons first"
    if reasons is None and submit and decision == "positive":
        reasons = "I agree with the panel's recommendation for the reasons it gave."
    if reasons:
        qtbot.keyClicks(form.reasons, reasons)
    if submit:
        assert form.button.isEnabled(), form.advice.text()
        with qtbot.waitSignals([queue.table.loaded, queue.case_shown], timeout=10_000):
            qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
        assert not queue.message.isVisible(), queue.message.text()
    return form


def test_final_minutes_are_amended_only_with_a_reason_and_the_earlier_text_kept(qtbot, runner, store, people):
    room = hold_the_meeting(qtbot, runner, store, people)
    room.close()
    minutes = MinutesView(runner, store, people["chair"])
    minutes.signoff_password = PASSWORDS["chair"]
    qtbot.addWidget(minutes)
    minutes.show()
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        minutes.reload()
    minutes.approve_date.setDate(MEETING_DAY)
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        minutes.approve()
    first_hash = minutes.state.hash

    minutes.parts.setCurrentRow(2)
    dialog = minutes.ask_amendment()
    assert dialog.item.currentData() == minutes.state.items[1][0]
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.text.toPlainText() == "That Amy Child should be placed for adoption with Zoë Adams."
    dialog.text.setPlainText("That Amy Child should be placed for adoption with Zoë Adams, as planned.")
    assert not ok.isEnabled() and "reason" in dialog.why.text()
    qtbot.keyClicks(dialog.reason, "the chair's correction")
    assert ok.isEnabled()
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert minutes.state.hash != first_hash
    assert minutes.state.hash in minutes.signature.text()
    assert "amended 1 time(s) since" in minutes.status.text()
    assert minutes.version.count() == 2
    assert "the chair's correction" in minutes.version.itemText(0)
    minutes.version.setCurrentIndex(0)
    minutes.parts.setCurrentRow(2)
    assert "with Zoë Adams." in minutes.text.toPlainText() and "as planned" not in minutes.text.toPlainText()
    minutes.version.setCurrentIndex(1)
    assert "as planned" in minutes.text.toPlainText()
    with store.session() as s:
        meeting = meeting_by_name(s, "P20250612")
        assert meeting.amendments[0].previous_hash == first_hash


def test_typed_text_is_kept_as_a_draft_and_restored(qtbot, runner, store, people):
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, "P20250612"), password=PASSWORDS["chair"])
    room = open_room(qtbot, runner, store, people["chair"])
    room.select_item(2)
    with qtbot.waitSignal(room.keeper.saved, timeout=5_000):
        qtbot.keyClicks(room.pane.reasons, "Amy's needs are met")
    with store.session() as s:
        item = s.exec(select(AgendaItem).where(AgendaItem.position == 1)).one()
        drafts = {d.key: d.text for d in s.exec(select(Draft)).all()}
    assert drafts == {f"item:{item.uid}:reasons": "Amy's needs are met"}
    assert "Typed text kept at" in room.saved.text()
    room.close()

    again = open_room(qtbot, runner, store, people["chair"])
    assert again.state.item(again.item_id).number == 2, "the room opens where it was"
    assert again.pane.reasons.toPlainText() == "Amy's needs are met"
    assert "Restored what was typed" in again.pane.done.text()


def test_typing_without_a_pause_is_kept_within_a_second_or_so(qtbot, runner, store, people):
    """The half-second pause never comes while the minute taker keeps typing: the longest
    wait keeps what was typed anyway, well before they stop."""
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, "P20250612"), password=PASSWORDS["chair"])
    room = open_room(qtbot, runner, store, people["chair"])
    room.select_item(2)
    field = room.pane.reasons
    prefix = f"item:{room.state.item(room.item_id).uid}:"
    kept_while_typing = []
    for word_ in "The adopter can meet Amy's needs and keeps in touch with her birth family".split():
        QTest.keyClicks(field, word_ + " ")  # a keystroke burst every 200 ms: never a half-second pause
        qtbot.wait(200)
        with store.session() as s:
            kept_while_typing.append(load_drafts(s, prefix).get(prefix + "reasons", ""))
    typed = field.toPlainText()
    assert len(kept_while_typing) * 200 >= 2500
    assert any(kept_while_typing[:-1]), "nothing was kept until the typing stopped"
    assert all(typed.startswith(kept) for kept in kept_while_typing)
    room.close()


def test_the_sections_are_in_the_workspace_for_the_roles_that_use_them(qtbot, open_workspace, store, people):
    chair = open_workspace(store, people["chair"])
    keys = [s.key for s in chair.sections]
    assert {"meeting_room", "minutes"} <= set(keys) and "decisions" not in keys
    adm = open_workspace(store, people["adm"])
    keys = [s.key for s in adm.sections]
    assert "decisions" in keys and "meeting_room" not in keys and "minutes" in keys
