"""The chair's day in the meeting room without a stumble: attendance in one click then the
exceptions, times read as typed, the whole recommendation form kept through a crash, Record
in a footer that never scrolls away (Ctrl+Enter), dissent only from members, items named."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from panelapp.services.lookup import meeting_by_name
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from tests.ui.test_meeting_room import choose, open_room, settle_until
from ui.minutes.view import MinutesView

people = test_meeting_room.people  # the agency, an account per role and a planned meeting

PNG = SHOTS


def opened(qtbot, runner, store, actor):
    room = open_room(qtbot, runner, store, actor)
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.open_button, Qt.MouseButton.LeftButton)
    settle_until(qtbot, room, lambda: room.state.status == "held")
    return room


def everyone_present(qtbot, room):
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.mouseClick(room.attendance.all_present, Qt.MouseButton.LeftButton)


def next_tab(widget):
    """The widget Tab moves to from ``widget``."""
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isVisible()
               and following.isEnabled()):
        following = following.nextInFocusChain()
    return following


def status_of(room, ref):
    return next(m for m in room.state.members if m.ref == ref)


def test_attendance_in_one_click_then_the_exceptions(qtbot, runner, store, people):
    room = opened(qtbot, runner, store, people["chair"])
    # Nobody marked yet: the quorum of each item is not yet known, not a red "inquorate".
    assert all("quorum not yet known" in room.items.item(n).text() for n in range(room.items.count()))
    assert not any("inquorate" in room.items.item(n).text() for n in range(room.items.count()))
    assert room.pane.quorum.quorate is None

    room.tabs.setCurrentIndex(1)
    everyone_present(qtbot, room)
    assert {m.status for m in room.state.members} == {"present"}
    assert not room.attendance.all_present.isEnabled()  # no one left to mark
    room.attendance.grab().save(f"{PNG}/attendance-all-present.png")

    # The exceptions: apologies, and a mark taken back to "not recorded".
    line = room.attendance.lines["LA"]
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        choose(line.status, "apologies")
    assert status_of(room, "LA").status == "apologies"
    line = room.attendance.lines["RR"]
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        line.status.setCurrentIndex(line.status.findData(None))
    assert status_of(room, "RR").status is None
    with store.session() as s:
        assert "RR" not in {a.member.ref for a in meeting_by_name(s, "P20250612").attendance}
    assert room.attendance.all_present.isEnabled()

    # Times as people type them.
    for ref, typed, meant in (("VC", "10.25", dt.time(10, 25)), ("SW", "1025", dt.time(10, 25)),
                              ("IN", "10:25", dt.time(10, 25))):
        edit = room.attendance.lines[ref].arrived
        edit.clear()
        qtbot.keyClicks(edit, typed)
        with qtbot.waitSignal(room.loaded, timeout=10_000):
            edit.editingFinished.emit()
        assert status_of(room, ref).arrived_at == meant
    # A time that cannot be read is an error beside the field, and nothing is recorded.
    line = room.attendance.lines["NQ"]
    qtbot.keyClicks(line.left, "25:99")
    with qtbot.assertNotEmitted(room.recorded):
        line.left.editingFinished.emit()
    assert line.error.isVisible() and "Left: '25:99' is not a time of day" in line.error.text()
    assert status_of(room, "NQ").left_at is None
    line.left.clear()
    qtbot.keyClicks(line.left, "12:40")
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        line.left.editingFinished.emit()
    assert not line.error.isVisible() and status_of(room, "NQ").left_at == dt.time(12, 40)

    # Dissent is offered only to members: not to the minute taker.
    room.tabs.setCurrentIndex(0)
    room.select_item(3)
    offered = {room.pane.add_dissent_line().member.itemData(n) for n in range(5)} - {None}
    assert "IN" in offered and "MT" not in offered
    # The lists name whom an item concerns.
    assert "Zoë Adams" in room.items.item(1).text() and "Amy Child" in room.items.item(1).text()
    items = room.declarations.item
    assert items.itemText(2) == "Item 2: Match — Zoë Adams; Amy Child"


def test_the_whole_form_comes_back_after_a_crash_and_ctrl_enter_records(qtbot, runner, store, people):
    room = opened(qtbot, runner, store, people["chair"])
    everyone_present(qtbot, room)
    room.select_item(3)
    pane = room.pane
    choose(pane.outcome, "not_recommended")
    qtbot.keyClicks(pane.wording, "That Priya Shah is not suitable to adopt a child.")
    pane.views_taken.setChecked(True)
    for key, value in (("for", 2), ("against", 3), ("abstain", 1)):
        pane.votes[key].setValue(value)
    line = pane.add_dissent_line()
    choose(line.member, "IN")
    with qtbot.waitSignal(room.keeper.saved, timeout=10_000):
        qtbot.keyClicks(line.view, "More support would answer the concerns.")
    # The dissent fields come before Record in Tab order.
    assert next_tab(line.view) is line.remove
    assert next_tab(line.remove) is pane.add_dissent
    assert next_tab(pane.add_dissent) is pane.record
    # The computer stops: the window goes without recording.
    room.keeper.timer.stop()
    room.close()
    room.deleteLater()
    QApplication.processEvents()

    again = open_room(qtbot, runner, store, people["chair"])
    again.select_item(3)
    pane = again.pane
    assert pane.outcome.currentData() == "not_recommended"
    assert pane.views_taken.isChecked()
    assert [box.value() for box in pane.votes.values()] == [2, 3, 1]
    assert [line.value() for line in pane.dissent_lines] == [
        {"member": "IN", "view": "More support would answer the concerns."}]
    assert pane.wording.toPlainText() == "That Priya Shah is not suitable to adopt a child."
    assert "the outcome, terms, views and dissent" in pane.done.text()

    # Record never scrolls away: the footer is outside the scrolling pane, and Ctrl+Enter records.
    again.resize(1280, 680)
    parent, scrolled = pane.record.parentWidget(), False
    while parent is not None:
        scrolled = scrolled or isinstance(parent, QScrollArea)
        parent = parent.parentWidget()
    assert not scrolled and pane.record.isVisible()
    assert pane.record.mapTo(again, pane.record.rect().bottomLeft()).y() <= again.height()
    again.grab().save(f"{PNG}/room-footer-1280x680.png")
    qtbot.keyClicks(pane.reasons, "The assessment did not show the capacity to meet a child's needs.")
    again.activateWindow()
    pane.reasons.setFocus()
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        qtbot.keyClick(pane.reasons, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with store.session() as s:
        item = meeting_by_name(s, "P20250612").items[2]
        assert item.outcome == "not_recommended"
        assert [d.member.ref for d in item.recommendation.dissent] == ["IN"]
    assert again.state.items[2].drafts == {}


def test_the_minutes_list_names_whom_each_item_concerns(qtbot, runner, store, people):
    opened(qtbot, runner, store, people["chair"])
    view = MinutesView(runner, store, people["chair"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    assert view.parts.item(2).text() == "Item 2: Match\nZoë Adams; Amy Child"
    assert view.parts.item(1).text().endswith("\nSiân Jones and Łukasz Nowak")


def test_the_declaration_is_recorded_with_ctrl_enter(qtbot, runner, store, people):
    room = opened(qtbot, runner, store, people["chair"])
    everyone_present(qtbot, room)
    room.tabs.setCurrentIndex(2)
    panel = room.declarations
    choose(panel.member, "SW")
    panel.item.setCurrentIndex(1)
    qtbot.keyClicks(panel.interest, "knows the applicants through work")
    room.activateWindow()
    panel.interest.setFocus()
    with qtbot.waitSignal(room.loaded, timeout=10_000):
        qtbot.keyClick(panel.interest, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == 1
    # The Record button of the items tab is hidden now: its Ctrl+Enter does not fire here.
    assert not room.pane.record.isVisible()
    assert room.pane.save_discussion.text().startswith("&K")
