"""One meeting's agenda: its items in order, what the panel recommended, what the ADM decided."""

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QTextBrowser,
                               QVBoxLayout, QWidget)
from sqlalchemy.orm import selectinload
from sqlmodel import select

from panelapp.db import Store
from panelapp.models import AgendaItem, Dissent, ItemChild, ItemHousehold, Meeting, Recommendation
from panelapp.services.agenda import ITEM_TYPE_WORDS, agenda_warnings, reorder_items
from panelapp.services.permissions import Actor, allowed

from .commands import ServiceCommand
from .detail import html_facts
from .tablemodel import Column
from .tablepage import TablePage
from .tasks import TaskRunner
from .words import day, word


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    uid: str
    ref: str
    number: int
    item_type: str
    households: str
    children: str
    presenters: str
    outcome: str | None
    decision: str | None


@dataclass(frozen=True)
class Agenda:
    meeting_id: int
    meeting_ref: str
    items: list[ItemRow]
    warnings: list[str]


def meeting_choices(store: Store) -> list[tuple[int, str, dt.date, str]]:
    with store.session() as session:
        return list(session.exec(select(Meeting.id, Meeting.ref, Meeting.meeting_date, Meeting.status)
                                 .order_by(Meeting.meeting_date.desc())).all())


def default_meeting(choices, today: dt.date) -> int | None:
    """The next meeting still to be held; else the latest."""
    coming = [c for c in choices if c[2] >= today and c[3] == "planned"]
    if coming:
        return min(coming, key=lambda c: c[2])[0]
    return choices[0][0] if choices else None


def read_agenda(store: Store, meeting_id: int) -> Agenda:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        items = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
            .options(selectinload(AgendaItem.household_links).selectinload(ItemHousehold.household),
                     selectinload(AgendaItem.child_links).selectinload(ItemChild.child),
                     selectinload(AgendaItem.adm_decision))
            .order_by(AgendaItem.position)).all()
        rows = [ItemRow(i.id, i.uid, i.ref, i.position + 1, i.item_type,
                        "; ".join(f"{link.household.display_name} ({link.household.ref})"
                                  for link in i.household_links),
                        "; ".join(f"{link.child.name} ({link.child.ref})" for link in i.child_links),
                        ", ".join(i.presenters or []), i.outcome,
                        i.adm_decision.decision if i.adm_decision else None) for i in items]
        return Agenda(meeting.id, meeting.ref, rows, agenda_warnings(session, meeting))


def read_item(store: Store, item_id: int) -> str:
    """The item's recommendation and decision, as HTML for the pane beside the agenda."""
    with store.session() as session:
        item = session.get(AgendaItem, item_id)
        rec = session.exec(select(Recommendation).where(Recommendation.item_id == item_id)).first()
        parts = [f"<h3>Item {item.position + 1}: {html.escape(ITEM_TYPE_WORDS[item.item_type])}</h3>"]
        facts = [("Ref", item.ref), ("Outcome", word(item.outcome) or "not heard yet"),
                 ("Presenters", ", ".join(item.presenters or []))]
        if rec is not None:
            if rec.votes_for is not None:
                facts.append(("Views", f"{rec.votes_for} for, {rec.votes_against} against, "
                                       f"{rec.votes_abstain} abstaining"))
            else:
                facts.append(("Views", "a consensus"))
        parts.append(html_facts(facts))
        if rec is not None and rec.wording:
            parts.append(f"<p><b>Recommendation</b><br>{html.escape(rec.wording)}</p>")
        if rec is not None and rec.reasons:
            parts.append(f"<p><b>Reasons</b><br>{html.escape(rec.reasons)}</p>")
        if rec is not None:
            for dissent in session.exec(select(Dissent).where(Dissent.recommendation_id == rec.id)
                                        .order_by(Dissent.position)):
                parts.append(f"<p><b>Dissent, {html.escape(dissent.member.name)}</b><br>"
                             f"{html.escape(dissent.view)}</p>")
        adm = item.adm_decision
        if adm is not None:
            decision = [("Decision", word(adm.decision)), ("By", adm.decision_maker),
                        ("On", day(adm.decided_on)), ("Applicants told", day(adm.notified))]
            if adm.final_decision:
                decision += [("Final decision", f"{word(adm.final_decision)} on {day(adm.final_date)}"),
                             ("Review", word(adm.final_review))]
            parts.append("<p><b>Agency decision maker</b></p>" + html_facts(decision))
            if adm.reasons:
                parts.append(f"<p>{html.escape(adm.reasons)}</p>")
        return "".join(parts)


