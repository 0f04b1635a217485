"""Checks an exchange document against every rule of the format.

All errors are collected, each as ``PATH: message`` with PATH in the document's
own terms (``children[3].milestones.placed``), so the person who wrote the file
can fix them all in one go.
"""

import datetime as dt
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import ExchangeErrors
from . import schema
from .schema import Key

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{2}:\d{2}$")

# Bounds on what a file may hold, far beyond any real agency's records, so that a damaged or
# hostile file is refused with its place named instead of exhausting memory or the database.
MAX_DOCUMENT_BYTES = 64 * 2**20
MAX_TEXT = 20_000  # characters in one text field (a recommendation's reasons fit many times over)
MAX_WHOLE = 2**31 - 1  # the largest whole number a store column holds on every database
_MAX_DIGITS = 20


class UnusableNumber(str):
    """A number JSON may write but the format cannot hold (NaN, Infinity, too many digits or too
    large), kept as its text so that the validator names the place it stands."""


def _parse_int(text: str):
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return UnusableNumber(text[:12] + "..." if len(text) > 15 else text)
    return int(text)


def _parse_float(text: str):
    if len(text) > 400:
        return UnusableNumber(text[:12] + "...")
    value = float(text)
    return value if math.isfinite(value) else UnusableNumber(text if len(text) < 16 else text[:12] + "...")


