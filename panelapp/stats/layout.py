"""Every figure's key, in statistics.md's order, with the words a report shows for it.

The JSON, the plain-text table, the Excel export and the annual report all
walk these lists, so a figure added here appears everywhere at once.
A key is dotted: ``panel.items_by_type.match`` is ``result["panel"]["items_by_type"]["match"]``.
"""

from __future__ import annotations

from ..enums import GENDERS, HEARD_OUTCOMES, ITEM_TYPES, WITHDRAWAL_STAGES

ITEM_TYPE_LABELS = {
    "adopter_approval": "adopter approval",
    "adopter_review": "adopter review",
    "withdrawal": "withdrawal",
    "early_permanence_approval": "early permanence approval",
    "match": "match",
    "retrospective_approval": "retrospective approval",
    "child_plan": "child's plan",
    "other": "other",
}
STAGE_LABELS = {"before_stage1": "before Stage 1", "stage1": "during Stage 1", "stage2": "during Stage 2",
                "approved": "after approval", "unknown": "stage not recorded"}
# Words for the needs the exchange format gives as examples; any other code is shown as written.
NEED_LABELS = {"complex_health": "complex health needs", "disability": "disability",
               "global_delay": "global developmental delay", "trauma": "trauma"}
OUTCOME_LABELS = {"recommended": "recommended", "not_recommended": "not recommended",
                  "deferred": "deferred", "noted": "noted"}

PANEL = [
    ("panel.meetings_held", "Meetings held"),
    ("panel.meetings_cancelled", "Meetings cancelled"),
    ("panel.items_heard", "Items heard"),
    *[(f"panel.items_by_type.{t}", f"Items heard: {ITEM_TYPE_LABELS[t]}") for t in ITEM_TYPES],
    *[(f"panel.outcomes_by_type.{t}.{o}", f"{ITEM_TYPE_LABELS[t].capitalize()}: {OUTCOME_LABELS[o]}")
      for t in ITEM_TYPES for o in HEARD_OUTCOMES],
    ("panel.removed_from_agenda", "Items removed from the agenda"),
    ("panel.unanimous", "Unanimous recommendations"),
    ("panel.split", "Split recommendations"),
    ("panel.quorate_meetings", "Quorate meetings"),
    ("panel.inquorate_meetings", "Inquorate meetings"),
    ("panel.papers_on_time", "Papers sent on time"),
    ("panel.papers_late", "Papers sent late"),
    ("panel.minutes_median_working_days", "Median working days to final minutes"),
]
ATTENDANCE = "panel.attendance"
# A figure whose value is an object of its own keys: one count per need that occurs.
BY_NEED = "children.awaiting_match_by_need"
ADM = [
    ("adm.recommendations", "Recommendations for the ADM"),
    ("adm.decided", "Decided"),
    ("adm.pending", "Awaiting a decision"),
    ("adm.agreed", "Decisions agreeing with the panel"),
    ("adm.qualifying_determinations", "Qualifying determinations"),
    ("adm.disagreed", "Decisions departing from the panel"),
    ("adm.within_7_working_days", "Decided within the target after final minutes"),
    ("adm.late", "Decided after the target"),
    ("adm.median_working_days", "Median working days from final minutes to decision"),
    ("adm.qd_outcomes.final_positive", "After a qualifying determination: final decision positive"),
    ("adm.qd_outcomes.final_negative", "After a qualifying determination: final decision negative"),
    ("adm.qd_outcomes.awaiting_final", "After a qualifying determination: no final decision yet"),
    ("adm.qd_outcomes.representations", "After a qualifying determination: representations made"),
    ("adm.qd_outcomes.independent_review", "After a qualifying determination: independent review"),
]
ADOPTERS = [
    ("adopters.initial_visits", "Initial visits"),
    ("adopters.registrations_of_interest", "Registrations of interest"),
    ("adopters.stage1_starts", "Stage 1 starts"),
    ("adopters.stage2_starts", "Stage 2 starts"),
    ("adopters.presented_for_approval", "Households presented for approval"),
    ("adopters.approved", "Approvals"),
    ("adopters.withdrawals.total", "Withdrawals"),
    ("adopters.withdrawals.by_applicant", "Withdrawals: by the applicants"),
    ("adopters.withdrawals.by_agency", "Withdrawals: by the agency"),
    ("adopters.approved_waiting_at_end", "Approved adopters waiting at the end"),
    *[(f"adopters.withdrawals_by_stage.{stage}", f"Withdrawals: {STAGE_LABELS[stage]}")
      for stage in (*WITHDRAWAL_STAGES, "unknown")],
    ("adopters.stage1_completed", "Stage 1 completed"),
    ("adopters.stage1_within_2_months", "Stage 1 completed within two months"),
    ("adopters.stage1_median_days", "Stage 1: median days"),
    ("adopters.stage2_decided", "Stage 2 ended in approval"),
    ("adopters.stage2_within_4_months", "Stage 2: approved within four months"),
    ("adopters.stage2_median_days", "Stage 2: median days to approval"),
]
CHILDREN = [
    ("children.should_be_placed_decisions", "Should-be-placed decisions"),
    ("children.placement_orders", "Placement orders"),
    ("children.matched", "Matched"),
    ("children.placed", "Placed"),
    ("children.adoption_applications", "Adoption applications"),
    ("children.adopted", "Adopted"),
    ("children.plan_changes", "Changes of plan"),
    ("children.disruptions", "Disruptions"),
    ("children.early_permanence_placements", "Early permanence placements"),
    ("children.placed_not_adopted_at_end", "Placed, not yet adopted, at the end"),
    ("children.placement_order_not_placed_at_end", "Placement order, not placed, at the end"),
    ("children.awaiting_match_at_end", "Awaiting a match at the end"),
    *[(f"children.awaiting_match_by_gender.{g}", f"Awaiting a match: {g}") for g in (*GENDERS, "unknown")],
    ("children.awaiting_match_sibling_groups", "Sibling groups awaiting a match"),
    ("children.adopted_ethnic_minority.children", "Adopted: children"),
    ("children.adopted_ethnic_minority.ethnic_minority", "Adopted: from Black and minority ethnic groups"),
    ("children.adopted_ethnic_minority.percent", "Adopted: percent from Black and minority ethnic groups"),
    ("children.awaiting_match_with_needs", "Awaiting a match: with additional needs"),
    ("children.awaiting_match_by_need", "Awaiting a match, by need"),
    ("children.awaiting_match_aged_5_or_over", "Awaiting a match: aged five or over"),
]
INDICATORS = {
    "A1": "care to placement",
    "A10": "care to moving in with adopters",
    "A2": "placement order to match",
    "A20": "care to placement order",
}
SCORECARD = [
    *[row for key, words in INDICATORS.items() for row in (
        (f"scorecard.{key}.days", f"{key}: average days, {words}"),
        (f"scorecard.{key}.children", f"{key}: children measured"),
        (f"scorecard.{key}.target", f"{key}: target days"),
    )],
    ("scorecard.A3.children", "A3: children measured"),
    ("scorecard.A3.within", "A3: moved in within 426 days"),
    ("scorecard.A3.percent", "A3: percent within 426 days"),
]

