"""The decision maker's queue put in words: the clock of each row, and the extract from
the minutes beside the decision form. The reading is panelapp.queries.adm."""

import html

from panelapp.queries.adm import Case, QueueRow
from panelapp.queries.words import views_sentence
from panelapp.services.agenda import ITEM_TYPE_WORDS
from ui.common.detail import html_facts
from ui.common.words import day, word


def clock_words(row: QueueRow) -> str:
    if row.waiting == "final":
        if row.due is None:
            return "applicants not yet told"
        if row.left == 0:
            return "representations period over"
        return f"{row.left} working day{'s' if row.left != 1 else ''} for representations"
    if row.left is None:
        return ""
    if row.late:
        # The number first, as on the deadlines page: in a narrow column it is what stays in view.
        return f"{-row.left} working day{'s' if row.left != -1 else ''} overdue"
    if row.left == 0:
        return "due today"
    return f"{row.left} working day{'s' if row.left != 1 else ''} left"


def extract_html(case: Case) -> str:
    """The case's extract from the minutes, as the decision maker reads it beside the form."""
    kind = ITEM_TYPE_WORDS.get(case.item_type, word(case.item_type))
    facts = [("Meeting", f"{day(case.meeting_date)} ({case.meeting_ref})"),
             ("Item", f"{case.number} ({case.ref})"),
             ("Type", kind), ("Concerning", case.concerning), ("Panel's outcome", word(case.outcome)),
             ("Minutes final", day(case.minutes_final))]
    if case.recorded:
        facts.append(("Members' views", views_sentence(*case.votes)))
    parts = [f"<h3>Extract from the minutes: item {case.number}</h3>", html_facts(facts)]
    for title, text in (("Recommendation", case.wording), ("Reasons", case.reasons),
                        ("Discussion", case.discussion)):
        body = html.escape(text).replace("\n", "<br>") if text else "<i>Not recorded.</i>"
        parts.append(f"<p><b>{title}</b><br>{body}</p>")
    for name, view in case.dissent:
        parts.append(f"<p><b>Dissent: {html.escape(name)}</b><br>{html.escape(view)}</p>")
    return "".join(parts)
