"""The agency decision maker's decisions: on the recommendation and the final minutes,
within the agency's target, with the qualifying determination route for approvals."""

import datetime as dt

from sqlmodel import Session

from .. import audit
from ..audit import canonical, sha256
from ..enums import ADM_DECISIONS, FINAL_DECISIONS, FINAL_REVIEWS
from ..errors import PanelAppError
from ..models import AdmDecision, AgendaItem
from ..models.base import utcnow
from ..rules.clocks import REPRESENTATION_WORKING_DAYS, representations_end  # noqa: F401  (the ui reads it here)
from ..rules.workdays import WorkingDays
from .common import agency_of, minutes_are_final, snapshot
from .lookup import item_label
from .permissions import Actor, require
from .signoff import confirm_signer, signing_date

QD_TYPES = {"adopter_approval", "early_permanence_approval", "retrospective_approval", "adopter_review"}
DECIDED_OUTCOMES = ("recommended", "not_recommended")
DECISION_FIELDS = ("decision_maker", "decided_on", "decision", "reasons", "documents_considered",
                   "final_date", "final_decision", "final_review", "final_reasons", "representations_on",
                   "no_representations_on", "irm_recommendation", "irm_on", "notified", "signoff_hash")


def agrees_with_panel(outcome: str | None, decision: str) -> bool:
    """exchange-format.md: recommended->positive, not_recommended->negative or qualifying_determination."""
    return (outcome == "recommended" and decision == "positive") or \
        (outcome == "not_recommended" and decision in ("negative", "qualifying_determination"))


def needs_decision(item: AgendaItem) -> bool:
    """Only a recommendation goes to the ADM; a noted, deferred or removed item does not."""
    return item.outcome in DECIDED_OUTCOMES


def _signed(item: AgendaItem, decision: AdmDecision) -> str:
    rec = item.recommendation
    return sha256(canonical({
        "item": item.ref, "meeting": item.meeting.ref, "outcome": item.outcome,
        "recommendation": rec.wording if rec else None,
        "minutes_hash": item.meeting.minutes.signoff_hash if item.meeting.minutes else None,
        **snapshot(decision, "decision_maker", "decided_on", "decision", "reasons", "final_date",
                   "final_decision", "final_review"),
        # Fields added since the first signed decisions, left out when empty so those keep their hash.
        **{k: v for k, v in snapshot(decision, "documents_considered", "final_reasons", "representations_on",
                                     "no_representations_on", "irm_recommendation", "irm_on").items()
           if v is not None},
    }))


def decision_clock(session: Session, item: AgendaItem, today: dt.date | None = None) -> dict:
    """Working days on the ADM's clock: from final minutes to decision (or to today).
    An item that needs no decision (noted, deferred, removed) has no clock: ``needed`` is False."""
    agency = agency_of(session)
    target = int(agency.setting("adm_working_days"))
    final = item.meeting.minutes_final
    needed = needs_decision(item)
    if final is None or not needed:
        return {"target": target, "due": None, "used": None, "left": None, "late": None, "needed": needed}
    workdays = WorkingDays.for_agency(agency)
    due = workdays.add(final, target)
    end = item.adm_decision.decided_on if item.adm_decision else (today or dt.date.today())
    used = workdays.between(final, end)
    return {"target": target, "due": due, "used": used, "left": target - used, "late": used > target,
            "needed": True}


def default_documents(item: AgendaItem) -> list[str]:
    """What an ADM reads before deciding: the final minutes and the papers the panel read."""
    meeting = item.meeting
    final = meeting.minutes_final
    docs = [f"The panel's recommendation and the final minutes of the meeting of "
            f"{meeting.meeting_date.day} {meeting.meeting_date:%B %Y}"
            + (f" (approved {final.day} {final:%B %Y})" if final else "")]
    return docs + [p.title for p in item.papers]


