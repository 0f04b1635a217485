"""Merging a returned meeting into the office store, record by record, by ``uid`` and ``version``.

Each record that may come back has, at the office, the pair of versions known to
be in step (office, laptop). A record whose laptop version moved on changed on
the laptop; one whose office version moved on (and whose returned columns differ
from what was in step) changed at the office. Changed on one side: that side's
stays or goes in. Changed on both: a conflict, shown side by side and held until
someone chooses, per conflict, the laptop's or the office's. Records are grouped
the way people think of them (an item's outcome, recommendation and dissent are
one conflict), so a choice never mixes the two sides within an item.
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from .. import audit
from ..errors import PanelAppError
from ..models import Agency, AuditEvent, Meeting, Takeaway
from ..models.base import utcnow
from ..services.permissions import Actor, require
from .payload import unpack
from .rows import digest, dump, load, plain, table
from .scope import NATURAL_KEYS, RETURNED, returned_columns
from .sealed import unseal

ORDER = list(RETURNED)
SIDES = ("laptop", "office")
FIELD_WORDS = {"outcome": "outcome", "discussion": "discussion", "wording": "recommendation",
               "reasons": "reasons", "status": "status", "view": "view", "interest": "interest",
               "action": "action", "text": "text", "content": "minutes text", "signoff_hash": "sign-off hash"}


@dataclass
class FieldDiff:
    name: str
    office: object
    laptop: object


@dataclass
class RowConflict:
    table: str
    why: str
    fields: list[FieldDiff]


@dataclass
class Conflict:
    """One thing both sides changed: shown side by side, never overwritten unless chosen."""

    key: str
    label: str
    rows: list[RowConflict]
    taken: str | None = None


@dataclass
class MergeResult:
    meeting: str
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    events_joined: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def held(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.taken is None]

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted or self.events_joined
                    or any(c.taken for c in self.conflicts))

    def summary(self) -> str:
        if not self.changed and not self.held:
            return f"meeting {self.meeting}: nothing to merge, the office has everything in this return already"
        parts = [f"{self.inserted} records added", f"{self.updated} changed", f"{self.deleted} removed",
                 f"{self.events_joined} audit events joined"]
        taken = [c for c in self.conflicts if c.taken]
        if taken:
            parts.append(f"{len(taken)} conflicts settled")
        if self.held:
            parts.append(f"{len(self.held)} conflicts held for a choice")
        return f"meeting {self.meeting}: " + ", ".join(parts)


@dataclass
class _Change:
    table: str
    uid: str
    kind: str  # insert | update | delete
    group: str
    laptop: dict | None  # the laptop's row (laptop ids)
    office: dict | None  # the office's row (office ids)
    values: dict  # the returned columns, FKs still as laptop ids
    why: str | None = None  # set when the change is a conflict


def read_return(data: bytes, passphrase: str) -> dict:
    document, _ = unpack(unseal(data, passphrase), "return")
    return document


class _Merge:
    def __init__(self, session: Session, document: dict, takeaway: Takeaway):
        self.session = session
        self.doc = document
        self.takeaway = takeaway
        self.synced: dict[str, list] = json.loads(takeaway.synced or "{}")
        self.laptop = document["tables"]
        self.laptop_uid: dict[str, dict[int, str]] = {
            name: {r["id"]: r["uid"] for r in found} for name, found in self.laptop.items()}
        self.laptop_uid["panel_member"] = {int(k): v[0] for k, v in document["members"].items()}
        self.member_ref = {v[0]: v[1] for v in document["members"].values()}
        self.office_id_cache: dict[tuple[str, str], int | None] = {}

    # -- ids across the two stores ------------------------------------------------------------
    def office_id(self, name: str, uid: str) -> int | None:
        key = (name, uid)
        if key not in self.office_id_cache:
            tab = table(name)
            self.office_id_cache[key] = self.session.scalar(select(tab.c.id).where(tab.c.uid == uid))
        return self.office_id_cache[key]

    def targets(self, name: str) -> dict[str, str]:
        tab = table(name)
        return {c: next(iter(tab.c[c].foreign_keys)).column.table.name
                for c in returned_columns(name) if tab.c[c].foreign_keys}

    def to_office(self, name: str, values: dict) -> dict:
        """The returned columns with each reference turned from a laptop id into an office id
        (None where the record referred to is not at the office)."""
        out = dict(values)
        for column, target in self.targets(name).items():
            if values[column] is not None:
                uid = self.laptop_uid.get(target, {}).get(values[column])
                out[column] = self.office_id(target, uid) if uid else None
        return out

    # -- how people name what changed -----------------------------------------------------------
    def group(self, name: str, row: dict, side: str) -> str:
        if name == "agenda_item":
            return f"item:{row['uid']}"
        if name == "recommendation":
            return f"item:{self.uid_of('agenda_item', row['item_id'], side)}"
        if name == "dissent":
            rec = self.uid_of("recommendation", row["recommendation_id"], side)
            item_id = self.row_of("recommendation", rec, side)["item_id"] if rec else None
            return f"item:{self.uid_of('agenda_item', item_id, side)}"
        if name in ("meeting", "minutes_record", "minutes_amendment"):
            return "minutes"
        if name == "attendance":
            return f"attendance:{self.uid_of('panel_member', row['member_id'], side)}"
        if name == "draft":
            return f"draft:{row['key']}"
        return f"{name}:{row['uid']}"

    def uid_of(self, name: str, ident: int | None, side: str) -> str | None:
        if ident is None:
            return None
        if side == "laptop":
            return self.laptop_uid.get(name, {}).get(ident)
        tab = table(name)
        return self.session.scalar(select(tab.c.uid).where(tab.c.id == ident))

    def row_of(self, name: str, uid: str, side: str) -> dict:
        if side == "laptop":
            return next(r for r in self.laptop[name] if r["uid"] == uid)
        tab = table(name)
        return dump(self.session.execute(select(tab).where(tab.c.uid == uid)).one())

    def name_of(self, key: str) -> tuple[str, str]:
        """A short name to choose by (--take NAME=laptop) and a label to show."""
        kind, _, uid = key.partition(":")
        if kind == "item":
            item = next((r for r in self.laptop["agenda_item"] if r["uid"] == uid), None)
            ref = item["ref"] if item else uid[:8]
            number = item["position"] + 1 if item else "?"
            return f"item:{ref}", f"Item {number} ({ref}): outcome, recommendation and views"
        if kind == "minutes":
            return "minutes", f"The meeting and its minutes ({self.doc['meeting']['ref']})"
        if kind == "attendance":
            ref = self.member_ref.get(uid, uid[:8])
            return f"attendance:{ref}", f"Attendance of {ref}"
        if kind == "household":
            row = next((r for r in self.laptop["household"] if r["uid"] == uid), None)
            ref = row["ref"] if row else uid[:8]
            return f"household:{ref}", f"Approval terms of household {ref}"
        if kind == "draft":
            return f"draft:{uid}", f"A draft typed in the meeting room ({uid.split(':')[-1]})"
        return f"{kind}:{uid[:8]}", f"A {kind.replace('_', ' ')} ({uid[:8]})"

    # -- planning -----------------------------------------------------------------------------
    def office_rows(self, name: str, uids: list[str]) -> dict[str, dict]:
        tab = table(name)
        found = {}
        for start in range(0, len(uids), 500):
            for row in self.session.execute(select(tab).where(tab.c.uid.in_(uids[start:start + 500]))):
                found[row.uid] = dump(row)
        return found

    def natural_match(self, name: str, values: dict) -> dict | None:
        keys = NATURAL_KEYS.get(name)
        if not keys or any(values[k] is None for k in keys):
            return None
        tab = table(name)
        query = select(tab)
        for k in keys:
            query = query.where(tab.c[k] == values[k])
        row = self.session.execute(query).first()
        return dump(row) if row is not None else None

    def plan(self) -> list[_Change]:
        changes: list[_Change] = []
        for name in ORDER:
            columns = returned_columns(name)
            laptop_rows = self.laptop.get(name, [])
            office = self.office_rows(name, [r["uid"] for r in laptop_rows])
            for row in laptop_rows:
                in_step = self.synced.get(row["uid"])
                if in_step is not None and row["version"] == in_step[2]:
                    continue  # not changed on the laptop since the two were in step
                values = {c: row[c] for c in columns}
                mine = self.to_office(name, values)
                theirs = office.get(row["uid"])
                if theirs is None and in_step is None:
                    theirs = self.natural_match(name, mine)
                if theirs is None:
                    why = "removed at the office, changed on the laptop" if in_step is not None else None
                    changes.append(_Change(name, row["uid"], "insert", self.group(name, row, "laptop"),
                                           row, None, values, why))
                    continue
                now = {c: theirs[c] for c in columns}
                if now == mine:
                    self.synced[row["uid"]] = [name, theirs["version"], row["version"], digest(now)]
                    continue  # the office has it already (a return merged before)
                office_changed = self.changed_at_office(theirs, now)
                changes.append(_Change(name, row["uid"], "update", self.group(name, row, "laptop"), row, theirs,
                                       values, "changed on both sides" if office_changed else None))
            # What the laptop removed (a dissent replaced, a draft recorded).
            present = {r["uid"] for r in laptop_rows}
            gone = [uid for uid, s in self.synced.items() if s[0] == name and uid not in present]
            office = self.office_rows(name, gone)
            for uid in gone:
                theirs = office.get(uid)
                if theirs is None:
                    del self.synced[uid]
                    continue
                now = {c: theirs[c] for c in columns}
                office_changed = self.changed_at_office(theirs, now)
                changes.append(_Change(name, uid, "delete", self.group(name, theirs, "office"), None, theirs, now,
                                       "removed on the laptop, changed at the office" if office_changed else None))
        return changes

    def changed_at_office(self, theirs: dict, now: dict) -> bool:
        """Whether the office's record moved on since the two sides were in step; a record the
        office made itself (matched by what it is, not by uid) is a change at the office."""
        in_step = self.synced.get(theirs["uid"])
        if in_step is None:
            return True
        return theirs["version"] != in_step[1] and digest(now) != in_step[3]

    def describe(self, key: str, changes: list[_Change]) -> Conflict:
        short, label = self.name_of(key)
        out = []
        for c in changes:
            if c.why is None and c.kind != "update":
                continue
            mine = self.to_office(c.table, c.values) if c.kind != "delete" else {}
            theirs = {k: c.office[k] for k in c.values} if c.office else {}
            diffs = [FieldDiff(FIELD_WORDS.get(k, k.replace("_", " ")), theirs.get(k),
                               c.values[k] if c.kind != "delete" else "(removed)")
                     for k in c.values if not k.endswith("_id") and theirs.get(k) != mine.get(k)]
            out.append(RowConflict(c.table.replace("_", " "), c.why or "changed on the laptop", diffs))
        return Conflict(key=short, label=label, rows=out)

    # -- applying -----------------------------------------------------------------------------
    def apply(self, change: _Change, result: MergeResult) -> None:
        tab = table(change.table)
        if change.kind == "delete":
            self.session.execute(delete(tab).where(tab.c.uid == change.uid))
            self.synced.pop(change.uid, None)
            result.deleted += 1
            return
        values = self.to_office(change.table, change.values)
        missing = [c for c, target in self.targets(change.table).items()
                   if change.values[c] is not None and values[c] is None]
        if missing:
            raise PanelAppError(f"A {change.table.replace('_', ' ')} returned from the laptop refers to a record "
                                "that is no longer at the office; nothing was merged.")
        row, office = change.laptop or {}, change.office or {}
        if office and office["uid"] != change.uid:
            # The same thing made on both sides (one recommendation per item): the laptop's replaces it.
            self.session.execute(delete(tab).where(tab.c.uid == office["uid"]))
            self.synced.pop(office["uid"], None)
            office = {}
        if not office:
            full = {k: v for k, v in row.items() if k != "id"} | values
            new_id = self.session.execute(insert(tab).values(**load(tab, full))).inserted_primary_key[0]  # type: ignore[attr-defined]
            self.office_id_cache[(change.table, change.uid)] = new_id
            self.synced[change.uid] = [change.table, row["version"], row["version"], digest(values)]
            result.inserted += 1
            return
        version = office["version"] + 1
        self.session.execute(update(tab).where(tab.c.uid == change.uid)
                             .values(**load(tab, values), version=version, updated_at=utcnow()))
        self.synced[change.uid] = [change.table, version, row["version"], digest(values)]
        result.updated += 1

    def settle_for_office(self, change: _Change) -> None:
        """The office's stays; the laptop's version is remembered as seen, so it is not asked again."""
        if change.office is None:
            if change.laptop is not None:
                self.synced[change.uid] = [change.table, -1, change.laptop["version"], ""]
            return
        now = {c: change.office[c] for c in returned_columns(change.table)}
        laptop_version = change.laptop["version"] if change.laptop else -1
        self.synced[change.office["uid"]] = [change.table, change.office["version"], laptop_version, digest(now)]
        if change.office["uid"] != change.uid and change.laptop is not None:
            # Made on both sides (matched by what it is): the laptop's own is seen and set aside too.
            self.synced[change.uid] = [change.table, -1, laptop_version, ""]

    def join_events(self) -> int:
        """The laptop's audit events, in order, appended to the office chain."""
        events = self.doc["events"]
        prev = audit.GENESIS
        # The laptop's chain is keyed with the laptop's own key, so here its links are checked; the
        # events' content is vouched for by the sealed file's authentication (the return checked
        # the whole keyed chain on the laptop before sealing it).
        for e in events:
            if e["prev_hash"] != prev:
                raise PanelAppError("The audit trail in the returned meeting is broken; nothing was merged.")
            prev = e["hash"]
        hashes = [e["hash"] for e in events]
        start = 0
        if self.takeaway.laptop_chain is not None:
            if self.takeaway.laptop_chain not in hashes:
                raise PanelAppError("The returned meeting's audit trail does not continue the one merged "
                                    "before from this laptop; nothing was merged.")
            start = hashes.index(self.takeaway.laptop_chain) + 1
        for e in events[start:]:
            audit.append(self.session, at=dt.datetime.fromisoformat(e["at"]).replace(tzinfo=dt.UTC),
                         actor=e["actor"], action=e["action"], entity=e["entity"], entity_uid=e["entity_uid"],
                         summary=e["summary"], before=e["before"], after=e["after"])
        if events[start:]:
            self.takeaway.laptop_chain = hashes[-1]
        return len(events) - start


