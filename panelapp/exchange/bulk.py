"""Writes the records an import creates as bulk inserts, not one ORM object per row.

A record the store does not hold yet needs none of the ORM's change tracking:
its rows are built as plain dicts (with the defaults the model would give them:
a fresh ``uid``, ``version`` 1, the creation time) and inserted table by table
with one ``executemany`` each, in the caller's transaction, so the import stays
all or nothing. Records already in the store go through the ORM path in
``importer.py``, which changes only what differs.

Each writer takes the exchange specs of new records only; the ids of rows just
written are read back by ``ref`` (or by parent id) with one query per table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import Table, select
from sqlmodel import Session

from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from ..models import (
    AdmDecision,
    AgendaItem,
    Applicant,
    Attendance,
    Child,
    ChildNeed,
    Declaration,
    Dissent,
    Household,
    ItemChild,
    ItemHousehold,
    Meeting,
    Recommendation,
)
from ..models.base import Record, utcnow
from .validate import parse_date, parse_time

# Rows per executemany: large enough to be fast, small enough to keep memory flat.
CHUNK = 5_000


class RowMaker:
    """Builds a table's row as the model's constructor would: every column given,
    defaults (and default factories such as ``uid``) for what the spec leaves out."""

    def __init__(self, model: type[Record]):
        self.table: Table = model.__table__  # type: ignore[attr-defined]
        self.fixed: dict[str, Any] = {}
        self.factories: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if name == "id" or name not in self.table.c or name in ("created_at", "updated_at"):
                continue
            if info.default_factory is not None:
                self.factories[name] = info.default_factory
            elif info.default is not PydanticUndefined:
                self.fixed[name] = info.default
        self.now = utcnow()

    def __call__(self, **values: Any) -> dict[str, Any]:
        row = dict(self.fixed)
        for name, factory in self.factories.items():
            row[name] = factory()
        row["created_at"] = row["updated_at"] = self.now
        row.update(values)
        return row


def chunks(rows: Iterable[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_rows(session: Session, model: type[Record], rows: Iterable[dict]) -> None:
    """Insert ``rows`` through the driver's executemany, each value converted by its
    column type's own bind processor (as SQLAlchemy would, without its per-row cost)."""
    table = model.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    dialect = connection.dialect
    names = [c.name for c in table.c if c.name != "id"]
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    quote = dialect.identifier_preparer
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(n) for n in names)}) "
           f"VALUES ({', '.join([marker] * len(names))})")
    pairs = list(zip(names, processors))
    for batch in chunks(rows):
        connection.exec_driver_sql(sql, [tuple(process(row.get(name)) if process else row.get(name)
                                               for name, process in pairs) for row in batch])


def ids_by(session: Session, key, id_column, wanted: set) -> dict:
    """``key -> id`` for the rows whose key is in ``wanted`` (read whole, then kept)."""
    return {k: i for k, i in session.execute(select(key, id_column)) if k in wanted}


def household_values(spec: dict) -> dict[str, Any]:
    ms = spec.get("milestones", {})
    withdrawal = spec.get("withdrawal") or {}
    approval = spec.get("approval") or {}
    return dict(relationship_status=spec.get("relationship"), route=spec.get("route"), address=spec.get("address"),
                **{name: parse_date(ms.get(name)) for name in HOUSEHOLD_MILESTONES},
                withdrawal_date=parse_date(withdrawal.get("date")), withdrawal_by=withdrawal.get("by"),
                withdrawal_stage=withdrawal.get("stage"), withdrawal_reason=withdrawal.get("reason"),
                approval_children_max=approval.get("children_max"),
                approval_age_min_years=approval.get("age_min_years"),
                approval_age_max_years=approval.get("age_max_years"),
                approval_early_permanence=approval.get("early_permanence"))


def child_values(spec: dict, matched_household_id: int | None) -> dict[str, Any]:
    ms = spec.get("milestones", {})
    return dict(name=spec["name"], dob=parse_date(spec.get("dob")), gender=spec.get("gender"),
                ethnicity=spec.get("ethnicity"), ethnic_minority=spec.get("ethnic_minority"),
                sibling_group=spec.get("sibling_group"), early_permanence=spec.get("early_permanence"),
                matched_household_id=matched_household_id,
                **{name: parse_date(ms.get(name)) for name in CHILD_MILESTONES})


def insert_households(session: Session, specs: list[dict]) -> None:
    make = RowMaker(Household)
    insert_rows(session, Household, (make(ref=s["ref"], **household_values(s)) for s in specs))
    ids = ids_by(session, Household.ref, Household.id, {s["ref"] for s in specs})
    applicant = RowMaker(Applicant)
    insert_rows(session, Applicant, (
        applicant(household_id=ids[s["ref"]], position=position, name=a["name"], dob=parse_date(a.get("dob")),
                  gender=a.get("gender"), ethnicity=a.get("ethnicity"))
        for s in specs for position, a in enumerate(s["applicants"])))


def insert_children(session: Session, specs: list[dict], household_ids: dict[str, int]) -> None:
    make = RowMaker(Child)
    insert_rows(session, Child, (
        make(ref=s["ref"], **child_values(s, household_ids[s["matched_household"]]
                                          if s.get("matched_household") else None))
        for s in specs))
    ids = ids_by(session, Child.ref, Child.id, {s["ref"] for s in specs})
    need = RowMaker(ChildNeed)
    insert_rows(session, ChildNeed, (need(child_id=ids[s["ref"]], position=position, need=n)
                                     for s in specs for position, n in enumerate(s.get("needs", []))))