def record_decision(session: Session, actor: Actor, item: AgendaItem, *, decision: str,
                    decided_on: dt.date | None = None, reasons: str | None = None,
                    decision_maker: str | None = None, documents: list[str] | None = None,
                    password: str | None = None) -> dict:
    """Record and sign the ADM's decision. ``decided_on`` defaults to today and cannot be later;
    reasons are required for every decision; ``documents`` are what the ADM considered
    (the final minutes and the item's papers when not given); ``password`` is the ADM's,
    asked again."""
    require(actor, "adm.decide")
    meeting = item.meeting
    problems = []
    if not needs_decision(item):
        raise PanelAppError(f"{item_label(item)} has no recommendation to decide on (its outcome is "
                            f"{item.outcome or 'not recorded'}).")
    if not minutes_are_final(meeting) or meeting.minutes_final is None:
        raise PanelAppError(f"The minutes of {meeting.ref} are not final yet: the decision waits for them.")
    if item.adm_decision is not None:
        raise PanelAppError(f"{item_label(item)} was decided on {item.adm_decision.decided_on:%d %B %Y} already.")
    decided_on = signing_date(decided_on, "A decision")
    if decision not in ADM_DECISIONS:
        problems.append(f"{decision!r} is not a decision: positive, negative or qualifying_determination")
    if decision == "qualifying_determination" and item.item_type not in QD_TYPES:
        problems.append("a qualifying determination applies only to the approval of adopters")
    if decided_on < meeting.minutes_final:
        problems.append(f"the decision date {decided_on:%d %B %Y} is before the minutes were final "
                        f"({meeting.minutes_final:%d %B %Y})")
    if not (reasons or "").strip():
        if decision in ADM_DECISIONS and not agrees_with_panel(item.outcome, decision):
            problems.append("give the reasons for departing from the panel's recommendation")
        elif decision == "qualifying_determination":
            problems.append("a qualifying determination must give its reasons to the applicants")
        else:
            problems.append("give the reasons for the decision")
    documents = [d.strip() for d in (documents if documents is not None else default_documents(item))
                 if d and d.strip()]
    if not documents:
        problems.append("list the documents considered")
    if problems:
        raise PanelAppError(f"Decision on {item_label(item)} not recorded: " + "; ".join(problems) + ".")
    confirm_signer(session, actor, password, f"sign the decision on {item_label(item)}")
    record = AdmDecision(decision_maker=decision_maker or actor.display_name, decided_on=decided_on,
                         decision=decision, reasons=(reasons or "").strip(), documents_considered=documents)
    item.adm_decision = record
    _sign_and_apply(item, record, actor, decision, decided_on)
    session.flush()
    audit.record(session, actor.username, "decide", "adm_decision", entity_uid=record.uid,
                 summary=f"ADM decision on {item_label(item)} of {meeting.ref}: {decision}",
                 after=snapshot(record, *DECISION_FIELDS))
    return decision_summary(session, item)


