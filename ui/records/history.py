"""The panel items that concern a household or a child, with what was decided, as HTML."""

import html

from panelapp.queries.records import ItemLine
from ui.common.words import day, word


def decision_words(line: ItemLine) -> str:
    if line.decision is None:
        return "awaiting the ADM" if line.outcome in ("recommended", "not_recommended") else ""
    text = f"{word(line.decision)} ({day(line.decided_on)})"
    if line.final_decision:
        text += f", final: {word(line.final_decision)}"
    return text


def items_html(lines: list[ItemLine]) -> str:
    """One paragraph per item: it must read in a narrow pane, so no wide table."""
    if not lines:
        return "<p><i>Not on any panel agenda yet.</i></p>"
    parts = []
    for x in lines:
        heard = word(x.outcome) or "Not heard yet"
        decision = decision_words(x)
        parts.append(
            f"<p><b>{html.escape(day(x.meeting_date))} · {html.escape(word(x.item_type))}</b> "
            f"({html.escape(x.ref)})<br>Panel: {html.escape(heard)}"
            + (f"; ADM: {html.escape(decision)}" if decision else "")
            + (f"<br><span style='color: gray'>{html.escape(x.wording)}</span>" if x.wording else "")
            + "</p>")
    return "".join(parts)
