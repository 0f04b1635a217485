"""The closed vocabularies and dates, as a panel adviser would say them."""

import datetime as dt

SPECIAL = {
    "adm": "Agency decision maker",
    "adviser": "Panel adviser",
    "england_and_wales": "England and Wales",
    "northern_ireland": "Northern Ireland",
    "child_plan": "Child's plan",
    "stage1": "Stage 1",
    "stage2": "Stage 2",
    "stage1_start": "Stage 1 start",
    "stage1_end": "Stage 1 end",
    "stage2_start": "Stage 2 start",
    "before_stage1": "Before stage 1",
    "independent_review": "Independent Review Mechanism",
    "moved_in_with_foster_carer": "Moved in with foster carer",
    "should_be_placed_decision": "Should-be-placed decision",
    "fast_track": "Fast track",
    "left_for_item": "Left for the item",
    "took_no_part": "Took no part",
}


def word(code: str | None) -> str:
    """``regional_adoption_agency`` -> "Regional adoption agency"."""
    if not code:
        return ""
    if code in SPECIAL:
        return SPECIAL[code]
    return code.replace("_", " ").capitalize()


def words(codes) -> str:
    return ", ".join(word(c) for c in codes)


def day(value: dt.date | None) -> str:
    """A date as people in English agencies write it: 12 Sep 2024."""
    return value.strftime("%-d %b %Y") if value else ""


def clock(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""
