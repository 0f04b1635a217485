"""The shape of an exchange document (shared/exchange-format.md), as data.

Each record kind maps its keys to a ``Key``: the kind of value, whether it is
required, and, for objects and lists, the shape inside. The validator walks a
document against these, so the format is written down once.
"""

from dataclasses import dataclass, field

from .. import enums


@dataclass(frozen=True)
class Key:
    kind: str  # str, date, time, int, number, bool, choice, object, list
    required: bool = False
    choices: tuple = ()
    shape: dict = field(default_factory=dict)  # for object, and list of objects
    item: "Key | None" = None  # for list of scalars
    minimum: float | None = None


def k(kind, required=False, **kw) -> Key:
    return Key(kind, required, **kw)


def choice(values, required=False) -> Key:
    return Key("choice", required, choices=tuple(values))


AGENCY = {
    "name": k("str", True),
    "kind": choice(enums.AGENCY_KINDS),
    "panel_name": k("str"),
    "region": choice(enums.REGIONS),
    "papers_working_days": k("int", minimum=0),
    "minutes_working_days": k("int", minimum=0),
    "adm_working_days": k("int", minimum=0),
    "quorum_members": k("int", minimum=1),
    "quorum_social_worker_pqe_years": k("number", minimum=0),
    # Extensions (docs/exchange-format.md): what case documents and letters print.
    "protective_marking": k("str"),
    "address": k("str"),
    "telephone": k("str"),
    "email": k("str"),
    "irm_contact": k("str"),
}

MEMBER = {
    "ref": k("str", True),
    "name": k("str", True),
    "roles": k("list", True, item=choice(enums.ROLES)),
    "social_worker_pqe_years": k("number", minimum=0),
    "appointed": k("date", True),
    "term_ends": k("date"),
    "left": k("date"),
}

APPLICANT = {"name": k("str", True), "dob": k("date"), "gender": k("str"), "ethnicity": k("str")}

HOUSEHOLD = {
    "ref": k("str", True),
    "applicants": k("list", True, shape=APPLICANT),
    "relationship": choice(enums.RELATIONSHIPS),
    "route": choice(enums.ROUTES),
    "address": k("str"),  # extension
    "milestones": k("object", shape={m: k("date") for m in enums.HOUSEHOLD_MILESTONES}),
    "withdrawal": k("object", shape={
        "date": k("date", True),
        "by": choice(enums.WITHDRAWN_BY, True),
        "stage": choice(enums.WITHDRAWAL_STAGES, True),
        "reason": k("str", True),
    }),
    "approval": k("object", shape={
        "children_max": k("int", True, minimum=1),
        "age_min_years": k("int", True, minimum=0),
        "age_max_years": k("int", True, minimum=0),
        "early_permanence": k("bool", True),
    }),
}

CHILD = {
    "ref": k("str", True),
    "name": k("str", True),
    "dob": k("date"),
    "gender": choice(enums.GENDERS),
    "ethnicity": k("str"),
    "ethnic_minority": k("bool"),
    "sibling_group": k("str"),
    "needs": k("list", item=k("str")),
    "milestones": k("object", shape={m: k("date") for m in enums.CHILD_MILESTONES}),
    "matched_household": k("str"),
    "early_permanence": k("bool"),
}

ADM = {
    "decision_maker": k("str", True),
    "date": k("date", True),
    "decision": choice(enums.ADM_DECISIONS, True),
    "reasons": k("str"),
    "final": k("object", shape={
        "date": k("date", True),
        "decision": choice(enums.FINAL_DECISIONS, True),
        "review": choice(enums.FINAL_REVIEWS, True),
        "reasons": k("str"),  # extension
    }),
    "notified": k("date"),
    # Extensions (docs/exchange-format.md).
    "documents": k("list", item=k("str")),
    "representations_received": k("date"),
    "no_representations_notice": k("date"),
    "irm": k("object", shape={"recommendation": k("str", True), "date": k("date", True)}),
}

ITEM = {
    "ref": k("str", True),
    "type": choice(enums.ITEM_TYPES, True),
    "households": k("list", item=k("str")),
    "children": k("list", item=k("str")),
    "presenters": k("list", item=k("str")),
    "outcome": choice(enums.OUTCOMES),
    "recommendation": k("str"),
    "reasons": k("str"),
    "votes": k("object", shape={
        "for": k("int", True, minimum=0),
        "against": k("int", True, minimum=0),
        "abstain": k("int", True, minimum=0),
    }),
    "dissent": k("list", shape={"member": k("str", True), "view": k("str", True)}),
    "adm": k("object", shape=ADM),
    # Extensions (docs/exchange-format.md).
    "discussion": k("str"),
    "removal_reason": k("str"),
    "applicants": k("object", shape={"attended": k("bool", True), "spoke": k("bool")}),
    "advice": k("object", shape={who: k("str") for who in enums.ADVISERS}),
}

MEETING = {
    "ref": k("str", True),
    "date": k("date", True),
    "start": k("time"),
    "end": k("time"),  # extension
    "venue": k("str"),
    "status": choice(enums.MEETING_STATUSES, True),
    "papers_sent": k("date"),
    "minutes_final": k("date"),
    "attendance": k("list", shape={
        "member": k("str", True),
        "status": choice(enums.ATTENDANCE_STATUSES, True),
        "acting_as": choice(enums.ROLES),
    }),
    "declarations": k("list", shape={
        "member": k("str", True),
        "item": k("str"),
        "interest": k("str", True),
        "action": choice(enums.DECLARATION_ACTIONS, True),
    }),
    "items": k("list", shape=ITEM),
}

DOCUMENT = {
    "format": k("str", True),
    "version": k("int", True),
    "agency": k("object", shape=AGENCY),
    "members": k("list", shape=MEMBER),
    "households": k("list", shape=HOUSEHOLD),
    "children": k("list", shape=CHILD),
    "meetings": k("list", shape=MEETING),
}

FORMAT_NAME = "panelapp-exchange"
FORMAT_VERSION = 1

# Child milestones that must keep their order; the others may fall at any point
# after entered_care, with their own limits (exchange-format.md).
CHILD_ORDERED = ("entered_care", "should_be_placed_decision", "placement_order", "placed",
                 "adoption_application", "adoption_order")
HOUSEHOLD_ORDERED = ("enquiry", "initial_visit", "registration_of_interest", "stage1_start",
                     "stage1_end", "stage2_start", "approved")
