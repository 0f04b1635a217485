"""Building a meeting's agenda: items added, removed and put in order, papers attached and
sent, with what the adviser should know shown as warnings; and, once heard, what the panel
recommended and the ADM decided.

Every change goes through ``panelapp.services``; reordering is undoable.
"""

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting
from panelapp.queries.agenda import Agenda, item_choices, item_detail
from panelapp.queries.eligibility import eligible_cases
from panelapp.queries.meetings import meeting_choices
from panelapp.services.agenda import add_item, attach_paper, remove_item, reorder_items
from panelapp.services.meetings import mark_papers_sent
from panelapp.services.permissions import Actor, allowed
from ui.agenda.data import AgendaReader, agenda_label, default_meeting, item_html, meeting_facts
from ui.agenda.item_dialog import ItemDialog
from ui.agenda.model import AgendaTable
from ui.agenda.paper_list import USUAL_KIND, AttachDialog, PaperList, documents_dir
from ui.agenda.papers_sent_dialog import PapersSentDialog
from ui.common import queries
from ui.common.change import change
from ui.common.commands import ServiceCommand
from ui.common.errors import said
from ui.common.reason_dialog import ReasonDialog
from ui.common.tasks import TaskRunner
from ui.common.widgets import meeting_chooser, refill
from ui.common.words import day, word


