"""Building an agenda: add items, reorder, remove, defer to a later meeting, attach papers."""

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from sqlmodel import Session, select

from .. import audit
from ..enums import ITEM_TYPES, PAPER_KINDS
from ..errors import PanelAppError
from ..models import AgendaItem, ItemChild, ItemHousehold, ItemPaper, Meeting
from ..rules.workdays import WorkingDays
from .common import agency_of, ensure_open, snapshot, unique_ref
from .lookup import child_by_ref, household_by_ref, item_label
from .permissions import Actor, require

ITEM_TYPE_WORDS = {
    "adopter_approval": "Adopter approval", "adopter_review": "Review of approval",
    "withdrawal": "Withdrawal", "early_permanence_approval": "Early permanence approval",
    "match": "Match", "retrospective_approval": "Retrospective approval",
    "child_plan": "Child's plan for adoption", "other": "Other matter",
}
# Types that concern children, and those that concern prospective adopters.
NEEDS_CHILD = {"match", "child_plan"}
NEEDS_HOUSEHOLD = {"adopter_approval", "adopter_review", "withdrawal", "early_permanence_approval",
                   "match", "retrospective_approval"}


def item_summary(item: AgendaItem) -> dict:
    return {"ref": item.ref, "uid": item.uid, "number": item.position + 1, "type": item.item_type,
            "households": [link.household.ref for link in item.household_links],
            "children": [link.child.ref for link in item.child_links],
            "presenters": list(item.presenters or []), "outcome": item.outcome,
            "duration_minutes": item.duration_minutes, "papers": len(item.papers), "version": item.version}


def _audit_item(session, actor, action, item, summary, before=None):
    audit.record(session, actor.username, action, "agenda_item", entity_uid=item.uid, summary=summary,
                 before=before, after=item_summary(item) if action != "delete" else None)


def add_item(session: Session, actor: Actor, meeting: Meeting, *, item_type: str,
             households: list[str] = (), children: list[str] = (), presenters: list[str] = (),
             duration_minutes: int | None = None, ref: str | None = None) -> dict:
    require(actor, "agenda.edit")
    ensure_open(meeting, "add an item")
    if meeting.status == "held":
        raise PanelAppError(f"The meeting {meeting.ref} is being held; add the item to a later meeting.")
    if item_type not in ITEM_TYPES:
        raise PanelAppError(f"{item_type!r} is not an item type; choose one of: {', '.join(ITEM_TYPES)}.")
    if item_type in NEEDS_HOUSEHOLD and not households:
        raise PanelAppError(f"A {ITEM_TYPE_WORDS[item_type].lower()} item needs the household it concerns.")
    if item_type in NEEDS_CHILD and not children:
        raise PanelAppError(f"A {ITEM_TYPE_WORDS[item_type].lower()} item needs the child or children it concerns.")
    if duration_minutes is not None and not 5 <= duration_minutes <= 240:
        raise PanelAppError("An item's time slot must be between 5 and 240 minutes.")
    found_households = [household_by_ref(session, r) for r in households]
    found_children = [child_by_ref(session, r) for r in children]
    item = AgendaItem(ref=ref or unique_ref(session, AgendaItem, f"{meeting.ref}-{len(meeting.items) + 1}"),
                      position=len(meeting.items), item_type=item_type,
                      presenters=[p for p in presenters if p.strip()] or None, duration_minutes=duration_minutes)
    item.household_links = [ItemHousehold(household=h, position=i) for i, h in enumerate(found_households)]
    item.child_links = [ItemChild(child=c, position=i) for i, c in enumerate(found_children)]
    meeting.items.append(item)
    session.flush()
    _audit_item(session, actor, "create", item, f"{item_label(item)} added to {meeting.ref}")
    return {"item": item_summary(item), "warnings": agenda_warnings(session, meeting)}


def reorder_items(session: Session, actor: Actor, meeting: Meeting, refs: list[str]) -> list[dict]:
    require(actor, "agenda.edit")
    ensure_open(meeting, "reorder the agenda")
    current = {i.ref: i for i in meeting.items}
    if sorted(refs) != sorted(current):
        raise PanelAppError("The new order must list every item of the meeting once.")
    before = [i.ref for i in meeting.items]
    for position, ref in enumerate(refs):
        current[ref].position = position
    meeting.items.sort(key=lambda i: i.position)
    session.flush()
    audit.record(session, actor.username, "reorder", "meeting", entity_uid=meeting.uid,
                 summary=f"agenda of {meeting.ref} reordered", before={"order": before}, after={"order": refs})
    return [item_summary(i) for i in meeting.items]


