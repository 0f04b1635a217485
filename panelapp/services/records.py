"""Editing households, children and the central list, by the exchange format's own rules.

A record is turned into its exchange shape, the changes are laid over it, and
the whole record goes through the exchange validator: a form refuses exactly
what an import would refuse, with the same words. Each message is keyed by the
field it is about (``milestones.approved``, ``applicants[1].dob``), so a form
can show it beside that field. Nothing here deletes a record.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from sqlmodel import Session, select

from .. import audit
from ..errors import FieldErrors, PanelAppError
from ..exchange import schema
from ..exchange.exporter import child_record, household_record, member_record
from ..exchange.importer import write_child, write_household, write_member
from ..exchange.validate import Known, Validator, parse_date
from ..models import Child, Household, PanelMember
from ..models.base import utcnow
from .common import check_version, unique_ref
from .lookup import child_by_ref, household_by_ref, member_by_ref
from .permissions import Actor, require


@dataclass(frozen=True)
class Kind:
    noun: str
    model: type
    listing: str  # the exchange document's list of these records
    shape: dict
    ref_prefix: str
    lookup: Callable
    to_exchange: Callable[[Session, object], dict]
    write: Callable[[Session, object, dict], None]


# -- from the exchange shape to the store -------------------------------------

def _write_household(session: Session, h: Household, spec: dict) -> None:
    write_household(h, spec)


def _write_child(session: Session, c: Child, spec: dict) -> None:
    matched = spec.get("matched_household")
    write_child(c, spec, session.exec(select(Household.id).where(Household.ref == matched)).one()
                if matched else None)


def _write_member(session: Session, m: PanelMember, spec: dict) -> None:
    write_member(m, spec)


def _child_exchange(session: Session, c: Child) -> dict:
    refs = {}
    if c.matched_household_id is not None:
        refs[c.matched_household_id] = session.exec(
            select(Household.ref).where(Household.id == c.matched_household_id)).one()
    return child_record(c, refs)


HOUSEHOLD = Kind("household", Household, "households", schema.HOUSEHOLD, "H", household_by_ref,
                 lambda s, h: household_record(h), _write_household)
CHILD = Kind("child", Child, "children", schema.CHILD, "C", child_by_ref, _child_exchange, _write_child)
MEMBER = Kind("member", PanelMember, "members", schema.MEMBER, "M", member_by_ref,
              lambda s, m: member_record(m), _write_member)


# -- values as the exchange format writes them ---------------------------------

def _plain(value, key: schema.Key | None):
    """Python values (dates, numbers, text from a form) as an exchange document holds them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict) and key is not None and key.shape:
        return _clean(value, key.shape)
    if isinstance(value, (list, tuple)) and key is not None:
        if key.shape:
            return [_clean(v, key.shape) if isinstance(v, dict) else v for v in value]
        return [v for v in (_plain(v, key.item) for v in value) if v not in (None, "")]
    return value


def _clean(mapping: dict, shape: dict) -> dict:
    """Drop what is not known: None, and empty text or lists where the key is optional
    (a required key keeps its empty value, so the message says it must not be empty)."""
    out = {}
    for name, value in mapping.items():
        key = shape.get(name)
        value = _plain(value, key)
        optional = key is None or not key.required
        if value is None or (optional and (value == "" or value == [] or value == {})):
            continue
        out[name] = value
    return out


def _merge(before: dict, changes: dict) -> dict:
    """Milestones given are laid over those known (None clears one); every other key replaces."""
    spec = dict(before)
    for name, value in changes.items():
        if name == "milestones" and isinstance(value, dict):
            spec[name] = {**before.get("milestones", {}), **value}
        else:
            spec[name] = value
    return spec


# -- checking ------------------------------------------------------------------

_PATH = re.compile(r"^(?P<path>[^:]+): (?P<message>.*)$", re.DOTALL)


def field_errors(kind: Kind, errors: list[str]) -> dict[str, str]:
    """``households[0].milestones.approved: ...`` -> {"milestones.approved": "..."}; a message
    about one entry of a list of words (``roles[2]``) belongs to the list's field."""
    prefix = f"{kind.listing}[0]"
    out: dict[str, str] = {}
    for error in errors:
        found = _PATH.match(error)
        path, message = (found["path"], found["message"]) if found else ("", error)
        name = path.removeprefix(prefix).lstrip(".") or "record"
        name = re.sub(r"\[\d+\]$", "", name)
        out[name] = f"{out[name]}; {message}" if name in out else message
    return out


def check(session: Session, kind: Kind, spec: dict) -> dict[str, str]:
    """Every rule of the exchange format that applies to the one record ``spec``."""
    known = Known()
    matched = spec.get("matched_household") if kind is CHILD else None
    if isinstance(matched, str) and session.exec(select(Household.id).where(Household.ref == matched)).first():
        known.households.add(matched)
    doc = {"format": schema.FORMAT_NAME, "version": schema.FORMAT_VERSION, kind.listing: [spec]}
    return field_errors(kind, Validator(known).document(doc))


