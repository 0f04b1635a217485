"""The agency decision maker's decision: the record for the file, and the letter to the applicants."""

import datetime as dt
import os

from reportlab.lib.units import mm
from sqlmodel import Session

from ..errors import PanelAppError
from ..models import AgendaItem
from ..services.adm import REPRESENTATION_WORKING_DAYS, decision_summary
from ..services.lookup import item_number
from .minutes import approval_terms, members_views, recommendation_words
from .output import write_atomically
from .people import children_of, concerning, households_of
from .style import (House, boxed, bullet, facts, gap, grid, heading, marked, para, render, side_by_side,
                    styles)
from .words import (ADM_DECISIONS, FINAL_DECISIONS, FINAL_REVIEWS, ITEM_TYPES, OUTCOMES, in_words,
                    listed, long_date, short_date)


def _label(item: AgendaItem) -> str:
    return f"item {item_number(item)} ({item.ref}) of {short_date(item.meeting.meeting_date)}"


def _clock_words(clock: dict) -> str:
    if clock["used"] is None:
        return f"Not started: the minutes are not final yet (target {clock['target']} working days)"
    if clock["late"]:
        verdict = f"{clock['used'] - clock['target']} over the target"
    else:
        verdict = "within the target"
    return f"{clock['used']} (target {clock['target']}; {verdict})"


def decision_record_pdf(session: Session, item: AgendaItem, path: str | os.PathLike):
    """Write the record of the ADM's decision on ``item`` to ``path``."""
    s = styles()
    house = House.of(session)
    meeting = item.meeting
    summary = decision_summary(session, item)
    decision = item.adm_decision
    rec = item.recommendation
    story = [
        para("Agency decision maker's decision", s.title),
        para(f"{in_words(ITEM_TYPES, item.item_type)}: {concerning(item)}", s.subtitle),
        facts([("Panel meeting", f"{long_date(meeting.meeting_date)} ({meeting.ref})"),
               ("Item", f"Item {item_number(item)} ({item.ref})"),
               ("Type", in_words(ITEM_TYPES, item.item_type)),
               ("Concerning", concerning(item))]),
        heading("The panel's recommendation"),
        facts([("Outcome", in_words(OUTCOMES, item.outcome, "Not yet heard"))]),
    ]
    words = recommendation_words(item)
    if words:
        story += [gap(1.5), boxed([para(words, s.body)])]
    story += [heading("Reasons", 2), para(rec.reasons if rec and rec.reasons else "Not recorded.", s.body)]
    views = members_views(item)
    if views:
        story.append(para(views, s.body))
    if rec is not None and rec.dissent:
        story.append(grid(["Dissenting member", "View"], [[d.member.name, d.view] for d in rec.dissent],
                          [50 * mm, 120 * mm]))

    story.append(heading("The decision"))
    if decision is None:
        story.append(para(f"No decision is recorded yet. It is due by "
                          f"{short_date(summary['clock']['due'], 'a date set once the minutes are final')}.",
                          s.body))
    else:
        agrees = summary["agrees"]
        story += [
            facts([("Decision maker", decision.decision_maker),
                   ("Date of decision", long_date(decision.decided_on)),
                   ("Decision", in_words(ADM_DECISIONS, decision.decision)),
                   ("Agreement",
                    "The decision agrees with the panel's recommendation." if agrees else
                    "The decision does not agree with the panel's recommendation.")]),
            heading("Reasons for the decision", 2),
            para(decision.reasons or ("Not recorded. Reasons are required where the decision departs "
                                      "from the panel's recommendation." if not agrees else "Not recorded."),
                 s.body),
        ]

    story += [heading("Dates and timescales"), grid(["Step", "Date"], _dates(meeting, decision, summary),
                                                    [95 * mm, 75 * mm])]
    if decision is not None and decision.decision == "qualifying_determination":
        story += _qualifying_determination(decision, summary)
    story += [heading("Sign-off")]
    if decision is not None and decision.signoff_hash:
        story.append(facts([("Signed by", decision.signed_by or decision.decision_maker),
                            ("Signed at", f"{short_date(decision.signed_at)} at {decision.signed_at:%H:%M} UTC"
                             if decision.signed_at else "not recorded"),
                            ("Sign-off hash", para(decision.signoff_hash, s.digest))]))
    else:
        story.append(para("The decision has not been signed off.", s.body))

    title = f"ADM decision – {_label(item)}"
    data, _ = render(house, story, title=title,
                     subject=f"Agency decision maker's decision on {_label(item)}")
    return write_atomically(path, data)


