"""Never lose a word: text typed in the meeting room is kept in the store as it is typed.

Each pause in typing (half a second) writes the changed fields of the item as
drafts (services.drafts) in one short transaction on the GUI thread: a few
milliseconds on SQLite, and no worker to be killed half-way when the machine
dies. A minute taker who never pauses would never reach a pause, so nothing
waits longer than a second after the first keystroke not yet kept. Drafts are
not the record; recording the item is.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from panelapp.db import Store
from panelapp.services.drafts import clear_drafts, draft_key, save_draft
from panelapp.services.permissions import Actor, allowed
from ui.common.change import change

PAUSE_MS = 500
LONGEST_WAIT_MS = 1000


class DraftKeeper(QObject):
    saved = Signal(int)  # how many fields were written
    failed = Signal(str)

    def __init__(self, store: Store, actor: Actor, parent: QObject | None = None, pause_ms: int = PAUSE_MS,
                 longest_wait_ms: int = LONGEST_WAIT_MS):
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.item_uid: str | None = None
        self.fields: dict[str, QPlainTextEdit] = {}
        # Fields kept as text that are not a text box (the recommendation form as JSON): read, show.
        self.forms: dict[str, tuple[Callable[[], str], Callable[[str], None]]] = {}
        self.dirty: set[str] = set()
        # What this window kept, per item: newer than any state read before it was kept.
        self.latest: dict[str, dict[str, str]] = {}
        self.last_saved: dt.datetime | None = None
        self._filling = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(pause_ms)
        self.timer.timeout.connect(self.flush)
        # Started by the first keystroke not yet kept, and not restarted by the next ones.
        self.longest = QTimer(self)
        self.longest.setSingleShot(True)
        self.longest.setInterval(longest_wait_ms)
        self.longest.timeout.connect(self.flush)

    @property
    def enabled(self) -> bool:
        return allowed(self.actor, "meeting.record")

    def watch(self, name: str, editor: QPlainTextEdit) -> None:
        self.fields[name] = editor
        editor.textChanged.connect(lambda: self._typed(name))

    def watch_form(self, name: str, read: Callable[[], str], show: Callable[[str], None]) -> None:
        """A field whose widgets call ``changed(name)``; ``show("")`` leaves them as they are."""
        self.forms[name] = (read, show)

    def changed(self, name: str) -> None:
        self._typed(name)

    def text(self, name: str) -> str:
        return self.forms[name][0]() if name in self.forms else self.fields[name].toPlainText()

    def _typed(self, name: str) -> None:
        if self._filling or self.item_uid is None or not self.enabled:
            return
        self.dirty.add(name)
        self.timer.start()
        if not self.longest.isActive():
            self.longest.start()

    def fill(self, item_uid: str | None, texts: dict[str, str]) -> None:
        """Show another item's text; what was typed for the item before is written first."""
        self.flush()
        self.item_uid = item_uid
        self._filling = True
        try:
            for name, editor in self.fields.items():
                editor.setPlainText(texts.get(name, ""))
            for name, (_read, show) in self.forms.items():
                show(texts.get(name, ""))
        finally:
            self._filling = False

    def flush(self) -> int:
        self.timer.stop()
        self.longest.stop()
        if not self.dirty or self.item_uid is None:
            return 0
        names = sorted(self.dirty)
        item_uid = self.item_uid

        def keep(session, actor) -> None:
            for name in names:
                save_draft(session, actor, draft_key(item_uid, name), self.text(name))

        if not change(self.store, self.actor, keep, refused=self.failed.emit).done:
            return 0
        kept = self.latest.setdefault(self.item_uid, {})
        for name in names:
            kept[name] = self.text(name)
        self.dirty.clear()
        self.last_saved = dt.datetime.now()
        self.saved.emit(len(names))
        return len(names)

    def forget(self, session, name: str | None = None) -> None:
        """Drop the drafts of the current item (all, or one field) once recorded, in the
        caller's transaction."""
        if self.item_uid is None:
            return
        clear_drafts(session, self.actor, draft_key(self.item_uid, name or ""))
        self.recorded(name)

    def recorded(self, name: str | None = None) -> None:
        """The current item's text (all, or one field) is now the record: no draft is pending."""
        kept = self.latest.get(self.item_uid, {})
        if name is None:
            self.timer.stop()
            self.longest.stop()
            self.dirty.clear()
            kept.clear()
        else:
            self.dirty.discard(name)
            kept.pop(name, None)
