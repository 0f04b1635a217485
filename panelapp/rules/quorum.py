"""The panel's quorum (domain.md, Quorum), for a meeting and for each item.

The rule, with the agency's settings: at least ``quorum_members`` members
present (default 5), among them the chair or a vice chair, and a social worker
with at least ``quorum_social_worker_pqe_years`` years' post-qualifying
experience (default 3).

Who counts as a member follows domain.md word for word: "a person present who
holds any of the roles" chair, vice chair, social worker, independent, medical
adviser, elected member, adopter member, adoptee member or other member. So a
person counts by every role they hold, whatever their attendance says they are
``acting_as`` that day: a vice chair who is also a social worker and is present
is the panel's vice chair and its qualifying social worker at once. ``acting_as``
only says who is in the chair (``QuorumResult.chair``); it never makes a quorate
meeting inquorate or the reverse.

``check_quorum`` is a pure function on plain data; ``meeting_quorum`` and
``item_quorum`` read the people present from the store. For an item, members
who declared an interest in that item and left the room for it
(``left_for_item``) or took no part in it (``took_no_part``) do not count.
Declarations made for the meeting as a whole (no item) change no item's quorum.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import select
from sqlmodel import Session

from ..enums import AGENCY_DEFAULTS, CHAIR_ROLES, MEMBER_ROLES
from ..models import Agency, AgendaItem, Attendance, Declaration, Meeting, MemberRole, PanelMember

# Declaration actions after which the member is not in the room for the item.
ABSENT_FOR_ITEM = ("left_for_item", "took_no_part")


@dataclass(frozen=True)
class Person:
    """Someone present at a meeting: their central-list ``ref``, every role they
    hold, their post-qualifying experience as a social worker, and the role
    their attendance records them as acting in, if any."""

    ref: str
    roles: frozenset[str] = frozenset()
    pqe_years: float | None = None
    acting_as: str | None = None
    name: str | None = None

    def __post_init__(self):
        roles = frozenset(self.roles)
        # acting_as is one of the person's roles (exchange-format.md); adding it
        # keeps the rule right even for a record that forgot to list it.
        if self.acting_as:
            roles |= {self.acting_as}
        object.__setattr__(self, "roles", roles)

    @property
    def label(self) -> str:
        return self.name or self.ref

    @property
    def counts_as_member(self) -> bool:
        return bool(self.roles & MEMBER_ROLES)

    @property
    def can_chair(self) -> bool:
        return bool(self.roles & CHAIR_ROLES)

    def is_qualifying_social_worker(self, pqe_years: float) -> bool:
        return ("social_worker" in self.roles and self.pqe_years is not None
                and self.pqe_years >= pqe_years)


@dataclass
class QuorumResult:
    """Whether the people present make a quorum, who counted, and why not.

    ``reasons`` holds one phrase per unmet condition, in words a panel adviser
    uses (empty when quorate); ``explanation(subject)`` makes them a sentence.
    """

    quorate: bool
    members_needed: int
    pqe_years: float
    members_counted: list[Person] = field(default_factory=list)
    chair: Person | None = None
    social_workers: list[Person] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def explanation(self, subject: str = "The meeting") -> str:
        """E.g. "Item 3 is inquorate: only 4 members count (5 needed), and no
        social worker with 3 years' post-qualifying experience is present."."""
        if not self.quorate:
            return f"{subject} is inquorate: {_join(self.reasons)}."
        chair = "the chair" if self.chair and "chair" in self.chair.roles else "a vice chair"
        return (f"{subject} is quorate: {_members(len(self.members_counted))} "
                f"({self.members_needed} needed), including {chair} and "
                f"{_social_worker(self.pqe_years, 'a')}.")


def check_quorum(people: Iterable[Person], *, members_needed: int | None = None,
                 pqe_years: float | None = None) -> QuorumResult:
    """The quorum of the ``people`` present (pass only those present), under the
    agency's ``quorum_members`` and ``quorum_social_worker_pqe_years``
    (the defaults when None)."""
    if members_needed is None:
        members_needed = AGENCY_DEFAULTS["quorum_members"]
    if pqe_years is None:
        pqe_years = AGENCY_DEFAULTS["quorum_social_worker_pqe_years"]
    counted = [p for p in people if p.counts_as_member]
    social_workers = [p for p in counted if p.is_qualifying_social_worker(pqe_years)]
    chair = _in_the_chair(counted)
    reasons = []
    if len(counted) < members_needed:
        reasons.append(f"only {_members(len(counted))} ({members_needed} needed)"
                       if counted else f"no members count ({members_needed} needed)")
    if chair is None:
        reasons.append("no chair or vice chair is present")
    if not social_workers:
        reasons.append(f"no {_social_worker(pqe_years)} is present")
    return QuorumResult(quorate=not reasons, members_needed=members_needed, pqe_years=pqe_years,
                        members_counted=counted, chair=chair, social_workers=social_workers,
                        reasons=reasons)