def _dates(meeting, decision, summary) -> list[list[str]]:
    clock = summary["clock"]
    rows = [["Panel meeting", short_date(meeting.meeting_date)],
            ["Minutes final", short_date(meeting.minutes_final, "not yet final")],
            ["Decision due (target)", short_date(clock["due"], "not yet set")],
            ["Decision made", short_date(decision.decided_on) if decision else "not yet made"],
            ["Working days from final minutes to the decision" if decision else
             "Working days since the minutes were final", _clock_words(clock)]]
    if decision is not None:
        rows.append(["Applicants told in writing", short_date(decision.notified, "not yet")])
    return rows


def _qualifying_determination(decision, summary) -> list:
    s = styles()
    end = dt.date.fromisoformat(summary["representations_end"])
    rows = [("Notified", short_date(decision.notified, "not yet: the period runs from the decision date "
                                                        "until the applicants are told")),
            ("Representations or IRM by", f"{long_date(end)} ({REPRESENTATION_WORKING_DAYS} working days)")]
    if decision.final_decision:
        rows += [("Final decision", in_words(FINAL_DECISIONS, decision.final_decision)),
                 ("Date of final decision", long_date(decision.final_date)),
                 ("Review", in_words(FINAL_REVIEWS, decision.final_review, "not recorded"))]
    else:
        rows.append(("Final decision", "Not yet made: it follows any representations or review, "
                                       "or the end of the period."))
    return [heading("Qualifying determination"),
            para("A proposed decision not to approve: the applicants may make representations to the "
                 "agency or apply to the Independent Review Mechanism (IRM) before a final decision.",
                 s.body),
            facts(rows)]


# -- the letter --------------------------------------------------------------------------------

# What the decision maker weighed before the final decision, by the route the applicants took.
RECONSIDERED = {"representations": "your representations",
                "independent_review": "the recommendation of the Independent Review Mechanism"}


def _decided_that(item: AgendaItem, positive: bool) -> str:
    """What the decision means for the applicants, in plain words."""
    children = listed(children_of(item), empty="the child")
    kind = item.item_type
    if kind in ("adopter_approval", "retrospective_approval"):
        return "you are suitable to adopt a child" if positive else "you are not suitable to adopt a child"
    if kind == "adopter_review":
        return "you continue to be suitable to adopt a child" if positive else \
            "you are no longer suitable to adopt a child"
    if kind == "early_permanence_approval":
        return ("you are suitable to care for a child on an early permanence basis" if positive else
                "you are not suitable to care for a child on an early permanence basis")
    if kind == "match":
        return (f"{children} should be placed for adoption with you" if positive else
                f"{children} should not be placed for adoption with you")
    return ("to accept the panel's recommendation" if positive else
            "not to accept the panel's recommendation")