ITEM_COLUMNS = (
    Column("No.", lambda i: i.number, numeric=True),
    Column("Ref", lambda i: i.ref),
    Column("Type", lambda i: ITEM_TYPE_WORDS.get(i.item_type, word(i.item_type))),
    Column("Households", lambda i: i.households),
    Column("Children", lambda i: i.children),
    Column("Presenters", lambda i: i.presenters),
    Column("Outcome", lambda i: i.outcome, word),
    Column("ADM decision", lambda i: i.decision, word),
)


class AgendaPage(QWidget):
    title = "Agenda"
    changed = Signal()

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, undo_stack, tell,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor, self.undo_stack, self.tell = runner, store, actor, undo_stack, tell
        self.meeting_id: int | None = None
        self._agenda: Agenda | None = None

        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Meeting")
        self.chooser.setMinimumContentsLength(28)
        self.chooser.currentIndexChanged.connect(self._chosen)
        chooser_label = QLabel("&Meeting:")
        chooser_label.setBuddy(self.chooser)
        self.up = QPushButton("Move &up")
        self.up.setAccessibleName("Move the item up")
        self.down = QPushButton("Move &down")
        self.down.setAccessibleName("Move the item down")
        may_edit = allowed(actor, "agenda.edit")
        for button in (self.up, self.down):
            button.setVisible(may_edit)
            button.setEnabled(False)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))

        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Warnings about this agenda")
        self.warnings.hide()
        self.items = TablePage(runner, "items", ITEM_COLUMNS, self._load_items,
                               hint="Search the items: a ref, a name, a type or an outcome")
        self.items.table.setSortingEnabled(False)
        self.items.loaded.connect(self._items_loaded)
        self.items.current_changed.connect(self._item_selected)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("The selected item's recommendation and decision")
        self.detail.setPlaceholderText("Choose an item to see its recommendation and decision.")
        self._reading = None

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.up)
        top.addWidget(self.down)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

    # -- which meeting --------------------------------------------------------
    def reload(self) -> None:
        store = self.store
        self.runner.submit(lambda _t: meeting_choices(store), name="meeting list",
                           on_done=self._choices_loaded, owner=self)

    def _choices_loaded(self, choices) -> None:
        wanted = self.meeting_id or default_meeting(choices, dt.date.today())
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for meeting_id, ref, when, status in choices:
            self.chooser.addItem(f"{day(when)} — {ref} ({word(status).lower()})", meeting_id)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(wanted)
        self.chooser.setCurrentIndex(max(index, 0))
        self._chosen(self.chooser.currentIndex())

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        index = self.chooser.findData(meeting_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)
        else:
            self.reload()

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        self.meeting_id = self.chooser.itemData(index)
        self.items.reload()

    def _load_items(self):
        if self.meeting_id is None:
            return []
        self._agenda = read_agenda(self.store, self.meeting_id)
        return self._agenda.items

    def _items_loaded(self, _count: int) -> None:
        agenda = self._agenda
        warnings = agenda.warnings if agenda else []
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self._update_buttons()

    def focus_search(self) -> None:
        self.items.focus_search()

    # -- the selected item ------------------------------------------------------
    def _item_selected(self, row) -> None:
        self._update_buttons()
        if self._reading is not None:
            self._reading.cancel()
        if row is None:
            self.detail.clear()
            return
        store = self.store
        self._reading = self.runner.submit(lambda _t: read_item(store, row.id), name="item detail",
                                           on_done=self._show_item, on_cancelled=lambda: None,
                                           owner=self)

    def _show_item(self, text: str) -> None:
        self._reading = None
        self.detail.setHtml(text)

    def _update_buttons(self) -> None:
        row = self.items.current_object()
        count = self.items.model.rowCount()
        searching = bool(self.items.search.text().strip())
        self.up.setEnabled(row is not None and not searching and row.number > 1)
        self.down.setEnabled(row is not None and not searching and row.number < count)

    # -- reordering, undoably ----------------------------------------------------
    def move(self, step: int) -> None:
        row = self.items.current_object()
        if row is None or self.meeting_id is None:
            return
        before = [r.ref for r in sorted(self.items.model.rows(), key=lambda r: r.number)]
        at = before.index(row.ref)
        after = list(before)
        after.insert(at + step, after.pop(at))
        meeting_id, actor, moved = self.meeting_id, self.actor, row.ref

        def put(order):
            def step_(session):
                reorder_items(session, actor, session.get(Meeting, meeting_id), order)
            return step_

        def changed():
            self.items.reload()
            self.items.loaded.connect(self._reselect, Qt.ConnectionType.SingleShotConnection)
            self._moved = moved

        command = ServiceCommand(self.store, f"Move {moved} {'up' if step < 0 else 'down'}",
                                 put(after), put(before), changed, self.tell)
        self.undo_stack.push(command)

    def _reselect(self, _count) -> None:
        ref = getattr(self, "_moved", None)
        if ref:
            self.items.select_where(lambda r: r.ref == ref)
