"""The whole store as a workbook: which sheet holds which records, and which column
holds which field. One row per record, plain headers, dates as real dates.

Records inside a meeting (attendance, declarations, items) and inside an item
(dissent, the ADM's decision) get sheets of their own, each row naming the
meeting or item it belongs to in its first column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from ..exchange import schema

MILESTONE_WORDS = {
    "enquiry": "Enquiry", "initial_visit": "Initial visit", "registration_of_interest": "Registration of interest",
    "stage1_start": "Stage 1 start", "stage1_end": "Stage 1 end", "stage2_start": "Stage 2 start",
    "approved": "Approved", "withdrawn": "Withdrawn",
    "entered_care": "Entered care", "should_be_placed_decision": "Should be placed decision",
    "placement_order": "Placement order", "match_decision": "Match decision",
    "moved_in_with_foster_carer": "Moved in with foster carer", "placed": "Placed",
    "adoption_application": "Adoption application", "adoption_order": "Adoption order",
    "plan_changed": "Plan changed", "disruption": "Disruption",
}


@dataclass(frozen=True)
class Sheet:
    name: str
    shape: dict                      # the exchange shape of one row's record
    columns: tuple[tuple[str, str], ...]  # (header, field path within the record)
    parent: str | None = None        # header of the column naming the record this row belongs to


def _applicant(n: int) -> list[tuple[str, str]]:
    return [(f"Applicant {n + 1} name", f"applicants[{n}].name"),
            (f"Applicant {n + 1} date of birth", f"applicants[{n}].dob"),
            (f"Applicant {n + 1} gender", f"applicants[{n}].gender"),
            (f"Applicant {n + 1} ethnicity", f"applicants[{n}].ethnicity")]


AGENCY = Sheet("Agency", schema.AGENCY, (
    ("Name", "name"), ("Kind", "kind"), ("Panel name", "panel_name"), ("Region", "region"),
    ("Papers working days", "papers_working_days"), ("Minutes working days", "minutes_working_days"),
    ("ADM working days", "adm_working_days"), ("Quorum members", "quorum_members"),
    ("Quorum social worker PQE years", "quorum_social_worker_pqe_years")))

MEMBERS = Sheet("Members", schema.MEMBER, (
    ("Ref", "ref"), ("Name", "name"), ("Roles", "roles"),
    ("Social worker PQE years", "social_worker_pqe_years"), ("Appointed", "appointed"),
    ("Term ends", "term_ends"), ("Left", "left")))

HOUSEHOLDS = Sheet("Households", schema.HOUSEHOLD, (
    ("Ref", "ref"), *_applicant(0), *_applicant(1), ("Relationship", "relationship"), ("Route", "route"),
    *[(MILESTONE_WORDS[m], f"milestones.{m}") for m in HOUSEHOLD_MILESTONES],
    ("Withdrawal date", "withdrawal.date"), ("Withdrawn by", "withdrawal.by"),
    ("Withdrawal stage", "withdrawal.stage"), ("Withdrawal reason", "withdrawal.reason"),
    ("Approved for up to (children)", "approval.children_max"), ("Approved age from (years)", "approval.age_min_years"),
    ("Approved age to (years)", "approval.age_max_years"),
    ("Approved for early permanence", "approval.early_permanence")))

CHILDREN = Sheet("Children", schema.CHILD, (
    ("Ref", "ref"), ("Name", "name"), ("Date of birth", "dob"), ("Gender", "gender"), ("Ethnicity", "ethnicity"),
    ("Ethnic minority", "ethnic_minority"), ("Sibling group", "sibling_group"), ("Needs", "needs"),
    *[(MILESTONE_WORDS[m], f"milestones.{m}") for m in CHILD_MILESTONES],
    ("Matched household", "matched_household"), ("Early permanence", "early_permanence")))

MEETINGS = Sheet("Meetings", {k: v for k, v in schema.MEETING.items()
                              if k not in ("attendance", "declarations", "items")}, (
    ("Ref", "ref"), ("Date", "date"), ("Start", "start"), ("Venue", "venue"), ("Status", "status"),
    ("Papers sent", "papers_sent"), ("Minutes final", "minutes_final")))

ATTENDANCE = Sheet("Attendance", schema.MEETING["attendance"].shape, (
    ("Member", "member"), ("Status", "status"), ("Acting as", "acting_as")), parent="Meeting")

DECLARATIONS = Sheet("Declarations", schema.MEETING["declarations"].shape, (
    ("Member", "member"), ("Item", "item"), ("Interest", "interest"), ("Action", "action")), parent="Meeting")

ITEMS = Sheet("Items", {k: v for k, v in schema.ITEM.items() if k not in ("dissent", "adm")}, (
    ("Ref", "ref"), ("Type", "type"), ("Households", "households"), ("Children", "children"),
    ("Presenters", "presenters"), ("Outcome", "outcome"), ("Recommendation", "recommendation"),
    ("Reasons", "reasons"), ("Votes for", "votes.for"), ("Votes against", "votes.against"),
    ("Votes abstaining", "votes.abstain")), parent="Meeting")

DISSENT = Sheet("Dissent", schema.ITEM["dissent"].shape, (
    ("Member", "member"), ("View", "view")), parent="Item")

DECISIONS = Sheet("Decisions", schema.ADM, (
    ("Decision maker", "decision_maker"), ("Date", "date"), ("Decision", "decision"), ("Reasons", "reasons"),
    ("Final decision date", "final.date"), ("Final decision", "final.decision"), ("Review", "final.review"),
    ("Notified", "notified")), parent="Item")

SHEETS = (AGENCY, MEMBERS, HOUSEHOLDS, CHILDREN, MEETINGS, ATTENDANCE, DECLARATIONS, ITEMS, DISSENT, DECISIONS)
