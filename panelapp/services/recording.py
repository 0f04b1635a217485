"""Recording the meeting: attendance, declarations of interest, and each item's recommendation.

Every refusal is raised before anything is written: an inquorate item, a meeting
whose attendance has not been taken, minutes that are final.
"""


from sqlmodel import Session

from .. import audit
from ..enums import ADVISERS, ATTENDANCE_STATUSES, DECLARATION_ACTIONS, HEARD_OUTCOMES
from ..errors import PanelAppError
from ..models import AgendaItem, Attendance, Declaration, Dissent, Meeting, Recommendation
from ..rules.quorum import item_quorum
from .agenda import ITEM_TYPE_WORDS
from .common import agency_of, check_version, ensure_open, snapshot, touch
from .drafts import clear_drafts, draft_key
from .lookup import item_label, member_by_ref
from .permissions import Actor, require

APPROVAL_TYPES = {"adopter_approval", "early_permanence_approval", "retrospective_approval"}
# The meeting room shows the change as it refuses, and keeps what was typed.
LOOK_AGAIN = "look at their change, then record yours again"


def record_attendance(session: Session, actor: Actor, meeting: Meeting, entries: list[dict], *,
                      expected_version: int | None = None) -> list[dict]:
    """Set who attends: each entry ``{member, status, acting_as?, arrived_at?, left_at?}`` by member ref.
    Members not named keep what was recorded for them; a status of None sets a member back to
    not recorded (a mark made by mistake). ``expected_version``: the meeting's version the form
    read (a stale one is refused)."""
    require(actor, "meeting.record")
    check_version(meeting, expected_version, f"the attendance at {meeting.ref}")
    ensure_open(meeting, "record attendance")
    rows = {a.member.ref: a for a in meeting.attendance}
    problems, resolved = [], []
    for n, entry in enumerate(entries, start=1):
        member = member_by_ref(session, entry["member"])
        status = entry.get("status")
        if status is not None and status not in ATTENDANCE_STATUSES:
            problems.append(f"{member.name}: {status!r} is not present, apologies or absent")
        acting = entry.get("acting_as")
        if acting is not None and acting not in member.role_names:
            problems.append(f"{member.name} cannot act as {acting}: not one of their roles")
        if not member.on_list(meeting.meeting_date):
            problems.append(f"{member.name} is not on the central list on {meeting.meeting_date:%d %B %Y}")
        arrived, left = entry.get("arrived_at"), entry.get("left_at")
        if arrived and left and left < arrived:
            problems.append(f"{member.name} left ({left:%H:%M}) before arriving ({arrived:%H:%M})")
        resolved.append((member, entry))
    chairs = [e for _, e in resolved if e.get("acting_as") == "chair" and e.get("status") == "present"]
    if len(chairs) > 1:
        problems.append("only one person can chair the meeting")
    if problems:
        raise PanelAppError("Attendance not recorded: " + "; ".join(problems) + ".")
    before = [snapshot(a, "status", "acting_as") | {"member": a.member.ref} for a in meeting.attendance]
    for member, entry in resolved:
        row = rows.get(member.ref)
        if entry.get("status") is None:
            if row is not None:
                meeting.attendance.remove(row)
            continue
        if row is None:
            row = Attendance(member=member, position=len(meeting.attendance), status=entry["status"])
            meeting.attendance.append(row)
        row.status = entry["status"]
        row.acting_as = entry.get("acting_as")
        row.arrived_at = entry.get("arrived_at")
        row.left_at = entry.get("left_at")
    touch(meeting)
    session.flush()
    after = [snapshot(a, "status", "acting_as") | {"member": a.member.ref} for a in meeting.attendance]
    audit.record(session, actor.username, "attendance", "meeting", entity_uid=meeting.uid,
                 summary=f"attendance at {meeting.ref} recorded", before=before, after=after)
    return after


def declare_interest(session: Session, actor: Actor, meeting: Meeting, *, member: str, interest: str,
                     action: str, item: AgendaItem | None = None) -> dict:
    require(actor, "meeting.record")
    ensure_open(meeting, "record a declaration of interest")
    person = member_by_ref(session, member)
    if action not in DECLARATION_ACTIONS:
        raise PanelAppError(f"{action!r} is not what a member can do: remained, left_for_item or took_no_part.")
    if not interest.strip():
        raise PanelAppError("Say what the interest is.")
    if item is not None and item.meeting_id != meeting.id:
        raise PanelAppError(f"{item.ref} is not an item of {meeting.ref}.")
    if action != "remained" and item is None:
        raise PanelAppError("Name the item the member leaves for, or takes no part in.")
    declaration = Declaration(member=person, item=item, interest=interest.strip(), action=action,
                              position=len(meeting.declarations))
    meeting.declarations.append(declaration)
    session.flush()
    audit.record(session, actor.username, "declare", "declaration", entity_uid=declaration.uid,
                 summary=f"{person.ref} declared an interest at {meeting.ref}"
                         + (f" for {item_label(item)}" if item else "") + f": {action}",
                 after={"member": person.ref, "item": item.ref if item else None, "interest": interest,
                        "action": action})
    return {"uid": declaration.uid, "member": person.ref, "item": item.ref if item else None, "action": action}