class AgendaPage(QWidget):
    title = "Agenda"
    changed = Signal()  # the agenda changed: other screens' counts are out of date

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, undo_stack, tell,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor, self.undo_stack, self.tell = runner, store, actor, undo_stack, tell
        self.today = dt.date.today  # called, not stored: the page may stay open past midnight
        self.meeting_id: int | None = None
        self.dialog = None
        self.reader = AgendaReader(store, actor)
        self._shown: Agenda | None = None
        self._select_after_load: str | None = None
        self._reading = None
        self.may_edit = allowed(actor, "agenda.edit")
        self.may_plan = allowed(actor, "meeting.plan")

        self.chooser, chooser_label = meeting_chooser(self._chosen, width=28)
        self.facts = QLabel()
        self.facts.setObjectName("muted")
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName("When and where the meeting is, and its papers")

        self.add_button = QPushButton("&Add item…")
        self.add_button.setAccessibleName("Add an item")
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button = QPushButton("&Remove item…")
        self.remove_button.setAccessibleName("Remove the item")
        self.remove_button.clicked.connect(self.ask_remove)
        self.up = QPushButton("Move &up")
        self.up.setAccessibleName("Move the item up")
        self.up.clicked.connect(lambda: self.move(-1))
        self.down = QPushButton("Move &down")
        self.down.setAccessibleName("Move the item down")
        self.down.clicked.connect(lambda: self.move(1))
        self.papers_sent_button = QPushButton("Mark papers &sent…")
        self.papers_sent_button.setAccessibleName("Mark the papers sent")
        self.papers_sent_button.clicked.connect(self.ask_papers_sent)
        for button in (self.add_button, self.remove_button, self.up, self.down):
            button.setVisible(self.may_edit)
            button.setEnabled(False)
        self.papers_sent_button.setVisible(self.may_plan)
        self.papers_sent_button.setEnabled(False)

        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setAccessibleName("Warnings about this agenda")
        self.warnings.hide()

        self.items = AgendaTable(runner, self._load_items)
        self.items.loaded.connect(self._items_loaded)
        self.items.current_changed.connect(self._item_selected)
        self.items.model.order_dropped.connect(self._dropped)
        self.items.search.textChanged.connect(lambda _t: self._update_buttons())
        self.papers = PaperList(tell)
        self.papers.attach_requested.connect(self.ask_attach)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("The selected item's recommendation and decision")
        self.detail.setPlaceholderText("Choose an item to see its recommendation and decision.")

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up, self.down):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.papers_sent_button)
        # The table takes the full width, so every column fits on a laptop's screen; the
        # selected item's papers and recommendation sit below it.
        below = QSplitter(Qt.Orientation.Horizontal)
        below.setChildrenCollapsible(False)
        below.addWidget(self.papers)
        below.addWidget(self.detail)
        below.setSizes([560, 480])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addLayout(actions)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

    @property
    def agenda(self) -> Agenda | None:
        """The agenda shown, once read."""
        agenda = self._shown
        return agenda if agenda is not None and agenda.meeting_id == self.meeting_id else None

    # -- which meeting --------------------------------------------------------
    def reload(self) -> None:
        store, actor = self.store, self.actor
        self.runner.submit(lambda _t: queries.read(store, actor, meeting_choices), name="meeting list",
                           on_done=self._choices_loaded, owner=self,
                           on_error=lambda exc, _d: self.tell("The meetings could not be listed",
                                                              said(exc, "listing the meetings")))

    def _choices_loaded(self, choices) -> None:
        wanted = self.meeting_id or default_meeting(choices, self.today())
        refill(self.chooser, ((f"{day(when)} — {ref} ({word(status).lower()})", meeting_id)
                              for meeting_id, ref, when, status in choices), wanted)
        self._chosen(self.chooser.currentIndex())

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        index = self.chooser.findData(meeting_id)
        if index >= 0 and index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)
        else:
            self.reload()

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        self.meeting_id = self.chooser.itemData(index)
        self.items.reload()

    def _load_items(self):
        meeting_id = self.meeting_id
        if meeting_id is None:
            return []
        return self.reader.read(meeting_id, self.today())

    def _items_loaded(self, _count: int) -> None:
        self._shown = self.reader.latest
        agenda = self.agenda
        self.items.model.meeting_id = agenda.meeting_id if agenda else None
        self.facts.setText(meeting_facts(agenda) if agenda else "")
        self.show_warnings(agenda.warnings if agenda else [])
        self.items.show_columns_for(agenda.status if agenda else "planned")
        if agenda is not None:  # every load: an item added or changed may need more room
            self.items.fit_columns()
        if self._select_after_load:
            ref, self._select_after_load = self._select_after_load, None
            self.items.select_where(lambda r: r.ref == ref)
        self._item_selected(self.items.current_object())

    def show_warnings(self, warnings: list[str]) -> None:
        count = len(warnings)
        heading = f"<b>{count} warning{'s' if count != 1 else ''} about this agenda</b>"
        self.warnings.setText(heading + "".join(f"<br>• {html.escape(w)}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def focus_search(self) -> None:
        self.items.focus_search()

    # -- the selected item ------------------------------------------------------
    def _item_selected(self, row) -> None:
        self._update_buttons()
        self.papers.show_papers(f"item {row.number} ({row.ref})" if row else None, row.papers if row else ())
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        if row is None:
            self.detail.clear()
            return
        store, actor = self.store, self.actor
        self._reading = self.runner.submit(lambda _t: item_html(queries.read(store, actor, item_detail, row.id)),
                                           name="item detail",
                                           on_done=self._show_item, on_cancelled=lambda: None,
                                           on_error=self._item_failed, owner=self)

    def _item_failed(self, exc: BaseException, _details: str) -> None:
        self._reading = None
        self.detail.setPlainText(f"Could not read the item: {said(exc, 'reading an item')}")

    def _show_item(self, text: str) -> None:
        self._reading = None
        self.detail.setHtml(text)

    def _update_buttons(self) -> None:
        agenda, row = self.agenda, self.items.current_object()
        count = self.items.model.rowCount()
        searching = bool(self.items.search.text().strip())
        can_change = self.may_edit and agenda is not None and agenda.is_open
        can_move = can_change and row is not None and not searching
        self.add_button.setEnabled(can_change and agenda.status == "planned")
        self.remove_button.setEnabled(can_change and row is not None and row.outcome is None)
        self.up.setEnabled(can_move and row.number > 1)
        self.down.setEnabled(can_move and row.number < count)
        self.papers_sent_button.setEnabled(self.may_plan and agenda is not None and agenda.is_open
                                           and agenda.status == "planned")
        self.papers.set_may_attach(can_change)
        self.items.model.movable = can_change and not searching

    def _changed(self, select_ref: str | None = None) -> None:
        """After a change: read the agenda again, and tell the other screens."""
        self._select_after_load = select_ref
        self.items.reload()
        self.changed.emit()

    def _run(self, refused: str, work):
        """``work(session)`` in one transaction; None (and the user told why) when refused."""
        return change(self.store, self.actor, lambda session, _actor: work(session),
                      refused=lambda text: self.tell(refused, text)).value

    # -- reordering, undoably ----------------------------------------------------
    def move(self, step: int) -> None:
        row = self.items.current_object()
        if row is None or self.meeting_id is None:
            return
        before = [r.ref for r in sorted(self.items.model.rows(), key=lambda r: r.number)]
        at = before.index(row.ref)
        after = list(before)
        after.insert(at + step, after.pop(at))
        self._reorder(before, after, row.ref, f"Move {row.ref} {'up' if step < 0 else 'down'}")

    def _dropped(self, moved: list[str], after: list[str]) -> None:
        before = [r.ref for r in self.items.model.rows()]
        place = after.index(moved[0]) + 1
        self._reorder(before, after, moved[0], f"Move {', '.join(moved)} to place {place}")

    def _reorder(self, before: list[str], after: list[str], moved: str, text: str) -> None:
        meeting_id = self.meeting_id

        def put(order):
            def step(session, actor):
                reorder_items(session, actor, session.get(Meeting, meeting_id), order)
            return step

        command = ServiceCommand(self.store, self.actor, text, put(after), put(before),
                                 lambda: self._changed(moved), self.tell)
        self.undo_stack.push(command)

    # -- adding and removing items ------------------------------------------------
    def ask_add(self) -> None:
        agenda = self.agenda
        if agenda is None:
            return
        store, actor = self.store, self.actor
        def read(_task):
            return queries.read(store, actor, item_choices), queries.read(store, actor, eligible_cases)

        self.runner.submit(read, name="households and children",
                           on_done=lambda answer: self._open_item_dialog(agenda, *answer), owner=self,
                           on_error=lambda exc, _d: self.tell("The households and children could not be read",
                                                              said(exc, "reading the households and children")))

    def _open_item_dialog(self, agenda: Agenda, choices, eligible=None) -> None:
        dialog = ItemDialog(agenda_label(agenda), choices, parent=self, eligible=eligible)
        dialog.accepted.connect(lambda: self.add(agenda.meeting_id, dialog.values()))
        self.dialog = dialog
        dialog.open()

    def add(self, meeting_id: int, values: dict) -> dict | None:
        actor = self.actor
        made = self._run("The item was not added",
                         lambda s: add_item(s, actor, s.get(Meeting, meeting_id), **values))
        if made is not None:
            self._changed(made["item"]["ref"])
        return made

    def ask_remove(self) -> None:
        agenda, row = self.agenda, self.items.current_object()
        if agenda is None or row is None:
            return
        if agenda.papers_sent is not None or agenda.status == "held":
            explain = (f"The papers have gone out, so item {row.number} stays on the agenda, marked as "
                       "removed, for the members who read it.")
        else:
            explain = (f"Item {row.number} is taken off the agenda (the papers have not gone out); "
                       "the items after it move up.")
        dialog = ReasonDialog(f"Remove item {row.number} ({row.ref})", explain, "&Remove the item", self)
        dialog.accepted.connect(lambda: self.remove(row.id, dialog.reason.text().strip()))
        self.dialog = dialog
        dialog.open()

    def remove(self, item_id: int, reason: str) -> dict | None:
        actor = self.actor
        done = self._run("The item was not removed",
                         lambda s: remove_item(s, actor, s.get(AgendaItem, item_id), reason=reason))
        if done is not None:
            self._changed(done["item"]["ref"] if done["item"] else None)
        return done

    # -- papers ----------------------------------------------------------------------
    def ask_attach(self) -> None:
        row = self.items.current_object()
        if row is None:
            return
        dialog = AttachDialog(f"item {row.number} ({row.ref})", USUAL_KIND.get(row.item_type, "other"), self)
        dialog.accepted.connect(lambda: self.attach(row.id, row.ref, dialog.values()))
        self.dialog = dialog
        dialog.open()

    def attach(self, item_id: int, ref: str, values: dict) -> dict | None:
        actor, folder, today = self.actor, documents_dir(self.store), self.today()
        done = self._run("The paper was not attached",
                         lambda s: attach_paper(s, actor, s.get(AgendaItem, item_id), values["source"],
                                                title=values["title"], kind=values["kind"],
                                                documents_dir=folder, on=today))
        if done is not None:
            self._changed(ref)
        return done

    def ask_papers_sent(self) -> None:
        agenda = self.agenda
        if agenda is None:
            return
        dialog = PapersSentDialog(agenda_label(agenda), agenda.meeting_date, agenda.deadline, self.today(), self)
        dialog.accepted.connect(lambda: self.papers_sent(agenda.meeting_id, dialog.on()))
        self.dialog = dialog
        dialog.open()

    def papers_sent(self, meeting_id: int, on: dt.date) -> dict | None:
        actor = self.actor
        done = self._run("The papers were not marked sent",
                         lambda s: mark_papers_sent(s, actor, s.get(Meeting, meeting_id), on=on))
        if done is not None:
            current = self.items.current_object()
            self._changed(current.ref if current else None)
        return done
