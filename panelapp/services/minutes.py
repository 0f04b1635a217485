"""The minutes' lifecycle: drafted from what was recorded, approved by the chair as final
(locked, signed with a hash of exactly what was approved), amended only with a reason,
the earlier text kept."""

import datetime as dt
import json

from sqlmodel import Session

from .. import audit
from ..audit import canonical, sha256
from ..errors import PanelAppError
from ..models import AgendaItem, Meeting, MinutesAmendment, MinutesRecord
from ..models.base import utcnow
from ..rules.quorum import item_quorum, meeting_quorum
from .common import agency_of, minutes_are_final
from .lookup import item_label, item_number
from .permissions import Actor, require
from .signoff import confirm_signer, signing_date

HEARD = ("recommended", "not_recommended", "deferred", "noted")


def minutes_content(session: Session, meeting: Meeting) -> dict:
    """The canonical content of the minutes: what the chair signs and the hash covers."""
    quorum = meeting_quorum(session, meeting, agency_of(session))
    return {
        "meeting": meeting.ref, "date": meeting.meeting_date.isoformat(),
        "start": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        "end": meeting.end_time.strftime("%H:%M") if meeting.end_time else None,
        "venue": meeting.venue,
        "attendance": [{"member": a.member.ref, "name": a.member.name, "status": a.status,
                        "acting_as": a.acting_as} for a in meeting.attendance],
        "observers": [{"name": o.name, "organisation": o.organisation} for o in meeting.observers],
        "quorate": quorum.quorate,
        "declarations": [{"member": d.member.ref, "item": d.item.ref if d.item else None,
                          "interest": d.interest, "action": d.action} for d in meeting.declarations],
        "items": [_item_content(i) for i in meeting.items],
    }


def _item_content(item: AgendaItem) -> dict:
    rec = item.recommendation
    # Keys added since the first signed minutes are left out when empty, so that minutes
    # signed before them keep the hash they were signed with.
    extra = {key: value for key, value in (
        ("removal_reason", item.removal_reason), ("advice", item.advice or None),
        ("applicants", {"attended": item.applicants_attended, "spoke": item.applicants_spoke}
         if item.applicants_attended is not None else None)) if value is not None}
    return extra | {
        "ref": item.ref, "number": item.position + 1, "type": item.item_type, "outcome": item.outcome,
        "households": [link.household.ref for link in item.household_links],
        "children": [link.child.ref for link in item.child_links],
        "papers": [{"title": p.title, "sha256": p.sha256} for p in item.papers],
        "discussion": item.discussion,
        "recommendation": rec.wording if rec else None, "reasons": rec.reasons if rec else None,
        "votes": ({"for": rec.votes_for, "against": rec.votes_against, "abstain": rec.votes_abstain}
                  if rec and rec.votes_for is not None else None),
        "dissent": [{"member": d.member.ref, "view": d.view} for d in rec.dissent] if rec else [],
    }


def content_hash(content: dict) -> str:
    return sha256(canonical(content))


def minutes_state(meeting: Meeting) -> str:
    if meeting.status == "cancelled":
        return "cancelled"
    if minutes_are_final(meeting):
        return "amended" if meeting.amendments else "final"
    if meeting.minutes is not None:
        return "draft"
    if meeting.status == "held":
        return "held"
    return "papers sent" if meeting.papers_sent else "planned"


def draft_minutes(session: Session, actor: Actor, meeting: Meeting) -> dict:
    """Start (or refresh) the draft minutes of a held meeting."""
    require(actor, "minutes.draft")
    if meeting.status != "held":
        raise PanelAppError(f"Minutes are drafted for a held meeting; {meeting.ref} is {meeting.status}.")
    if minutes_are_final(meeting):
        raise PanelAppError(f"The minutes of {meeting.ref} are final; amend them with a reason instead.")
    if meeting.minutes is None:
        meeting.minutes = MinutesRecord(status="draft")
    record = meeting.minutes
    content = minutes_content(session, meeting)
    record.content = canonical(content)
    session.flush()
    audit.record(session, actor.username, "draft", "minutes", entity_uid=record.uid,
                 summary=f"minutes of {meeting.ref} drafted")
    return {"meeting": meeting.ref, "status": "draft", "content": content}


def heard_items(session: Session, meeting: Meeting) -> list[AgendaItem]:
    """The items the panel heard: given an outcome while quorate for them."""
    agency = agency_of(session)
    return [i for i in meeting.items if i.outcome in HEARD and item_quorum(session, i, agency).quorate]


def missing_for_approval(session: Session, meeting: Meeting) -> list[str]:
    """What the minutes still lack before the chair can approve them, in words. (A missing
    finish time is printed as not recorded rather than refused: the meeting room cannot
    record it yet.)"""
    missing = []
    for item in heard_items(session, meeting):
        if not (item.discussion or "").strip():
            missing.append(f"the key points of discussion of item {item_number(item)} ({item.ref})")
    return missing