def check_can_record(session: Session, item: AgendaItem):
    """The quorum result for the item, or a refusal saying why it cannot be recorded."""
    meeting = item.meeting
    ensure_open(meeting, f"record {item_label(item)}")
    if meeting.status != "held":
        raise PanelAppError(f"The meeting {meeting.ref} has not started: open it before recording.")
    if not any(a.status == "present" for a in meeting.attendance):
        raise PanelAppError(f"Take the attendance of {meeting.ref} before recording any recommendation.")
    if item.outcome == "removed":
        raise PanelAppError(f"{item_label(item)} was removed from the agenda.")
    result = item_quorum(session, item, agency_of(session))
    if not result.quorate:
        raise PanelAppError(result.explanation(f"Item {item.position + 1}"))
    return result


def record_recommendation(session: Session, actor: Actor, item: AgendaItem, *, outcome: str,
                          wording: str | None = None, reasons: str | None = None,
                          votes: dict | None = None, dissent: list[dict] = (),
                          discussion: str | None = None, approval_terms: dict | None = None,
                          expected_version: int | None = None) -> dict:
    """Record the panel's outcome for one item, with its words, reasons and members' views.
    ``expected_version``: the item's version the form read (a stale one is refused)."""
    require(actor, "meeting.record")
    check_version(item, expected_version, f"the record of {item_label(item)}", LOOK_AGAIN)
    quorum = check_can_record(session, item)
    agency = agency_of(session)
    if outcome not in HEARD_OUTCOMES:
        raise PanelAppError(f"{outcome!r} is not an outcome; choose one of: {', '.join(HEARD_OUTCOMES)}.")
    problems = []
    if outcome in ("recommended", "not_recommended"):
        if not (wording or "").strip():
            problems.append("write the recommendation in full words")
        if not (reasons or "").strip():
            problems.append("give the reasons for the recommendation")
    if outcome == "deferred" and not (reasons or "").strip():
        problems.append("say what more information the panel needs (the reasons for deferring)")
    counted = {p.ref for p in quorum.members_counted}
    if votes is not None:
        try:
            v_for, v_against, v_abstain = (int(votes.get(k, 0)) for k in ("for", "against", "abstain"))
        except (TypeError, ValueError):
            raise PanelAppError("Votes must be whole numbers.") from None
        if min(v_for, v_against, v_abstain) < 0:
            problems.append("votes cannot be negative")
        if v_for + v_against + v_abstain > len(counted):
            problems.append(f"{v_for + v_against + v_abstain} views given, but only {len(counted)} members "
                            "are in the room for this item")
        if outcome == "recommended" and v_against > v_for:
            problems.append(f"the views ({v_for} for, {v_against} against) do not make 'recommended' the majority")
        if outcome == "not_recommended" and v_for > v_against:
            problems.append(f"the views ({v_for} for, {v_against} against) make 'recommended' the majority")
        if v_for == v_against and v_for and not agency.setting("chair_casting_vote"):
            problems.append("the views are tied and the agency has no casting vote")
    dissenters = []
    for d in dissent:
        member = member_by_ref(session, d["member"])
        if member.ref not in counted:
            problems.append(f"{member.name} is not in the room for this item, so cannot dissent")
        if not (d.get("view") or "").strip():
            problems.append(f"give {member.name}'s view and reasons for dissent")
        dissenters.append((member, (d.get("view") or "").strip()))
    positive_approval = item.item_type in APPROVAL_TYPES and outcome == "recommended"
    households = [link.household for link in item.household_links]
    if positive_approval:
        terms = approval_terms or {}
        if not terms and households and households[0].approval_children_max is not None:
            h = households[0]
            terms = {"children_max": h.approval_children_max, "age_min_years": h.approval_age_min_years,
                     "age_max_years": h.approval_age_max_years,
                     "early_permanence": bool(h.approval_early_permanence)}
        missing = [k for k in ("children_max", "age_min_years", "age_max_years") if terms.get(k) is None]
        if missing:
            problems.append(f"a positive {ITEM_TYPE_WORDS[item.item_type].lower()} needs its terms: "
                            "number of children and age range")
        elif terms["children_max"] < 1 or terms["age_min_years"] > terms["age_max_years"]:
            problems.append("the approval terms must be at least one child and an age range from low to high")
        approval_terms = terms
    if problems:
        raise PanelAppError(f"{item_label(item)} not recorded: " + "; ".join(problems) + ".")

    before = _recommendation_snapshot(item)
    item.outcome = outcome
    if discussion is not None:
        item.discussion = discussion
    if item.recommendation is None:
        item.recommendation = Recommendation()
    rec = item.recommendation
    rec.wording = (wording or "").strip() or None
    rec.reasons = (reasons or "").strip() or None
    if votes is not None:
        rec.votes_for, rec.votes_against, rec.votes_abstain = v_for, v_against, v_abstain
    else:
        rec.votes_for = rec.votes_against = rec.votes_abstain = None
    rec.dissent = [Dissent(member=m, view=view, position=i) for i, (m, view) in enumerate(dissenters)]
    if positive_approval:
        for h in households:
            h.approval_children_max = approval_terms["children_max"]
            h.approval_age_min_years = approval_terms["age_min_years"]
            h.approval_age_max_years = approval_terms["age_max_years"]
            h.approval_early_permanence = bool(approval_terms.get("early_permanence", False))
    touch(item)
    session.flush()
    clear_drafts(session, actor, draft_key(item.uid, ""))
    after = _recommendation_snapshot(item)
    audit.record(session, actor.username, "recommend", "agenda_item", entity_uid=item.uid,
                 summary=f"{item_label(item)} of {item.meeting.ref}: {outcome}", before=before, after=after)
    return after | {"quorum": quorum.explanation(f"Item {item.position + 1}")}


