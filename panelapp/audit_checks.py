"""What ``audit verify`` checks beyond the chain itself: the anchor kept outside the
store, SQLite's own integrity check, the minutes' and decisions' sign-off hashes, and
that the records a person signs or is given rights by still say what their last audit
event says (an edit made behind PanelApp's back leaves no event)."""

import json
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, select

from . import audit_seal
from .audit import ChainReport, canonical, location, sha256
from .models import (
    AdmDecision,
    AgendaItem,
    Attendance,
    AuditEvent,
    AuditHead,
    Declaration,
    Dissent,
    ItemChild,
    ItemHousehold,
    Meeting,
    MinutesRecord,
    Recommendation,
    UserAccount,
)


def check_store(session: Session, report: ChainReport, head: AuditHead | None, anchor_file: Path | None) -> None:
    _check_anchor(session, report, head, anchor_file)
    _check_file(session, report)
    _check_signoffs(session, report)
    _check_trail(session, report)


def _check_anchor(session: Session, report: ChainReport, head: AuditHead | None, anchor_file: Path | None) -> None:
    path = anchor_file or audit_seal.anchor_path(location(session))
    anchor = audit_seal.read_anchor(path)
    if anchor is None:
        if anchor_file is not None:
            report.problems.append(f"the anchor file {anchor_file} cannot be read")
        else:
            report.notes.append("no anchor for this store on this computer yet (panelapp audit anchor writes one)")
        return
    report.anchored = anchor.events
    if head is not None and anchor.store_uid != head.store_uid:
        report.problems.append("this is not the store the anchor was written for: the store (or its audit "
                               "trail) was replaced")
        return
    if anchor.events > report.events:
        report.problems.append(f"the anchor records {anchor.events} events but only {report.events} are stored: "
                               "events were deleted (or the store was put back to an older copy)")
        return
    if anchor.events == 0:
        return
    at = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id).offset(anchor.events - 1).limit(1)).first()
    if at != anchor.head:
        report.problems.append(f"event number {anchor.events} is not the one the anchor records: the trail "
                               "was rewritten up to that point")


def _check_file(session: Session, report: ChainReport) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    try:
        rows = [r[0] for r in session.execute(text("PRAGMA quick_check")).all()]
    except DBAPIError:
        rows = ["the file cannot be read"]
    if rows != ["ok"]:
        report.problems.append(f"the store's file is damaged (SQLite's integrity check found {len(rows)} "
                               "problem(s)); restore the latest backup")


def _signed_minutes_loads() -> list:
    """What the signed content touches, loaded in a few queries per batch: lazy loading
    took a query per attendance row and paper, minutes at the scale of a large agency."""
    item = selectinload(Meeting.items)
    return [selectinload(MinutesRecord.meeting).options(
        selectinload(Meeting.attendance).joinedload(Attendance.member),
        selectinload(Meeting.observers),
        selectinload(Meeting.declarations).options(joinedload(Declaration.member), joinedload(Declaration.item)),
        item.selectinload(AgendaItem.household_links).joinedload(ItemHousehold.household),
        item.selectinload(AgendaItem.child_links).joinedload(ItemChild.child),
        item.selectinload(AgendaItem.papers),
        item.selectinload(AgendaItem.recommendation).selectinload(Recommendation.dissent)
        .joinedload(Dissent.member))]


def _check_signoffs(session: Session, report: ChainReport) -> None:
    from .services.adm import _signed
    from .services.minutes import content_hash, minutes_content
    signed = session.exec(select(MinutesRecord).where(MinutesRecord.signoff_hash.is_not(None))
                          .options(*_signed_minutes_loads()).execution_options(yield_per=200))
    for record in signed:
        meeting = record.meeting
        if record.content is not None and sha256(record.content) != record.signoff_hash:
            report.problems.append(f"the signed minutes of {meeting.ref} were changed after the chair signed them")
        elif content_hash(minutes_content(session, meeting)) != record.signoff_hash:
            report.problems.append(f"the records of {meeting.ref} no longer match the minutes the chair signed "
                                   "(changed without an amendment)")
    decisions = session.exec(
        select(AdmDecision).where(AdmDecision.signoff_hash.is_not(None))
        .options(joinedload(AdmDecision.item).options(
            joinedload(AgendaItem.meeting).joinedload(Meeting.minutes),
            joinedload(AgendaItem.recommendation))))
    for decision in decisions:
        if _signed(decision.item, decision) != decision.signoff_hash:
            report.problems.append(f"the ADM decision on {decision.item.ref} no longer matches what the "
                                   "decision maker signed")


def _current(entity: str, record) -> dict:
    if entity == "user_account":
        return {"username": record.username, "role": record.role, "active": record.active}
    if entity == "adm_decision":
        from .services.adm import DECISION_FIELDS
        from .services.common import snapshot
        return snapshot(record, *DECISION_FIELDS)
    if entity == "minutes":
        return {"signoff_hash": record.signoff_hash}
    rec = record.recommendation
    return {"outcome": record.outcome, "discussion": record.discussion,
            "wording": rec.wording if rec else None, "reasons": rec.reasons if rec else None}


_MODELS = {"user_account": UserAccount, "adm_decision": AdmDecision, "minutes": MinutesRecord,
           "agenda_item": AgendaItem}


def _check_trail(session: Session, report: ChainReport) -> None:
    """Each record's fields as its latest events left them. An import rewrites records under
    one event for the whole file, so only what changed after the last import is compared."""
    last_import = session.exec(select(AuditEvent.id).where(AuditEvent.action == "import")
                               .order_by(AuditEvent.id.desc()).limit(1)).first() or 0
    expected: dict[tuple[str, str], dict] = {}
    events = session.exec(select(AuditEvent.entity, AuditEvent.entity_uid, AuditEvent.after)
                          .where(AuditEvent.id > last_import, AuditEvent.entity.in_(list(_MODELS)),
                                 AuditEvent.entity_uid.is_not(None), AuditEvent.after.is_not(None))
                          .order_by(AuditEvent.id))
    for entity, uid, after in events:
        try:
            values = json.loads(after)
        except ValueError:
            continue
        if isinstance(values, dict):
            expected.setdefault((entity, uid), {}).update(values)
    for (entity, uid), values in expected.items():
        model = _MODELS[entity]
        record = session.exec(select(model).where(model.uid == uid)).first()
        if record is None:
            continue
        if entity == "agenda_item" and record.meeting.minutes_final is not None:
            continue  # final minutes are checked against their sign-off, amendments included
        current = _current(entity, record)
        changed = sorted(k for k in values if k in current and canonical(current[k]) != canonical(values[k]))
        if changed:
            what = (f"the account {record.username}" if entity == "user_account"
                    else f"item {record.ref}" if entity == "agenda_item"
                    else {"adm_decision": "an ADM decision", "minutes": "a minutes record"}[entity])
            report.problems.append(f"{what} was changed without an audit event ({', '.join(changed)})")
