"""What the demo's people write: the key points of discussion, the advisers' advice, the
decision maker's reasons in the first person, the papers each item carries, and the
addresses letters go to.

Each item draws from its own random stream, seeded by its ref, so that these words never
change the simulation (the same seed gives the same agency as before they were added)."""

from __future__ import annotations

import datetime as dt
import random
import re

ITEM_PAPERS = {
    "adopter_approval": (("prospective_adopters_report", "Prospective Adopter's Report"),
                         ("medical_report", "Adult health assessments")),
    "early_permanence_approval": (("prospective_adopters_report",
                                   "Early permanence addendum to the Prospective Adopter's Report"),),
    "retrospective_approval": (("prospective_adopters_report", "Prospective Adopter's Report"),),
    "adopter_review": (("other", "Annual review of approval"),),
    "match": (("adoption_placement_report", "Adoption Placement Report"),
              ("child_permanence_report", "Child Permanence Report")),
    "child_plan": (("child_permanence_report", "Child Permanence Report"),
                   ("medical_report", "Child's health assessment")),
    "withdrawal": (("other", "Report on the withdrawal"),),
    "other": (("other", "Summary of the panel's feedback on reports"),),
}

DISCUSSION = {
    "adopter_approval": (
        "Members explored the applicants' support network and how it would work in the first year.",
        "The panel asked about the applicants' understanding of early trauma and how they would seek help.",
        "Members discussed the applicants' experience of caring for children and their expectations.",
        "The panel asked how the applicants would talk with a child about adoption and birth family.",
    ),
    "match": (
        "Members discussed the introductions plan and how the foster carers will support the move.",
        "The panel asked about the adoption support plan and the contact arrangements.",
        "Members explored how the adopters will meet the child's health and developmental needs.",
        "The panel discussed the child's life story work and the later life letter.",
    ),
    "child_plan": (
        "Members discussed the parent's consent and the work done with the birth family.",
        "The panel considered the child's health needs and the plan for contact.",
    ),
    "adopter_review": (("Members noted the household's circumstances since approval and the family finding "
                        "so far."),),
    "withdrawal": ("The panel noted the reasons for the withdrawal and the support offered.",),
    "other": ("Members discussed the quality of the reports read in the last six months.",),
}
DISCUSSION["early_permanence_approval"] = DISCUSSION["adopter_approval"]
DISCUSSION["retrospective_approval"] = DISCUSSION["adopter_approval"]

# The medical adviser speaks of the applicants' health at an approval, of the child's at a match or plan.
ADULT_MEDICAL_ADVICE = ("No health matters stand in the way.", "The health assessments raise no concerns.",
                        "The applicants' health allows them to care for a child into adulthood.")
CHILD_MEDICAL_ADVICE = ("The child's health needs are understood and the plan for them is sound.",
                        "The child's health assessment raises no concern for the plan.",
                        "The child's health needs are set out fully in the reports.")
AGENCY_ADVICE = ("The assessment meets the requirements of the regulations.",
                 "The papers are complete and were sent to members in time.",
                 "The work presented follows the agency's procedures.")

STREETS = ("Willow Road", "Mill Lane", "Station Road", "Church Street", "Orchard Close", "Meadow View",
           "Riverside Walk", "Park Avenue", "Queens Road", "Beech Grove")
TOWNS = (("Riverside", "RV"), ("Eastbridge", "EB"), ("Northam", "NM"), ("Westford", "WF"))

AGENCY_CONTACT = {
    "address": "Riverside House\n2 Quay Street\nRiverside RV1 1AA",
    "telephone": "01632 960 100",
    "email": "adoption.panel@riverside-raa.example",
    # Made up, like the rest of the demo: an agency enters the IRM's current details.
    "irm_contact": "Independent Review Mechanism (demo details)\nPO Box 1000\nRiverside RV9 9ZZ\n"
                   "Telephone 01632 960 999",
}


def stream(ref: str) -> random.Random:
    return random.Random(f"demo-writing:{ref}")


def address(ref: str) -> str:
    rng = stream(ref)
    town, code = rng.choice(TOWNS)
    return (f"{rng.randint(1, 140)} {rng.choice(STREETS)}\n{town}\n"
            f"{code}{rng.randint(2, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}")


def papers(item_type: str) -> tuple[tuple[str, str], ...]:
    return ITEM_PAPERS.get(item_type, ())


def discussion(ref: str, item_type: str) -> str:
    rng = stream(ref)
    pool = DISCUSSION.get(item_type, DISCUSSION["other"])
    return " ".join(rng.sample(pool, min(2, len(pool))))


