"""The minutes of a meeting, item by item: drafted from what was recorded, approved by the
chair as final (locked and signed: the hash is shown), amended afterwards only with a reason,
and every earlier version kept and readable."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.models import AgendaItem, Meeting
from panelapp.queries.minutes import MinutesState, held_meetings, read_minutes
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.minutes import amend_minutes, approve_minutes, draft_minutes
from panelapp.services.permissions import Actor, allowed
from ui.common import queries
from ui.common.change import change
from ui.common.documents import extract_document, minutes_document, open_preview
from ui.common.errors import said
from ui.common.signoff import signoff_password
from ui.common.tasks import TaskRunner
from ui.common.widgets import meeting_chooser, refill
from ui.common.words import day, word
from ui.common.wrapping import WrappingText
from ui.minutes.wording import item_html, meeting_html, version_label

FIELDS = (("wording", "The recommendation's wording", "recommendation"),
          ("reasons", "The reasons", "reasons"),
          ("discussion", "The discussion", "discussion"))


class AmendDialog(QDialog):
    """Which item, which text, the new text, and the reason (without which it cannot be made)."""

    def __init__(self, state: MinutesState, item_index: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(f"Amend the final minutes of {state.ref}")
        self.setAccessibleName("Amend the final minutes")
        self.item = QComboBox()
        self.item.setAccessibleName("Item to amend")
        for item_id, number, ref, kind in state.items:
            about = state.about.get(item_id)
            self.item.addItem(f"Item {number}: {ITEM_TYPE_WORDS.get(kind, word(kind))}"
                              f"{' — ' + about if about else ''} ({ref})", item_id)
        self.item.setCurrentIndex(max(0, item_index))
        self.field = QComboBox()
        self.field.setAccessibleName("Text to amend")
        for name, title, _key in FIELDS:
            self.field.addItem(title, name)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("The amended text")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for the amendment")
        self.reason.setPlaceholderText("why the final minutes change, e.g. a name was misspelt")
        self.why = QLabel("Final minutes change only with a reason. The earlier text is kept, "
                          "and the minutes are signed again.")
        self.why.setWordWrap(True)
        self.why.setObjectName("muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Amend")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Item:", self.item)
        form.addRow("&Text:", self.field)
        form.addRow("&New text:", self.text)
        form.addRow("&Reason:", self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self.item.currentIndexChanged.connect(self._load_text)
        self.field.currentIndexChanged.connect(self._load_text)
        self.text.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._load_text()

    def _current(self) -> str:
        ref = self.state.items[self.item.currentIndex()][2]
        entry = next(i for i in self.state.current["items"] if i["ref"] == ref)
        key = next(k for name, _t, k in FIELDS if name == self.field.currentData())
        return entry.get(key) or ""

    def _load_text(self) -> None:
        self.original = self._current()
        self.text.setPlainText(self.original)
        self._update()

    def _update(self) -> None:
        changed = self.text.toPlainText() != self.original
        reason = bool(self.reason.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(changed and reason)
        if not changed:
            self.why.setText("Change the text to amend it. Final minutes change only with a reason; "
                             "the earlier text is kept.")
        elif not reason:
            self.why.setText("Give the reason for the amendment: it cannot be made without one.")
        else:
            self.why.setText("The earlier text is kept, and the minutes are signed again.")

    def values(self) -> dict:
        return {"item_id": self.item.currentData(), "reason": self.reason.text().strip(),
                self.field.currentData(): self.text.toPlainText()}


class MinutesView(QWidget):
    signoff_password: str | None = None  # asked again at each sign-off (panelapp.services.signoff)
    title = "Minutes"
    loaded = Signal()
    edit_item = Signal(int, int)  # meeting id, item id: to change a draft minute in the meeting room

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.meeting_id: int | None = None
        self.state: MinutesState | None = None
        self.dialog = None

        self.chooser, chooser_label = meeting_chooser(self._chosen)
        self.status = QLabel()
        self.status.setObjectName("subheading")
        self.status.setAccessibleName("State of the minutes")
        self.signature = WrappingText()  # the hash wraps rather than widening the window
        self.signature.setAccessibleName("Sign-off hash")
        # A hash in a fixed-width font, to be compared character by character; sentences in the plain one.
        self._plain = self.signature.font()
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.Monospace)
        self.message = QLabel()
        self.message.setObjectName("warning")
        self.message.setWordWrap(True)
        self.message.hide()

        self.draft_button = QPushButton("&Draft the minutes")
        self.draft_button.setToolTip("Assemble the minutes from what was recorded at the meeting")
        self.approve_date = QDateEdit(QDate.currentDate())
        self.approve_date.setCalendarPopup(True)
        self.approve_date.setDisplayFormat("d MMM yyyy")
        self.approve_date.setAccessibleName("Date the minutes are final")
        self.approve_button = QPushButton("&Approve as final and lock")
        self.approve_button.setAccessibleName("Approve the minutes as final")
        self.approve_button.setToolTip("Approve the minutes as final and lock them (Alt+A)")
        self.amend_button = QPushButton("Ame&nd…")
        self.amend_button.setAccessibleName("Amend the final minutes")
        self.edit_button = QPushButton("Change in the meeting room")
        self.edit_button.setToolTip("The draft minutes are what was recorded: change an item in the meeting room")
        self.pdf_button = QPushButton("Minutes (PDF)")
        self.pdf_button.setAccessibleName("Preview the minutes as PDF")
        self.extract_button = QPushButton("Extract of this item (PDF)")
        self.extract_button.setAccessibleName("Preview the extract of this item's minute")
        self.draft_button.clicked.connect(self.draft)
        self.approve_button.clicked.connect(self.approve)
        self.amend_button.clicked.connect(self.ask_amendment)
        self.edit_button.clicked.connect(self._edit)
        self.pdf_button.clicked.connect(self.preview)
        self.extract_button.clicked.connect(self.preview_extract)
        self.draft_button.setVisible(allowed(actor, "minutes.draft"))
        for widget in (self.approve_date, self.approve_button, self.amend_button):
            widget.setVisible(allowed(actor, "minutes.approve"))
        self.edit_button.setVisible(allowed(actor, "meeting.record"))

        self.version = QComboBox()
        self.version.setAccessibleName("Version of the minutes")
        self.version.currentIndexChanged.connect(lambda _i: self._show_part())
        self.parts = QListWidget()
        self.parts.setAccessibleName("Parts of the minutes")
        self.parts.currentRowChanged.connect(lambda _r: self._show_part())
        self.text = QTextBrowser()
        self.text.setAccessibleName("The minute")

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        actions = QHBoxLayout()
        for widget in (self.draft_button, self.approve_date, self.approve_button, self.amend_button,
                       self.edit_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.extract_button)
        versions = QHBoxLayout()
        versions.addWidget(QLabel("Ve&rsion:"))
        versions.itemAt(0).widget().setBuddy(self.version)
        versions.addWidget(self.version, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.parts)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.signature)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addLayout(versions)
        layout.addWidget(splitter, 1)

    # -- loading ------------------------------------------------------------------
    def reload(self) -> None:
        store, actor = self.store, self.actor
        self.runner.submit(lambda _t: queries.read(store, actor, held_meetings), name="held meetings",
                           on_done=self._choices_loaded, on_error=self._failed)

    def _choices_loaded(self, choices) -> None:
        # Today's meeting first (once held), else the newest held.
        todays = [c[0] for c in choices if c[2] == dt.date.today()]
        wanted = self.meeting_id or (todays[0] if todays else choices[0][0] if choices else None)
        refill(self.chooser, ((f"{day(when)} — {ref}", meeting_id) for meeting_id, ref, when, _status in choices),
               wanted)
        self._chosen(self.chooser.currentIndex())

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        index = self.chooser.findData(meeting_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)
            self.refresh()
        else:
            self.reload()

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        self.meeting_id = self.chooser.itemData(index)
        self.refresh()

    def refresh(self) -> None:
        if self.meeting_id is None:
            return
        store, actor, meeting_id = self.store, self.actor, self.meeting_id
        self.runner.submit(lambda _t: queries.read(store, actor, read_minutes, meeting_id), name="minutes",
                           on_done=self._loaded, on_error=self._failed)

    def _loaded(self, state: MinutesState) -> None:
        if state.meeting_id != self.meeting_id:
            return
        self.state = state
        if state.final:
            who = f" by {state.approved_by}" if state.approved_by else ""
            amended = f"; amended {len(state.versions) - 1} time(s) since" if len(state.versions) > 1 else ""
            self.status.setText(f"Final: approved {day(state.approved_on)}{who}; locked{amended}")
            self.signature.setFont(self._mono if state.hash else self._plain)
            self.signature.setText(f"Signed (SHA-256): {state.hash}" if state.hash else
                                   "Final minutes from before PanelApp: no sign-off hash is held.")
        else:
            self.status.setText(f"Draft: not yet approved ({word(state.state).lower()})")
            self.signature.setFont(self._plain)
            self.signature.setText("Not signed: the minutes are signed when the chair approves them as final.")
        self.approve_date.setMinimumDate(QDate(state.date.year, state.date.month, state.date.day))
        self.approve_date.setMaximumDate(QDate.currentDate())
        self.approve_date.setDate(QDate.currentDate())  # never the date of the last meeting viewed
        self.draft_button.setEnabled(not state.final)
        self.approve_button.setEnabled(not state.final)
        self.approve_date.setEnabled(not state.final)
        self.amend_button.setEnabled(state.final)
        self.edit_button.setEnabled(not state.final)
        self.approve_button.setToolTip(
            f"Record an outcome for item(s) {', '.join(map(str, state.unheard))} first" if state.unheard else
            "Lock the minutes and sign them with a hash of exactly what is approved")
        keep_part, keep_version = self.parts.currentRow(), self.version.currentIndex()
        self.version.blockSignals(True)
        self.version.clear()
        if state.versions:
            for version in state.versions:
                self.version.addItem(version_label(version))
            self.version.setCurrentIndex(len(state.versions) - 1 if keep_version < 0 or keep_version
                                         >= len(state.versions) else keep_version)
        else:
            self.version.addItem("The draft, as recorded now")
        self.version.blockSignals(False)
        self.parts.blockSignals(True)
        self.parts.clear()
        self.parts.addItem("The meeting")
        for item_id, number, _ref, kind in state.items:
            about = state.about.get(item_id)
            self.parts.addItem(f"Item {number}: {ITEM_TYPE_WORDS.get(kind, word(kind))}"
                               f"{chr(10) + about if about else ''}")
        self.parts.setCurrentRow(keep_part if 0 <= keep_part < self.parts.count() else 0)
        self.parts.blockSignals(False)
        self._show_part()
        self.loaded.emit()

    def content(self) -> dict | None:
        state = self.state
        if state is None:
            return None
        if state.versions and 0 <= self.version.currentIndex() < len(state.versions):
            return state.versions[self.version.currentIndex()].content
        return state.current

    def _show_part(self) -> None:
        content, row = self.content(), self.parts.currentRow()
        if content is None or row < 0:
            self.text.clear()
            return
        names = self.state.names
        if row == 0:
            self.text.setHtml(meeting_html(content, names))
        else:
            items = content.get("items", [])
            self.text.setHtml(item_html(items[row - 1], names) if row - 1 < len(items) else "")
        self.extract_button.setEnabled(row > 0)

    def current_item_id(self) -> int | None:
        row = self.parts.currentRow()
        return self.state.items[row - 1][0] if self.state and row > 0 else None

    # -- changing -----------------------------------------------------------------
    def write(self, step) -> bool:
        def changed(_value: object) -> None:
            self.show_message("")
            self.refresh()

        return change(self.store, self.actor, lambda session, _actor: step(session), refused=self.show_message,
                      done=changed).done

    def _failed(self, exc: BaseException, _details: str) -> None:
        self.show_message(f"Could not read the minutes: {said(exc, 'reading the minutes')}")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def draft(self) -> bool:
        meeting_id, actor = self.meeting_id, self.actor
        return self.write(lambda s: draft_minutes(s, actor, s.get(Meeting, meeting_id)))

    def approve(self) -> bool:
        meeting_id, actor = self.meeting_id, self.actor
        on = self.approve_date.date().toPython()
        password = signoff_password(
            self, self.signoff_password, "Approve the minutes",
            "The minutes will be final: locked and signed with a hash. Any later change is an "
            "amendment with a reason, and every version is kept.")
        if password is None:
            return False
        return self.write(lambda s: approve_minutes(s, actor, s.get(Meeting, meeting_id), on=on,
                                                    password=password))

    def ask_amendment(self) -> AmendDialog | None:
        if self.state is None or not self.state.final:
            return None
        row = self.parts.currentRow()
        dialog = AmendDialog(self.state, row - 1 if row > 0 else 0, self)
        dialog.accepted.connect(lambda: self.amend(dialog.values()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def amend(self, values: dict) -> bool:
        values = dict(values)
        item_id, reason, actor = values.pop("item_id"), values.pop("reason"), self.actor
        return self.write(lambda s: amend_minutes(s, actor, s.get(AgendaItem, item_id), reason=reason, **values))

    def _edit(self) -> None:
        item_id = self.current_item_id()
        if self.meeting_id is not None:
            self.edit_item.emit(self.meeting_id, item_id or 0)

    def preview(self) -> None:
        if self.state is not None:
            self.dialog = open_preview(self.runner, self, f"Minutes of {self.state.ref}",
                                       minutes_document(self.store, self.state.meeting_id))

    def preview_extract(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            number = self.parts.currentRow()
            self.dialog = open_preview(self.runner, self, f"Minutes of {self.state.ref}, extract of item {number}",
                                       extract_document(self.store, item_id))
