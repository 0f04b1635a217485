"""The agency decision maker's decision: the record for the file, and the letter to the applicants."""

import datetime as dt
import os
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak
from sqlmodel import Session

from ..errors import PanelAppError
from ..models import AgendaItem
from ..rules.clocks import representations_end
from ..rules.workdays import WorkingDays
from ..services.adm import REPRESENTATION_WORKING_DAYS, agrees_with_panel, decision_summary, needs_decision
from ..services.lookup import item_number
from .minutes import approval_terms, members_views, recommendation_words
from .output import write_atomically
from .people import children_of, concerning, households_of
from .style import (House, boxed, bullet, facts, gap, grid, heading, marked, para, render, side_by_side,
                    signature_lines, styles)
from .words import (ADM_DECISIONS, FINAL_DECISIONS, FINAL_REVIEWS, ITEM_TYPES, OUTCOMES, in_words,
                    listed, long_date, short_date)


UK = ZoneInfo("Europe/London")


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


def uk_time(moment: dt.datetime) -> str:
    """``4 December 2026 at 15:47 (UK time)``: a stored UTC moment as the agency reads it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(UK)
    return f"{short_date(local)} at {local:%H:%M} (UK time)"


NOTED = {"noted": "noted this item", "deferred": "deferred this item", "removed": "did not hear this item",
         None: "has not heard this item yet"}


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
    if not needs_decision(item):
        story.append(para(f"The panel {NOTED.get(item.outcome, 'made no recommendation on this item')}: "
                          "there is no recommendation for the agency decision maker to decide on, so no "
                          "decision is needed and no decision clock runs.", s.body))
    elif decision is None:
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
            heading("Documents considered", 2),
            *([bullet(d) for d in decision.documents_considered] if decision.documents_considered
              else [para("Not recorded.", s.body)]),
            heading("Reasons for the decision", 2),
            para(decision.reasons or "Not recorded.", s.body),
        ]

    story += [heading("Dates and timescales"), grid(["Step", "Date"], _dates(item, decision, summary),
                                                    [95 * mm, 75 * mm])]
    if decision is not None and decision.decision == "qualifying_determination":
        story += _qualifying_determination(decision, summary)
    story += [heading("Sign-off")]
    if decision is not None and decision.signoff_hash:
        story.append(facts([("Signed by", decision.signed_by or decision.decision_maker),
                            ("Signed at", uk_time(decision.signed_at) if decision.signed_at
                             else "not recorded"),
                            ("Sign-off hash", para(decision.signoff_hash, s.digest))]))
        story.append(signature_lines())
    else:
        story.append(para("The decision has not been signed off.", s.body))

    title = f"ADM decision – {_label(item)}"
    data, _ = render(house, story, title=title,
                     subject=f"Agency decision maker's decision on {_label(item)}")
    return write_atomically(path, data)


def _dates(item, decision, summary) -> list[list[str]]:
    meeting = item.meeting
    clock = summary["clock"]
    rows = [["Panel meeting", short_date(meeting.meeting_date)],
            ["Minutes final", short_date(meeting.minutes_final, "not yet final")]]
    if not clock["needed"]:
        return rows
    rows += [["Decision due (target)", short_date(clock["due"], "not yet set")],
             ["Decision made", short_date(decision.decided_on) if decision else "not yet made"],
             ["Working days from final minutes to the decision" if decision else
              "Working days since the minutes were final", _clock_words(clock)]]
    if decision is not None:
        rows.append(["Applicants told in writing", short_date(decision.notified, "not yet")])
    return rows


def _qualifying_determination(decision, summary) -> list:
    s = styles()
    end = dt.date.fromisoformat(summary["representations_end"])
    if decision.notified:
        rows = [("Notified (day 1)", long_date(decision.notified)),
                (f"Representations or IRM by (day {REPRESENTATION_WORKING_DAYS})", long_date(end))]
    else:
        rows = [("Notified", "not yet: the 40 working days begin on the day the letter is sent"),
                ("Representations or IRM by", (f"{long_date(end)} if the letter is sent on the day of "
                                               "the determination"))]
    if decision.representations_on:
        rows.append(("Representations received", long_date(decision.representations_on)))
    if decision.no_representations_on:
        rows.append(("Written notice of no representations", long_date(decision.no_representations_on)))
    if decision.irm_on:
        rows.append(("IRM panel's recommendation",
                     f"{decision.irm_recommendation} ({short_date(decision.irm_on)})"))
    story = [heading("Qualifying determination"),
             para("A proposed decision not to approve (Adoption Agencies Regulations 2005, reg 30B): the "
                  "applicants may make representations to the agency or apply to the Independent Review "
                  "Mechanism (IRM) within 40 working days beginning with the day they are notified, "
                  "before a final decision.", s.body),
             facts(rows)]
    if decision.final_decision:
        story += [heading("Final decision", 2),
                  facts([("Final decision", in_words(FINAL_DECISIONS, decision.final_decision)),
                         ("Date of final decision", long_date(decision.final_date)),
                         ("Review", in_words(FINAL_REVIEWS, decision.final_review, "not recorded"))]),
                  heading("Reasons for the final decision", 2),
                  para(decision.final_reasons or "Not recorded.", s.body)]
    else:
        story.append(para("Final decision: not yet made. It follows the applicants' representations or "
                          "the IRM's recommendation, or the end of the period.", s.body))
    return story


# -- the letter --------------------------------------------------------------------------------

# What the decision maker weighed before the final decision, by the route the applicants took.
RECONSIDERED = {"representations": "your representations",
                "independent_review": "the recommendation of the Independent Review Mechanism's panel",
                "none": "all the information again"}
APPROVALS = ("adopter_approval", "retrospective_approval", "early_permanence_approval")


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
    if kind == "child_plan":
        return (f"{children} should be placed for adoption" if positive else
                f"{children} should not be placed for adoption")
    return ("to accept the panel's recommendation" if positive else
            "not to accept the panel's recommendation")


def _panel_said(item: AgendaItem) -> str:
    """What the panel recommended, as the letter tells the applicants."""
    return ("recommended that " if item.outcome == "recommended" else "did not recommend that ") + \
        _decided_that(item, True)


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _check_letter(house: House, item: AgendaItem, qd: bool) -> None:
    """A letter that cannot reach the applicants, or that cannot tell them how to answer, is not sent."""
    agency = house.agency
    missing = []
    if not _lines(agency.address):
        missing.append("the agency's address")
    if not (agency.telephone or agency.email):
        missing.append("the agency's telephone number or e-mail address")
    if qd and not _lines(agency.irm_contact):
        missing.append("the Independent Review Mechanism's contact details")
    if missing:
        raise PanelAppError("The letter cannot be written until the agency settings give "
                            + listed(missing) + ".")
    unaddressed = [link.household.ref for link in item.household_links if not _lines(link.household.address)]
    if unaddressed:
        raise PanelAppError(f"Record the applicants' address (household {listed(unaddressed)}) before "
                            "writing to them.")


def _contact(item: AgendaItem) -> str:
    return (item.presenters or [None])[0] or "the adoption team"


def _letterhead(house: House, item: AgendaItem, households, dated: dt.date) -> list:
    s = styles()
    agency = house.agency
    ours = [para("\n".join(_lines(agency.address)), s.body)]
    ours += [para(f"Telephone: {agency.telephone}", s.body)] if agency.telephone else []
    ours += [para(f"E-mail: {agency.email}", s.body)] if agency.email else []
    theirs = [para("Private and confidential", s.h2)]
    for link in item.household_links:
        theirs += [para("\n".join([link.household.display_name, *_lines(link.household.address)]), s.body)]
    return [para(house.name, s.title), para(house.panel, s.subtitle),
            side_by_side([gap(1)], ours, right_width=92 * mm), gap(4),
            side_by_side(theirs, [para(f"Date: {short_date(dated)}", s.body),
                                  para(f"Our reference: {item.ref}", s.body),
                                  para(f"Contact: {_contact(item)}", s.body)], right_width=92 * mm),
            gap(8), para(f"Dear {listed(households)},", s.body), gap(1)]


def _ask(house: House, item: AgendaItem) -> list:
    agency = house.agency
    how = listed([f"on {agency.telephone}" if agency.telephone else "",
                  f"at {agency.email}" if agency.email else ""])
    return [para(f"If you have any questions about this letter, please contact {_contact(item)} {how}.",
                 styles().body)]


def _what_next(house: House, item: AgendaItem, positive: bool, final: bool) -> list:
    """What happens next, for each kind of decision."""
    s = styles()
    story = [para("What happens next", s.h2)]
    children = listed(children_of(item), empty="the child")
    if positive and item.item_type in APPROVALS:
        story += [bullet("Your social worker will talk with you about family finding: how the agency looks "
                         "for a child whose needs you can meet, and how you can take part."),
                  bullet("While no child is placed with you, your approval will be reviewed at least once a "
                         "year; tell your social worker of any change in your household in the meantime.")]
    elif positive and item.item_type == "match":
        story += [bullet(f"Your social worker and {children}'s social worker will agree with you the plan for "
                         f"introductions and the day {children} moves in with you."),
                  bullet("The adoption support plan and the arrangements for contact discussed at panel will "
                         "be confirmed with you in writing."),
                  bullet(f"Once {children} has lived with you for at least ten weeks you may apply to the "
                         "court for an adoption order; your social worker will help you with this.")]
    elif positive and item.item_type == "adopter_review":
        story += [bullet("Your approval continues. It will be reviewed again within a year if no child "
                         "has been placed with you by then.")]
    elif not positive and final:
        story += [bullet("This is the agency's final decision on your application. No further review by "
                         "the Independent Review Mechanism is open to you on it."),
                  bullet("Your social worker can meet you to go through this decision. If you are unhappy "
                         f"with how {house.name} handled your application, you can use its complaints "
                         "procedure; your social worker will tell you how.")]
    else:
        story += [bullet("Your social worker can meet you to go through this decision and answer your "
                         "questions.")]
    return story


def decision_letter_pdf(session: Session, item: AgendaItem, path: str | os.PathLike):
    """Write the letter telling the applicants of the ADM's decision on ``item`` to ``path``:
    in the decision maker's words, from the decision's own fields, with the panel's
    recommendation enclosed whenever the decision differs from it."""
    house = House.of(session)
    decision = item.adm_decision
    if decision is None:
        raise PanelAppError(f"No decision is recorded for {_label(item)}: there is nothing to tell the "
                            "applicants yet.")
    households = households_of(item)
    if not households:
        raise PanelAppError(f"{_label(item).capitalize()} concerns no household: a decision letter goes to "
                            "the applicants, and this item has none.")
    final = decision.final_decision
    qd = decision.decision == "qualifying_determination" and not final
    _check_letter(house, item, qd)
    dated = decision.final_date if final else (decision.notified or dt.date.today())
    meeting_day = short_date(item.meeting.meeting_date)
    differs = not agrees_with_panel(item.outcome, final or decision.decision)
    story = _letterhead(house, item, households, dated)
    if qd:
        end = representations_end(WorkingDays.for_agency(house.agency), dated)
        story += _qd_letter(house, item, decision, meeting_day, end, differs)
    else:
        story += _decision_letter(house, item, decision, meeting_day, differs)
    story += _ask(house, item)
    story += [gap(6), para("Yours sincerely,", styles().body), gap(10),
              para(decision.decision_maker, styles().h2),
              para(f"Agency decision maker, {house.name}", styles().body)]
    if differs:
        story += [gap(4), para("Enclosure: the panel's recommendation and its reasons.", styles().small),
                  PageBreak()] + _enclosure(house, item)
    title = f"Decision letter – {_label(item)}"
    data, _ = render(house, story, title=title,
                     subject=f"Letter to the applicants: the agency's decision on {_label(item)}")
    return write_atomically(path, data)


def _decision_letter(house: House, item: AgendaItem, decision, meeting_day: str, differs: bool) -> list:
    s = styles()
    final = decision.final_decision
    positive = (final or decision.decision) == "positive"
    subject = "The decision about your " + {"match": "match", "adopter_review": "review"}.get(
        item.item_type, "application")
    story = [para(subject, s.h2)]
    if final:
        story.append(para(
            f"I wrote to you on {short_date(decision.notified or decision.decided_on)} to say that I "
            f"proposed not to approve you. I have now made my final decision, having considered "
            f"{RECONSIDERED.get(decision.final_review or 'none', RECONSIDERED['none'])}.", s.body))
    opening = "I am pleased to tell you" if positive else "I am sorry to tell you"
    story.append(para(f"{opening} that, having considered the recommendation the {house.panel} made at "
                      f"its meeting on {meeting_day} and all the information about you, I have decided "
                      f"that {_decided_that(item, positive)}.", s.body))
    if differs:
        story.append(para(f"The panel {_panel_said(item)}. I have reached a different decision, for the "
                          "reasons below. A copy of the panel's recommendation is enclosed.", s.body))
    terms = approval_terms(item)
    if positive and terms:
        story.append(para(f"Your approval covers {terms}.", s.body))
    reasons = decision.final_reasons if final else decision.reasons
    if reasons:
        story += [para("My reasons are:", s.body), boxed([para(reasons, s.body)])]
    return story + _what_next(house, item, positive, final=bool(final) or decision.decision == "negative")


def _qd_letter(house: House, item: AgendaItem, decision, meeting_day: str, end: dt.date,
               differs: bool) -> list:
    s = styles()
    story = [
        para("A proposed decision about your application", s.h2),
        para(f"I am writing about the recommendation the {house.panel} made at its meeting on "
             f"{meeting_day}. I have thought carefully about it and about all the information about "
             f"you, and I am sorry to tell you that I propose not to approve you as suitable to adopt "
             f"a child.", s.body),
    ]
    if differs:
        story.append(para(f"The panel {_panel_said(item)}. I have reached a different view, for the "
                          "reasons below. As the regulations require, a copy of the panel's "
                          "recommendation is enclosed with this letter.", s.body))
    story.append(para("This is a proposal, not yet a final decision. It is called a qualifying "
                      "determination (Adoption Agencies Regulations 2005, regulation 30B).", s.body))
    if decision.reasons:
        story += [para("My reasons are:", s.body), boxed([para(decision.reasons, s.body)])]
    story += [
        para("What happens next", s.h2),
        marked(f"You have {REPRESENTATION_WORKING_DAYS} working days beginning with the date of this "
               f"letter, that is until <b>{long_date(end)}</b>, to do one of these if you wish to:", s.body),
        bullet("write to me with your comments (called representations); I will consider them, and may ask "
               "the adoption panel to look at your case again, before I make my final decision; or"),
        bullet("apply to the Independent Review Mechanism (IRM), which will ask an independent review "
               "panel to look at your case and make its own recommendation to the agency."),
        para("You cannot do both. The IRM's contact details are:", s.body),
        boxed([para("\n".join(_lines(house.agency.irm_contact)), s.body)]),
        para("If you tell me in writing that you will not make representations, I can make my final "
             f"decision sooner. If I hear nothing from you by {short_date(end)}, I will make my final "
             "decision after that date.", s.body),
        para("I know this will be disappointing news. Your social worker can go through this letter with "
             "you, explain both routes and help you decide what to do.", s.body),
    ]
    return story


def _enclosure(house: House, item: AgendaItem) -> list:
    """The panel's recommendation, as the applicants are sent it (reg 30B(5)(b)): no member named."""
    s = styles()
    rec = item.recommendation
    story = [para("Enclosure: the panel's recommendation", s.title),
             para(f"{house.panel}, meeting of {long_date(item.meeting.meeting_date)}", s.subtitle),
             facts([("Item", f"Item {item_number(item)} ({item.ref})"),
                    ("Concerning", concerning(item)),
                    ("Outcome", in_words(OUTCOMES, item.outcome, "Not recorded"))])]
    words = recommendation_words(item)
    if words:
        story += [heading("Recommendation", 2), boxed([para(words, s.body)])]
    terms = approval_terms(item)
    if terms:
        story += [gap(1.5), facts([("Terms of the approval", terms[0].upper() + terms[1:] + ".")])]
    if rec is not None and rec.reasons:
        story += [heading("The panel's reasons", 2), para(rec.reasons, s.body)]
    views = members_views(item)
    if views:
        story.append(para(views, s.body))
    return story
