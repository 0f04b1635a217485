"""The domain's closed vocabularies, as in shared/exchange-format.md.

They are plain tuples of strings so that the same lists drive the database
CHECK constraints, the exchange validator and the desktop pickers.
"""

AGENCY_KINDS = ("local_authority", "regional_adoption_agency", "voluntary_adoption_agency")
REGIONS = ("england_and_wales", "scotland", "northern_ireland")

ROLES = (
    "chair", "vice_chair", "social_worker", "independent", "medical_adviser",
    "legal_adviser", "agency_adviser", "minute_taker", "elected_member",
    "adopter_member", "adoptee_member", "other_member",
)
# domain.md, Quorum: the roles that make a person present count as a member.
MEMBER_ROLES = frozenset({
    "chair", "vice_chair", "social_worker", "independent", "medical_adviser",
    "elected_member", "adopter_member", "adoptee_member", "other_member",
})
CHAIR_ROLES = frozenset({"chair", "vice_chair"})

RELATIONSHIPS = ("single", "married", "civil_partnership", "cohabiting")
ROUTES = ("standard", "fast_track", "intercountry", "step_parent", "foster_carer")
HOUSEHOLD_MILESTONES = (
    "enquiry", "initial_visit", "registration_of_interest", "stage1_start",
    "stage1_end", "stage2_start", "approved", "withdrawn",
)
WITHDRAWN_BY = ("applicant", "agency")
WITHDRAWAL_STAGES = ("before_stage1", "stage1", "stage2", "approved")

GENDERS = ("male", "female", "other")
CHILD_MILESTONES = (
    "entered_care", "should_be_placed_decision", "placement_order", "match_decision",
    "moved_in_with_foster_carer", "placed", "adoption_application", "adoption_order",
    "plan_changed", "disruption",
)

MEETING_STATUSES = ("planned", "held", "cancelled")
ATTENDANCE_STATUSES = ("present", "apologies", "absent")
DECLARATION_ACTIONS = ("remained", "left_for_item", "took_no_part")

ITEM_TYPES = (
    "adopter_approval", "adopter_review", "withdrawal", "early_permanence_approval",
    "match", "retrospective_approval", "child_plan", "other",
)
OUTCOMES = ("recommended", "not_recommended", "deferred", "noted", "removed")
HEARD_OUTCOMES = ("recommended", "not_recommended", "deferred", "noted")

ADM_DECISIONS = ("positive", "negative", "qualifying_determination")
FINAL_DECISIONS = ("positive", "negative")
FINAL_REVIEWS = ("none", "representations", "independent_review")

AGENCY_DEFAULTS = {
    "region": "england_and_wales",
    "papers_working_days": 5,
    "minutes_working_days": 10,
    "adm_working_days": 7,
    "quorum_members": 5,
    "quorum_social_worker_pqe_years": 3,
}

USER_ROLES = ("admin", "adviser", "chair", "member", "adm", "viewer")
PAPER_KINDS = (
    "prospective_adopters_report", "child_permanence_report", "adoption_placement_report",
    "medical_report", "other",
)
MINUTES_STATUSES = ("draft", "final")
AGENCY_DEFAULTS.update({"letter_working_days": 5, "chair_casting_vote": True,
                        "protective_marking": "OFFICIAL-SENSITIVE"})
# The advisers whose advice on an item the minutes record.
ADVISERS = ("agency_adviser", "medical_adviser", "legal_adviser")
