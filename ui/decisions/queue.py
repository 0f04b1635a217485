"""The agency decision maker's queue: recommendations waiting for a decision, on the clock,
with the item's minute and papers beside the decision form."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.enums import ADM_DECISIONS
from panelapp.models import AgendaItem
from panelapp.queries.adm import WAITING, Case, queue_rows, read_case
from panelapp.services.adm import agrees_with_panel, record_decision, record_final_decision, record_notification
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.permissions import Actor, allowed
from ui.common import queries
from ui.common.change import change
from ui.common.documents import decision_document, extract_document, open_preview
from ui.common.errors import said
from ui.common.signoff import signoff_password
from ui.common.tablemodel import Column, RowTableModel
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.common.widgets import warning_label
from ui.common.words import day, word
from ui.common.wrapping import WrappingText
from ui.decisions.final_form import FinalDecisionForm, after_words
from ui.decisions.wording import clock_words, extract_html
from ui.shell import theme

CLOCK_COLUMN = 0
# The clock, the meeting, the item, the due date and the decision come first, so that they
# stay in view beside the case on a laptop's screen; the rest follow (the case pane shows
# them too), reached by scrolling sideways.
COLUMNS = (
    Column("Clock", lambda r: r.left, show=clock_words,
           tip="Working days left on the decision clock, from the day the minutes were final"),
    Column("Meeting", lambda r: r.meeting_ref),
    Column("Item", lambda r: r.number, numeric=True),
    Column("Due", lambda r: r.due, day,
           tip="The decision is due by this day: the agency's target in working days"),
    Column("Decision", lambda r: r.decision, word),
    Column("Concerning", lambda r: r.concerning),
    Column("Type", lambda r: ITEM_TYPE_WORDS.get(r.item_type, word(r.item_type))),
    Column("Panel", lambda r: r.outcome, word, tip="The panel's recommendation"),
    Column("Minutes final", lambda r: r.minutes_final, day),
)
IN_VIEW = 5  # the first columns, kept in view
# Room, in average characters, a column may take before its text is elided (the tip has it all).
WIDEST = {"Concerning": 30, "Decision": 30, "Clock": 36}
# The case pane keeps at least this much of the width when the table asks for more.
CASE_PANE_CHARACTERS = 52
DECISION_WORDS = {
    "positive": "Positive",
    "negative": "Negative",
    "qualifying_determination": "Qualifying determination (proposes not to approve)",
}


class QueueModel(RowTableModel):
    """Overdue rows' clock in the theme's danger colour, and bold: the words say "overdue" too."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and \
                index.column() == CLOCK_COLUMN and self.row_object(index.row()).late:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(theme.colours(theme.current_is_dark())["danger"])
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class DecisionForm(QGroupBox):
    """The decision on one recommendation: what, when, and why (required where it departs)."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Decision", parent)
        self.case: Case | None = None
        self.choices: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        column = QVBoxLayout()
        for decision in ADM_DECISIONS:
            button = QRadioButton(DECISION_WORDS[decision])
            button.setAccessibleName(word(decision))
            button.toggled.connect(self._update)
            group.addButton(button)
            self.choices[decision] = button
            column.addWidget(button)
        self.decided_on = QDateEdit(QDate.currentDate())
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("d MMM yyyy")
        self.decided_on.setAccessibleName("Decided on")
        self.reasons = QPlainTextEdit()
        self.reasons.setAccessibleName("Reasons for the decision")
        self.reasons.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        self.reasons.textChanged.connect(self._update)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName("What the decision needs")
        self.button = QPushButton("Record and sign the decision")
        self.button.setAccessibleName("Record and sign the decision")
        self.button.clicked.connect(self._submit)
        form = QFormLayout(self)
        form.addRow(column)
        form.addRow("Decided &on:", self.decided_on)
        form.addRow("&Reasons:", self.reasons)
        form.addRow(self.advice)
        # The button itself is placed by the queue in a footer that never scrolls away.

    def show_case(self, case: Case) -> None:
        self.case = case
        for button in self.choices.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self.choices["qualifying_determination"].setEnabled(case.qd_allowed)
        self.choices["qualifying_determination"].setToolTip(
            "" if case.qd_allowed else "A qualifying determination applies only to the approval of adopters")
        self.decided_on.setMinimumDate(QDate(case.minutes_final.year, case.minutes_final.month,
                                             case.minutes_final.day))
        self.decided_on.setDate(QDate.currentDate())
        self.reasons.clear()
        self._update()

    def chosen(self) -> str | None:
        return next((d for d, b in self.choices.items() if b.isChecked()), None)

    def reasons_required(self) -> bool:
        """Every decision gives its reasons (the applicants read them in the letter)."""
        return self.chosen() is not None and self.case is not None

    def _update(self) -> None:
        decision, case = self.chosen(), self.case
        has_reasons = bool(self.reasons.toPlainText().strip())
        lines = []
        if case is None or decision is None:
            lines.append("Choose the decision.")
        else:
            agrees = agrees_with_panel(case.outcome, decision)
            panel = word(case.outcome).lower()
            if agrees:
                lines.append(f"This decision agrees with the panel's recommendation ({panel}); give your "
                             "reasons, which the applicants will read.")
            else:
                lines.append(f"This decision departs from the panel's recommendation ({panel}): "
                             "reasons are required.")
            if decision == "qualifying_determination":
                lines.append("A qualifying determination must give the applicants its reasons. They then have "
                             "40 working days, beginning with the day they are told, to make representations to "
                             "the agency or apply to the Independent Review Mechanism: until "
                             f"{day(case.qd_end_if_told_today)} "
                             "if they are told today. The final decision follows.")
            if self.reasons_required() and not has_reasons:
                lines.append("Write the reasons before recording the decision.")
        self.advice.setText("\n".join(lines))
        self.advice.setObjectName("warning" if self.reasons_required() and not has_reasons else "muted")
        self.advice.style().unpolish(self.advice)
        self.advice.style().polish(self.advice)
        self.reasons.setPlaceholderText("Required: the reasons for the decision, written to the applicants")
        self.button.setEnabled(decision is not None and (has_reasons or not self.reasons_required()))

    def _submit(self) -> None:
        self.submitted.emit({"decision": self.chosen(), "decided_on": self.decided_on.date().toPython(),
                             "reasons": self.reasons.toPlainText().strip() or None})


class AdmQueuePage(QWidget):
    signoff_password: str | None = None  # asked again at each sign-off (panelapp.services.signoff)
    title = "Decisions"
    decided = Signal(str)
    case_shown = Signal(object)

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.may_decide = allowed(actor, "adm.decide")
        self.may_notify = allowed(actor, "adm.notify")
        self.case: Case | None = None
        self.dialog = None
        self._reading = None
        self._wanted: int | None = None

        self.waiting = QComboBox()
        self.waiting.setAccessibleName("Which recommendations")
        for key, label in WAITING.items():
            self.waiting.addItem(label, key)
        self.waiting.currentIndexChanged.connect(lambda _i: self.table.reload())
        self.table = TablePage(runner, "recommendations", COLUMNS, self._load,
                               hint="Search: a meeting, a name, a type", legend="")
        # The table's own model, made to show overdue clocks in red (and in words).
        self.table.model = QueueModel(COLUMNS, self.table)
        self.table.proxy.setSourceModel(self.table.model)
        self.table.current_changed.connect(self._row_chosen)
        self.table.loaded.connect(lambda _count: self.fit_columns())
        self._splitter_moved = False

        self.extract = QTextBrowser()
        self.extract.setAccessibleName("The item's minute")
        self.extract.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)
        self.papers = QListWidget()
        self.papers.setAccessibleName("Papers for the item")
        self.papers.setMaximumHeight(self.fontMetrics().height() * 4 + 8)
        self.papers.itemActivated.connect(self._read_paper)
        self.extract_button = QPushButton("Minute extract (PDF)")
        self.extract_button.setAccessibleName("Preview the minute extract as PDF")
        self.extract_button.clicked.connect(self.preview_extract)
        self.record_button = QPushButton("Decision record (PDF)")
        self.record_button.setAccessibleName("Preview the decision record as PDF")
        self.record_button.clicked.connect(self.preview_record)

        self.form = DecisionForm()
        self.form.submitted.connect(self.decide)
        self.signed = WrappingText()  # the sign-off hash wraps rather than widening the pane
        self.signed.setAccessibleName("The decision and its sign-off hash")
        self.final_box = FinalDecisionForm()
        self.final_button = self.final_box.button
        self.final_button.clicked.connect(self.decide_finally)
        self.notify_box = QGroupBox("The applicants told in writing")
        self.notified_on = QDateEdit(QDate.currentDate())
        self.notified_on.setCalendarPopup(True)
        self.notified_on.setDisplayFormat("d MMM yyyy")
        self.notified_on.setAccessibleName("Told on")
        self.notify_button = QPushButton("Record the letter")
        self.notify_button.setAccessibleName("Record when the applicants were told")
        self.notify_button.clicked.connect(self.notify)
        notify_row = QHBoxLayout(self.notify_box)
        notify_row.addWidget(QLabel("Told on:"))
        notify_row.addWidget(self.notified_on)
        notify_row.addStretch(1)
        self.message = warning_label("What the store said")

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 4, 0)
        self.heading = QLabel("Choose a recommendation.")
        self.heading.setObjectName("subheading")
        self.heading.setWordWrap(True)
        side_layout.addWidget(self.heading)
        side_layout.addWidget(self.extract, 2)
        side_layout.addWidget(QLabel("<b>Papers</b> (double-click a PDF to read it)"))
        side_layout.addWidget(self.papers)
        documents = QHBoxLayout()
        documents.addWidget(self.extract_button)
        documents.addWidget(self.record_button)
        documents.addStretch(1)
        side_layout.addLayout(documents)
        side_layout.addWidget(self.message)
        side_layout.addWidget(self.signed)
        side_layout.addWidget(self.form)
        side_layout.addWidget(self.final_box)
        side_layout.addWidget(self.notify_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(side)

        top = QHBoxLayout()
        top.addWidget(QLabel("&Show:"))
        top.itemAt(0).widget().setBuddy(self.waiting)
        top.addWidget(self.waiting)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        self.splitter = splitter
        # The sign buttons sit below the scrolling side, in reach whatever its length; Ctrl+Enter
        # presses the one on show.
        self.footer = QWidget()
        footer = QHBoxLayout(self.footer)
        footer.setContentsMargins(6, 4, 4, 4)
        footer.addStretch(1)
        for button in (self.form.button, self.final_button, self.notify_button):
            button.setToolTip(f"{button.text()} (Ctrl+Enter)")
            footer.addWidget(button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._sign_by_key)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(scroll, 1)
        right_column.addWidget(self.footer)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])
        splitter.splitterMoved.connect(lambda _pos, _index: setattr(self, "_splitter_moved", True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show_case(None)

    # -- the queue ----------------------------------------------------------------
    def reload(self) -> None:
        self.table.reload()

    def focus_search(self) -> None:
        self.table.focus_search()

    def fit_columns(self) -> None:
        """Each column as wide as its widest text (long ones elided, the tip holding all of it),
        and the table wide enough for the first ``IN_VIEW`` columns, unless the user has
        moved the divider."""
        view, header = self.table.table, self.table.table.horizontalHeader()
        view.resizeColumnsToContents()
        chars, metrics = view.fontMetrics().averageCharWidth(), view.fontMetrics()
        for number, column in enumerate(COLUMNS[:-1]):
            wanted = max(header.sectionSize(number), metrics.horizontalAdvance(column.title) + 36)
            header.resizeSection(number, min(wanted, chars * WIDEST.get(column.title, 20)))
        needed = (sum(header.sectionSize(n) for n in range(IN_VIEW)) + 2 * view.frameWidth()
                  + view.verticalScrollBar().sizeHint().width())
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if self._splitter_moved or total <= 0 or sizes[0] >= needed:
            return
        side = max(total - needed, min(sizes[1], chars * CASE_PANE_CHARACTERS))
        self.splitter.setSizes([total - side, side])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.table.model.rowCount():
            self.fit_columns()

    def _load(self):
        return queries.read(self.store, self.actor, queue_rows, self.waiting.currentData() or "decision")

    def _row_chosen(self, row) -> None:
        if self._reading is not None:
            self._reading.cancel()
        if row is None:
            self._show_case(None)
            return
        self._read_case(row.id)

    def _read_case(self, item_id: int) -> None:
        if self._reading is not None:
            self._reading.cancel()
        store, actor = self.store, self.actor
        self._wanted = item_id
        self._reading = self.runner.submit(lambda _t: queries.read(store, actor, read_case, item_id), name="case",
                                           on_done=self._show_case, on_cancelled=lambda: None,
                                           on_error=lambda exc, _d, wanted=item_id: self._case_failed(wanted, exc))

    def _case_failed(self, item_id: int, exc: BaseException) -> None:
        if item_id != self._wanted:
            return
        self._show_case(None)
        self.heading.setText(f"Could not read the recommendation: {said(exc, 'reading a recommendation')}")

    def _sign_by_key(self) -> None:
        for button in (self.form.button, self.final_button, self.notify_button):
            if button.isVisible() and button.isEnabled():
                button.click()
                return

    def _show_case(self, case: Case | None) -> None:
        if case is not None and case.id != self._wanted:
            return  # a read overtaken by another choice
        self._reading = None
        self.case = case
        for widget in (self.form, self.final_box, self.notify_box, self.extract_button, self.record_button):
            widget.setVisible(case is not None)
        if case is None:
            self.heading.setText("Choose a recommendation.")
            self.extract.clear()
            self.papers.clear()
            self.signed.clear()
            self._sync_footer()
            return
        summary = case.decision
        self.heading.setText(f"{case.label}: {ITEM_TYPE_WORDS.get(case.item_type, word(case.item_type))}")
        self.extract.setHtml(extract_html(case))
        self.papers.clear()
        for title, path in case.papers:
            entry = QListWidgetItem(title)
            entry.setData(Qt.ItemDataRole.UserRole, path)
            self.papers.addItem(entry)
        if not case.papers:
            self.papers.addItem("No papers are attached.")
        decided = summary.get("decision") is not None
        self.form.setVisible(self.may_decide and not decided)
        self.form.show_case(case)
        self.record_button.setVisible(decided)
        qd_open = summary.get("decision") == "qualifying_determination" and not summary.get("final_decision")
        self.final_box.setVisible(self.may_decide and qd_open)
        if qd_open:
            self.final_box.show_case(summary)
        self.notify_box.setVisible(self.may_notify and decided and not summary.get("notified"))
        if decided:
            self.notified_on.setMinimumDate(QDate.fromString(summary["decided_on"], "yyyy-MM-dd"))
        self.signed.setText(self._decision_words(summary) if decided else "")
        self._sync_footer()
        self.case_shown.emit(case)

    def _sync_footer(self) -> None:
        """Each sign button shows with its part of the form."""
        for button, box in ((self.form.button, self.form), (self.final_button, self.final_box),
                            (self.notify_button, self.notify_box)):
            button.setVisible(not box.isHidden())

    @staticmethod
    def _decision_words(summary: dict) -> str:
        lines = [f"Decision: {word(summary['decision'])} on {day(dt.date.fromisoformat(summary['decided_on']))} "
                 f"by {summary['decision_maker']}"
                 + ("" if summary.get("agrees") else " (departs from the panel's recommendation)") + "."]
        if summary.get("representations_end"):
            lines.append("Representations or the IRM: 40 working days, until "
                         f"{day(dt.date.fromisoformat(summary['representations_end']))}.")
        if summary.get("final_decision"):
            lines.append(f"Final decision: {word(summary['final_decision'])} on "
                         f"{day(dt.date.fromisoformat(summary['final_date']))}, {after_words(summary)}.")
        if summary.get("notified"):
            lines.append(f"The applicants were told on {day(dt.date.fromisoformat(summary['notified']))}.")
        lines.append(f"Signed (SHA-256): {summary.get('signoff_hash') or 'not signed'}")
        return "\n".join(lines)

    # -- deciding -----------------------------------------------------------------
    def write(self, step) -> bool:
        def refused(text: str) -> None:
            self.message.setText(text)
            self.message.show()

        def decided(_value: object) -> None:
            self.message.hide()
            self._read_case(self.case.id)
            self.table.reload()

        return change(self.store, self.actor, lambda session, _actor: step(session), refused=refused,
                      done=decided).done

    def decide(self, values: dict) -> bool:
        password = signoff_password(
            self, self.signoff_password, "Sign the decision",
            "The decision will be signed and locked with its date and reasons; the letter telling "
            "the applicants is due counting from that date.")
        if password is None:
            return False
        item_id, actor = self.case.id, self.actor
        ok = self.write(lambda s: record_decision(s, actor, s.get(AgendaItem, item_id), password=password,
                                                  **values))
        if ok:
            self.decided.emit(values["decision"])
        return ok

    def decide_finally(self) -> bool:
        item_id, actor, values = self.case.id, self.actor, self.final_box.values()
        password = signoff_password(
            self, self.signoff_password, "Sign the final decision",
            "The final decision will be signed and locked with its date and reasons.")
        if password is None:
            return False
        return self.write(lambda s: record_final_decision(s, actor, s.get(AgendaItem, item_id), password=password,
                                                          **values))

    def notify(self) -> bool:
        item_id, actor, on = self.case.id, self.actor, self.notified_on.date().toPython()
        return self.write(lambda s: record_notification(s, actor, s.get(AgendaItem, item_id), on=on))

    # -- documents ----------------------------------------------------------------
    def preview_extract(self) -> None:
        if self.case is not None:
            self.dialog = open_preview(self.runner, self, f"Minute extract, {self.case.label}",
                                       extract_document(self.store, self.case.id))

    def preview_record(self) -> None:
        if self.case is not None:
            self.dialog = open_preview(self.runner, self, f"Decision record, {self.case.label}",
                                       decision_document(self.store, self.case.id))

    def _read_paper(self, entry: QListWidgetItem) -> None:
        path = entry.data(Qt.ItemDataRole.UserRole)
        if path and str(path).lower().endswith(".pdf"):
            self.dialog = open_preview(self.runner, self, entry.text(), path=path)