def decision_letter_pdf(session: Session, item: AgendaItem, path: str | os.PathLike):
    """Write the letter telling the applicants of the ADM's decision on ``item`` to ``path``."""
    s = styles()
    house = House.of(session)
    decision = item.adm_decision
    if decision is None:
        raise PanelAppError(f"No decision is recorded for {_label(item)}: there is nothing to tell the "
                            "applicants yet.")
    households = households_of(item)
    if not households:
        raise PanelAppError(f"{_label(item).capitalize()} concerns no household: a decision letter goes to "
                            "the applicants, and this item has none.")
    summary = decision_summary(session, item)
    addressees = listed(households)
    final = decision.final_decision
    if final:
        dated = decision.final_date
    else:
        dated = decision.notified or dt.date.today()
    meeting_day = short_date(item.meeting.meeting_date)

    story = [para(house.name, s.title), para(house.panel, s.subtitle), gap(4),
             side_by_side([para("Private and confidential", s.h2)] +
                          [para(name, s.body) for name in households],
                          [para(f"Date: {short_date(dated)}", s.body),
                           para(f"Our reference: {item.ref}", s.body)]),
             gap(8), para(f"Dear {addressees},", s.body), gap(1)]

    if decision.decision == "qualifying_determination" and not final:
        end = dt.date.fromisoformat(summary["representations_end"])
        story += _qd_letter(item, decision, meeting_day, end)
    else:
        positive = (final or decision.decision) == "positive"
        subject = "the decision about your " + {
            "match": "match", "adopter_review": "review"}.get(item.item_type, "application")
        story.append(para(subject[0].upper() + subject[1:], s.h2))
        if final:
            story.append(para(
                f"I wrote to you on {short_date(decision.notified or decision.decided_on)} to say that I "
                f"proposed not to approve you. I have now made my final decision, having considered "
                f"{RECONSIDERED.get(decision.final_review, 'all the information again')}.", s.body))
        opening = "I am pleased to tell you" if positive else "I am sorry to tell you"
        story.append(para(f"{opening} that, having considered the recommendation of the "
                          f"{house.panel} at its meeting on {meeting_day} and all the information "
                          f"about you, I have decided that {_decided_that(item, positive)}.", s.body))
        terms = approval_terms(item)
        if positive and terms:
            story.append(para(f"Your approval covers {terms}.", s.body))
        if decision.reasons:
            story += [para("My reasons are:", s.body), boxed([para(decision.reasons, s.body)])]
        if positive:
            story.append(para("Your social worker will be in touch about what happens next.", s.body))
        else:
            story.append(para("I know this will be disappointing. Your social worker can go through this "
                              "letter with you and answer any questions you have.", s.body))
    story += [gap(6), para("Yours sincerely,", s.body), gap(10),
              para(decision.decision_maker, s.h2),
              para(f"Agency decision maker, {house.name}", s.body)]
    title = f"Decision letter – {_label(item)}"
    data, _ = render(house, story, title=title, subject=f"Letter to {addressees}: the agency's decision")
    return write_atomically(path, data)


def _qd_letter(item, decision, meeting_day: str, end: dt.date) -> list:
    s = styles()
    story = [
        para("A proposed decision about your application", s.h2),
        para(f"I am writing about the recommendation the adoption panel made at its meeting on "
             f"{meeting_day}. I have thought carefully about it and about all the information about "
             f"you, and I am sorry to tell you that I propose not to approve you as suitable to adopt "
             f"a child.", s.body),
        para("This is a proposal, not yet a final decision. It is called a qualifying determination.",
             s.body),
    ]
    if decision.reasons:
        story += [para("My reasons are:", s.body), boxed([para(decision.reasons, s.body)])]
    story += [
        marked(f"You have {REPRESENTATION_WORKING_DAYS} working days from the date of this letter, "
               f"that is until <b>{long_date(end)}</b>, to do one of these if you wish to:", s.body),
        bullet("write to the agency with your comments (called representations); I will consider them, "
             "and may ask the adoption panel to look at your case again, before I make my final "
             "decision; or"),
        bullet("apply to the Independent Review Mechanism (IRM), which will ask an independent review "
             "panel to look at your case and make its own recommendation to the agency."),
        para("You cannot do both. If I hear nothing from you by that date, I will make my final decision "
             "then.", s.body),
        para("I know this will be disappointing news. Your social worker can go through this letter with "
             "you, explain both routes and help you decide what to do.", s.body),
    ]
    return story
