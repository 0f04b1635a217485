"""Reads the store back out as one exchange document (version 1)."""

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from ..models import (AgendaItem, Agency, Child, Household, Meeting, PanelMember, Recommendation)
from ..services.permissions import Actor, require
from .schema import AGENCY, FORMAT_NAME, FORMAT_VERSION


def _num(value):
    """Whole numbers stored as floats go out as integers (PQE years of 12, not 12.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso(value):
    return value.isoformat() if value is not None else None


def _clean(mapping: dict) -> dict:
    """Drop keys that are not known: absent means 'not known', never zero."""
    return {k: v for k, v in mapping.items() if v is not None and v != {} }


def _agency(agency: Agency) -> dict:
    return _clean({key: _num(getattr(agency, key)) for key in AGENCY})


def member_record(m: PanelMember) -> dict:
    return _clean({"ref": m.ref, "name": m.name, "roles": m.role_names,
                   "social_worker_pqe_years": _num(m.social_worker_pqe_years),
                   "appointed": _iso(m.appointed), "term_ends": _iso(m.term_ends), "left": _iso(m.left_on)})


HOUSEHOLD_MILESTONES = ("enquiry", "initial_visit", "registration_of_interest", "stage1_start",
                        "stage1_end", "stage2_start", "approved", "withdrawn")
CHILD_MILESTONES = ("entered_care", "should_be_placed_decision", "placement_order", "match_decision",
                    "moved_in_with_foster_carer", "placed", "adoption_application", "adoption_order",
                    "plan_changed", "disruption")


def household_record(h: Household) -> dict:
    withdrawal = None
    if h.withdrawal_date is not None:
        withdrawal = _clean({"date": _iso(h.withdrawal_date), "by": h.withdrawal_by,
                             "stage": h.withdrawal_stage, "reason": h.withdrawal_reason})
    approval = None
    if h.approval_children_max is not None:
        approval = _clean({"children_max": h.approval_children_max, "age_min_years": h.approval_age_min_years,
                           "age_max_years": h.approval_age_max_years,
                           "early_permanence": h.approval_early_permanence})
    return _clean({
        "ref": h.ref,
        "applicants": [_clean({"name": a.name, "dob": _iso(a.dob), "gender": a.gender,
                               "ethnicity": a.ethnicity}) for a in h.applicants],
        "relationship": h.relationship_status, "route": h.route, "address": h.address,
        "milestones": _clean({name: _iso(getattr(h, name)) for name in HOUSEHOLD_MILESTONES}),
        "withdrawal": withdrawal, "approval": approval,
    })


def child_record(c: Child, household_refs: dict[int, str]) -> dict:
    return _clean({
        "ref": c.ref, "name": c.name, "dob": _iso(c.dob), "gender": c.gender, "ethnicity": c.ethnicity,
        "ethnic_minority": c.ethnic_minority, "sibling_group": c.sibling_group,
        "needs": [n.need for n in c.needs] or None,
        "milestones": _clean({name: _iso(getattr(c, name)) for name in CHILD_MILESTONES}),
        "matched_household": household_refs.get(c.matched_household_id),
        "early_permanence": c.early_permanence,
    })


def _item(item: AgendaItem, refs: dict) -> dict:
    rec = item.recommendation
    out = {
        "ref": item.ref, "type": item.item_type,
        "households": [refs["household"][link.household_id] for link in item.household_links] or None,
        "children": [refs["child"][link.child_id] for link in item.child_links] or None,
        "presenters": item.presenters, "outcome": item.outcome,
        "discussion": item.discussion, "removal_reason": item.removal_reason,
        "applicants": (_clean({"attended": item.applicants_attended, "spoke": item.applicants_spoke})
                       if item.applicants_attended is not None else None),
        "advice": item.advice or None,
    }
    if rec is not None:
        out["recommendation"] = rec.wording
        out["reasons"] = rec.reasons
        if rec.votes_for is not None:
            out["votes"] = {"for": rec.votes_for, "against": rec.votes_against, "abstain": rec.votes_abstain}
        out["dissent"] = [{"member": refs["member"][d.member_id], "view": d.view} for d in rec.dissent] or None
    adm = item.adm_decision
    if adm is not None:
        final = None
        if adm.final_decision is not None:
            final = _clean({"date": _iso(adm.final_date), "decision": adm.final_decision,
                            "review": adm.final_review, "reasons": adm.final_reasons})
        irm = None
        if adm.irm_recommendation and adm.irm_on:
            irm = {"recommendation": adm.irm_recommendation, "date": _iso(adm.irm_on)}
        out["adm"] = _clean({"decision_maker": adm.decision_maker, "date": _iso(adm.decided_on),
                             "decision": adm.decision, "reasons": adm.reasons, "final": final,
                             "notified": _iso(adm.notified), "documents": adm.documents_considered or None,
                             "representations_received": _iso(adm.representations_on),
                             "no_representations_notice": _iso(adm.no_representations_on), "irm": irm})
    return _clean(out)


def _meeting(m: Meeting, refs: dict) -> dict:
    return _clean({
        "ref": m.ref, "date": _iso(m.meeting_date),
        "start": m.start_time.strftime("%H:%M") if m.start_time else None,
        "end": m.end_time.strftime("%H:%M") if m.end_time else None,
        "venue": m.venue, "status": m.status, "papers_sent": _iso(m.papers_sent),
        "minutes_final": _iso(m.minutes_final),
        "attendance": [_clean({"member": refs["member"][a.member_id], "status": a.status,
                               "acting_as": a.acting_as}) for a in m.attendance] or None,
        "declarations": [_clean({"member": refs["member"][d.member_id],
                                 "item": refs["item"].get(d.item_id), "interest": d.interest,
                                 "action": d.action}) for d in m.declarations] or None,
        "items": [_item(i, refs) for i in m.items],
    })


def export_document(session: Session, by: Actor | None = None) -> dict:
    """Every record as one document. ``by``, when given, must be allowed to export."""
    if by is not None:
        require(by, "exchange.export")
    agency = session.exec(select(Agency)).first()
    members = session.exec(select(PanelMember).order_by(PanelMember.id)).all()
    households = session.exec(select(Household).order_by(Household.id)).all()
    children = session.exec(select(Child).order_by(Child.id)).all()
    meetings = session.exec(select(Meeting).order_by(Meeting.id).options(
        selectinload(Meeting.attendance), selectinload(Meeting.declarations),
        selectinload(Meeting.items).selectinload(AgendaItem.household_links),
        selectinload(Meeting.items).selectinload(AgendaItem.child_links),
        selectinload(Meeting.items).selectinload(AgendaItem.recommendation).selectinload(Recommendation.dissent),
        selectinload(Meeting.items).selectinload(AgendaItem.adm_decision))).all()
    refs = {
        "member": {m.id: m.ref for m in members},
        "household": {h.id: h.ref for h in households},
        "child": {c.id: c.ref for c in children},
        "item": dict(session.exec(select(AgendaItem.id, AgendaItem.ref)).all()),
    }
    doc: dict = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if agency is not None:
        doc["agency"] = _agency(agency)
    doc["members"] = [member_record(m) for m in members]
    doc["households"] = [household_record(h) for h in households]
    doc["children"] = [child_record(c, refs["household"]) for c in children]
    doc["meetings"] = [_meeting(m, refs) for m in meetings]
    return doc