def insert_meetings(session: Session, specs: list[dict], member_ids: dict[str, int],
                    household_ids: dict[str, int], child_ids: dict[str, int]) -> int:
    """The new meetings with their attendance and items (links, recommendation, dissent,
    ADM decision). Declarations come later, once every item has an id. Returns the
    number of items written."""
    make = RowMaker(Meeting)
    insert_rows(session, Meeting, (
        make(ref=s["ref"], meeting_date=parse_date(s["date"]), start_time=parse_time(s.get("start")),
             end_time=parse_time(s.get("end")),
             venue=s.get("venue"), status=s["status"], papers_sent=parse_date(s.get("papers_sent")),
             minutes_final=parse_date(s.get("minutes_final")))
        for s in specs))
    meeting_ids = ids_by(session, Meeting.ref, Meeting.id, {s["ref"] for s in specs})
    attendance = RowMaker(Attendance)
    insert_rows(session, Attendance, (
        attendance(meeting_id=meeting_ids[s["ref"]], member_id=member_ids[a["member"]], position=position,
                   status=a["status"], acting_as=a.get("acting_as"))
        for s in specs for position, a in enumerate(s.get("attendance", []))))

    item = RowMaker(AgendaItem)
    items = [(meeting_ids[s["ref"]], position, i) for s in specs for position, i in enumerate(s.get("items", []))]
    insert_rows(session, AgendaItem, (
        item(ref=i["ref"], meeting_id=meeting_id, position=position, item_type=i["type"],
             presenters=i.get("presenters"), outcome=i.get("outcome"), discussion=i.get("discussion"),
             removal_reason=i.get("removal_reason"),
             applicants_attended=(i.get("applicants") or {}).get("attended"),
             applicants_spoke=(i.get("applicants") or {}).get("spoke"), advice=i.get("advice") or None)
        for meeting_id, position, i in items))
    item_ids = ids_by(session, AgendaItem.ref, AgendaItem.id, {i["ref"] for _m, _p, i in items})
    specs_of = [(item_ids[i["ref"]], i) for _m, _p, i in items]

    link = RowMaker(ItemHousehold)
    insert_rows(session, ItemHousehold, (
        link(item_id=item_id, household_id=household_ids[ref], position=position)
        for item_id, i in specs_of for position, ref in enumerate(i.get("households", []))))
    child_link = RowMaker(ItemChild)
    insert_rows(session, ItemChild, (
        child_link(item_id=item_id, child_id=child_ids[ref], position=position)
        for item_id, i in specs_of for position, ref in enumerate(i.get("children", []))))

    said = [(item_id, i) for item_id, i in specs_of
            if any(key in i for key in ("recommendation", "reasons", "votes", "dissent"))]
    recommendation = RowMaker(Recommendation)
    insert_rows(session, Recommendation, (
        recommendation(item_id=item_id, wording=i.get("recommendation"), reasons=i.get("reasons"),
                       votes_for=(i.get("votes") or {}).get("for"),
                       votes_against=(i.get("votes") or {}).get("against"),
                       votes_abstain=(i.get("votes") or {}).get("abstain"))
        for item_id, i in said))
    with_dissent = [(item_id, i) for item_id, i in said if i.get("dissent")]
    if with_dissent:
        rec_ids = ids_by(session, Recommendation.item_id, Recommendation.id, {item_id for item_id, _i in with_dissent})
        dissent = RowMaker(Dissent)
        insert_rows(session, Dissent, (
            dissent(recommendation_id=rec_ids[item_id], member_id=member_ids[d["member"]], position=position,
                    view=d["view"])
            for item_id, i in with_dissent for position, d in enumerate(i["dissent"])))

    decision = RowMaker(AdmDecision)
    insert_rows(session, AdmDecision, (
        decision(item_id=item_id, decision_maker=i["adm"]["decision_maker"], decided_on=parse_date(i["adm"]["date"]),
                 decision=i["adm"]["decision"], reasons=i["adm"].get("reasons"),
                 final_date=parse_date((i["adm"].get("final") or {}).get("date")),
                 final_decision=(i["adm"].get("final") or {}).get("decision"),
                 final_review=(i["adm"].get("final") or {}).get("review"),
                 notified=parse_date(i["adm"].get("notified")),
                 final_reasons=(i["adm"].get("final") or {}).get("reasons"),
                 documents_considered=i["adm"].get("documents"),
                 representations_on=parse_date(i["adm"].get("representations_received")),
                 no_representations_on=parse_date(i["adm"].get("no_representations_notice")),
                 irm_recommendation=(i["adm"].get("irm") or {}).get("recommendation"),
                 irm_on=parse_date((i["adm"].get("irm") or {}).get("date")))
        for item_id, i in specs_of if i.get("adm") is not None))
    return len(items)


def insert_declarations(session: Session, specs: list[dict], member_ids: dict[str, int]) -> None:
    """The new meetings' declarations, naming items by ref (any item in the store)."""
    if not any(s.get("declarations") for s in specs):
        return
    meeting_ids = ids_by(session, Meeting.ref, Meeting.id, {s["ref"] for s in specs})
    named = {d["item"] for s in specs for d in s.get("declarations", []) if d.get("item")}
    item_ids = ids_by(session, AgendaItem.ref, AgendaItem.id, named)
    declaration = RowMaker(Declaration)
    insert_rows(session, Declaration, (
        declaration(meeting_id=meeting_ids[s["ref"]], member_id=member_ids[d["member"]],
                    item_id=item_ids[d["item"]] if d.get("item") else None, position=position,
                    interest=d["interest"], action=d["action"])
        for s in specs for position, d in enumerate(s.get("declarations", []))))
