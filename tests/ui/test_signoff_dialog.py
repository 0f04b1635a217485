"""The sign-off confirmation as the signer meets it: the real button opens the modal password
dialog (ui.common.signoff), which says what will be locked; the right password signs, a wrong
one is refused with a sentence and signs nothing, Cancel signs nothing. No preset password:
the dialog is found and typed into as a person would."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit
from sqlmodel import select

from panelapp.models import AuditEvent
from panelapp.services.lookup import meeting_by_name
from tests.builders import MEETING_DAY, PASSWORDS, build_agency, full_meeting, password_of
from tests.shots import SHOTS
from tests.ui.test_adm_queue import queue_store  # noqa: F401  (the fixture)
from tests.ui.test_adm_queue import select as select_case
from ui.decisions.queue import AdmQueuePage
from ui.meeting_room import MeetingRoom
from ui.minutes.view import MinutesView


def answer_signoff(qtbot, press, password: str | None, shot: str | None = None) -> dict:
    """Press the sign button, then answer the modal dialog it opens: type ``password`` and OK,
    or Cancel when ``password`` is None. Returns what the dialog showed."""
    seen: dict = {}

    def answer(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            if tries < 200:  # not on screen yet: look again once the event loop has run
                QTimer.singleShot(10, lambda: answer(tries + 1))
            return
        try:
            seen.update(title=dialog.windowTitle(), text=dialog.labelText(), echo=dialog.textEchoMode())
            if shot:
                dialog.grab().save(f"{SHOTS}/{shot}")
            buttons = dialog.findChild(QDialogButtonBox)
            if password is None:
                qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
                return
            edit = dialog.findChild(QLineEdit)
            qtbot.keyClicks(edit, password)
            seen["typed"] = edit.text()
            qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # whatever went wrong, the test must not hang on the dialog
                dialog.reject()

    QTimer.singleShot(0, answer)
    press()
    assert seen, "no password dialog was shown"
    assert seen["echo"] == QLineEdit.EchoMode.Password, "the password is not shown as it is typed"
    assert seen["text"].endswith("Enter your password to sign:")
    return seen


@pytest.fixture
def room_people(store):
    """The room's agency, an account per role and the planned meeting P20250612."""
    return build_agency(store)


# -- the three sign-offs, each through its own screen -------------------------------------------

def room_of(qtbot, runner, store, people):
    room = MeetingRoom(runner, store, people["chair"])
    assert room.signoff_password is None
    qtbot.addWidget(room)
    room.resize(1280, 680)
    room.show()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        room.reload()
    return room


def minutes_of(qtbot, runner, store, people):
    full_meeting(store, people)
    view = MinutesView(runner, store, people["chair"])
    qtbot.addWidget(view)
    view.resize(1280, 680)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    view.approve_date.setDate(dt.date(2025, 6, 20))
    return view


def queue_of(qtbot, runner, store, people):
    page = AdmQueuePage(runner, store, people["adm"])
    qtbot.addWidget(page)
    page.resize(1280, 680)
    page.show()
    with qtbot.waitSignal(page.table.loaded, timeout=10_000):
        page.reload()
    select_case(qtbot, page, "P20250612", 1)
    page.form.choices["positive"].setChecked(True)
    page.form.decided_on.setDate(MEETING_DAY + dt.timedelta(days=2))
    qtbot.keyClicks(page.form.reasons, "I agree with the panel for the reasons it gave.")
    return page


def opened(store):
    with store.session() as s:
        return meeting_by_name(s, "P20250612").status == "held"


def approved(store):
    with store.session() as s:
        return meeting_by_name(s, "P20250612").minutes_final is not None


def decided(store):
    with store.session() as s:
        return meeting_by_name(s, "P20250612").items[0].adm_decision is not None