def _event(e: dict, prev: str) -> AuditEvent:
    at = dt.datetime.fromisoformat(e["at"]).replace(tzinfo=dt.UTC)
    return AuditEvent(at=at, actor=e["actor"], action=e["action"], entity=e["entity"], entity_uid=e["entity_uid"],
                      summary=e["summary"], before=e["before"], after=e["after"], prev_hash=prev, hash=e["hash"])


def office_takeaway(session: Session, document: dict) -> Takeaway:
    takeaway = session.scalars(select(Takeaway).where(Takeaway.uid == document["takeaway"],
                                                      Takeaway.side == "office")).first()
    if takeaway is None:
        agency = session.scalars(select(Agency)).first()
        if agency is None or agency.uid != document["agency"]:
            raise PanelAppError("This return was made from a meeting taken away from another agency's store; "
                                "merge it into the store it came from. Nothing was merged.")
        raise PanelAppError("This return is not of a meeting taken away from this store (it may come from a "
                            "copy of it); merge it into the store it came from. Nothing was merged.")
    if takeaway.meeting_uid != document["meeting"]["uid"]:
        raise PanelAppError("This return is of another meeting than the one taken away; nothing was merged.")
    return takeaway


def merge_return(session: Session, actor: Actor, document: dict, *, choices: dict[str, str] | None = None,
                 take_all: str | None = None, meeting: Meeting | None = None) -> MergeResult:
    """Merge a return (``read_return``) in the caller's transaction. ``choices`` maps a conflict's
    name (``item:P20260217-2-3``) to ``laptop`` or ``office``; ``take_all`` settles every conflict
    one way. Conflicts with no choice are held: nothing of theirs is written. ``meeting``, when
    given, is the meeting the user means to merge: a return of another is refused."""
    require(actor, "meeting.plan")
    choices = dict(choices or {})
    for name, side in list(choices.items()) + ([("(all)", take_all)] if take_all else []):
        if side not in SIDES:
            raise PanelAppError(f"{name}: choose laptop or office, not {side!r}.")
    takeaway = office_takeaway(session, document)
    ref = document["meeting"]["ref"]
    if meeting is not None and meeting.uid != document["meeting"]["uid"]:
        raise PanelAppError(f"This return is of the meeting {ref}, not of {meeting.ref}; nothing was merged.")
    if session.scalars(select(Meeting).where(Meeting.uid == takeaway.meeting_uid)).first() is None:
        raise PanelAppError(f"The meeting {ref} is no longer in this store; nothing was merged.")
    merge = _Merge(session, document, takeaway)
    result = MergeResult(meeting=ref)
    groups: dict[str, list[_Change]] = {}
    for change in merge.plan():
        groups.setdefault(change.group, []).append(change)
    named = {merge.name_of(key)[0]: key for key in groups}
    unknown = sorted(set(choices) - set(named))
    if unknown:
        raise PanelAppError(f"No conflict is called {', '.join(unknown)} in this return; nothing was merged.")
    for key in sorted(groups, key=lambda k: ORDER.index(groups[k][0].table)):
        changes = groups[key]
        chosen: str | None
        if not any(c.why for c in changes):
            chosen = "laptop"
        else:
            conflict = merge.describe(key, changes)
            chosen = choices.get(conflict.key, take_all)
            conflict.taken = chosen
            result.conflicts.append(conflict)
        if chosen == "laptop":
            for change in sorted(changes, key=lambda c: ORDER.index(c.table) * (-1 if c.kind == "delete" else 1)):
                merge.apply(change, result)
        elif chosen == "office":
            for change in changes:
                merge.settle_for_office(change)
    result.events_joined = merge.join_events()
    if any(c.taken == "office" for c in result.conflicts):
        _restate_kept_items(session, actor, takeaway.meeting_uid)
    synced = json.dumps(merge.synced, separators=(",", ":"), sort_keys=True)
    if result.changed or synced != takeaway.synced:
        takeaway.synced = synced
        takeaway.merged_at = utcnow()
        session.add(takeaway)
        session.flush()
    if result.changed:
        audit.record(session, actor.username, "merge", "meeting", entity_uid=takeaway.meeting_uid,
                     summary=f"meeting {ref} merged back from the laptop: {result.summary()}",
                     after={"takeaway": takeaway.uid, "inserted": result.inserted, "updated": result.updated,
                            "deleted": result.deleted, "events": result.events_joined,
                            "settled": {c.key: c.taken for c in result.conflicts if c.taken},
                            "held": [c.key for c in result.held]})
    return result


def _restate_kept_items(session: Session, actor: Actor, meeting_uid: str) -> None:
    """The laptop's events now end the chain, but where the office's side was kept the items
    read as the office left them: one event per item says so, so the trail matches the records."""
    from ..audit_checks import _current
    meeting = session.scalars(select(Meeting).where(Meeting.uid == meeting_uid)).first()
    if meeting is None:
        return
    for item in meeting.items:
        audit.record(session, actor.username, "merge.kept_office", "agenda_item", entity_uid=item.uid,
                     summary=f"item {item.ref}: the office's record kept over the laptop's",
                     after=_current("agenda_item", item))


def show_value(value) -> str:
    value = plain(value)
    if value is None:
        return "(none)"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 70 else text[:67] + "..."
