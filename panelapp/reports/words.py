"""The closed vocabularies as a reader of the papers says them."""

import datetime as dt

ITEM_TYPES = {
    "adopter_approval": "Adopter approval",
    "adopter_review": "Review of adopter approval",
    "withdrawal": "Withdrawal",
    "early_permanence_approval": "Early permanence approval",
    "match": "Match",
    "retrospective_approval": "Retrospective approval",
    "child_plan": "Child's plan for adoption",
    "other": "Other matter",
}

OUTCOMES = {
    "recommended": "Recommended",
    "not_recommended": "Not recommended",
    "deferred": "Deferred for more information",
    "noted": "Noted",
    "removed": "Removed from the agenda before it was heard",
}

ROLES = {
    "chair": "Chair",
    "vice_chair": "Vice chair",
    "social_worker": "Social worker",
    "independent": "Independent member",
    "medical_adviser": "Medical adviser",
    "legal_adviser": "Legal adviser",
    "agency_adviser": "Agency adviser to the panel",
    "minute_taker": "Minute taker",
    "elected_member": "Elected member",
    "adopter_member": "Adopter member",
    "adoptee_member": "Adopted adult member",
    "other_member": "Panel member",
}

ADVISERS = {
    "agency_adviser": "Agency adviser to the panel",
    "medical_adviser": "Medical adviser",
    "legal_adviser": "Legal adviser",
}

DECLARATION_ACTIONS = {
    "remained": "Remained in the meeting",
    "left_for_item": "Left the room for the item",
    "took_no_part": "Took no part in the discussion or recommendation",
}

ADM_DECISIONS = {
    "positive": "Positive decision",
    "negative": "Negative decision",
    "qualifying_determination": "Qualifying determination (a proposed decision not to approve)",
}

FINAL_DECISIONS = {"positive": "Positive decision", "negative": "Negative decision"}

FINAL_REVIEWS = {
    "none": "No representations were made and no review was sought",
    "representations": "After representations to the agency",
    "independent_review": "After review by the Independent Review Mechanism",
}

PAPER_KINDS = {
    "prospective_adopters_report": "Prospective Adopter's Report",
    "child_permanence_report": "Child Permanence Report",
    "adoption_placement_report": "Adoption Placement Report",
    "medical_report": "Medical report",
    "other": "Other paper",
}


def in_words(table: dict[str, str], value: str | None, missing: str = "Not recorded") -> str:
    if value is None:
        return missing
    return table.get(value, value.replace("_", " ").capitalize())


def long_date(day: dt.date | dt.datetime | None, missing: str = "not recorded") -> str:
    """``Thursday 11 April 2024``: the form a panel's papers use."""
    if day is None:
        return missing
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date | dt.datetime | None, missing: str = "not recorded") -> str:
    if day is None:
        return missing
    return f"{day.day} {day:%B %Y}"


def clock(time: dt.time | None, missing: str = "not recorded") -> str:
    return missing if time is None else f"{time:%H:%M}"


def listed(names: list[str], empty: str = "none") -> str:
    """``A, B and C``."""
    names = [n for n in names if n]
    if not names:
        return empty
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
