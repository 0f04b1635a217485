"""The audit trail: every change and decision, newest first, and a check that none was altered."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from panelapp.db import Store
from panelapp.queries.audit import event_rows, verify_chain
from panelapp.services.permissions import Actor
from ui.common import queries
from ui.common.errors import said
from ui.common.tablemodel import Column
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.common.words import word

EVENT_COLUMNS = (
    Column("No.", lambda e: e.id, numeric=True),
    Column("When", lambda e: e.at, lambda v: v.strftime("%-d %b %Y %H:%M:%S") if v else ""),
    Column("Who", lambda e: e.actor),
    Column("Did", lambda e: e.action, word),
    Column("To", lambda e: e.entity, word),
    Column("What", lambda e: e.summary),
)


class AuditPage(QWidget):
    title = "Audit"

    def __init__(self, runner: TaskRunner, store: Store, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.table = TablePage(runner, "events", EVENT_COLUMNS, lambda: queries.read(store, actor, event_rows),
                               hint="Search the audit trail: a name, an action, a ref or a date")
        self.check = QPushButton("Check the chain")
        self.check.setAccessibleName("Check that no event was altered or deleted")
        self.check.clicked.connect(self.verify)
        self.verdict = QLabel("Each event's hash covers the one before it, so an edited or deleted "
                              "event breaks the chain.")
        self.verdict.setObjectName("muted")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Result of the check")
        row = QHBoxLayout()
        row.addWidget(self.verdict, 1)
        row.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.table.reload()

    def focus_search(self) -> None:
        self.table.focus_search()

    def verify(self) -> None:
        self.check.setEnabled(False)
        self.verdict.setText("Checking every event…")
        store, actor = self.store, self.actor
        self.runner.submit(lambda _t: queries.read(store, actor, verify_chain), name="verify audit",
                           on_done=self._verified,
                           on_error=lambda exc, _d: self._verified(None, said(exc, "checking the audit chain")),
                           owner=self)

    def _verified(self, report, error: str = "") -> None:
        self.check.setEnabled(True)
        if report is None:
            self.verdict.setObjectName("warning")
            self.verdict.setText(f"Could not check the chain: {error}")
        elif report.intact:
            self.verdict.setObjectName("muted")
            self.verdict.setText(f"The chain is intact: all {report.events:,} events are as written.")
        else:
            self.verdict.setObjectName("warning")
            self.verdict.setText(f"The chain is broken: {len(report.problems)} problem(s). "
                                 + " ".join(report.problems[:3]))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