def record_final_decision(session: Session, actor: Actor, item: AgendaItem, *, decision: str, review: str,
                          decided_on: dt.date | None = None, reasons: str | None = None,
                          responded_on: dt.date | None = None, irm_recommendation: str | None = None,
                          irm_on: dt.date | None = None, password: str | None = None,
                          today: dt.date | None = None) -> dict:
    """The decision after a qualifying determination (AAR 2005 reg 30B), with reasons of its own.

    ``review`` says what the applicants did: ``representations`` (received on
    ``responded_on``), ``independent_review`` (the IRM panel's recommendation and its date),
    or ``none``. Before the 40 working days end, the decision is refused unless the
    representations, or the applicants' written notice that they will make none
    (``responded_on``), are recorded."""
    require(actor, "adm.decide")
    record = item.adm_decision
    if record is None or record.decision != "qualifying_determination":
        raise PanelAppError(f"{item_label(item)} has no qualifying determination to decide finally.")
    if record.final_decision is not None:
        raise PanelAppError(f"The final decision on {item_label(item)} was made on {record.final_date:%d %B %Y}.")
    if decision not in FINAL_DECISIONS:
        raise PanelAppError(f"{decision!r} is not a final decision: positive or negative.")
    if review not in FINAL_REVIEWS:
        raise PanelAppError(f"{review!r} is not a review route: none, representations or independent_review.")
    if record.notified is None:
        raise PanelAppError(f"Record when the applicants were told of the qualifying determination on "
                            f"{item_label(item)} first: the 40 working days begin that day.")
    decided_on = signing_date(decided_on, "The final decision", today)
    end = representations_end(WorkingDays.for_agency(agency_of(session)), record.notified)
    problems = []
    if decided_on < record.notified:
        problems.append("the final decision cannot come before the applicants were told of the "
                        "qualifying determination")
    if not (reasons or "").strip():
        problems.append("give the reasons for the final decision")
    for name, day in (("the representations", responded_on), ("the IRM's recommendation", irm_on)):
        if day is not None and (day < record.notified or day > decided_on):
            problems.append(f"{name} must be dated from the notification ({record.notified:%d %B %Y}) "
                            f"to the final decision ({decided_on:%d %B %Y})")
    if review == "representations" and responded_on is None:
        problems.append("give the date the applicants' representations were received")
    if review == "independent_review" and (not (irm_recommendation or "").strip() or irm_on is None):
        problems.append("record the IRM panel's recommendation and its date: the final decision "
                        "takes it into account")
    if review == "none" and decided_on <= end and responded_on is None:
        problems.append(f"the 40 working days for representations or the IRM run until "
                        f"{end:%d %B %Y}; before then, record the date of the applicants' written "
                        "notice that they will make none")
    if problems:
        raise PanelAppError(f"Final decision on {item_label(item)} not recorded: " + "; ".join(problems) + ".")
    confirm_signer(session, actor, password, f"sign the final decision on {item_label(item)}")
    before = snapshot(record, *DECISION_FIELDS)
    record.final_decision, record.final_review, record.final_date = decision, review, decided_on
    record.final_reasons = (reasons or "").strip()
    if review == "representations":
        record.representations_on = responded_on
    elif review == "none":
        record.no_representations_on = responded_on
    else:
        record.irm_recommendation, record.irm_on = (irm_recommendation or "").strip(), irm_on
    _sign_and_apply(item, record, actor, decision, decided_on)
    session.flush()
    audit.record(session, actor.username, "final_decision", "adm_decision", entity_uid=record.uid,
                 summary=f"final decision on {item_label(item)}: {decision} (after {review})",
                 before=before, after=snapshot(record, *DECISION_FIELDS))
    return decision_summary(session, item)


def record_notification(session: Session, actor: Actor, item: AgendaItem, *, on: dt.date | None = None) -> dict:
    require(actor, "adm.notify")
    record = item.adm_decision
    if record is None:
        raise PanelAppError(f"{item_label(item)} has no decision to tell the applicants of.")
    on = signing_date(on, "The letter to the applicants")
    if on < record.decided_on:
        raise PanelAppError("The applicants cannot be told before the decision was made.")
    before = snapshot(record, "notified")
    record.notified = on
    audit.record(session, actor.username, "notify", "adm_decision", entity_uid=record.uid,
                 summary=f"applicants told of the decision on {item_label(item)} on {on.isoformat()}",
                 before=before, after=snapshot(record, "notified"))
    return decision_summary(session, item)


def _sign_and_apply(item: AgendaItem, record: AdmDecision, actor: Actor, decision: str, day: dt.date) -> None:
    """Sign what was decided; a positive decision moves the family's journey on."""
    record.signed_by = actor.display_name
    record.signed_at = utcnow()
    record.signoff_hash = _signed(item, record)
    if decision == "positive":
        _apply_milestones(item, day)


def _apply_milestones(item: AgendaItem, day: dt.date) -> None:
    """A positive decision moves the journey on: an approval approves, a match matches."""
    households = [link.household for link in item.household_links]
    if item.item_type in ("adopter_approval", "retrospective_approval"):
        for h in households:
            if h.approved is None:
                h.approved = day
    if item.item_type in ("match", "retrospective_approval"):
        for link in item.child_links:
            child = link.child
            if child.match_decision is None:
                child.match_decision = day
            if households and child.matched_household_id is None:
                child.matched_household = households[0]


def decision_summary(session: Session, item: AgendaItem) -> dict:
    record = item.adm_decision
    out = {"item": item.ref, "outcome": item.outcome, "clock": decision_clock(session, item)}
    if record is None:
        return out | {"decision": None}
    out |= snapshot(record, *DECISION_FIELDS)
    out["agrees"] = agrees_with_panel(item.outcome, record.decision)
    if record.decision == "qualifying_determination":
        # Until the applicants are told, the period is counted as if told on the decision day.
        start = record.notified or record.decided_on
        out["representations_end"] = representations_end(
            WorkingDays.for_agency(agency_of(session)), start).isoformat()
    return out
