"""The pane beside a table: the selected record's facts, milestones and panel history."""

import html
from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from ui.common.timeline import Timeline


def html_table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


def html_facts(facts: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                   for k, v in facts if v)
    return f"<table cellspacing='0' cellpadding='3'>{rows}</table>"


class DetailPane(QScrollArea):
    """A title, facts, a timeline of milestones and a read-only text of panel items."""

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = what
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(f"Details of the selected {what}")
        body = QWidget()
        body.setObjectName("detail_body")
        self.title = QLabel(f"Choose a {what} to see its details.")
        self.title.setObjectName("subheading")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(f"Selected {what}")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName("Facts")
        self.milestones_heading = QLabel("Milestones")
        self.milestones_heading.setObjectName("muted")
        self.timeline = Timeline()
        self.history_heading = QLabel("At panel")
        self.history_heading.setObjectName("muted")
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)
        self.history.setAccessibleName("Panel items and decisions")
        self.history.setMinimumHeight(160)
        self.history.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.milestones_heading)
        layout.addWidget(self.timeline)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history, 1)
        self.setWidget(body)
        self.clear()

    def clear(self) -> None:
        self.title.setText(f"Choose a {self.what} to see its details.")
        for widget in (self.facts, self.milestones_heading, self.timeline, self.history_heading,
                       self.history):
            widget.hide()

    def show_detail(self, title: str, facts: list[tuple[str, str]], milestones, history_html: str,
                    warn: Collection[str] = frozenset()) -> None:
        self.title.setText(title)
        self.facts.setText(html_facts(facts))
        self.timeline.set_events(milestones, warn)
        self.history.setHtml(history_html)
        for widget in (self.facts, self.milestones_heading, self.timeline, self.history_heading,
                       self.history):
            widget.show()
