"""A whole meeting of the demo agency through the real widgets: attendance from its central
list, a declaration that makes item 1 inquorate (red, with the reason, and refused), four
recommendations (one with approval terms, one a split view with a named dissent), the
minutes approved, and the agency decision maker deciding all four, one a qualifying
determination. The demo is made on a fixed day, so it is the same agency every run."""

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp import audit
from panelapp.demo import create_demo_agency
from panelapp.enums import CHAIR_ROLES, MEMBER_ROLES
from panelapp.models import AdmDecision, Agency, Dissent, Meeting, PanelMember
from panelapp.services import accounts
from panelapp.services.adm import QD_TYPES
from tests.ui.drive import choose, mark, record, settle_until, type_into
from ui.decisions.queue import AdmQueuePage
from ui.meeting_room import MeetingRoom
from ui.meeting_room.quorum import COLOURS
from ui.minutes.view import MinutesView
from ui.shell.desk import DEMO_PASSWORD, make_demo_accounts

TODAY = dt.date(2026, 11, 25)  # the demo's "today": its later sittings are planned, with agendas
RED_BACKGROUND = COLOURS[(False, False)][0]  # inquorate, light theme (the test's theme)


@dataclass
class Demo:
    people: dict  # role -> Actor
    meeting_id: int
    ref: str
    day: dt.date
    pqe: int  # the agency's quorum: years' post-qualifying experience of the social worker
    chair: PanelMember
    social_worker: PanelMember  # the one qualifying social worker at first; leaves for item 1
    late_social_worker: PanelMember  # another qualifying social worker, who arrives late
    others: list  # four members who count, none a social worker or a chair
    minute_taker: PanelMember
    legal_adviser: PanelMember
    applicants: list  # per item, the applicants' names


def first_planned_meeting(session) -> Meeting:
    """The first sitting after today with at least four items, one of them an adopter
    approval (where a qualifying determination can follow)."""
    planned = session.exec(select(Meeting).where(Meeting.status == "planned", Meeting.meeting_date > TODAY)
                           .order_by(Meeting.meeting_date, Meeting.ref)).all()
    return next(m for m in planned if len(m.items) >= 4
                and any(i.item_type == "adopter_approval" for i in m.items))


def pick_people(session, day: dt.date, pqe: int) -> dict:
    """Who attends, read from the central list on the day by role (in ref order)."""
    listed = sorted((m for m in session.exec(select(PanelMember)).all() if m.on_list(day)), key=lambda m: m.ref)

    def roles(m):
        return set(m.role_names)

    qualifying = [m for m in listed if "social_worker" in roles(m) and (m.social_worker_pqe_years or 0) >= pqe]
    social_worker = next(m for m in qualifying if not roles(m) & CHAIR_ROLES)
    return {
        "chair": next(m for m in listed if "chair" in roles(m)),
        "social_worker": social_worker,
        "late_social_worker": next(m for m in qualifying if m is not social_worker),
        "others": [m for m in listed if roles(m) & MEMBER_ROLES
                   and not roles(m) & ({"social_worker"} | CHAIR_ROLES)][:4],
        "minute_taker": next(m for m in listed if roles(m) == {"minute_taker"}),
        "legal_adviser": next(m for m in listed if roles(m) == {"legal_adviser"}),
    }


@pytest.fixture
def demo(store) -> Demo:
    with store.transaction() as s:
        create_demo_agency(s, seed=1, years=1, scale=1, today=TODAY)
        make_demo_accounts(s)
    with store.transaction() as s:
        people = {role: accounts.sign_in(s, role, DEMO_PASSWORD) for role in ("adviser", "chair", "adm")}
    with store.session() as s:
        meeting = first_planned_meeting(s)
        pqe = int(s.exec(select(Agency)).one().setting("quorum_social_worker_pqe_years"))
        chosen = pick_people(s, meeting.meeting_date, pqe)
        # The test below is written for this agenda; a change to the demo generator shows here first.
        assert [i.item_type for i in meeting.items[:5]] == [
            "adopter_approval", "adopter_approval", "early_permanence_approval", "early_permanence_approval",
            "match"], [i.item_type for i in meeting.items]
        assert len(meeting.items) == 5 and all(i.outcome is None for i in meeting.items)
        applicants = [[a.name for link in i.household_links for a in link.household.applicants]
                      for i in meeting.items]
        return Demo(people, meeting.id, meeting.ref, meeting.meeting_date, pqe, applicants=applicants, **chosen)