def _recommendation_snapshot(item: AgendaItem) -> dict:
    rec = item.recommendation
    return {
        "ref": item.ref, "outcome": item.outcome, "discussion": item.discussion,
        "wording": rec.wording if rec else None, "reasons": rec.reasons if rec else None,
        "votes": ({"for": rec.votes_for, "against": rec.votes_against, "abstain": rec.votes_abstain}
                  if rec and rec.votes_for is not None else None),
        "dissent": [{"member": d.member.ref, "view": d.view} for d in rec.dissent] if rec else [],
    }


def record_discussion(session: Session, actor: Actor, item: AgendaItem, text: str, *,
                      expected_version: int | None = None) -> None:
    """The key points of discussion, which may be written before the outcome is known."""
    require(actor, "meeting.record")
    check_version(item, expected_version, f"the discussion of {item_label(item)}", LOOK_AGAIN)
    ensure_open(item.meeting, f"write the discussion of {item_label(item)}")
    before = item.discussion
    item.discussion = text
    audit.record(session, actor.username, "discussion", "agenda_item", entity_uid=item.uid,
                 summary=f"discussion of {item_label(item)} written", before={"discussion": before},
                 after={"discussion": text})




def record_item_notes(session: Session, actor: Actor, item: AgendaItem, *,
                      applicants_attended: bool | None = None, applicants_spoke: bool | None = None,
                      advice: dict[str, str] | None = None, expected_version: int | None = None) -> dict:
    """What the minutes say of an item besides its recommendation: whether the applicants
    attended and spoke, and the advisers' advice (by adviser; an empty text removes it).
    ``expected_version``: the item's version the screen read (a stale one is refused)."""
    require(actor, "meeting.record")
    check_version(item, expected_version, f"the notes on {item_label(item)}", LOOK_AGAIN)
    ensure_open(item.meeting, f"record the notes of {item_label(item)}")
    problems = []
    if applicants_spoke and applicants_attended is False:
        problems.append("the applicants cannot have spoken if they did not attend")
    for who, words in (advice or {}).items():
        if who not in ADVISERS:
            problems.append(f"{who!r} is not an adviser (advice is from the {', '.join(ADVISERS)})")
        elif not isinstance(words, str):
            problems.append(f"the {who.replace('_', ' ')}'s advice must be text")
    if problems:
        raise PanelAppError(f"Notes on {item_label(item)} not recorded: " + "; ".join(problems) + ".")
    before = snapshot(item, "applicants_attended", "applicants_spoke", "advice")
    if applicants_attended is not None:
        item.applicants_attended = applicants_attended
        item.applicants_spoke = bool(applicants_spoke) if applicants_attended else False
    elif applicants_spoke is not None:
        item.applicants_spoke = applicants_spoke
    if advice is not None:
        merged = dict(item.advice or {})
        for who, words in advice.items():
            if words.strip():
                merged[who] = words.strip()
            else:
                merged.pop(who, None)
        item.advice = {who: merged[who] for who in ADVISERS if who in merged} or None
    after = snapshot(item, "applicants_attended", "applicants_spoke", "advice")
    audit.record(session, actor.username, "item_notes", "agenda_item", entity_uid=item.uid,
                 summary=f"notes on {item_label(item)} recorded", before=before, after=after)
    return after
