"""Adopters' assessments against their timescales, withdrawals by stage, and what
became of the qualifying determinations: the figures a scrutiny board asks for."""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from ...enums import WITHDRAWAL_STAGES
from ...stats.layout import STAGE_LABELS
from ...stats.numbers import percent as percent_of
from ..style import gap, heading, para, styles
from . import charts
from .data import ReportData
from .tables import Figure, percent, three_years


def _share(done: str, within: str):
    return lambda figures: percent(percent_of(figures["adopters"][within], figures["adopters"][done]))


def timeliness_rows() -> list[tuple[str, Figure]]:
    """Stage 1 and Stage 2 against their timescales (Adoption Agencies Regulations 2005, reg 30B(1))."""
    return [
        ("Stage 1 completed", "adopters.stage1_completed"),
        ("Completed within two months of starting", "adopters.stage1_within_2_months"),
        ("Share within two months", _share("stage1_completed", "stage1_within_2_months")),
        ("Median days from the start of Stage 1 to its end", "adopters.stage1_median_days"),
        ("Stage 2 ended in approval", "adopters.stage2_decided"),
        ("Approved within four months of Stage 2 starting", "adopters.stage2_within_4_months"),
        ("Share within four months", _share("stage2_decided", "stage2_within_4_months")),
        ("Median days from the start of Stage 2 to approval", "adopters.stage2_median_days"),
    ]


def withdrawal_rows() -> list[tuple[str, Figure]]:
    rows: list[tuple[str, Figure]] = [(f"Withdrew {STAGE_LABELS[stage]}" if stage != "unknown" else "Stage not recorded",
             f"adopters.withdrawals_by_stage.{stage}") for stage in (*WITHDRAWAL_STAGES, "unknown")]
    return [*rows, ("All withdrawals", "adopters.withdrawals.total")]


def adopter_timeliness(data: ReportData) -> list:
    covered = data.covered("adopters")
    chart = charts.stages_chart(data.years, covered)
    story = [
        KeepTogether([
            para("The Adoption Agencies Regulations 2005 (regulation 30B) expect Stage 1, the pre-assessment, "
                 "to take two months, and Stage 2, the assessment, to reach the agency's decision within four. "
                 "A stage is counted in the period it ended: Stage 1 at its end, Stage 2 at the approval date "
                 "recorded for the household (so the count can differ from the approvals counted under "
                 "Adopters, which follow the panel's items); households with no start date recorded are left "
                 "out. A month is a calendar month: a stage begun on 31 December is due by the end of February."),
            three_years(data.years, timeliness_rows(), "Stages of assessment", covered=covered)]),
    ]
    if chart is not None:
        story += [gap(3), chart]
    story += [KeepTogether([heading("Withdrawals by stage", 2),
                            para("Households that left the process during the period, by the stage they had "
                                 "reached."),
                            three_years(data.years, withdrawal_rows(), "Households", covered=covered)])]
    return story


def qd_rows() -> list[tuple[str, Figure]]:
    return [
        ("Qualifying determinations made", "adm.qualifying_determinations"),
        ("Final decision to approve", "adm.qd_outcomes.final_positive"),
        ("Final decision not to approve", "adm.qd_outcomes.final_negative"),
        ("No final decision yet", "adm.qd_outcomes.awaiting_final"),
        ("Final decisions after the applicants' representations to the agency",
         "adm.qd_outcomes.representations"),
        ("Final decisions after a review by the Independent Review Mechanism",
         "adm.qd_outcomes.independent_review"),
    ]


def qualifying_determinations(data: ReportData) -> list:
    return [KeepTogether([
        para("Each qualifying determination the agency decision maker made on an item heard in the period, "
             "and what became of it: the final decision, and whether the applicants made representations "
             "or applied to the Independent Review Mechanism first. The final decision may fall in a later "
             "period; it is counted with the determination."),
        three_years(data.years, qd_rows(), "Qualifying determinations", covered=data.covered("adm")),
        para("A final decision counted under neither representations nor review was made without either.",
             styles().small),
    ])]