def open_room(qtbot, runner, store, actor, meeting_id) -> MeetingRoom:
    room = MeetingRoom(runner, store, actor)
    room.signoff_password = DEMO_PASSWORD  # as the sign-off confirmation will pass it
    qtbot.addWidget(room)
    room.meeting_id = meeting_id  # as `python -m tools.meeting_room --meeting` does
    room.resize(1200, 800)
    room.show()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        room.reload()
    return room


def take_attendance(qtbot, room, demo: Demo) -> None:
    mark(qtbot, room, demo.chair.ref, "present", acting="chair")
    for member in (demo.social_worker, *demo.others, demo.minute_taker):
        mark(qtbot, room, member.ref, "present")
    mark(qtbot, room, demo.legal_adviser.ref, "apologies")
    mark(qtbot, room, demo.late_social_worker.ref, "absent")


def declare_and_be_refused(qtbot, store, room, demo: Demo) -> None:
    """The only qualifying social worker leaves the room for item 1: it cannot be recorded."""
    panel = room.declarations
    choose(panel.member, demo.social_worker.ref)
    choose(panel.item, room.state.items[0].id)
    qtbot.keyClicks(panel.interest, "supervised the applicants' assessing social worker")
    choose(panel.action, "left_for_item")
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    table = panel.table.model()
    assert table.rowCount() == 1
    assert [table.index(0, column).data() for column in range(4)] == [
        demo.social_worker.name, "Item 1", "supervised the applicants' assessing social worker",
        "Left for the item"]
    assert room.quorum.quorate is True, "the meeting as a whole stays quorate"

    room.select_item(1)
    pane = room.pane
    reason = f"Item 1 is inquorate: no social worker with {demo.pqe} years' post-qualifying experience is present."
    assert pane.quorum.quorate is False
    assert pane.quorum.mark.text() == "This item: ✖ Inquorate"
    assert RED_BACKGROUND in pane.quorum.styleSheet()
    assert pane.quorum.text.text() == reason
    assert f"Out:</b> {demo.social_worker.name}, left the room for this item" in pane.people.text()
    assert "inquorate" in room.items.item(0).text()
    assert not pane.record.isEnabled()
    assert pane.refusal.isVisible() and reason in pane.refusal.text()
    # Were it tried anyway, the service refuses it and the room shows its words.
    choose(pane.outcome, "recommended")
    qtbot.mouseClick(pane.template, Qt.MouseButton.LeftButton)
    type_into(qtbot, pane.reasons, "A thorough assessment.")
    room.record_item(pane.values())
    assert room.message.isVisible() and room.message.text() == reason
    assert pane.refusal.text() == reason
    with store.session() as s:
        assert s.get(Meeting, demo.meeting_id).items[0].outcome is None


def set_terms(room, children_max, age_min, age_max, early=False):
    pane = room.pane
    pane.children_max.setValue(children_max)
    pane.age_min.setValue(age_min)
    pane.age_max.setValue(age_max)
    pane.early.setChecked(early)


