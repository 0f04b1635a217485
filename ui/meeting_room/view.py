"""The meeting room: the chair's (and minute taker's) one screen for the day.

Attendance and declarations are recorded as they are marked; each item's text
is kept as it is typed (autosave.py); the quorum of the meeting and of the item
in hand is always in view, with its reasons. Every write goes through
panelapp.services, in one short transaction; reads run in the task runner.
"""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting
from panelapp.queries.room import RoomState, meeting_to_open, read_room, room_choices
from panelapp.reports.words import listed as names
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.meetings import record_finish, return_to_planned, start_meeting
from panelapp.services.permissions import Actor, allowed
from panelapp.services.recording import (
    declare_interest,
    record_attendance,
    record_discussion,
    record_item_notes,
    record_recommendation,
)
from ui.common import queries
from ui.common.change import change
from ui.common.documents import open_preview
from ui.common.errors import said
from ui.common.reason_dialog import ReasonDialog
from ui.common.signoff import signoff_password
from ui.common.tasks import TaskRunner
from ui.common.widgets import meeting_chooser, refill, warning_label
from ui.common.words import day, word
from ui.meeting_room.attendance import AttendancePanel
from ui.meeting_room.autosave import DraftKeeper
from ui.meeting_room.declarations import DeclarationsPanel
from ui.meeting_room.finish import FinishTime
from ui.meeting_room.item_notes import advice_field
from ui.meeting_room.item_pane import ItemPane
from ui.meeting_room.quorum import QuorumIndicator
from ui.shell import settings

MEETING_KEY, ITEM_KEY, TAB_KEY = "meeting_room/meeting", "meeting_room/item", "meeting_room/tab"


