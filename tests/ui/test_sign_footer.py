"""The decision maker's sign button is below the scrolling case, in reach at 1280x680,
and Ctrl+Enter signs; in the minutes, Approve has its Alt key."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from panelapp.services.lookup import meeting_by_name
from tests.shots import SHOTS
from tests.ui import test_adm_queue
from tests.ui.test_adm_queue import open_queue, select
from tests.ui.test_meeting_room import MEETING_DAY

queue_store = test_adm_queue.queue_store


def inside_scroll(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_the_decision_is_signed_from_a_footer_with_ctrl_enter(qtbot, runner, queue_store):
    store, people = queue_store
    page = open_queue(qtbot, runner, store, people["adm"])
    page.resize(1280, 680)
    select(qtbot, page, "P20250612", 2)
    button = page.form.button
    assert not inside_scroll(button) and button.isVisible()
    assert not page.final_button.isVisible() and not page.notify_button.isVisible()
    assert button.mapTo(page, button.rect().bottomLeft()).y() <= page.height()
    page.form.decided_on.setDate(MEETING_DAY.replace(day=20))
    page.form.choices["positive"].setChecked(True)
    page.form.reasons.setPlainText("I accept the panel's recommendation and its reasons.")
    page.signoff_password = "adm-password"  # as the sign-off confirmation passes it
    page.grab().save(f"{SHOTS}/decision-footer-1280x680.png")
    page.activateWindow()
    page.form.reasons.setFocus()
    with qtbot.waitSignals([page.case_shown, page.table.loaded], timeout=10_000):
        qtbot.keyClick(page.form.reasons, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with store.session() as s:
        assert meeting_by_name(s, "P20250612").items[1].adm_decision.decision == "positive"
    # Decided: the form and its button go; the letter's button comes, still in the footer.
    assert not button.isVisible()
    assert page.notify_button.isVisible() and not inside_scroll(page.notify_button)
