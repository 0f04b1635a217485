"""The report's written sections: the introduction (the chair's, or one generated
from the figures), the commentary, the quality of reports, and the service plan."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from ...enums import ITEM_TYPES
from ..style import CONTENT_WIDTH, boxed, facts, gap, heading, para, styles
from ..words import long_date, plural, short_date
from .data import ReportData
from .labels import is_financial_year, period_label
from .prose import prose
from .tables import plain_table

# Wide enough for "30 September 2025" on one line.
DUE_COLUMN = 36 * mm
GENERATED_NOTE = ("No introduction has been written for this period, so PanelApp generated this one "
                  "from the figures in this report.")


def introduction(data: ReportData) -> list:
    stored = data.texts.get("introduction")
    if stored:
        return prose(stored)
    return [para(generated_introduction(data)), para(GENERATED_NOTE, styles().small)]


def generated_introduction(data: ReportData) -> str:
    """A short factual paragraph from the figures, for a report whose introduction is not written."""
    now, panel = data.now, data.now["panel"]
    earlier_label, earlier = data.years[1] if len(data.years) > 1 else (None, None)
    negative = sum(panel["outcomes_by_type"][t]["not_recommended"] for t in ITEM_TYPES)
    deferred = sum(panel["outcomes_by_type"][t]["deferred"] for t in ITEM_TYPES)
    adm, adopters, children = now["adm"], now["adopters"], now["children"]
    heard = f"heard {plural(panel['items_heard'], 'item')}"
    if earlier is not None and data.covered("panel")[1]:
        heard += f" (against {earlier['panel']['items_heard']} in {earlier_label})"
    sentences = [
        f"This {data.kind} covers the work of the {data.house.panel} of {data.house.name} "
        f"from {short_date(data.span.start)} to {short_date(data.span.end)}.",
        f"In {data.label} the panel met {_times(panel['meetings_held'])}"
        + (f", {plural(panel['meetings_cancelled'], 'meeting')} being cancelled" if panel["meetings_cancelled"] else "")
        + f", and {heard}, including {plural(panel['items_by_type']['adopter_approval'], 'adopter approval')} "
          f"and {plural(panel['items_by_type']['match'], 'match', 'matches')}.",
        f"It made {plural(negative, 'negative recommendation')} and deferred "
        f"{plural(deferred, 'item')} for more information.",
        f"The agency decision maker decided on {adm['decided']} of the panel's "
        f"{plural(adm['recommendations'], 'recommendation')}, agreeing with the panel on {adm['agreed']}.",
        f"The agency approved {plural(adopters['approved'], 'household')} to adopt, and "
        f"{plural(adopters['approved_waiting_at_end'], 'approved household')} "
        f"{_were(adopters['approved_waiting_at_end'])} waiting for a match at the end of the period.",
        f"Over the period {plural(children['matched'], 'child was', 'children were')} matched, "
        f"{children['placed']} placed and {children['adopted']} adopted; "
        f"{plural(children['awaiting_match_at_end'], 'child', 'children')} with a placement order "
        f"{_were(children['awaiting_match_at_end'])} awaiting a match at the end of the period.",
    ]
    return " ".join(sentences)


def _times(count: int) -> str:
    return {0: "no times", 1: "once", 2: "twice"}.get(count, f"{count} times")


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def written(data: ReportData, section: str, missing: str) -> list:
    stored = data.texts.get(section)
    if stored:
        return prose(stored)
    return [boxed([para(missing, styles().small)])]


def next_year(data: ReportData) -> str:
    if is_financial_year(data.span):
        start = data.span.start.year + 1
        return f"{start}-{str(start + 1)[-2:]}"
    return "the year ahead"


def service_plan(data: ReportData) -> list:
    if not data.plan:
        return [boxed([para(f"No service plan priorities have been stored for {next_year(data)}.", styles().small)])]
    return [KeepTogether([
        para(f"The priorities for {next_year(data)}, with who is responsible for each and when it is due."),
        _plan_table(data.plan, with_progress=any(p["progress"] for p in data.plan))])]


def plan_review(data: ReportData) -> list:
    story = written(data, "service_plan_review", "No review of last year's service plan has been written "
                                                 "for this period.")
    if data.previous_plan is None:
        story += [gap(2), para("No service plan was stored in a report for the year before this period.",
                               styles().small)]
        return story
    earlier, priorities = data.previous_plan
    story += [heading(f"The priorities set in the report for {period_label(earlier)}", 2),
              _plan_table(priorities, with_progress=True)]
    return story


def _plan_table(priorities: list[dict], with_progress: bool):
    if with_progress:
        header = ["No.", "Priority", "Owner", "Due", "Progress"]
        widths = [10 * mm, 52 * mm, 34 * mm, DUE_COLUMN]
        widths.append(CONTENT_WIDTH - sum(widths))
    else:
        header = ["No.", "Priority", "Owner", "Due"]
        widths = [10 * mm, CONTENT_WIDTH - 10 * mm - 40 * mm - DUE_COLUMN, 40 * mm, DUE_COLUMN]
    rows = []
    for number, entry in enumerate(priorities, start=1):
        row = [str(number), entry["priority"], entry["owner"], short_date(entry["due"])]
        if with_progress:
            row.append(entry["progress"] or "not recorded")
        rows.append(row)
    return plain_table(header, rows, widths)


def sign_off(data: ReportData) -> list:
    """The chair's dated sign-off, with a line to sign on the printed copy; no name is
    printed, since the report is published."""
    return [KeepTogether([
        para(f"I confirm that this {data.kind} is a true account of the work of the {data.house.panel} "
             f"for {data.label}, made from the agency's records on {long_date(data.made_on)}."),
        gap(8),
        facts([("Signed", "_" * 48), ("", f"Chair of the {data.house.panel}"),
               ("Date", long_date(data.made_on))], label_width=24 * mm),
    ])]
