"""Writes a validated exchange document into the store, all or nothing.

Records are matched by ``ref``: a second import of the same file updates them
(``upsert``) or is refused (``insert``). An import never deletes a record: an
item or a decision that the file leaves out stays as it is in the store.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from .. import audit
from ..errors import ExchangeErrors, StoreConflict
from ..store_faults import explain
from ..services.permissions import Actor, require
from ..models import (AdmDecision, Agency, AgendaItem, Applicant, Attendance, Child, ChildNeed,
                      Declaration, Dissent, Household, ItemChild, ItemHousehold, Meeting, MemberRole,
                      PanelMember, Recommendation)
from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from . import bulk
from .schema import AGENCY
from .validate import Known, parse_date, parse_time, validate

MODES = ("upsert", "insert")


@dataclass
class ImportResult:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated))
        if not kinds:
            return "nothing to import"
        return ", ".join(f"{kind}: {self.created[kind]} new, {self.updated[kind]} updated" for kind in kinds)


def known_refs(session: Session) -> Known:
    known = Known()
    for member in session.exec(select(PanelMember)):
        known.members[member.ref] = member.role_names
    known.households = set(session.exec(select(Household.ref)))
    known.children = set(session.exec(select(Child.ref)))
    known.items = set(session.exec(select(AgendaItem.ref)))
    known.meetings = set(session.exec(select(Meeting.ref)))
    return known


def sync(collection: list, wanted: list, row_key, spec_key, make, update) -> None:
    """Make ``collection`` hold one row per spec in ``wanted``, in order, reusing the rows
    whose key matches so that unchanged rows are not rewritten (nor their version raised)."""
    by_key = {row_key(row): row for row in collection}
    result = []
    for position, spec in enumerate(wanted):
        row = by_key.pop(spec_key(spec, position), None)
        if row is None:
            row = make(spec)
        update(row, spec)
        if row.position != position:
            row.position = position
        result.append(row)
    if [id(r) for r in result] != [id(r) for r in collection]:
        collection[:] = result


def _set(obj, **values) -> None:
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)


def write_member(member: PanelMember, spec: dict) -> None:
    """Set a member from its exchange form (only what differs, so versions rise only on change)."""
    _set(member, name=spec["name"], social_worker_pqe_years=spec.get("social_worker_pqe_years"),
         appointed=parse_date(spec["appointed"]), term_ends=parse_date(spec.get("term_ends")),
         left_on=parse_date(spec.get("left")))
    sync(member.roles, spec["roles"], lambda r: r.role, lambda role, _: role,
         lambda role: MemberRole(role=role), lambda row, role: None)


def write_household(household: Household, spec: dict) -> None:
    ms = spec.get("milestones", {})
    withdrawal = spec.get("withdrawal") or {}
    approval = spec.get("approval") or {}
    _set(household, relationship_status=spec.get("relationship"), route=spec.get("route"),
         address=spec.get("address"),
         **{name: parse_date(ms.get(name)) for name in HOUSEHOLD_MILESTONES},
         withdrawal_date=parse_date(withdrawal.get("date")), withdrawal_by=withdrawal.get("by"),
         withdrawal_stage=withdrawal.get("stage"), withdrawal_reason=withdrawal.get("reason"),
         approval_children_max=approval.get("children_max"),
         approval_age_min_years=approval.get("age_min_years"),
         approval_age_max_years=approval.get("age_max_years"),
         approval_early_permanence=approval.get("early_permanence"))

    def update_applicant(row, a):
        _set(row, name=a["name"], dob=parse_date(a.get("dob")), gender=a.get("gender"),
             ethnicity=a.get("ethnicity"))

    sync(household.applicants, spec["applicants"], lambda r: r.position, lambda a, i: i,
         lambda a: Applicant(name=a["name"]), update_applicant)


def write_child(child: Child, spec: dict, matched_household_id: int | None) -> None:
    ms = spec.get("milestones", {})
    _set(child, name=spec["name"], dob=parse_date(spec.get("dob")), gender=spec.get("gender"),
         ethnicity=spec.get("ethnicity"), ethnic_minority=spec.get("ethnic_minority"),
         sibling_group=spec.get("sibling_group"), early_permanence=spec.get("early_permanence"),
         matched_household_id=matched_household_id,
         **{name: parse_date(ms.get(name)) for name in CHILD_MILESTONES})
    sync(child.needs, spec.get("needs", []), lambda r: r.position, lambda n, i: i,
         lambda n: ChildNeed(need=n), lambda row, n: _set(row, need=n))


class Importer:
    """Records the store already holds are updated through the ORM, changing only what
    differs; new ones are written by ``bulk`` (plain rows, one executemany per table)."""

    def __init__(self, session: Session, mode: str, on_stage: Callable[[str], None] | None = None):
        self.s = session
        self.mode = mode
        self.result = ImportResult()
        self.on_stage = on_stage or (lambda _kind: None)

    def _split(self, specs: list, stored_refs) -> tuple[list, list]:
        """(new, stored): the specs of records the store does not hold yet, and of those it does."""
        stored = set(self.s.exec(stored_refs)) if specs else set()
        return ([s for s in specs if s["ref"] not in stored], [s for s in specs if s["ref"] in stored])

    def _count(self, kind: str, obj) -> None:
        if obj.id is None:
            self.result.created[kind] += 1
        elif obj in self.s.dirty and self.s.is_modified(obj):
            self.result.updated[kind] += 1

    def run(self, doc: dict) -> ImportResult:
        if "agency" in doc:
            self.agency(doc["agency"])
        self.members(doc.get("members", []))
        self.s.flush()
        self.on_stage("households")
        self.households(doc.get("households", []))
        self.s.flush()
        self.on_stage("children")
        self.children(doc.get("children", []))
        self.s.flush()
        self.on_stage("meetings")
        self.meetings(doc.get("meetings", []))
        self.s.flush()
        return self.result

    def agency(self, spec: dict) -> None:
        agency = self.s.exec(select(Agency)).first() or Agency(name=spec["name"])
        _set(agency, **{key: spec.get(key) for key in AGENCY})
        self._count("agency", agency)
        self.s.add(agency)

    def members(self, specs: list) -> None:
        existing = {m.ref: m for m in self.s.exec(select(PanelMember))}
        for spec in specs:
            member = existing.get(spec["ref"]) or PanelMember(ref=spec["ref"], name=spec["name"],
                                                                appointed=parse_date(spec["appointed"]))
            write_member(member, spec)
            self._count("members", member)
            self.s.add(member)
            existing[member.ref] = member

    def households(self, specs: list) -> None:
        new, specs = self._split(specs, select(Household.ref))
        if new:
            bulk.insert_households(self.s, new)
            self.result.created["households"] += len(new)
        existing = {h.ref: h for h in self.s.exec(select(Household))} if specs else {}
        for spec in specs:
            household = existing.get(spec["ref"]) or Household(ref=spec["ref"])
            write_household(household, spec)
            self._count("households", household)
            self.s.add(household)

    def children(self, specs: list) -> None:
        new, specs = self._split(specs, select(Child.ref))
        household_ids = dict(self.s.exec(select(Household.ref, Household.id)).all()) if new or specs else {}
        if new:
            bulk.insert_children(self.s, new, household_ids)
            self.result.created["children"] += len(new)
        existing = {c.ref: c for c in self.s.exec(select(Child))} if specs else {}
        for spec in specs:
            child = existing.get(spec["ref"]) or Child(ref=spec["ref"], name=spec["name"])
            matched = spec.get("matched_household")
            write_child(child, spec, household_ids[matched] if matched else None)
            self._count("children", child)
            self.s.add(child)

    def meetings(self, specs: list) -> None:
        # A meeting is new only with every item on it new: an item moved from another
        # meeting, or updated, goes through the ORM path with the meeting holding it.
        stored_items = set(self.s.exec(select(AgendaItem.ref))) if specs else set()
        new, specs = self._split(specs, select(Meeting.ref))
        specs += [s for s in new if any(i["ref"] in stored_items for i in s.get("items", []))]
        new = [s for s in new if not any(i["ref"] in stored_items for i in s.get("items", []))]
        member_ids = dict(self.s.exec(select(PanelMember.ref, PanelMember.id)).all())
        if new:
            household_ids = dict(self.s.exec(select(Household.ref, Household.id)).all())
            child_ids = dict(self.s.exec(select(Child.ref, Child.id)).all())
            self.result.created["items"] += bulk.insert_meetings(self.s, new, member_ids, household_ids, child_ids)
            self.result.created["meetings"] += len(new)
        if specs:
            self.stored_meetings(specs)
        bulk.insert_declarations(self.s, new, member_ids)

    def stored_meetings(self, specs: list) -> None:
        existing = {m.ref: m for m in self.s.exec(select(Meeting).options(
            selectinload(Meeting.attendance), selectinload(Meeting.declarations),
            selectinload(Meeting.items)))}
        items = {i.ref: i for i in self.s.exec(select(AgendaItem).options(
            selectinload(AgendaItem.household_links), selectinload(AgendaItem.child_links),
            selectinload(AgendaItem.recommendation).selectinload(Recommendation.dissent),
            selectinload(AgendaItem.adm_decision)))}
        member_ids = dict(self.s.exec(select(PanelMember.ref, PanelMember.id)).all())
        household_ids = dict(self.s.exec(select(Household.ref, Household.id)).all())
        child_ids = dict(self.s.exec(select(Child.ref, Child.id)).all())
        pending_declarations = []
        for spec in specs:
            meeting = existing.get(spec["ref"]) or Meeting(ref=spec["ref"], meeting_date=parse_date(spec["date"]))
            _set(meeting, meeting_date=parse_date(spec["date"]), start_time=parse_time(spec.get("start")),
                 end_time=parse_time(spec.get("end")),
                 venue=spec.get("venue"), status=spec["status"], papers_sent=parse_date(spec.get("papers_sent")),
                 minutes_final=parse_date(spec.get("minutes_final")))

            def update_attendance(row, a):
                _set(row, status=a["status"], acting_as=a.get("acting_as"))

            sync(meeting.attendance, spec.get("attendance", []), lambda r: r.member_id,
                 lambda a, _: member_ids[a["member"]],
                 lambda a: Attendance(member_id=member_ids[a["member"]], status=a["status"]),
                 update_attendance)
            listed = []
            for item_spec in spec.get("items", []):
                item = items.get(item_spec["ref"]) or AgendaItem(ref=item_spec["ref"], item_type=item_spec["type"])
                self.item(item, item_spec, member_ids, household_ids, child_ids)
                listed.append(item)
                items[item.ref] = item
            # Items the file leaves out stay on the agenda, after the ones it lists.
            kept = [i for i in meeting.items if i not in listed]
            for position, item in enumerate(listed + kept):
                if item.position != position:
                    item.position = position
            if [id(i) for i in meeting.items] != [id(i) for i in listed + kept]:
                meeting.items[:] = listed + kept
            self._count("meetings", meeting)
            self.s.add(meeting)
            pending_declarations.append((meeting, spec.get("declarations", [])))
        self.s.flush()
        for meeting, declarations in pending_declarations:
            def update_declaration(row, d):
                _set(row, member_id=member_ids[d["member"]],
                     item_id=items[d["item"]].id if d.get("item") else None,
                     interest=d["interest"], action=d["action"])

            sync(meeting.declarations, declarations, lambda r: r.position, lambda d, i: i,
                 lambda d: Declaration(member_id=member_ids[d["member"]], interest=d["interest"],
                                       action=d["action"]),
                 update_declaration)

    def item(self, item, spec, member_ids, household_ids, child_ids) -> None:
        applicants = spec.get("applicants") or {}
        _set(item, item_type=spec["type"], presenters=spec.get("presenters"), outcome=spec.get("outcome"),
             discussion=spec.get("discussion"), removal_reason=spec.get("removal_reason"),
             applicants_attended=applicants.get("attended"), applicants_spoke=applicants.get("spoke"),
             advice=spec.get("advice") or None)
        sync(item.household_links, spec.get("households", []), lambda r: r.household_id,
             lambda ref, _: household_ids[ref], lambda ref: ItemHousehold(household_id=household_ids[ref]),
             lambda row, ref: None)
        sync(item.child_links, spec.get("children", []), lambda r: r.child_id,
             lambda ref, _: child_ids[ref], lambda ref: ItemChild(child_id=child_ids[ref]),
             lambda row, ref: None)
        votes = spec.get("votes") or {}
        said = any(key in spec for key in ("recommendation", "reasons", "votes", "dissent"))
        if said or item.recommendation is not None:
            rec = item.recommendation or Recommendation()
            _set(rec, wording=spec.get("recommendation"), reasons=spec.get("reasons"),
                 votes_for=votes.get("for"), votes_against=votes.get("against"),
                 votes_abstain=votes.get("abstain"))
            sync(rec.dissent, spec.get("dissent", []), lambda r: r.position, lambda d, i: i,
                 lambda d: Dissent(member_id=member_ids[d["member"]], view=d["view"]),
                 lambda row, d: _set(row, member_id=member_ids[d["member"]], view=d["view"]))
            if item.recommendation is None:
                item.recommendation = rec
        adm = spec.get("adm")
        if adm is not None:
            decision = item.adm_decision or AdmDecision(decision_maker=adm["decision_maker"],
                                                        decided_on=parse_date(adm["date"]),
                                                        decision=adm["decision"])
            final = adm.get("final") or {}
            _set(decision, decision_maker=adm["decision_maker"], decided_on=parse_date(adm["date"]),
                 decision=adm["decision"], reasons=adm.get("reasons"),
                 final_date=parse_date(final.get("date")), final_decision=final.get("decision"),
                 final_review=final.get("review"), notified=parse_date(adm.get("notified")),
                 final_reasons=final.get("reasons"), documents_considered=adm.get("documents"),
                 representations_on=parse_date(adm.get("representations_received")),
                 no_representations_on=parse_date(adm.get("no_representations_notice")),
                 irm_recommendation=(adm.get("irm") or {}).get("recommendation"),
                 irm_on=parse_date((adm.get("irm") or {}).get("date")))
            if item.adm_decision is None:
                item.adm_decision = decision
        self._count("items", item)


def import_document(session: Session, doc, *, mode: str = "upsert", actor: str = "import",
                    source: str | None = None, by: Actor | None = None,
                    on_stage: Callable[[str], None] | None = None) -> ImportResult:
    """Validate, then write ``doc`` in the caller's transaction; raises ``ExchangeErrors``
    before writing anything when the document breaks any rule. ``by``, when given, is the
    signed-in user, who must be allowed to import. ``on_stage(kind)`` hears when the
    writing of "households", "children" and "meetings" begins."""
    if by is not None:
        require(by, "exchange.import")
        actor = by.username
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    errors = validate(doc, known_refs(session), mode)
    if errors:
        raise ExchangeErrors(errors)
    try:
        result = Importer(session, mode, on_stage).run(doc)
    except SQLAlchemyError as exc:
        # The driver's own text quotes the values it refused: only the sentence goes out.
        sentence = explain(exc)
        if isinstance(sentence, StoreConflict):
            raise ExchangeErrors([f"(store): {sentence}"]) from None
        if sentence is None:
            raise
        raise sentence from None
    audit.record(session, actor, "import", "store", summary=f"imported {source or 'a document'}: {result.summary()}",
                 after={"created": dict(result.created), "updated": dict(result.updated), "mode": mode})
    return result