# (section key, heading, rows) for the sections shown as tables of figures.
SECTIONS = [
    ("panel", "Panel", PANEL),
    ("adm", "ADM", ADM),
    ("adopters", "Adopters", ADOPTERS),
    ("children", "Children", CHILDREN),
    ("scorecard", "Scorecard", SCORECARD),
]
LABELS = {key: label for _, _, rows in SECTIONS for key, label in rows}

# Every key of a result, in order. Attendance, a list, follows the panel's figures.
KEYS = [key for key, _ in PANEL] + [ATTENDANCE] + [key for _, _, rows in SECTIONS[1:] for key, _ in rows]


def nest(flat: dict) -> dict:
    """``{"panel.items_by_type.match": 3, ...}`` as nested objects, in ``KEYS`` order."""
    missing = [key for key in KEYS if key not in flat]
    if missing:
        raise KeyError(f"figures missing: {', '.join(missing)}")
    result: dict = {}
    for key in KEYS:
        *path, last = key.split(".")
        node = result
        for part in path:
            node = node.setdefault(part, {})
        node[last] = flat[key]
    return result


def lookup(result: dict, key: str):
    """The value at a dotted ``key`` of a (nested) result. A need that does not occur
    in a period counts 0 there (``awaiting_match_by_need`` lists only needs that occur)."""
    if key.startswith(BY_NEED + "."):
        return lookup(result, BY_NEED).get(key[len(BY_NEED) + 1:], 0)
    node = result
    for part in key.split("."):
        node = node[part]
    return node


def need_words(need: str) -> str:
    return NEED_LABELS.get(need, need.replace("_", " "))


def needs_of(results: list[dict]) -> list[str]:
    """The needs counted under ``awaiting_match_by_need`` in any of ``results``, the
    most frequent in the first result first, then by name."""
    counts: dict[str, list[int]] = {}
    for n, result in enumerate(results):
        for need, count in lookup(result, BY_NEED).items():
            counts.setdefault(need, [0] * len(results))[n] = count
    return sorted(counts, key=lambda need: ([-c for c in counts[need]], need))


def rows_of(rows: list[tuple[str, str]], results: list[dict]) -> list[tuple[str, str]]:
    """A section's rows with ``awaiting_match_by_need`` opened into a row per need
    occurring in any of ``results`` (the periods shown side by side)."""
    opened: list[tuple[str, str]] = []
    for key, words in rows:
        if key == BY_NEED:
            opened += [(f"{BY_NEED}.{need}", f"Awaiting a match: {need_words(need)}") for need in needs_of(results)]
        else:
            opened.append((key, words))
    return opened


PERIOD_HEADINGS = ("This period", "One year earlier", "Two years earlier")


def side_by_side(result: dict) -> list[tuple[str, dict]]:
    """The periods of a result as (heading, figures), the period itself first, then
    ``previous`` newest first; e.g. ("One year earlier, 2023-04-01 to 2024-03-31", {...})."""
    periods = [result, *result.get("previous", [])]
    return [(f"{heading}, {figures['period']['from']} to {figures['period']['to']}", figures)
            for heading, figures in zip(PERIOD_HEADINGS, periods)]


def attendance_table(result: dict) -> tuple[list[str], list[list]]:
    """Members (rows) against periods: for each period its present and expected
    counts, None where the member was not on the central list in that period."""
    periods = side_by_side(result)
    by_period = [{row["member"]: row for row in figures["panel"]["attendance"]} for _, figures in periods]
    members = sorted(set().union(*by_period))
    rows = []
    for member in members:
        row = [member]
        for rows_of_period in by_period:
            found = rows_of_period.get(member)
            row += [found["present"], found["expected"]] if found else [None, None]
        rows.append(row)
    return [heading for heading, _ in periods], rows
