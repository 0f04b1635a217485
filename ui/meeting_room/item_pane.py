"""One item at the meeting: who is in the room, the papers, and what the panel recommends."""

import html
import itertools
import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from panelapp.enums import HEARD_OUTCOMES
from panelapp.queries.room import ItemState
from panelapp.reports.words import listed as names
from panelapp.rules.wording import Terms, fill
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.recording import APPROVAL_TYPES
from ui.common.widgets import warning_label
from ui.common.words import word
from ui.meeting_room.autosave import DraftKeeper
from ui.meeting_room.item_notes import ADVISER_LABELS, ItemNotes, advice_field
from ui.meeting_room.quorum import QuorumIndicator

DRAFT_WORDS = {"form": "the outcome, terms, views and dissent",
               **{advice_field(who): f"the {label.lower()}'s advice" for who, label in ADVISER_LABELS.items()}}
AWAY_WORDS = {"left_for_item": "left the room for this item", "took_no_part": "takes no part in this item"}


def text_box(name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)  # grows by scrolling, not by pushing
    return box


class DissentLine(QWidget):
    removed = Signal(object)

    def __init__(self, people: list[tuple[str, str]], member: str | None = None, view: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.member = QComboBox()
        self.member.setAccessibleName("Dissenting member")
        for ref, name in people:
            self.member.addItem(name, ref)
        self.member.setCurrentIndex(max(0, self.member.findData(member)))
        self.view = QLineEdit(view)
        self.view.setAccessibleName("Their view and reasons for dissent")
        self.view.setPlaceholderText("their view, and the reasons for their dissent")
        remove = QPushButton("Remove")
        remove.setAccessibleName("Remove this dissent")
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.remove = remove
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.member)
        row.addWidget(self.view, 1)
        row.addWidget(remove)

    def value(self) -> dict:
        return {"member": self.member.currentData(), "view": self.view.text().strip()}