def _changed_fields(before: dict, after: dict) -> list[str]:
    names = []
    for name in sorted(set(before) | set(after)):
        if name == "milestones":
            old, new = before.get(name, {}), after.get(name, {})
            names += [f"milestones.{m}" for m in sorted(set(old) | set(new)) if old.get(m) != new.get(m)]
        elif before.get(name) != after.get(name):
            names.append(name)
    return names


def _result(obj, record: dict, changed: list[str]) -> dict:
    return {"ref": obj.ref, "uid": obj.uid, "version": obj.version, "changed": changed, "record": record}


# -- the services ------------------------------------------------------------------

def _save(session: Session, actor: Actor, kind: Kind, obj, before: dict | None, changes: dict,
          errors: dict[str, str] | None = None) -> dict:
    spec = _clean(_merge(before or {}, changes), kind.shape)
    errors = {**(errors or {}), **check(session, kind, spec)}
    if errors:
        raise FieldErrors(errors, f"{kind.noun} {spec.get('ref', '')}".strip())
    # One flush at the end, so the version rises once however many columns and rows change.
    with session.no_autoflush:
        kind.write(session, obj, spec)
        after = kind.to_exchange(session, obj)
    changed = _changed_fields(before or {}, after)
    if before is not None and not changed:
        return _result(obj, after, [])
    # Applicants, roles and needs are rows of their own: the record's version must rise all the same.
    obj.updated_at = utcnow()
    session.add(obj)
    session.flush()
    action = "update" if before is not None else "create"
    summary = (f"{kind.noun} {obj.ref} changed: {', '.join(changed)}" if before is not None
               else f"{kind.noun} {obj.ref} added")
    audit.record(session, actor.username, action, kind.noun, entity_uid=obj.uid, summary=summary,
                 before=before, after=after)
    return _result(obj, after, changed)


def _update(session: Session, actor: Actor, kind: Kind, ref: str, expected_version: int | None,
            changes: dict) -> dict:
    require(actor, "records.edit")
    unknown = set(changes) - set(kind.shape)
    if "ref" in changes:
        raise PanelAppError(f"The ref of a {kind.noun} cannot be changed: files and other records point at it.")
    if unknown:
        raise PanelAppError(f"A {kind.noun} has no {', '.join(sorted(unknown))} to change.")
    obj = kind.lookup(session, ref)
    check_version(obj, expected_version, f"the {kind.noun} {ref}")
    return _save(session, actor, kind, obj, kind.to_exchange(session, obj), changes)


def _create(session: Session, actor: Actor, kind: Kind, ref: str | None, fields: dict) -> dict:
    require(actor, "records.edit")
    unknown = set(fields) - set(kind.shape)
    if unknown:
        raise PanelAppError(f"A {kind.noun} has no {', '.join(sorted(unknown))}.")
    ref = (ref or "").strip()
    taken = {}
    if ref and session.exec(select(kind.model.id).where(kind.model.ref == ref)).first() is not None:
        taken["ref"] = f"{ref!r} is used already by another {kind.noun}"
    ref = ref or unique_ref(session, kind.model, f"{kind.ref_prefix}{dt.date.today():%Y%m%d}")
    return _save(session, actor, kind, kind.model(ref=ref), None, {**fields, "ref": ref}, taken)


def update_household(session: Session, actor: Actor, ref: str, /, *, expected_version: int | None = None,
                     **changes) -> dict:
    """``changes`` use the exchange format's keys: ``applicants`` (the whole list), ``relationship``,
    ``route``, ``milestones`` (those given are laid over the rest; None clears one), ``withdrawal``
    and ``approval`` (whole objects; None clears). Dates may be ``date`` objects or ISO text."""
    return _update(session, actor, HOUSEHOLD, ref, expected_version, changes)


def update_child(session: Session, actor: Actor, ref: str, /, *, expected_version: int | None = None,
                 **changes) -> dict:
    """``changes`` use the exchange format's keys for a child; ``matched_household`` is a ref."""
    return _update(session, actor, CHILD, ref, expected_version, changes)


def update_member(session: Session, actor: Actor, ref: str, /, *, expected_version: int | None = None,
                  **changes) -> dict:
    """``changes`` use the exchange format's keys for a member of the central list."""
    return _update(session, actor, MEMBER, ref, expected_version, changes)


def create_household(session: Session, actor: Actor, *, ref: str | None = None, **fields) -> dict:
    return _create(session, actor, HOUSEHOLD, ref, fields)


def create_child(session: Session, actor: Actor, *, ref: str | None = None, **fields) -> dict:
    return _create(session, actor, CHILD, ref, fields)


def create_member(session: Session, actor: Actor, *, ref: str | None = None, **fields) -> dict:
    return _create(session, actor, MEMBER, ref, fields)


def _read(session: Session, actor: Actor, kind: Kind, ref: str) -> dict:
    require(actor, "read")
    obj = kind.lookup(session, ref)
    return _result(obj, kind.to_exchange(session, obj), [])


def read_household(session: Session, actor: Actor, ref: str) -> dict:
    """The household as a form shows it: its exchange record, with its uid and version."""
    return _read(session, actor, HOUSEHOLD, ref)


def read_child(session: Session, actor: Actor, ref: str) -> dict:
    return _read(session, actor, CHILD, ref)


def read_member(session: Session, actor: Actor, ref: str) -> dict:
    return _read(session, actor, MEMBER, ref)