class MeetingRoom(QWidget):
    signoff_password: str | None = None  # asked again at each sign-off (panelapp.services.signoff)
    title = "Meeting room"
    loaded = Signal()  # a fresh state of the meeting is on screen
    recorded = Signal(str)  # what was just written, in words

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.may_record = allowed(actor, "meeting.record")
        self.may_plan = allowed(actor, "meeting.plan")
        self.meeting_id: int | None = None
        self.item_id: int | None = None
        self.state: RoomState | None = None
        self._wanted_item: str | None = settings.value(ITEM_KEY)
        self._fresh = True
        self._reading = None
        self._refs: dict[int, str] = {}
        self._generation = 0
        # The newest version of each item this screen has seen, from a read or from its own
        # write (whose read may still be on its way): sent back with each change to an item.
        self._seen: dict[int, int] = {}
        self.dialog = None

        self.chooser, chooser_label = meeting_chooser(self._chosen)
        self.status = QLabel()
        self.status.setAccessibleName("The meeting's state")
        self.open_button = QPushButton("Open the meeting")
        self.open_button.setAccessibleName("Open the meeting")
        self.open_button.setToolTip("The meeting is being held: from now on its recommendations can be recorded")
        self.open_button.clicked.connect(self.open_meeting)
        self.open_button.setVisible(self.may_record)
        self.return_button = QPushButton("Return to p&lanned…")
        self.return_button.setAccessibleName("Return the meeting to planned")
        self.return_button.clicked.connect(self.ask_return_to_planned)
        self.return_button.setVisible(False)
        self.minutes_button = QPushButton("Minutes (PDF)")
        self.minutes_button.setAccessibleName("Preview the minutes as PDF")
        self.minutes_button.clicked.connect(self.preview_minutes)
        self.quorum = QuorumIndicator("The meeting")
        self.message = warning_label("What the store said")
        self.saved = QLabel()
        self.saved.setObjectName("muted")
        self.saved.setAccessibleName("When typed text was last kept")

        self.keeper = DraftKeeper(store, actor, self)
        self.keeper.saved.connect(self._kept)
        self.keeper.failed.connect(self.show_message)
        self.attendance = AttendancePanel()
        self.attendance.changed.connect(lambda entry: self.record_attendance([entry]))
        self.attendance.everyone_present.connect(self.record_attendance)
        self.declarations = DeclarationsPanel()
        self.declarations.declared.connect(self.declare)
        self.items = QListWidget()
        self.items.setAccessibleName("Items, in agenda order")
        self.items.currentRowChanged.connect(self._item_chosen)
        self.pane = ItemPane(self.keeper)
        self.pane.record_requested.connect(self.record_item)
        self.pane.discussion_requested.connect(self.keep_discussion)
        self.pane.paper_requested.connect(self.read_paper)
        self.pane.applicants_chosen.connect(self.record_applicants)
        self.pane.advice_requested.connect(self.keep_advice)
        self.finish = FinishTime()
        self.finish.finish_requested.connect(self.record_finish)
        pane_scroll = QScrollArea()
        pane_scroll.setWidgetResizable(True)
        pane_scroll.setWidget(self.pane)

        items_page = QSplitter(Qt.Orientation.Horizontal)
        items_page.setChildrenCollapsible(False)
        items_page.addWidget(self.items)
        pane_column = QWidget()
        column = QVBoxLayout(pane_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(pane_scroll, 1)
        column.addWidget(self.pane.footer)
        self.pane.order_tabs()
        items_page.addWidget(pane_column)
        items_page.setStretchFactor(1, 1)
        items_page.setSizes([250, 750])
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(items_page, "&Items")
        self.tabs.addTab(self.attendance, "&Attendance")
        self.tabs.addTab(self.declarations, "&Declarations of interest")
        self.tabs.setCurrentIndex(int(settings.value(TAB_KEY, 0) or 0))
        self.tabs.currentChanged.connect(lambda index: settings.set_value(TAB_KEY, index))

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.status)
        top.addWidget(self.open_button)
        top.addWidget(self.return_button)
        top.addWidget(self.minutes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.quorum)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(self.finish, 1)
        layout.addLayout(bottom)

    # -- which meeting ----------------------------------------------------------
    def reload(self) -> None:
        store, actor = self.store, self.actor
        self.runner.submit(lambda _t: queries.read(store, actor, room_choices), name="meetings for the room",
                           on_done=self._choices_loaded, on_error=lambda exc, _d: self.show_message(
                               f"Could not list the meetings: {said(exc, 'listing the meetings')}"))

    def _choices_loaded(self, choices) -> None:
        self._refs = {c[0]: c[1] for c in choices}
        wanted = self.meeting_id or meeting_to_open(choices, dt.date.today(), settings.value(MEETING_KEY))
        refill(self.chooser, ((f"{day(when)} — {ref} ({word(status).lower()})", meeting_id)
                              for meeting_id, ref, when, status in choices), wanted)
        self._chosen(self.chooser.currentIndex())

    def show_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        """Open this meeting (and item): from the minutes, or from the command line."""
        self.meeting_id = meeting_id
        if item_id is not None:
            self._wanted_item = None
            self.item_id = item_id
        index = self.chooser.findData(meeting_id)
        if index >= 0 and index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)
        elif index >= 0:
            self._fresh = True
            self.refresh()
        else:
            self.reload()

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        meeting_id = self.chooser.itemData(index)
        if meeting_id != self.meeting_id:
            self.keeper.fill(None, {})
            if self.state is not None:
                self.item_id = None
        self.meeting_id = meeting_id
        settings.set_value(MEETING_KEY, self._refs.get(meeting_id))
        self._fresh = True
        self.refresh()

    # -- reading ----------------------------------------------------------------
    def refresh(self, fresh_item: bool = False) -> None:
        if self.meeting_id is None:
            return
        self._fresh = self._fresh or fresh_item
        if self._reading is not None:
            self._reading.cancel()
        store, actor, meeting_id = self.store, self.actor, self.meeting_id
        self._generation += 1
        generation = self._generation
        # Two workers may finish out of order: only the newest read is shown.
        self._reading = self.runner.submit(lambda _t: queries.read(store, actor, read_room, meeting_id),
                                           name="meeting room",
                                           on_done=lambda state: generation == self._generation
                                           and self._state_loaded(state), on_cancelled=lambda: None,
                                           on_error=lambda exc, _d: self.show_message(
                                               "Could not read the meeting: "
                                               + said(exc, "reading the meeting room")))

    def _state_loaded(self, state: RoomState) -> None:
        self._reading = None
        if state.meeting_id != self.meeting_id:
            return
        self.state = state
        for item in state.items:
            self._seen[item.id] = max(self._seen.get(item.id, 0), item.version)
        venue = f", {state.venue}" if state.venue else ""
        self.status.setText(f"{word(state.status)}{venue}; minutes: {state.minutes}")
        self.open_button.setVisible(self.may_record and state.status == "planned")
        held = state.status == "held"
        self.return_button.setVisible(self.may_plan and held and not state.locked)
        self.return_button.setEnabled(not state.recorded)
        self.return_button.setToolTip(
            "Opened by mistake: back to planned, while nothing is recorded at it" if not state.recorded else
            f"Cannot go back to planned: {', '.join(state.recorded)} recorded at it")
        self.finish.setVisible(held)
        self.finish.show_time(state.end, self.may_record and not state.locked)
        self.minutes_button.setEnabled(state.status == "held")
        self.quorum.show_result(state.quorate if any(m.status == "present" for m in state.members) else None,
                                state.quorum_text if any(m.status for m in state.members) else "")
        may_change = self.may_record and not state.locked
        self.attendance.show_members(state.members, may_change)
        self.declarations.show_state(state, may_change)
        self._show_items(state)
        self.loaded.emit()

    def _show_items(self, state: RoomState) -> None:
        if self.item_id is None and self._wanted_item:
            self.item_id = next((i.id for i in state.items if i.ref == self._wanted_item), None)
            self._wanted_item = None
        if state.item(self.item_id) is None:
            self.item_id = state.items[0].id if state.items else None
        self.items.blockSignals(True)
        self.items.clear()
        for item in state.items:
            kind = ITEM_TYPE_WORDS.get(item.item_type, word(item.item_type))
            about = "; ".join(x for x in (names(item.households, ""), names(item.children, "")) if x)
            done = f"✔ {word(item.outcome)}" if item.outcome else "not yet recorded"
            # Before anyone is marked present there is nothing to judge: not yet known, not a red mark.
            quorum = "quorum not yet known" if not item.people else "" if item.quorate else "✖ inquorate"
            warn = f"\n{quorum}" if quorum else ""
            entry = QListWidgetItem(f"{item.number}. {kind}\n{about}\n{done}{warn}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole,
                          f"Item {item.number}, {kind}, {about}, {done}{'; ' + quorum if quorum else ''}")
            self.items.addItem(entry)
        row = next((n for n, i in enumerate(state.items) if i.id == self.item_id), -1)
        self.items.setCurrentRow(row)
        self.items.blockSignals(False)
        self.pane.show_item(state.item(self.item_id), self.may_record, self._fresh)
        self._fresh = False
        self._remember_item()

    def _item_chosen(self, row: int) -> None:
        if self.state is None or not 0 <= row < len(self.state.items):
            return
        item = self.state.items[row]
        if item.id == self.item_id:
            return
        self.item_id = item.id
        self.pane.show_refusal("")
        self.pane.show_item(item, self.may_record, fresh=True)
        self._remember_item()

    def _remember_item(self) -> None:
        item = self.state.item(self.item_id) if self.state else None
        if item is not None:
            settings.set_value(ITEM_KEY, item.ref)

    def select_item(self, number: int) -> None:
        """Show item ``number`` (1-based) of the meeting."""
        self.items.setCurrentRow(number - 1)

    # -- writing ----------------------------------------------------------------
    def write(self, doing: str, step) -> bool:
        """Run ``step(session)`` in one transaction; a refusal is shown in the service's words."""
        item_id = self.item_id
        after: dict[int, int] = {}

        def run(session, _actor):
            value = step(session)
            item = session.get(AgendaItem, item_id) if item_id is not None else None
            if item is not None:
                session.flush()
                after[item.id] = item.version
            return value

        def recorded(_value: object) -> None:
            for key, version in after.items():
                self._seen[key] = max(self._seen.get(key, 0), version)
            self.show_message("")
            self.recorded.emit(doing)

        def refused(text: str) -> None:
            self.show_message(text)
            self.refresh()  # a change made at another desk is shown; what was typed stays

        return change(self.store, self.actor, run, refused=refused, done=recorded).done

    def seen(self, item_id: int | None) -> int | None:
        return self._seen.get(item_id) if item_id is not None else None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def open_meeting(self) -> None:
        password = signoff_password(
            self, self.signoff_password, "Open the meeting",
            "Opening the meeting starts its record: attendance, declarations and recommendations. "
            "The adviser can return it to planned only while nothing is recorded.")
        if password is None:
            return
        meeting_id, actor = self.meeting_id, self.actor
        if self.write("meeting opened",
                      lambda s: start_meeting(s, actor, s.get(Meeting, meeting_id), password=password)):
            self.reload()

    def ask_return_to_planned(self) -> None:
        if self.state is None:
            return
        dialog = ReasonDialog(
            f"Return {self.state.ref} to planned",
            f"The meeting of {day(self.state.date)} ({self.state.ref}) was opened, and nothing is recorded "
            "at it yet. It goes back to planned, to be opened on the day; the audit trail keeps why.",
            "&Return to planned", self)
        dialog.accepted.connect(lambda: self.return_to_planned(dialog.reason.text().strip()))
        self.dialog = dialog
        dialog.open()

    def return_to_planned(self, reason: str) -> bool:
        meeting_id, actor = self.meeting_id, self.actor
        if self.write("meeting returned to planned",
                      lambda s: return_to_planned(s, actor, s.get(Meeting, meeting_id), reason=reason)):
            self.reload()
            return True
        return False

    def record_finish(self, at: dt.time) -> bool:
        meeting_id, actor = self.meeting_id, self.actor

        def recorded(_value: object) -> None:
            self.recorded.emit("finish time")
            self.refresh()

        return change(self.store, self.actor,
                      lambda s, _a: record_finish(s, actor, s.get(Meeting, meeting_id), at),
                      refused=self.finish.show_error, done=recorded).done

    def record_applicants(self, attended: bool, spoke: bool) -> None:
        item_id, actor = self.item_id, self.actor

        version = self.seen(item_id)

        def step(session):
            record_item_notes(session, actor, session.get(AgendaItem, item_id), applicants_attended=attended,
                              applicants_spoke=spoke, expected_version=version)

        self.write("applicants' attendance", step)
        self.refresh()

    def keep_advice(self, advice: dict) -> None:
        item_id, actor, keeper = self.item_id, self.actor, self.keeper
        keeper.flush()
        version = self.seen(item_id)

        def step(session):
            record_item_notes(session, actor, session.get(AgendaItem, item_id), advice=advice,
                              expected_version=version)
            for who in advice:
                keeper.forget(session, advice_field(who))

        if self.write("advice", step):
            self.refresh()

    def record_attendance(self, entries: list[dict]) -> None:
        meeting_id, actor = self.meeting_id, self.actor
        self.write("attendance", lambda s: record_attendance(s, actor, s.get(Meeting, meeting_id), entries))
        self.refresh()

    def declare(self, values: dict) -> None:
        meeting_id, actor = self.meeting_id, self.actor

        def step(session):
            item = session.get(AgendaItem, values["item_id"]) if values["item_id"] else None
            declare_interest(session, actor, session.get(Meeting, meeting_id), member=values["member"],
                             interest=values["interest"], action=values["action"], item=item)

        if self.write("declaration", step):
            self.declarations.clear_form()
        self.refresh()

    def record_item(self, values: dict) -> None:
        item_id, actor = self.item_id, self.actor
        self.keeper.flush()  # the typed text is safe whatever the service says
        values = dict(values)

        item = self.state.item(item_id) if self.state else None
        advice = self.pane.notes.advice_changed(item) if item is not None else {}

        version = self.seen(item_id)

        def step(session):
            # The version is checked before the advice moves it on. The advice typed is kept with
            # the recommendation: recording clears the item's drafts.
            record_recommendation(session, actor, session.get(AgendaItem, item_id), expected_version=version,
                                  **values)
            if advice:
                record_item_notes(session, actor, session.get(AgendaItem, item_id), advice=advice)

        if self.write("recommendation", step):
            self.keeper.recorded()
            self.pane.show_refusal("")
            self.refresh(fresh_item=True)
        else:
            self.pane.show_refusal(self.message.text())

    def keep_discussion(self, text: str) -> None:
        item_id, actor, keeper = self.item_id, self.actor, self.keeper
        keeper.flush()
        version = self.seen(item_id)

        def step(session):
            record_discussion(session, actor, session.get(AgendaItem, item_id), text, expected_version=version)
            keeper.forget(session, "discussion")

        if self.write("discussion", step):
            self.refresh()

    def _kept(self, _count: int) -> None:
        self.saved.setText(f"Typed text kept at {self.keeper.last_saved:%H:%M:%S}: "
                           "nothing is lost if the computer stops.")

    # -- documents --------------------------------------------------------------
    def preview_minutes(self) -> None:
        from ui.common.documents import minutes_document
        if self.meeting_id is None or self.state is None:
            return
        self.dialog = open_preview(self.runner, self, f"Minutes of {self.state.ref}",
                                   minutes_document(self.store, self.meeting_id))

    def read_paper(self, path: str | None, title: str) -> None:
        if not path:
            return
        if not Path(path).is_file():
            self.show_message(f"The paper {title!r} is not where it was stored ({path}).")
            return
        if not path.lower().endswith(".pdf"):
            self.show_message(f"{title!r} is not a PDF: open it from {path}.")
            return
        self.dialog = open_preview(self.runner, self, title, path=path)

    # -- leaving ------------------------------------------------------------------
    def hideEvent(self, event) -> None:
        self.keeper.flush()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self.keeper.flush()
        super().closeEvent(event)