class ItemPane(QWidget):
    record_requested = Signal(dict)
    discussion_requested = Signal(str)
    applicants_chosen = Signal(bool, bool)  # attended, spoke
    advice_requested = Signal(dict)  # by adviser
    paper_requested = Signal(str, str)  # path, title

    def __init__(self, keeper: DraftKeeper, parent: QWidget | None = None):
        super().__init__(parent)
        self.keeper = keeper
        self.item: ItemState | None = None
        self.may_record = False

        self.title = QLabel("Choose an item.")
        self.title.setObjectName("subheading")
        self.title.setWordWrap(True)
        self.title.setAccessibleName("The item")
        self.concerning = QLabel()
        self.concerning.setWordWrap(True)
        self.quorum = QuorumIndicator("This item")
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setAccessibleName("Who is in the room for this item")
        self.papers = QListWidget()
        self.papers.setAccessibleName("Papers for this item")
        self.papers.setMaximumHeight(self.fontMetrics().height() * 5)
        self.papers.itemActivated.connect(
            lambda entry: self.paper_requested.emit(entry.data(Qt.ItemDataRole.UserRole), entry.text()))

        self.discussion = text_box("Key points of discussion", "the key points of the discussion", 5)
        self.save_discussion = QPushButton("&Keep the discussion in the minutes")
        self.save_discussion.setAccessibleName("Keep the discussion in the minutes")
        self.save_discussion.clicked.connect(lambda: self.discussion_requested.emit(self.discussion.toPlainText()))

        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome")
        self.outcome.addItem("not decided yet", None)
        for outcome in HEARD_OUTCOMES:
            self.outcome.addItem(word(outcome), outcome)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)

        self.terms = QWidget()
        self.children_max = QSpinBox()
        self.children_max.setRange(1, 9)
        self.children_max.setAccessibleName("Number of children")
        self.age_min = QSpinBox()
        self.age_min.setRange(0, 17)
        self.age_min.setAccessibleName("Youngest age, years")
        self.age_max = QSpinBox()
        self.age_max.setRange(0, 17)
        self.age_max.setAccessibleName("Oldest age, years")
        self.early = QCheckBox("early permanence")
        self.early.setAccessibleName("Approved for early permanence")
        terms_row = QHBoxLayout(self.terms)
        terms_row.setContentsMargins(0, 0, 0, 0)
        for label, widget in (("children:", self.children_max), ("aged from", self.age_min), ("to", self.age_max)):
            terms_row.addWidget(QLabel(label))
            terms_row.addWidget(widget)
        terms_row.addWidget(QLabel("years;"))
        terms_row.addWidget(self.early)
        terms_row.addStretch(1)

        self.wording = text_box("Recommendation wording", "the recommendation in full words", 3)
        self.template = QPushButton("Fill in the wording")
        self.template.setAccessibleName("Fill in the wording from the template")
        self.template.setToolTip("Start from the usual words for this kind of item, with the names and terms")
        self.template.clicked.connect(self.fill_template)
        self.reasons = text_box("Reasons", "the panel's reasons", 3)
        keeper.watch("discussion", self.discussion)
        keeper.watch("wording", self.wording)
        keeper.watch("reasons", self.reasons)
        self.notes = ItemNotes(keeper)
        self.notes.applicants_chosen.connect(self.applicants_chosen)
        self.notes.advice_requested.connect(self.advice_requested)

        self.consensus = QRadioButton("A consensus")
        self.consensus.setAccessibleName("The panel reached a consensus")
        self.views_taken = QRadioButton("Each member's view taken:")
        self.views_taken.setAccessibleName("Each member's view was taken")
        group = QButtonGroup(self)
        group.addButton(self.consensus)
        group.addButton(self.views_taken)
        self.consensus.setChecked(True)
        self.votes = {}
        votes_row = QHBoxLayout()
        votes_row.addWidget(self.consensus)
        votes_row.addWidget(self.views_taken)
        for key, label in (("for", "for"), ("against", "against"), ("abstain", "abstaining")):
            box = QSpinBox()
            box.setRange(0, 30)
            box.setAccessibleName(f"Members {label}")
            self.votes[key] = box
            votes_row.addWidget(box)
            votes_row.addWidget(QLabel(label))
        votes_row.addStretch(1)
        self.views_taken.toggled.connect(self._views_changed)
        self.dissent_box = QVBoxLayout()
        self.dissent_box.setContentsMargins(0, 0, 0, 0)
        self.dissent_lines: list[DissentLine] = []
        self.add_dissent = QPushButton("Add a member's dissent")
        self.add_dissent.setAccessibleName("Add a member's dissent")
        self.add_dissent.clicked.connect(lambda: self.add_dissent_line())

        self.refusal = warning_label("Why the recommendation cannot be recorded")
        self.done = QLabel()
        self.done.setObjectName("muted")
        self.done.setWordWrap(True)
        self.record = QPushButton("Record the recommendation")
        self.record.setAccessibleName("Record the recommendation")
        self.record.setDefault(True)
        self.record.clicked.connect(self._record)

        recommendation = QGroupBox("The panel's recommendation")
        form = QFormLayout(recommendation)
        form.addRow("&Outcome:", self.outcome)
        self.terms_label = QLabel("Terms:")
        form.addRow(self.terms_label, self.terms)
        wording_row = QVBoxLayout()
        wording_row.addWidget(self.wording)
        wording_row.addWidget(self.template, 0, Qt.AlignmentFlag.AlignRight)
        wording_label = QLabel("&Wording:")
        wording_label.setBuddy(self.wording)
        form.addRow(wording_label, wording_row)
        form.addRow("&Reasons:", self.reasons)
        form.addRow("Views:", votes_row)
        dissent_column = QVBoxLayout()
        dissent_column.addLayout(self.dissent_box)
        dissent_column.addWidget(self.add_dissent, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow("Dissent:", dissent_column)

        discussion = QGroupBox("Discussion")
        discussion_layout = QVBoxLayout(discussion)
        discussion_layout.addWidget(self.discussion)
        discussion_layout.addWidget(self.save_discussion, 0, Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>In the room</b>"))
        left.addWidget(self.people)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Papers</b> (double-click a PDF to read it)"))
        right.addWidget(self.papers)
        top.addLayout(left, 3)
        top.addLayout(right, 2)

        # The footer is placed by the room below the scrolling pane: Record never scrolls away.
        self.footer = QWidget()
        self.footer.setObjectName("record_footer")
        footer = QVBoxLayout(self.footer)
        footer.setContentsMargins(4, 4, 8, 4)
        footer.addWidget(self.refusal)
        bottom = QHBoxLayout()
        bottom.addWidget(self.done, 1)
        bottom.addWidget(self.record)
        footer.addLayout(bottom)
        self.record.setToolTip("Record the recommendation (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.record)
            shortcut.activated.connect(self._record_by_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.concerning)
        layout.addWidget(self.quorum)
        layout.addLayout(top)
        layout.addWidget(discussion)
        layout.addWidget(self.notes)
        layout.addWidget(recommendation)
        layout.addStretch(1)
        self._views_changed(False)
        self.setEnabled(False)
        self._showing = False
        self.order_tabs()
        keeper.watch_form("form", self.form_text, self.show_form)
        for signal in (self.outcome.currentIndexChanged, self.children_max.valueChanged, self.age_min.valueChanged,
                       self.age_max.valueChanged, self.early.toggled, self.views_taken.toggled,
                       *(box.valueChanged for box in self.votes.values())):
            signal.connect(self._form_changed)

    # -- the form, kept as a draft -------------------------------------------------
    def _form_changed(self, *_args) -> None:
        if not self._showing:
            self.keeper.changed("form")

    def form_text(self) -> str:
        """Outcome, terms, views and dissent lines as they are on screen (the typed texts are kept
        on their own)."""
        return json.dumps({
            "outcome": self.outcome.currentData(),
            "terms": [self.children_max.value(), self.age_min.value(), self.age_max.value(), self.early.isChecked()],
            "votes": [box.value() for box in self.votes.values()] if self.views_taken.isChecked() else None,
            "dissent": [[line.member.currentData(), line.view.text()] for line in self.dissent_lines]})

    def show_form(self, text: str) -> None:
        if not text:
            return
        try:
            form = json.loads(text)
        except ValueError:
            return  # a draft from another version of the form: the recorded values stand
        self._showing = True
        try:
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(form.get("outcome"))))
            terms = form.get("terms") or [1, 0, 4, False]
            for box, value in zip((self.children_max, self.age_min, self.age_max), terms, strict=False):
                box.setValue(int(value))
            self.early.setChecked(bool(terms[3]) if len(terms) > 3 else False)
            votes = form.get("votes")
            (self.views_taken if votes is not None else self.consensus).setChecked(True)
            for box, value in zip(self.votes.values(), votes or (0, 0, 0), strict=False):
                box.setValue(int(value))
            for line in list(self.dissent_lines):
                self._remove_dissent(line)
            people = [(p.ref, p.name) for p in self.item.people] if self.item else []
            for member, view in form.get("dissent") or []:
                self.add_dissent_line(member, view, people)
        finally:
            self._showing = False

    # -- showing an item -------------------------------------------------------
    def show_item(self, item: ItemState | None, may_record: bool, fresh: bool) -> None:
        """``fresh``: fill the fields from the store (another item, or just recorded);
        otherwise only what others may have changed (the room, the quorum) is redrawn."""
        self.item, self.may_record = item, may_record
        self.setEnabled(item is not None)
        self.footer.setEnabled(item is not None)
        if item is None:
            self.keeper.fill(None, {})
            self.title.setText("Choose an item.")
            return
        kind = ITEM_TYPE_WORDS.get(item.item_type, word(item.item_type))
        self.title.setText(f"Item {item.number}: {kind} ({item.ref})")
        about = [x for x in (names(item.households, ""), names(item.children, "")) if x]
        presenters = f" Presented by {', '.join(item.presenters)}." if item.presenters else ""
        self.concerning.setText(("Concerning " + "; ".join(about) + "." if about else "") + presenters)
        # No one marked present yet: the quorum is not yet known, not "inquorate".
        self.quorum.show_result(item.quorate if item.people else None, item.quorum_text if item.people else "")
        self._show_people(item)
        self.papers.clear()
        for paper in item.papers:
            entry = QListWidgetItem(f"{paper.title}{' (late)' if paper.late else ''}")
            entry.setData(Qt.ItemDataRole.UserRole, paper.path)
            self.papers.addItem(entry)
        if not item.papers:
            self.papers.addItem("No papers are attached.")
        if fresh:
            self._fill(item)
        self.notes.show_item(item)  # a choice, not typing: always as stored
        self._update_people_choices(item)
        self._show_state(item)

    def _show_people(self, item: ItemState) -> None:
        inside = [f"{html.escape(p.name)} "
                  f"<span style='color:gray'>({html.escape(', '.join(word(r) for r in p.roles))})"
                  f"</span>" for p in item.in_room]
        outside = [f"<b>Out:</b> {html.escape(p.name)}, {AWAY_WORDS[p.away]}"
                   for p in item.people if p.away]
        lines = inside or ["No one is recorded as present."]
        self.people.setText("<br>".join(lines + outside))

    def _fill(self, item: ItemState) -> None:
        recorded = {"discussion": item.discussion or "", "wording": item.wording or "",
                    "reasons": item.reasons or ""} | self.notes.recorded_texts(item)
        self.keeper.flush()  # what was typed for the item before is kept before its widgets change
        self._showing = True
        self.outcome.blockSignals(True)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(item.outcome)))
        self.outcome.blockSignals(False)
        children_max, age_min, age_max, early = item.terms
        self.children_max.setValue(children_max or 1)
        self.age_min.setValue(age_min or 0)
        self.age_max.setValue(age_max if age_max is not None else 4)
        self.early.setChecked(bool(early))
        if item.votes is None:
            self.consensus.setChecked(True)
            for box in self.votes.values():
                box.setValue(0)
        else:
            self.views_taken.setChecked(True)
            for box, value in zip(self.votes.values(), item.votes, strict=True):
                box.setValue(value)
        for line in list(self.dissent_lines):
            self._remove_dissent(line)
        people = [(p.ref, p.name) for p in item.people]
        for ref, _name, view in item.dissent:
            self.add_dissent_line(ref, view, people)
        self._showing = False
        # The drafts (typed texts and the form) come last: they are newer than the record.
        self.keeper.fill(item.uid, recorded | item.drafts | self.keeper.latest.get(item.uid, {}))
        restored = sorted(DRAFT_WORDS.get(name, name) for name in item.drafts)
        self.done.setText(("Restored what was typed and not yet recorded: " + ", ".join(restored) + "."
                           ) if restored else (f"Recorded: {word(item.outcome)}." if item.outcome else ""))
        self._outcome_changed()

    def _update_people_choices(self, item: ItemState) -> None:
        people = [(p.ref, p.name) for p in item.may_give_view]
        for line in self.dissent_lines:
            current = line.member.currentData()
            line.member.blockSignals(True)
            line.member.clear()
            for ref, name in people:
                line.member.addItem(name, ref)
            line.member.setCurrentIndex(max(0, line.member.findData(current)))
            line.member.blockSignals(False)

    def _show_state(self, item: ItemState) -> None:
        refusal = item.refusal if self.may_record else None
        self.refusal.setText(f"Cannot be recorded now. {refusal}" if refusal else "")
        self.refusal.setVisible(bool(refusal))
        editable = self.may_record and not (refusal and "final and locked" in refusal)
        for widget in (self.discussion, self.wording, self.reasons):
            widget.setReadOnly(not editable)
        for widget in (self.outcome, self.terms, self.template, self.consensus, self.views_taken,
                       self.add_dissent, *self.votes.values(), *self.dissent_lines):
            widget.setEnabled(editable)
        self.save_discussion.setEnabled(editable)
        self.notes.set_editable(editable)
        self.record.setEnabled(editable and refusal is None)
        self._views_changed(self.views_taken.isChecked())

    # -- editing -----------------------------------------------------------------
    def _outcome_changed(self, *_args) -> None:
        item = self.item
        approval = item is not None and item.item_type in APPROVAL_TYPES and \
            self.outcome.currentData() == "recommended"
        self.terms.setVisible(approval)
        self.terms_label.setVisible(approval)

    def _views_changed(self, taken: bool) -> None:
        for box in self.votes.values():
            box.setEnabled(taken and self.views_taken.isEnabled())

    def fill_template(self) -> None:
        item = self.item
        if item is None:
            return
        outcome = self.outcome.currentData() or "recommended"
        terms = Terms(self.children_max.value(), self.age_min.value(), self.age_max.value())
        text = fill(item.item_type, outcome, item.applicants, item.children, terms)
        if text is None:
            self.done.setText(f"There is no template for a {word(outcome).lower()} "
                              f"{ITEM_TYPE_WORDS.get(item.item_type, '').lower()}: write the words.")
            return
        # Through the cursor, so Undo brings back whatever was there before.
        cursor = self.wording.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        self.wording.setTextCursor(cursor)

    def add_dissent_line(self, member: str | None = None, view: str = "",
                         people: list[tuple[str, str]] | None = None) -> DissentLine:
        if people is None:
            people = [(p.ref, p.name) for p in self.item.may_give_view] if self.item else []
        line = DissentLine(people, member, view)
        line.removed.connect(self._remove_dissent)
        line.member.currentIndexChanged.connect(self._form_changed)
        line.view.textChanged.connect(self._form_changed)
        self.dissent_lines.append(line)
        self.dissent_box.addWidget(line)
        self.order_tabs()
        return line

    def order_tabs(self) -> None:
        """The views, then each dissent line, then Record: a dissent is written before recording."""
        if self.record.window() is not self.window():
            return  # the footer is not placed yet; the room orders the tabs once it is
        chain = [*self.votes.values()]
        for line in self.dissent_lines:
            chain += [line.member, line.view, line.remove]
        chain += [self.add_dissent, self.record]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _remove_dissent(self, line: DissentLine) -> None:
        self.dissent_lines.remove(line)
        self.dissent_box.removeWidget(line)
        line.deleteLater()
        self._form_changed()

    def values(self) -> dict:
        outcome = self.outcome.currentData()
        payload = {"outcome": outcome, "wording": self.wording.toPlainText(),
                   "reasons": self.reasons.toPlainText(), "discussion": self.discussion.toPlainText(),
                   "votes": {k: box.value() for k, box in self.votes.items()}
                   if self.views_taken.isChecked() else None,
                   "dissent": [line.value() for line in self.dissent_lines]}
        if self.terms.isVisible() or (self.item and self.item.item_type in APPROVAL_TYPES
                                      and outcome == "recommended"):
            payload["approval_terms"] = {"children_max": self.children_max.value(),
                                         "age_min_years": self.age_min.value(),
                                         "age_max_years": self.age_max.value(),
                                         "early_permanence": self.early.isChecked()}
        return payload

    def _record_by_key(self) -> None:
        if self.record.isEnabled() and self.record.isVisible():
            self.record.click()

    def _record(self) -> None:
        if self.outcome.currentData() is None:
            self.show_refusal("Choose the outcome first: recommended, not recommended, deferred or noted.")
            return
        self.record_requested.emit(self.values())

    def show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.setVisible(bool(message))