def remove_item(session: Session, actor: Actor, item: AgendaItem, *, reason: str) -> dict:
    """Take an item off the agenda. Once papers have gone out, it stays listed as ``removed``."""
    require(actor, "agenda.edit")
    meeting = item.meeting
    ensure_open(meeting, "remove an item")
    if item.outcome not in (None, "removed"):
        raise PanelAppError(f"{item_label(item)} has been heard ({item.outcome}); it cannot be removed.")
    if not reason.strip():
        raise PanelAppError("Say why the item is removed from the agenda.")
    before = item_summary(item)
    if meeting.papers_sent is not None or meeting.status == "held":
        item.outcome = "removed"
        item.removal_reason = reason.strip()
        session.flush()
        _audit_item(session, actor, "remove", item, f"{item_label(item)} removed from the agenda: {reason}",
                    before=before)
        return {"kept_as_removed": True, "item": item_summary(item)}
    meeting.items.remove(item)
    session.delete(item)
    for position, other in enumerate(meeting.items):
        other.position = position
    session.flush()
    audit.record(session, actor.username, "delete", "agenda_item", entity_uid=before["uid"],
                 summary=f"{before['ref']} taken off the agenda of {meeting.ref} before papers went out: {reason}",
                 before=before)
    return {"kept_as_removed": False, "item": None}


def relist_item(session: Session, actor: Actor, item: AgendaItem, to_meeting: Meeting) -> dict:
    """Put a deferred item on a later meeting, keeping the link back to the one deferred."""
    require(actor, "agenda.edit")
    if item.outcome != "deferred":
        raise PanelAppError(f"{item_label(item)} was not deferred; only a deferred item is re-listed.")
    if to_meeting.meeting_date <= item.meeting.meeting_date:
        raise PanelAppError("A deferred item is re-listed on a later meeting.")
    ensure_open(to_meeting, "add an item")
    already = session.exec(select(AgendaItem).where(AgendaItem.deferred_from_id == item.id)).first()
    if already is not None:
        raise PanelAppError(f"{item.ref} is re-listed already, as {already.ref} on {already.meeting.ref}.")
    result = add_item(session, actor, to_meeting, item_type=item.item_type,
                      households=[link.household.ref for link in item.household_links],
                      children=[link.child.ref for link in item.child_links],
                      presenters=list(item.presenters or []), duration_minutes=item.duration_minutes)
    new = session.exec(select(AgendaItem).where(AgendaItem.ref == result["item"]["ref"])).one()
    new.deferred_from_id = item.id
    session.flush()
    audit.record(session, actor.username, "relist", "agenda_item", entity_uid=new.uid,
                 summary=f"{item.ref} (deferred at {item.meeting.ref}) re-listed as {new.ref} on {to_meeting.ref}",
                 after={"deferred_from": item.ref, "ref": new.ref})
    return result


def attach_paper(session: Session, actor: Actor, item: AgendaItem, source: Path, *, title: str,
                 kind: str, documents_dir: Path, on: dt.date | None = None) -> dict:
    """Copy a paper into the store's document folder, with its SHA-256, and list it on the item.
    A paper added after the papers went out is marked late (an addendum to the pack)."""
    require(actor, "agenda.edit")
    meeting = item.meeting
    ensure_open(meeting, "attach a paper")
    source = Path(source)
    if not source.is_file():
        raise PanelAppError(f"{source}: no such file.")
    if kind not in PAPER_KINDS:
        raise PanelAppError(f"{kind!r} is not a kind of paper; choose one of: {', '.join(PAPER_KINDS)}.")
    if not title.strip():
        raise PanelAppError("Give the paper a title.")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    folder = Path(documents_dir) / meeting.ref / item.ref
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{digest[:12]}-{source.name}"
    if not target.exists():
        shutil.copy2(source, target)
    on = on or dt.date.today()
    paper = ItemPaper(position=len(item.papers), title=title.strip(), kind=kind,
                      file_name=source.name, stored_path=str(target), sha256=digest, added_on=on,
                      late=meeting.papers_sent is not None and on > meeting.papers_sent)
    item.papers.append(paper)
    session.flush()
    audit.record(session, actor.username, "attach", "item_paper", entity_uid=paper.uid,
                 summary=f"{title} attached to {item_label(item)} of {meeting.ref}" + (" (late)" if paper.late else ""),
                 after=snapshot(paper, "title", "kind", "file_name", "sha256", "added_on", "late"))
    return {"uid": paper.uid, "title": paper.title, "path": str(target), "sha256": digest, "late": paper.late}