def loads(data: bytes | str):
    """Read an exchange file's JSON, refusing what would otherwise fail later or deep inside:
    too big, nested too deep, not UTF-8. NaN, Infinity and huge numbers are kept as
    ``UnusableNumber`` for the validator to refuse where they stand."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > MAX_DOCUMENT_BYTES:
        raise ExchangeErrors([f"(document): the file is {size / 2**20:.0f} MB; an exchange file may be at "
                              f"most {MAX_DOCUMENT_BYTES // 2**20} MB"])
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ExchangeErrors(["(document): the file is not UTF-8 text"]) from None
    try:
        return json.loads(data, parse_int=_parse_int, parse_float=_parse_float, parse_constant=UnusableNumber)
    except json.JSONDecodeError as exc:
        raise ExchangeErrors([f"(document): not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) \
            from None
    except RecursionError:
        raise ExchangeErrors(["(document): lists and objects are nested far deeper than the format allows"]) \
            from None


def _text_problem(value: str) -> str | None:
    if len(value) > MAX_TEXT:
        return f"is {len(value):,} characters long; at most {MAX_TEXT:,} are allowed"
    if "\x00" in value:
        return "holds a NUL character (\\u0000), which text may not contain"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a lone UTF-16 surrogate (a broken \\uD800-\\uDFFF escape), which is not text"
    return None


def _name(key) -> str:
    """A key as a path may show it: printable, and short."""
    text = key if isinstance(key, str) else str(key)
    if len(text) > 60 or _text_problem(text) is not None or not text.isprintable():
        return ascii(text[:60])
    return text


def _list(value) -> list:
    return value if isinstance(value, list) else []


@dataclass
class Known:
    """Refs already in the store, so that a partial file may point at them."""

    members: dict[str, list[str]] = field(default_factory=dict)  # ref -> roles
    households: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)


def parse_date(value: str) -> dt.date | None:
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_time(value: str) -> dt.time | None:
    if not isinstance(value, str) or not _TIME.match(value):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


def _describe(value) -> str:
    if isinstance(value, UnusableNumber):
        return str(value)
    if isinstance(value, str):
        if _text_problem(value[:MAX_TEXT]) is not None:
            return "text"
        return repr(value) if len(value) < 40 else repr(value[:37] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    return str(value)


class Validator:
    def __init__(self, known: Known | None = None, mode: str = "upsert"):
        self.known = known or Known()
        self.mode = mode
        self.errors: list[str] = []
        self._paths: set[str] = set()

    def err(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")
        self._paths.add(path)

    def err_once(self, path: str, message: str) -> None:
        """One complaint about a date is enough, even when it breaks several orderings."""
        if path not in self._paths:
            self.err(path, message)

    # -- shapes ---------------------------------------------------------------

    def value(self, path: str, key: Key, value) -> bool:
        kind = key.kind
        if isinstance(value, UnusableNumber):
            self.err(path, f"{value} is not a number this format can hold (NaN, Infinity, or too large)")
            return False
        if isinstance(value, str) and (problem := _text_problem(value)) is not None:
            self.err(path, problem)
            return False
        if kind == "str":
            if not isinstance(value, str):
                return self._wrong(path, value, "text")
            if key.required and not value.strip():
                self.err(path, "must not be empty")
                return False
        elif kind == "date":
            if parse_date(value) is None:
                self.err(path, f"{_describe(value)} is not a date (YYYY-MM-DD)")
                return False
        elif kind == "time":
            if parse_time(value) is None:
                self.err(path, f"{_describe(value)} is not a time (HH:MM)")
                return False
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    pass
                else:
                    return self._wrong(path, value, "a whole number")
            if abs(value) > MAX_WHOLE:
                self.err(path, f"{value:.3g} is far larger than any count or age this format holds")
                return False
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self._wrong(path, value, "a number")
            if abs(value) > MAX_WHOLE:
                self.err(path, f"{value:.3g} is far larger than any number this format holds")
                return False
        elif kind == "bool":
            if not isinstance(value, bool):
                return self._wrong(path, value, "true or false")
        elif kind == "choice":
            if value not in key.choices:
                self.err(path, f"{_describe(value)} is not one of: {', '.join(key.choices)}")
                return False
        elif kind == "object":
            if not isinstance(value, dict):
                return self._wrong(path, value, "an object")
            return self.obj(path, key.shape, value)
        elif kind == "list":
            if not isinstance(value, list):
                return self._wrong(path, value, "a list")
            ok = True
            for i, element in enumerate(value):
                sub = f"{path}[{i}]"
                if key.shape:
                    if not isinstance(element, dict):
                        ok = self._wrong(sub, element, "an object") and ok
                    else:
                        ok = self.obj(sub, key.shape, element) and ok
                elif key.item is not None:
                    ok = self.value(sub, key.item, element) and ok
            return ok
        if key.minimum is not None and isinstance(value, (int, float)) and value < key.minimum:
            self.err(path, f"{value} is below the least allowed, {key.minimum:g}")
            return False
        return True

    def _wrong(self, path, value, expected) -> bool:
        self.err(path, f"{_describe(value)} should be {expected}")
        return False

    def obj(self, path: str, shape: dict, value: dict) -> bool:
        ok = True
        prefix = f"{path}." if path else ""
        for name in value:
            if name not in shape:
                self.err(f"{prefix}{_name(name)}", "unknown key (a typo? nothing was imported)")
                ok = False
        for name, key in shape.items():
            if name not in value:
                if key.required:
                    self.err(f"{prefix}{name}", "is required")
                    ok = False
            elif value[name] is None:
                self.err(f"{prefix}{name}", "is null; leave the key out when it is not known")
                ok = False
            else:
                ok = self.value(f"{prefix}{name}", key, value[name]) and ok
        return ok

    # -- the document -------------------------------------------------------

    def document(self, doc) -> list[str]:
        if not isinstance(doc, dict):
            self.err("(document)", "should be a JSON object")
            return self.errors
        if doc.get("format") != schema.FORMAT_NAME and "format" in doc:
            self.err("format", f"{_describe(doc.get('format'))} is not {schema.FORMAT_NAME!r}")
        if "version" in doc and doc.get("version") != schema.FORMAT_VERSION:
            self.err("version", f"{_describe(doc.get('version'))} is not supported; "
                                f"this PanelApp reads version {schema.FORMAT_VERSION}")
        self.obj("", schema.DOCUMENT, doc)
        if isinstance(doc.get("agency"), dict):
            self._agency_settings(doc["agency"])
        lists = {name: doc.get(name) if isinstance(doc.get(name), list) else [] for name in
                 ("members", "households", "children", "meetings")}
        members = self._refs("members", lists["members"], self.known.members)
        households = self._refs("households", lists["households"], self.known.households)
        children = self._refs("children", lists["children"], self.known.children)
        self._refs("meetings", lists["meetings"], self.known.meetings)
        member_roles = dict(self.known.members)
        for m in lists["members"]:
            if isinstance(m, dict) and isinstance(m.get("ref"), str) and isinstance(m.get("roles"), list):
                member_roles[m["ref"]] = m["roles"]
        self._item_refs(lists["meetings"])
        all_members = set(member_roles) | members
        for i, m in enumerate(lists["members"]):
            if isinstance(m, dict):
                self._member(f"members[{i}]", m)
        for i, h in enumerate(lists["households"]):
            if isinstance(h, dict):
                self._household(f"households[{i}]", h)
        all_households = households | self.known.households
        for i, c in enumerate(lists["children"]):
            if isinstance(c, dict):
                self._child(f"children[{i}]", c, all_households)
        all_children = children | self.known.children
        for i, m in enumerate(lists["meetings"]):
            if isinstance(m, dict):
                self._meeting(f"meetings[{i}]", m, member_roles, all_members, all_households,
                              all_children)
        return self.errors

    def _agency_settings(self, agency: dict) -> None:
        """Settings within the ranges the settings form allows, so an import cannot set what the
        app itself would refuse."""
        from ..services.agency import SETTINGS  # services import the exchange package
        for key, value in agency.items():
            rule = SETTINGS.get(key, (None,))[0]
            if (isinstance(rule, tuple) and len(rule) == 2 and all(isinstance(x, int) for x in rule)
                    and isinstance(value, (int, float)) and not isinstance(value, (bool, UnusableNumber))
                    and not rule[0] <= value <= rule[1]):
                self.err_once(f"agency.{key}", f"{value:g} is outside what the agency's settings allow "
                                               f"({rule[0]} to {rule[1]})")

    def _refs(self, name: str, records: list, known) -> set[str]:
        seen: dict[str, int] = {}
        for i, rec in enumerate(records):
            if not isinstance(rec, dict) or not isinstance(rec.get("ref"), str):
                continue
            ref = rec["ref"]
            if ref in seen:
                self.err(f"{name}[{i}].ref", f"{ref!r} is used already by {name}[{seen[ref]}]")
            else:
                seen[ref] = i
            if self.mode == "insert" and ref in known:
                self.err(f"{name}[{i}].ref", f"{ref!r} is in the store already (--mode insert adds only "
                                             "new records; use --mode upsert to update)")
        return set(seen)

    def _item_refs(self, meetings: list) -> None:
        seen: dict[str, str] = {}
        for i, m in enumerate(meetings):
            if not isinstance(m, dict) or not isinstance(m.get("items"), list):
                continue
            for j, item in enumerate(m["items"]):
                if not isinstance(item, dict) or not isinstance(item.get("ref"), str):
                    continue
                ref, path = item["ref"], f"meetings[{i}].items[{j}].ref"
                if ref in seen:
                    self.err(path, f"{ref!r} is used already by {seen[ref]}")
                else:
                    seen[ref] = path.removesuffix(".ref")
                if self.mode == "insert" and ref in self.known.items:
                    self.err(path, f"{ref!r} is in the store already (--mode insert adds only new records)")

    def _member(self, path: str, m: dict) -> None:
        appointed = parse_date(m.get("appointed"))
        for key in ("term_ends", "left"):
            end = parse_date(m.get(key))
            if appointed and end and end < appointed:
                self.err(f"{path}.{key}", f"{m[key]} is before appointed {m['appointed']}")
        roles = m.get("roles")
        if isinstance(roles, list):
            if not roles:
                self.err(f"{path}.roles", "must name at least one role")
            counts = Counter(r for r in roles if isinstance(r, str))
            dupes = sorted(r for r, n in counts.items() if n > 1)
            for r in dupes:
                self.err(f"{path}.roles", f"{r!r} is listed more than once")

    def _ordered(self, path: str, milestones: dict, order: tuple) -> None:
        latest: tuple[str, dt.date] | None = None
        for name in order:
            day = parse_date(milestones.get(name))
            if day is None:
                continue
            if latest and day < latest[1]:
                self.err_once(f"{path}.milestones.{name}",
                         f"{milestones[name]} is before {latest[0]} {latest[1].isoformat()}")
            else:
                latest = (name, day)

    def _not_before(self, path, milestones, name, other) -> None:
        day, before = parse_date(milestones.get(name)), parse_date(milestones.get(other))
        if day and before and day < before:
            self.err_once(f"{path}.milestones.{name}", f"{milestones[name]} is before {other} {milestones[other]}")

    def _not_after(self, path, milestones, name, other) -> None:
        day, after = parse_date(milestones.get(name)), parse_date(milestones.get(other))
        if day and after and day > after:
            self.err_once(f"{path}.milestones.{name}", f"{milestones[name]} is after {other} {milestones[other]}")

    def _household(self, path: str, h: dict) -> None:
        applicants = h.get("applicants")
        if isinstance(applicants, list) and not 1 <= len(applicants) <= 2:
            self.err(f"{path}.applicants", f"has {len(applicants)} applicants; a household has one or two")
        ms = h.get("milestones") if isinstance(h.get("milestones"), dict) else {}
        self._ordered(path, ms, schema.HOUSEHOLD_ORDERED)
        self._not_before(path, ms, "withdrawn", "enquiry")
        approval = h.get("approval")
        if isinstance(approval, dict):
            lo, hi = approval.get("age_min_years"), approval.get("age_max_years")
            if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
                self.err(f"{path}.approval.age_max_years", f"{hi} is below age_min_years {lo}")
        withdrawal = h.get("withdrawal")
        if isinstance(withdrawal, dict):
            day = parse_date(withdrawal.get("date"))
            first = parse_date(ms.get("enquiry"))
            if day and first and day < first:
                self.err(f"{path}.withdrawal.date", f"{withdrawal['date']} is before enquiry {ms['enquiry']}")

    def _child(self, path: str, c: dict, households: set[str]) -> None:
        ms = c.get("milestones") if isinstance(c.get("milestones"), dict) else {}
        self._ordered(path, ms, schema.CHILD_ORDERED)
        for name in ("match_decision", "moved_in_with_foster_carer", "plan_changed", "disruption"):
            self._not_before(path, ms, name, "entered_care")
        for later in ("placed", "adoption_application", "adoption_order"):
            self._not_before(path, ms, later, "match_decision")
        self._not_after(path, ms, "moved_in_with_foster_carer", "placed")
        self._not_before(path, ms, "disruption", "placed")
        matched = c.get("matched_household")
        if isinstance(matched, str) and matched not in households:
            self.err(f"{path}.matched_household", f"no household has ref {matched!r}")

    def _meeting(self, path, m, member_roles, members, households, children) -> None:
        items = m.get("items") if isinstance(m.get("items"), list) else []
        own_items = {it.get("ref") for it in items if isinstance(it, dict) and isinstance(it.get("ref"), str)}
        seen_members: set[str] = set()
        for i, a in enumerate(_list(m.get("attendance"))):
            if not isinstance(a, dict):
                continue
            ref = a.get("member")
            if isinstance(ref, str):
                if ref not in members:
                    self.err(f"{path}.attendance[{i}].member", f"no member has ref {ref!r}")
                elif ref in seen_members:
                    self.err(f"{path}.attendance[{i}].member", f"{ref!r} is listed twice")
                elif isinstance(a.get("acting_as"), str) and a["acting_as"] not in (member_roles.get(ref) or []):
                    self.err(f"{path}.attendance[{i}].acting_as",
                             f"{a['acting_as']!r} is not one of {ref}'s roles")
                seen_members.add(ref)
        for i, d in enumerate(_list(m.get("declarations"))):
            if not isinstance(d, dict):
                continue
            if isinstance(d.get("member"), str) and d["member"] not in members:
                self.err(f"{path}.declarations[{i}].member", f"no member has ref {d['member']!r}")
            if isinstance(d.get("item"), str) and d["item"] not in own_items:
                self.err(f"{path}.declarations[{i}].item", f"no item of this meeting has ref {d['item']!r}")
        day = parse_date(m.get("date"))
        final = parse_date(m.get("minutes_final"))
        if day and final and final < day:
            self.err(f"{path}.minutes_final", f"{m['minutes_final']} is before the meeting {m['date']}")
        papers = parse_date(m.get("papers_sent"))
        if day and papers and papers > day:
            self.err(f"{path}.papers_sent", f"{m['papers_sent']} is after the meeting {m['date']}")
        for j, item in enumerate(items):
            if isinstance(item, dict):
                self._item(f"{path}.items[{j}]", item, m, members, households, children)

    def _item(self, path, item, meeting, members, households, children) -> None:
        for key, pool, what in (("households", households, "household"), ("children", children, "child")):
            refs = item.get(key)
            if isinstance(refs, list):
                for i, ref in enumerate(refs):
                    if isinstance(ref, str) and ref not in pool:
                        self.err(f"{path}.{key}[{i}]", f"no {what} has ref {ref!r}")
        for i, d in enumerate(_list(item.get("dissent"))):
            if isinstance(d, dict) and isinstance(d.get("member"), str) and d["member"] not in members:
                self.err(f"{path}.dissent[{i}].member", f"no member has ref {d['member']!r}")
        outcome = item.get("outcome")
        adm = item.get("adm")
        if isinstance(adm, dict):
            if outcome not in ("recommended", "not_recommended"):
                self.err(f"{path}.adm", "a decision needs a recommendation: the item's outcome is "
                                        f"{_describe(outcome) if outcome else 'absent'}")
            decided = parse_date(adm.get("date"))
            held = parse_date(meeting.get("date"))
            if decided and held and decided < held:
                self.err(f"{path}.adm.date", f"{adm['date']} is before the meeting {meeting['date']}")
            final = adm.get("final")
            if isinstance(final, dict):
                if adm.get("decision") != "qualifying_determination":
                    self.err(f"{path}.adm.final", "a final decision follows only a qualifying_determination")
                fday = parse_date(final.get("date"))
                if fday and decided and fday < decided:
                    self.err(f"{path}.adm.final.date", f"{final['date']} is before the decision {adm['date']}")
        if meeting.get("status") == "planned" and outcome and outcome != "removed":
            self.err(f"{path}.outcome", f"{outcome!r} on a meeting that is still planned (not held)")


def validate(doc, known: Known | None = None, mode: str = "upsert") -> list[str]:
    return Validator(known, mode).document(doc)