def test_opening_the_meeting_asks_the_password_and_says_what_starts(qtbot, runner, store, room_people):
    room = room_of(qtbot, runner, store, room_people)
    seen = answer_signoff(qtbot, lambda: qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton),
                          PASSWORDS["chair"], shot="signoff-open-meeting.png")
    assert seen["title"] == "Open the meeting"
    assert seen["text"].startswith("Opening the meeting starts its record: attendance, declarations and "
                                   "recommendations.")
    qtbot.waitUntil(lambda: room.state.status == "held", timeout=10_000)
    assert opened(store) and not room.message.isVisible()
    with store.session() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "held")).one().actor == "chair"


def test_approving_the_minutes_asks_the_password_and_says_they_lock(qtbot, runner, store, people):
    view = minutes_of(qtbot, runner, store, people)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        seen = answer_signoff(qtbot, lambda: qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton),
                              password_of(people["chair"]), shot="signoff-approve-minutes.png")
    assert seen["title"] == "Approve the minutes"
    assert "The minutes will be final: locked and signed with a hash." in seen["text"]
    with store.session() as s:
        minutes = meeting_by_name(s, "P20250612").minutes
        assert minutes.signoff_hash and minutes.signoff_hash in view.signature.text()
    assert view.status.text().startswith("Final: approved 20 Jun 2025")


def test_signing_a_decision_asks_the_password_and_says_what_is_locked(qtbot, runner, queue_store):  # noqa: F811
    store, people = queue_store
    page = queue_of(qtbot, runner, store, people)
    with qtbot.waitSignal(page.case_shown, timeout=10_000):
        seen = answer_signoff(qtbot, lambda: qtbot.mouseClick(page.form.button, Qt.MouseButton.LeftButton),
                              PASSWORDS["adm"], shot="signoff-decision.png")
    assert seen["title"] == "Sign the decision"
    assert "The decision will be signed and locked with its date and reasons" in seen["text"]
    with store.session() as s:
        decision = meeting_by_name(s, "P20250612").items[0].adm_decision
        assert decision.decision == "positive" and decision.signoff_hash in page.signed.text()


# -- a wrong password, and Cancel: nothing signed -----------------------------------------------

SCREENS = {
    "open the meeting": (room_of,
                         lambda screen: screen.open_button, lambda screen: screen.message, opened,
                         "The password is not right, so you cannot open the meeting P20250612: nothing was "
                         "signed."),
    "approve the minutes": (minutes_of, lambda screen: screen.approve_button, lambda screen: screen.message,
                            approved, "The password is not right, so you cannot approve the minutes of "
                                      "P20250612: nothing was signed."),
    "sign the decision": (queue_of, lambda screen: screen.form.button, lambda screen: screen.message, decided,
                          "The password is not right, so you cannot sign the decision on Item 1 (P20250612-1): "
                          "nothing was signed."),
}


def _screen(request, qtbot, runner, store, what):
    make, button, message, signed, refusal = SCREENS[what]
    # The small agency for the minutes; the room's agency, with its planned meeting, for the others.
    people = request.getfixturevalue({"sign the decision": "queue_store", "approve the minutes": "people",
                                      "open the meeting": "room_people"}[what])
    if what == "sign the decision":
        people = people[1]
    screen = make(qtbot, runner, store, people)
    return store, screen, button(screen), message(screen), signed, refusal


@pytest.mark.parametrize("what", list(SCREENS))
def test_a_wrong_password_is_refused_in_a_sentence_and_signs_nothing(qtbot, runner, request, store, what):
    store, screen, button, message, signed, refusal = _screen(request, qtbot, runner, store, what)
    answer_signoff(qtbot, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton), "not-my-password")
    assert message.isVisible()
    assert message.text() == refusal
    assert not signed(store)
    assert button.isEnabled(), "the signer can try again"


@pytest.mark.parametrize("what", list(SCREENS))
def test_cancel_signs_nothing(qtbot, runner, request, store, what):
    store, screen, button, message, signed, _refusal = _screen(request, qtbot, runner, store, what)
    answer_signoff(qtbot, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton), None)
    assert not signed(store)
    assert not message.isVisible(), "choosing not to sign is not an error"
    assert button.isEnabled()
