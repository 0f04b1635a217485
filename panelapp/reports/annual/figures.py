"""The report's sections of figures: the panel, attendance, the ADM, adopters, children
and the scorecard, each with the period and the two years before it side by side.
(Equality and needs, and the adopters' assessments, have modules of their own.)"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from ...enums import HEARD_OUTCOMES, ITEM_TYPES
from ...stats.layout import ADM, ADOPTERS, CHILDREN, INDICATORS, ITEM_TYPE_LABELS, OUTCOME_LABELS, attendance_table
from ...stats.coverage import NO_RECORDS
from ...stats.numbers import percent as percent_of
from ..style import CONTENT_WIDTH, gap, heading, para, styles
from ..words import plural
from . import charts
from .data import ReportData
from .tables import NOTHING, YEAR_COLUMN, percent, plain_table, three_years, unbroken


def _outcome_total(outcome: str):
    return lambda figures: sum(figures["panel"]["outcomes_by_type"][t][outcome] for t in ITEM_TYPES)


# Figures the report shows in the sections of equality and needs, and of assessments,
# not in the general tables of the ADM, adopters and children.
OWN_SECTIONS = ("adm.qd_outcomes.", "adopters.withdrawals_by_stage.", "adopters.stage1_", "adopters.stage2_",
                "children.adopted_ethnic_minority.", "children.awaiting_match_with_needs",
                "children.awaiting_match_by_need", "children.awaiting_match_aged_5_or_over")


def general(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A layout's rows without those shown in their own sections."""
    return [(key, words) for key, words in rows if not key.startswith(OWN_SECTIONS)]


def panel_activity(data: ReportData) -> list:
    s = styles()
    years = data.years
    covered = data.covered("panel")
    rows = [
        ("Meetings held", "panel.meetings_held"),
        ("Meetings cancelled", "panel.meetings_cancelled"),
        ("Quorate meetings", "panel.quorate_meetings"),
        ("Inquorate meetings", "panel.inquorate_meetings"),
        (f"Papers sent at least {data.papers_working_days} working days before the meeting",
         "panel.papers_on_time"),
        ("Papers sent later than that", "panel.papers_late"),
        (f"Median working days from the meeting to final minutes (target {data.minutes_working_days})",
         "panel.minutes_median_working_days"),
        ("Items heard", "panel.items_heard"),
        ("Items removed from the agenda before they were heard", "panel.removed_from_agenda"),
        ("Recommended", _outcome_total("recommended")),
        ("Not recommended (negative recommendations)", _outcome_total("not_recommended")),
        ("Deferred for more information", _outcome_total("deferred")),
        ("Noted", _outcome_total("noted")),
        ("Unanimous recommendations", "panel.unanimous"),
        ("Split recommendations", "panel.split"),
    ]
    story = [three_years(years, rows, "Meetings and items", covered=covered), gap(2)]
    story += [heading("Items heard by type", 2),
              three_years(years, [(ITEM_TYPE_LABELS[t].capitalize(), f"panel.items_by_type.{t}") for t in ITEM_TYPES]
                          + [("All items heard", "panel.items_heard")], "Type of item", covered=covered)]
    chart = charts.items_by_type_chart(years, covered)
    story += [gap(3), chart] if chart is not None else [
        para("No items were heard in these three years, so there is no chart of them.", s.small)]
    story += [heading("Outcomes by type of item", 2), *_outcomes(data)]
    return story


def _outcomes(data: ReportData) -> list:
    rows = [(f"{ITEM_TYPE_LABELS[t].capitalize()}: {OUTCOME_LABELS[o]}", f"panel.outcomes_by_type.{t}.{o}")
            for t in ITEM_TYPES for o in HEARD_OUTCOMES
            if any(figures["panel"]["outcomes_by_type"][t][o] for _, figures in data.years)]
    if not rows:
        return [para("No items were heard in these three years.")]
    return [three_years(data.years, rows, "Type of item: outcome", covered=data.covered("panel")),
            para("Types and outcomes with no items in any of the three years are left out.", styles().small)]


def attendance(data: ReportData) -> list:
    """The meetings each member attended, of those held during their appointment, year by year."""
    return [para("Each member on the central list during the period, by reference and role: the held "
                 "meetings they attended of those held during their appointment. Advisers and the "
                 "minute taker are listed too. A dash means the member was not on the central list "
                 "that year."),
            _attendance(data)]