def papers_deadline(session: Session, meeting: Meeting) -> dt.date:
    """The last day papers can go out on time: the agency's papers_working_days before the meeting."""
    agency = agency_of(session)
    workdays = WorkingDays.for_agency(agency)
    return workdays.add(meeting.meeting_date, -int(agency.setting("papers_working_days")))


def agenda_warnings(session: Session, meeting: Meeting, today: dt.date | None = None) -> list[str]:
    """What an adviser should know before the papers go out, one sentence each."""
    today = today or dt.date.today()
    warnings = []
    listed = [i for i in meeting.items if i.outcome != "removed"]
    if meeting.capacity and len(listed) > meeting.capacity:
        warnings.append(f"Over capacity: {len(listed)} items for a meeting that takes {meeting.capacity}.")
    if meeting.status == "planned":
        deadline = papers_deadline(session, meeting)
        if meeting.papers_sent is None and today > deadline:
            warnings.append(f"Papers late: they were due out by {deadline:%d %B %Y} and have not been sent.")
        elif meeting.papers_sent is not None and meeting.papers_sent > deadline:
            warnings.append(f"Papers late: sent {meeting.papers_sent:%d %B %Y}, due by {deadline:%d %B %Y}.")
        late = [p for i in listed for p in i.papers if p.late]
        if late:
            warnings.append(f"{len(late)} paper(s) added after the papers went out: send them as an addendum.")
    for item in listed:
        for link in item.household_links:
            others = session.exec(
                select(AgendaItem).join(ItemHousehold).join(Meeting)
                .where(ItemHousehold.household_id == link.household_id, AgendaItem.id != item.id,
                       AgendaItem.outcome.is_(None), Meeting.status == "planned")).all()
            for other in others:
                warnings.append(f"{item_label(item)}: household {link.household.ref} is also listed on "
                                f"{other.meeting.ref} ({item_label(other)}).")
        if item.item_type == "match":
            warnings.extend(match_warnings(item))
        if item.outcome is None:
            warnings.extend(changed_case_warnings(item))
    return warnings


def changed_case_warnings(item: AgendaItem) -> list[str]:
    """A household that withdrew, or a child whose plan changed, since the item was listed."""
    out = []
    for link in item.household_links:
        h = link.household
        withdrew = h.withdrawn or h.withdrawal_date
        if withdrew and item.item_type != "withdrawal":
            out.append(f"{item_label(item)}: household {h.ref} ({h.display_name}) withdrew on {withdrew:%d %B %Y}; "
                       "take the item off or say why it stays.")
    for link in item.child_links:
        c = link.child
        if c.plan_changed:
            out.append(f"{item_label(item)}: {c.name}'s plan changed on {c.plan_changed:%d %B %Y}; "
                       "check that the item still stands.")
    return out


def match_warnings(item: AgendaItem) -> list[str]:
    """Where a household's approval does not fit the children of a proposed match."""
    out = []
    children = [link.child for link in item.child_links]
    day = item.meeting.meeting_date
    for link in item.household_links:
        h = link.household
        if h.approval_children_max is None:
            out.append(f"{item_label(item)}: household {h.ref} has no approval terms recorded.")
            continue
        if len(children) > h.approval_children_max:
            out.append(f"{item_label(item)}: {len(children)} children, but household {h.ref} is approved "
                       f"for up to {h.approval_children_max}.")
        for child in children:
            if child.dob is None:
                continue
            age = day.year - child.dob.year - ((day.month, day.day) < (child.dob.month, child.dob.day))
            if not (h.approval_age_min_years or 0) <= age <= (h.approval_age_max_years or 99):
                out.append(f"{item_label(item)}: child {child.ref} is {age}, outside household {h.ref}'s "
                           f"approved age range {h.approval_age_min_years}–{h.approval_age_max_years}.")
    return out