def hold_the_meeting(qtbot, runner, store, demo: Demo) -> None:
    room = open_room(qtbot, runner, store, demo.people["chair"], demo.meeting_id)
    assert room.state.ref == demo.ref and room.state.status == "planned"
    listed = {m.ref for m in room.state.members}
    assert {demo.chair.ref, demo.social_worker.ref, demo.late_social_worker.ref} <= listed
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    settle_until(qtbot, room, lambda: room.state.status == "held")

    take_attendance(qtbot, room, demo)
    assert room.quorum.quorate is True
    assert room.quorum.text.text() == (
        f"The meeting is quorate: 6 members count (5 needed), including the chair and a social worker with "
        f"{demo.pqe} years' post-qualifying experience."), "the minute taker is present but does not count"

    declare_and_be_refused(qtbot, store, room, demo)

    # The items after it are heard while item 1 waits; the social worker is back in the room.
    dissenter = demo.others[0]
    record(qtbot, room, 2, "not_recommended", template=True,
           reasons="The assessment did not show how the applicants would meet a child's needs.",
           votes={"for": 2, "against": 3, "abstain": 1},
           dissent=[(dissenter.ref, "The applicants showed real insight; support would meet the concerns.")])
    # Items 3 and 4 are approved adopters asking to foster on an early permanence basis: the
    # terms start from their approval.
    room.select_item(3)
    assert room.pane.early.isChecked() and room.pane.children_max.value() == 1
    record(qtbot, room, 3, "recommended", template=True, reasons="Ready to foster a baby for adoption.")
    assert "on an early permanence (fostering for adoption) basis" in room.state.items[2].wording
    record(qtbot, room, 4, "recommended", template=True, reasons="A strong support network.")

    # Another qualifying social worker arrives: item 1 is quorate again and is heard.
    mark(qtbot, room, demo.late_social_worker.ref, "present", arrived="10:40")
    room.select_item(1)
    pane = room.pane
    assert pane.quorum.quorate is True and pane.record.isEnabled() and not pane.refusal.isVisible()
    assert pane.quorum.text.text().startswith("Item 1 is quorate: 6 members count")
    assert RED_BACKGROUND not in pane.quorum.styleSheet()
    set_terms(room, 2, 0, 5)
    record(qtbot, room, 1, "recommended", template=True, reasons="A thorough assessment; settled home.")
    first, second = demo.applicants[0]
    assert room.state.items[0].wording == f"That {first} and {second} are suitable to adopt up to 2 children aged 0 to 5."

    # The match waits for the child's updated health report.
    record(qtbot, room, 5, "deferred", reasons="The panel needs the child's updated health assessment.")
    assert all("✔" in room.items.item(row).text() for row in range(5))
    room.close()


def approve_the_minutes(qtbot, runner, store, demo: Demo) -> str:
    minutes = MinutesView(runner, store, demo.people["chair"])
    minutes.signoff_password = DEMO_PASSWORD
    qtbot.addWidget(minutes)
    minutes.meeting_id = demo.meeting_id
    minutes.show()
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        minutes.reload()
    assert minutes.state.ref == demo.ref and minutes.status.text().startswith("Draft")
    assert minutes.approve_button.isEnabled()
    minutes.parts.setCurrentRow(2)
    shown = minutes.text.toPlainText()
    assert demo.others[0].name in shown and "2 for, 3 against, 1 abstaining" in shown
    minutes.approve_date.setDate(demo.day + dt.timedelta(days=1))
    with qtbot.waitSignal(minutes.loaded, timeout=10_000):
        qtbot.mouseClick(minutes.approve_button, Qt.MouseButton.LeftButton)
    assert not minutes.message.isVisible(), minutes.message.text()
    with store.session() as s:
        signed = s.get(Meeting, demo.meeting_id).minutes.signoff_hash
    final_on = demo.day + dt.timedelta(days=1)
    assert minutes.status.text().startswith(f"Final: approved {final_on.day} {final_on:%b %Y} by Demo Panel Chair")
    assert signed and minutes.signature.text() == f"Signed (SHA-256): {signed}"
    assert not minutes.approve_button.isEnabled() and minutes.amend_button.isEnabled()
    minutes.close()
    return signed


def open_queue(qtbot, runner, store, actor) -> AdmQueuePage:
    queue = AdmQueuePage(runner, store, actor)
    queue.signoff_password = DEMO_PASSWORD
    qtbot.addWidget(queue)
    queue.resize(1200, 800)
    queue.show()
    with qtbot.waitSignal(queue.table.loaded, timeout=10_000):
        queue.reload()
    return queue


def ours(queue, demo: Demo) -> list[int]:
    return sorted(r.number for r in queue.table.model.rows() if r.meeting_ref == demo.ref)


def show_case(qtbot, queue, demo: Demo, number) -> None:
    label = f"Item {number} of {demo.ref}"
    if queue.case is None or queue.case.label != label:
        with qtbot.waitSignal(queue.case_shown, timeout=10_000):
            assert queue.table.select_where(lambda r: r.meeting_ref == demo.ref and r.number == number)
    assert queue.heading.text().startswith(label)