def advice(ref: str, item_type: str) -> dict[str, str]:
    rng = stream(ref + ":advice")
    out = {"agency_adviser": rng.choice(AGENCY_ADVICE)}
    if item_type in ("adopter_approval", "early_permanence_approval"):
        out["medical_adviser"] = rng.choice(ADULT_MEDICAL_ADVICE)
    elif item_type in ("match", "child_plan"):
        out["medical_adviser"] = rng.choice(CHILD_MEDICAL_ADVICE)
    return out


# Declarations by the action the member took: about the applicants, or about the child.
INTERESTS = {
    "left_for_item": ("knows one of the applicants through work", "knows the child's foster carer"),
    "took_no_part": ("supervised the applicants' assessment in an earlier post",
                     "was the child's guardian in earlier proceedings"),
    "remained": ("attends the same gym as one of the applicants; no contact beyond that",
                 "attends the same gym as the child's foster carer; no contact beyond that"),
}


def interest(drawn: str, action: str, households: bool, children: bool) -> str:
    """The interest drawn, or its twin when the item has no one it could be about."""
    adult, child = INTERESTS[action]
    if "child" in drawn:
        return drawn if children else adult
    return drawn if households else child


# Members' views by kind of item, each in the place of the general view drawn.
VIEWS = {
    "approval": ("Wanted more on the support network before recommending.",
                 "Not persuaded the applicants have thought through contact with a child's birth family.",
                 "Would have deferred for the updated medical report.",
                 "Concerned about the age range given the applicants' experience."),
    "match": ("Wanted more on the support network before recommending.",
              "Not persuaded the adopters have thought through the contact plan.",
              "Would have deferred for the updated medical report.",
              "Concerned that the introductions plan is too short for the child's age."),
    "child_plan": ("Wanted more on the work done with the birth family before recommending.",
                   "Not persuaded the plan for contact with the birth family is settled.",
                   "Would have deferred for the updated medical report.",
                   "Concerned that the child's wishes and feelings are not set out."),
}


def view(drawn: int, item_type: str) -> str:
    kind = item_type if item_type in VIEWS else "approval"
    return VIEWS[kind][drawn]


_SINGULAR_VERB = {"are": "is", "have": "has", "remain": "remains", "show": "shows", "understand": "understands"}
_PEOPLE = re.compile(r"\b(one of the )?([Aa]pplicant|[Aa]dopter)s(')?(?: (are|have|remain|show|understand)\b)?")


def fit(text: str | None, applicants: int, children: int) -> str | None:
    """The demo's words as they read for this item: one applicant is "the applicant" (or
    adopter), and a sibling group is "the children"."""
    if not text:
        return text
    if applicants == 1:
        def one(m: re.Match) -> str:
            said = ("the " if m.group(1) else "") + m.group(2) + ("'s" if m.group(3) else "")
            return said + (f" {_SINGULAR_VERB[m.group(4)]}" if m.group(4) else "")
        text = _PEOPLE.sub(one, text)
    if children > 1:
        for one_child, siblings in (("the child's", "the children's"), ("The child's", "The children's"),
                                    ("the child should", "the children should")):
            text = text.replace(one_child, siblings)
    return text


def decision_reasons(decision: str, outcome: str | None, panel_reasons: str | None) -> str:
    """The decision maker's reasons, written to the applicants."""
    because = f" {panel_reasons}" if panel_reasons else ""
    if decision == "positive":
        return ("I have read the final minutes and the reports the panel read, and I agree with the panel's "
                f"recommendation for the reasons it gave.{because}")
    return ("I have read the final minutes and the reports the panel read, and I agree with the panel "
            f"that the application should not go ahead.{because}")


def final_reasons(decision: str, review: str) -> str:
    weighed = {"representations": "your representations", "independent_review":
               "the recommendation of the Independent Review Mechanism's panel"}.get(review)
    if decision == "positive":
        return (f"Having considered {weighed or 'all the information again'}, I am now satisfied that the "
                "concerns I set out in my earlier letter have been answered.")
    if weighed:
        return (f"I have considered {weighed} carefully. They do not answer the concerns I set out in my "
                "earlier letter, and my decision is not to approve you.")
    return ("You did not make representations or apply to the Independent Review Mechanism. The concerns "
            "I set out in my earlier letter remain, and my decision is not to approve you.")


def responses(ref: str, notified: dt.date, final: dt.date, review: str, decision: str) -> dict:
    """The dates of what the applicants did between the determination and the final decision."""
    rng = stream(ref + ":response")
    span = max((final - notified).days, 2)
    if review == "representations":
        return {"representations_received": (notified + dt.timedelta(days=rng.randint(1, span - 1))).isoformat()}
    if review == "independent_review":
        said = ("The IRM panel recommends that the applicants are suitable to adopt." if decision == "positive"
                else "The IRM panel recommends that the applicants are not suitable to adopt.")
        return {"irm": {"recommendation": said,
                        "date": (notified + dt.timedelta(days=rng.randint(1, span - 1))).isoformat()}}
    return {}