def _attendance(data: ReportData):
    _, rows = attendance_table(data.result)
    covered = data.covered("panel")
    body = []
    for member, *counts in rows:
        cells = []
        for n in range(0, len(counts), 2):
            present, expected = counts[n:n + 2]
            if not covered[n // 2]:
                cells.append(NO_RECORDS)
            elif present is None:
                cells.append(NOTHING)
            elif not expected:
                cells.append("no meetings")
            else:
                cells.append(f"{present} of {expected} ({percent(percent_of(present, expected))})")
        body.append([member, data.member_roles.get(member, ""), *cells])
    widths = [20 * mm, CONTENT_WIDTH - 20 * mm - YEAR_COLUMN * len(data.years)] + [YEAR_COLUMN] * len(data.years)
    header = ["Member", "Roles", *[unbroken(label) for label, _ in data.years]]
    if not body:
        return para("No one was on the central list during these periods.")
    return plain_table(header, body, widths, numeric_from=2)


def adm_decisions(data: ReportData) -> list:
    target = data.adm_working_days
    words = dict(ADM)
    words["adm.within_7_working_days"] = f"Decided within {target} working days of the final minutes"
    words["adm.late"] = f"Decided more than {target} working days after the final minutes"
    words["adm.median_working_days"] = "Median working days from the final minutes to the decision"
    rows = [(words[key], key) for key, _ in general(ADM)]
    return [KeepTogether([
        para("The agency decision maker (ADM) decides on every recommendation the panel makes. "
             "A qualifying determination is a proposed decision not to approve prospective adopters: "
             "they may then make representations to the agency or apply to the Independent Review "
             "Mechanism before the final decision."),
        three_years(data.years, rows, "Recommendations and decisions", covered=data.covered("adm")),
    ])]


def adopters(data: ReportData) -> list:
    rows = [(words, key) for key, words in general(ADOPTERS)]
    return [three_years(data.years, rows, "Households", covered=data.covered("adopters")), gap(4),
            KeepTogether([charts.adopter_funnel_chart(data.label, data.now),
                          para("Each bar counts the households that reached that step during the period; "
                               "they are not one group followed through, so a later step can be the larger.",
                               styles().small)])]


def children(data: ReportData) -> list:
    during = [(words, key) for key, words in general(CHILDREN) if not _snapshot(key)]
    at_end = [(_at_end_words(words), key) for key, words in general(CHILDREN) if _snapshot(key)]
    covered = data.covered("children")
    return [
        heading("During the period", 2),
        three_years(data.years, during, "Children with a plan for adoption", covered=covered),
        heading("At the end of the period", 2), three_years(data.years, at_end, "Children", covered=covered),
        para("A child awaiting a match has a placement order and no match, placement or change of plan "
             "by the end of the period; a sibling group is counted when every child in it is awaiting.",
             styles().small),
    ]


def _snapshot(key: str) -> bool:
    return "_at_end" in key or "awaiting_match" in key


def _at_end_words(words: str) -> str:
    """The layout's words without "at the end", which the table's heading already says."""
    for said, shown in ((", at the end", ""), (" at the end", ""), ("Awaiting a match: ", "Awaiting a match, ")):
        words = words.replace(said, shown)
    return words


def timeliness(data: ReportData) -> list:
    covered = data.covered("scorecard")
    rows = []
    for key, words in INDICATORS.items():
        target = data.now["scorecard"][key]["target"]
        rows.append([f"{key}: average days, {words}", NOTHING if target is None else f"{target} days",
                     *[_days(figures["scorecard"][key]) if seen else NO_RECORDS
                       for (_, figures), seen in zip(data.years, covered)]])
    rows.append(["A3: children who moved in with their adopters within 426 days of entering care",
                 NOTHING, *[_share(figures["scorecard"]["A3"]) if seen else NO_RECORDS
                            for (_, figures), seen in zip(data.years, covered)]])
    widths = [CONTENT_WIDTH - 20 * mm - YEAR_COLUMN * len(data.years), 20 * mm] + [YEAR_COLUMN] * len(data.years)
    return [
        KeepTogether([
            para("The national adoption scorecard measures, for the children adopted in each period, the "
                 "average days between the steps of their journey; fewer days is better. A10 counts to the "
                 "day the child moved in with the foster carers who went on to adopt, where they did."),
            plain_table(["Indicator", "Target", *[unbroken(label) for label, _ in data.years]], rows, widths,
                        numeric_from=1)]),
        gap(4), charts.timeliness_chart(data.years, covered),
    ]


def _days(indicator: dict) -> str:
    if indicator["days"] is None:
        return "none measured" if not indicator["children"] else NOTHING
    return f"{indicator['days']} days\n{plural(indicator['children'], 'child', 'children')}"


def _share(a3: dict) -> str:
    if not a3["children"]:
        return "none measured"
    return f"{percent(a3['percent'])}\n{a3['within']} of {a3['children']} children"
