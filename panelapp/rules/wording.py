"""Recommendation wording to start from, per item type, with the names and terms filled in.

A template is a starting point for the chair's own words: it fills in the
applicants, the children, the number of children and the age range, and the
chair edits it before it is recorded.
"""

from dataclasses import dataclass

from ..reports.words import listed

# (item type, outcome) -> the sentence; "{be}" agrees with the applicants ("is"/"are").
TEMPLATES = {
    ("adopter_approval", "recommended"):
        "That {applicants} {be} suitable to adopt {n_children} aged {age_min} to {age_max}.",
    ("adopter_approval", "not_recommended"):
        "That {applicants} {be} not suitable to adopt a child.",
    ("early_permanence_approval", "recommended"):
        "That {applicants} {be} suitable to foster {n_children} aged {age_min} to {age_max} "
        "on an early permanence (fostering for adoption) basis.",
    ("early_permanence_approval", "not_recommended"):
        "That {applicants} {be} not suitable to foster a child on an early permanence basis.",
    ("retrospective_approval", "recommended"):
        "That {applicants} {be} suitable to adopt {n_children} aged {age_min} to {age_max}, "
        "and that {children} should be placed for adoption with {them}.",
    ("retrospective_approval", "not_recommended"):
        "That {applicants} {be} not suitable to adopt {children}.",
    ("adopter_review", "recommended"):
        "That {applicants} remain{s} suitable to adopt.",
    ("adopter_review", "not_recommended"):
        "That {applicants} {be} no longer suitable to adopt, and that the approval be terminated.",
    ("match", "recommended"):
        "That {children} should be placed for adoption with {applicants}.",
    ("match", "not_recommended"):
        "That {children} should not be placed for adoption with {applicants}.",
    ("child_plan", "recommended"):
        "That {children} should be placed for adoption.",
    ("child_plan", "not_recommended"):
        "That {children} should not be placed for adoption.",
    ("withdrawal", "noted"):
        "The panel notes that {applicants} {have} withdrawn.",
    ("other", "noted"):
        "The panel notes the report.",
}


@dataclass(frozen=True)
class Terms:
    children_max: int | None = None
    age_min: int | None = None
    age_max: int | None = None


def children_count(n: int | None) -> str:
    if n is None:
        return "[number of] child(ren)"
    return "one child" if n == 1 else f"up to {n} children"


def fill(item_type: str, outcome: str | None, applicants: list[str], children: list[str],
         terms: Terms) -> str | None:
    """The template's sentence for this item and outcome, or None where there is none
    (a deferral is recorded with its reasons, not a wording)."""
    template = TEMPLATES.get((item_type, outcome or ""))
    if template is None:
        return None
    several = len(applicants) != 1
    return template.format(
        applicants=listed(applicants, "the applicants"), children=listed(children, "the child"),
        be="are" if several else "is", have="have" if several else "has", s="" if several else "s",
        them="them",
        n_children=children_count(terms.children_max),
        age_min="[from]" if terms.age_min is None else terms.age_min,
        age_max="[to]" if terms.age_max is None else terms.age_max)