def approve_minutes(session: Session, actor: Actor, meeting: Meeting, *, on: dt.date | None = None,
                    password: str | None = None) -> dict:
    """The chair approves the minutes as final: they are locked and signed. ``on`` is the
    date of approval (today when not given, never later); ``password`` is the chair's,
    asked again."""
    require(actor, "minutes.approve")
    if meeting.status != "held":
        raise PanelAppError(f"Only the minutes of a held meeting can be approved; {meeting.ref} is {meeting.status}.")
    if minutes_are_final(meeting):
        raise PanelAppError(f"The minutes of {meeting.ref} are final already.")
    unheard = [item_label(i) for i in meeting.items if i.outcome is None]
    if unheard:
        raise PanelAppError(f"Record an outcome for {', '.join(unheard)} (or remove it) before approving the minutes.")
    missing = missing_for_approval(session, meeting)
    if missing:
        raise PanelAppError(f"The minutes of {meeting.ref} cannot be approved yet: record "
                            + "; ".join(missing) + ".")
    on = signing_date(on, "The approval of the minutes")
    if on < meeting.meeting_date:
        raise PanelAppError("Minutes cannot be final before the meeting was held.")
    confirm_signer(session, actor, password, f"approve the minutes of {meeting.ref}")
    content = minutes_content(session, meeting)
    digest = content_hash(content)
    if meeting.minutes is None:
        meeting.minutes = MinutesRecord(status="final")
    record = meeting.minutes
    record.status = "final"
    record.approved_by = actor.display_name
    record.approved_at = utcnow()
    record.content = canonical(content)
    record.signoff_hash = digest
    meeting.minutes_final = on
    session.flush()
    audit.record(session, actor.username, "approve", "minutes", entity_uid=record.uid,
                 summary=f"minutes of {meeting.ref} approved as final by {actor.display_name}",
                 after={"meeting": meeting.ref, "minutes_final": on.isoformat(), "signoff_hash": digest})
    return {"meeting": meeting.ref, "minutes_final": on, "signoff_hash": digest,
            "approved_by": actor.display_name}


AMENDABLE = {"wording", "reasons", "discussion"}


def amend_minutes(session: Session, actor: Actor, item: AgendaItem, *, reason: str, **changes: str) -> dict:
    """Change the recorded text of one item in final minutes. The earlier content and its
    hash are kept with the amendment; the minutes are signed again."""
    require(actor, "minutes.approve")
    meeting = item.meeting
    if not minutes_are_final(meeting):
        raise PanelAppError(f"The minutes of {meeting.ref} are still a draft: change them directly.")
    if not reason.strip():
        raise PanelAppError("An amendment to final minutes needs its reason.")
    unknown = set(changes) - AMENDABLE
    if unknown or not changes:
        raise PanelAppError(f"An amendment changes the recommendation's wording, reasons or discussion "
                            f"(not {', '.join(sorted(unknown)) or 'nothing'}).")
    previous = minutes_content(session, meeting)
    if meeting.minutes is None:  # final minutes imported from elsewhere have no record yet
        meeting.minutes = MinutesRecord(status="final")
    record = meeting.minutes
    previous_hash = record.signoff_hash or content_hash(previous)
    if "discussion" in changes:
        item.discussion = changes["discussion"]
    if item.recommendation is not None:
        for name in ("wording", "reasons"):
            if name in changes:
                setattr(item.recommendation, name, changes[name])
    elif {"wording", "reasons"} & set(changes):
        raise PanelAppError(f"{item_label(item)} has no recommendation to amend.")
    session.flush()
    content = minutes_content(session, meeting)
    digest = content_hash(content)
    amendment = MinutesAmendment(position=len(meeting.amendments), amended_at=utcnow(),
                                 amended_by=actor.display_name, reason=reason.strip(),
                                 previous=canonical(previous), previous_hash=previous_hash, signoff_hash=digest)
    meeting.amendments.append(amendment)
    record.content = canonical(content)
    record.signoff_hash = digest
    session.flush()
    audit.record(session, actor.username, "amend", "minutes", entity_uid=record.uid,
                 summary=f"minutes of {meeting.ref} amended ({item_label(item)}): {reason.strip()}",
                 before={"signoff_hash": previous_hash}, after={"signoff_hash": digest, **changes})
    return {"meeting": meeting.ref, "signoff_hash": digest, "previous_hash": previous_hash,
            "amendment": amendment.position + 1}


def minutes_versions(meeting: Meeting) -> list[dict]:
    """Every approved version, oldest first: the earlier texts kept by amendments, then the current."""
    versions = [{"hash": a.previous_hash, "content": json.loads(a.previous) if a.previous else None,
                 "replaced_on": a.amended_at, "replaced_by": a.amended_by, "reason": a.reason}
                for a in meeting.amendments]
    if meeting.minutes is not None and meeting.minutes.content:
        versions.append({"hash": meeting.minutes.signoff_hash, "content": json.loads(meeting.minutes.content),
                         "replaced_on": None, "replaced_by": None, "reason": None})
    return versions