def decide(qtbot, queue, demo: Demo, number, decision, reasons=None) -> None:
    show_case(qtbot, queue, demo, number)
    form = queue.form
    assert form.isVisible()
    form.decided_on.setDate(demo.day + dt.timedelta(days=4))
    form.choices[decision].setChecked(True)
    reasons = reasons or "I agree with the panel's recommendation for the reasons it gave."
    if reasons:
        assert not form.button.isEnabled(), "this decision needs its reasons first"
        assert "Write the reasons before recording the decision." in form.advice.text()
        qtbot.keyClicks(form.reasons, reasons)
    assert form.button.isEnabled(), form.advice.text()
    with qtbot.waitSignals([queue.table.loaded, queue.case_shown], timeout=10_000):
        qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert not queue.message.isVisible(), queue.message.text()
    assert number not in ours(queue, demo)


def decide_all_four(qtbot, runner, store, demo: Demo) -> None:
    queue = open_queue(qtbot, runner, store, demo.people["adm"])
    assert ours(queue, demo) == [1, 2, 3, 4], "the deferred match waits for no decision"
    decide(qtbot, queue, demo, 1, "positive")
    show_case(qtbot, queue, demo, 2)
    assert f"Dissent: {demo.others[0].name}" in queue.extract.toPlainText()
    assert "2 for, 3 against, 1 abstaining" in queue.extract.toPlainText()
    assert queue.form.choices["qualifying_determination"].isEnabled()
    decide(qtbot, queue, demo, 2, "qualifying_determination",
           reasons="The assessment does not show that the applicants can meet a child's needs.")
    assert "Representations or the IRM: 40 working days, until" in queue.signed.text()
    decide(qtbot, queue, demo, 3, "positive")
    decide(qtbot, queue, demo, 4, "negative", reasons="New information about the household since the panel.")
    assert "departs from the panel's recommendation" in queue.signed.text()
    assert ours(queue, demo) == []
    queue.close()


def test_a_whole_demo_meeting_then_the_decisions(qtbot, runner, store, demo):
    hold_the_meeting(qtbot, runner, store, demo)
    signed = approve_the_minutes(qtbot, runner, store, demo)
    decide_all_four(qtbot, runner, store, demo)

    with store.session() as s:
        meeting = s.get(Meeting, demo.meeting_id)
        items = meeting.items
        assert [i.outcome for i in items] == ["recommended", "not_recommended", "recommended", "recommended",
                                              "deferred"]
        recommendations = [i.recommendation for i in items if i.outcome in ("recommended", "not_recommended")]
        assert len(recommendations) == 4 and all(r.wording and r.reasons for r in recommendations)
        household = items[0].household_links[0].household
        assert (household.approval_children_max, household.approval_age_min_years,
                household.approval_age_max_years) == (2, 0, 5)
        assert items[2].household_links[0].household.approval_early_permanence is True
        split = items[1].recommendation
        assert (split.votes_for, split.votes_against, split.votes_abstain) == (2, 3, 1)
        dissent = s.exec(select(Dissent).where(Dissent.recommendation_id == split.id)).all()
        assert [(d.member.ref, d.view) for d in dissent] == [
            (demo.others[0].ref, "The applicants showed real insight; support would meet the concerns.")]
        attendance = {a.member.ref: (a.status, a.acting_as, a.arrived_at) for a in meeting.attendance}
        assert attendance[demo.chair.ref] == ("present", "chair", None)
        assert attendance[demo.late_social_worker.ref] == ("present", None, dt.time(10, 40))
        assert attendance[demo.legal_adviser.ref][0] == "apologies"
        assert [(d.member.ref, d.item.position, d.action) for d in meeting.declarations] == [
            (demo.social_worker.ref, 0, "left_for_item")]

        assert meeting.minutes_final == demo.day + dt.timedelta(days=1)
        assert meeting.minutes.status == "final" and meeting.minutes.signoff_hash == signed

        decisions = s.exec(select(AdmDecision).where(AdmDecision.item_id.in_([i.id for i in items]))).all()
        assert len(decisions) == 4 and all(d.signoff_hash for d in decisions)
        assert [i.adm_decision.decision if i.adm_decision else None for i in items] == [
            "positive", "qualifying_determination", "positive", "negative", None]
        qd = items[1]
        assert qd.item_type in QD_TYPES and qd.adm_decision.reasons.startswith("The assessment does not show")
        assert qd.adm_decision.decision_maker == "Demo Decision Maker"
        assert audit.verify(s).intact