def _in_the_chair(counted: list[Person]) -> Person | None:
    """Who chairs: whoever is acting as chair or vice chair, else the chair, else a vice chair."""
    for wanted in (lambda p: p.acting_as in CHAIR_ROLES,
                   lambda p: "chair" in p.roles,
                   lambda p: "vice_chair" in p.roles):
        for person in counted:
            if wanted(person):
                return person
    return None


def _members(n: int) -> str:
    return "1 member counts" if n == 1 else f"{n} members count"


def _social_worker(pqe_years: float, article: str = "") -> str:
    prefix = f"{article} " if article else ""
    if not pqe_years:
        return f"{prefix}social worker"
    years = int(pqe_years) if float(pqe_years).is_integer() else pqe_years
    unit = "year's" if years == 1 else "years'"
    return f"{prefix}social worker with {years} {unit} post-qualifying experience"


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + ", and " + phrases[-1]


# ---- the store -------------------------------------------------------------

@dataclass(frozen=True)
class QuorumRule:
    """The agency's quorum settings, ready to apply."""

    members_needed: int = AGENCY_DEFAULTS["quorum_members"]
    pqe_years: float = AGENCY_DEFAULTS["quorum_social_worker_pqe_years"]

    @classmethod
    def for_agency(cls, agency: Agency | None) -> "QuorumRule":
        if agency is None:
            return cls()
        return cls(members_needed=agency.setting("quorum_members"),
                   pqe_years=agency.setting("quorum_social_worker_pqe_years"))

    def check(self, people: Iterable[Person]) -> QuorumResult:
        return check_quorum(people, members_needed=self.members_needed, pqe_years=self.pqe_years)


def present_people(session: Session, meeting_ids: Iterable[int]) -> dict[int, list[Person]]:
    """Who was present at each meeting (attendance ``present``), in attendance
    order, read in one query for any number of meetings."""
    ids = list(meeting_ids)
    if not ids:
        return {}
    att, member, role = Attendance.__table__, PanelMember.__table__, MemberRole.__table__
    rows = session.execute(
        select(att.c.meeting_id, att.c.position, member.c.id, member.c.ref, member.c.name,
               member.c.social_worker_pqe_years, att.c.acting_as, role.c.role)
        .join(member, member.c.id == att.c.member_id)
        .outerjoin(role, role.c.member_id == member.c.id)
        .where(att.c.status == "present", att.c.meeting_id.in_(ids))
        .order_by(att.c.meeting_id, att.c.position, member.c.id, role.c.position))
    gathered: dict[int, dict[int, dict]] = defaultdict(dict)
    for meeting_id, _pos, member_id, ref, name, pqe, acting_as, role_name in rows:
        entry = gathered[meeting_id].setdefault(
            member_id, {"ref": ref, "name": name, "pqe_years": pqe, "acting_as": acting_as,
                        "roles": set(), "member_id": member_id})
        if role_name:
            entry["roles"].add(role_name)
    people = {mid: [_person(e) for e in members.values()] for mid, members in gathered.items()}
    return {mid: people.get(mid, []) for mid in ids}


def _person(entry: dict) -> Person:
    return Person(ref=entry["ref"], name=entry["name"], roles=frozenset(entry["roles"]),
                  pqe_years=entry["pqe_years"], acting_as=entry["acting_as"])


def _agency(session: Session, agency: Agency | None) -> Agency | None:
    if agency is not None:
        return agency
    return session.execute(select(Agency)).scalars().first()


def meeting_quorum(session: Session, meeting: Meeting, agency: Agency | None = None) -> QuorumResult:
    """The meeting's quorum as a whole, from its attendance; ``agency`` defaults
    to the store's agency."""
    rule = QuorumRule.for_agency(_agency(session, agency))
    return rule.check(present_people(session, [meeting.id])[meeting.id])


def item_quorum(session: Session, item: AgendaItem, agency: Agency | None = None) -> QuorumResult:
    """The quorum for one item: the meeting's people present, less the members
    who declared an interest in this item and left for it or took no part."""
    rule = QuorumRule.for_agency(_agency(session, agency))
    return rule.check(people_for_item(session, item))


def people_for_item(session: Session, item: AgendaItem) -> list[Person]:
    decl, member = Declaration.__table__, PanelMember.__table__
    away = set(session.execute(
        select(member.c.ref).join(decl, decl.c.member_id == member.c.id)
        .where(decl.c.item_id == item.id, decl.c.action.in_(ABSENT_FOR_ITEM))).scalars())
    present = present_people(session, [item.meeting_id])[item.meeting_id]
    return [p for p in present if p.ref not in away]


__all__ = ["ABSENT_FOR_ITEM", "Person", "QuorumResult", "QuorumRule", "check_quorum",
           "item_quorum", "meeting_quorum", "people_for_item", "present_people"]
