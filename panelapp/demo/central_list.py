"""The demo agency's central list, one set of people per panel, and who comes to each sitting.

Each panel's list mirrors the fixture agency's: an independent chair, two vice
chairs (one a social worker), social workers with their years of post-qualifying
experience (one under three), independent members who are adopters or adopted
adults, an elected member who left and was replaced, an adopter member whose term
ended, and the advisers and the minute taker, who do not count for quorum.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..enums import CHAIR_ROLES, MEMBER_ROLES

QUORUM_MEMBERS = 5
QUORUM_PQE_YEARS = 3

# How likely each kind of person is to be there on the day.
TURNOUT = {"chair": 0.9, "vice_chair": 0.8, "social_worker": 0.85, "independent": 0.8,
           "elected_member": 0.5, "medical_adviser": 0.85, "legal_adviser": 0.25,
           "agency_adviser": 0.97, "minute_taker": 0.97}


@dataclass(eq=False)
class Person:
    ref: str
    name: str
    roles: tuple
    appointed: dt.date
    pqe: float | None = None
    term_ends: dt.date | None = None
    left: dt.date | None = None

    def on_list(self, day: dt.date) -> bool:
        ends = [d for d in (self.term_ends, self.left) if d is not None]
        return self.appointed <= day and (not ends or day <= min(ends))

    @property
    def counts(self) -> bool:
        return any(r in MEMBER_ROLES for r in self.roles)

    @property
    def can_chair(self) -> bool:
        return any(r in CHAIR_ROLES for r in self.roles)

    @property
    def qualifying_social_worker(self) -> bool:
        return "social_worker" in self.roles and (self.pqe or 0) >= QUORUM_PQE_YEARS

    def as_exchange(self) -> dict:
        out = {"ref": self.ref, "name": self.name, "roles": list(self.roles)}
        if self.pqe is not None:
            out["social_worker_pqe_years"] = self.pqe
        out["appointed"] = self.appointed.isoformat()
        if self.term_ends:
            out["term_ends"] = self.term_ends.isoformat()
        if self.left:
            out["left"] = self.left.isoformat()
        return out


def quorate(present: list[Person]) -> bool:
    counted = [p for p in present if p.counts]
    return (len(counted) >= QUORUM_MEMBERS and any(p.can_chair for p in counted)
            and any(p.qualifying_social_worker for p in counted))


def panel_list(rng: random.Random, name, period_start: dt.date, today: dt.date, number) -> list[Person]:
    """One panel's people. ``name()`` makes up a name, ``number()`` the next member ref."""
    span = max((today - period_start).days, 60)

    def at(fraction: float) -> dt.date:
        return period_start + dt.timedelta(days=int(span * fraction))

    def before(years_lo: float, years_hi: float) -> dt.date:
        return period_start - dt.timedelta(days=int(365 * rng.uniform(years_lo, years_hi)))

    term_end = at(rng.uniform(0.4, 0.6))
    left = at(rng.uniform(0.3, 0.5))
    people = [
        (("chair", "independent"), before(1, 6), None, {}),
        (("vice_chair", "independent"), before(1, 5), None, {}),
        (("vice_chair", "social_worker"), before(1, 5), rng.randint(8, 20), {}),
        (("social_worker",), before(0.5, 4), rng.randint(4, 15), {}),
        (("social_worker",), at(rng.uniform(0.0, 0.3)), rng.choice((1, 1.5, 2, 2.5)), {}),
        (("independent", "adopter_member"), before(2, 4), None, {"term_ends": term_end}),
        (("independent", "adopter_member"), term_end + dt.timedelta(days=rng.randint(1, 30)), None, {}),
        (("independent", "adoptee_member"), before(1, 4), None, {}),
        (("elected_member",), before(1, 3), None, {"left": left}),
        (("elected_member",), left + dt.timedelta(days=rng.randint(20, 90)), None, {}),
        (("medical_adviser",), before(1, 8), None, {}),
        (("legal_adviser",), before(1, 8), None, {}),
        (("agency_adviser",), before(1, 6), None, {}),
        (("minute_taker",), before(0.2, 3), None, {}),
        (("independent",), at(rng.uniform(0.1, 0.7)), None, {}),
    ]
    return [Person(number(), name(), roles, appointed, pqe, **ends)
            for roles, appointed, pqe, ends in people]


def attendance(rng: random.Random, people: list[Person], day: dt.date, inquorate: bool) -> dict:
    """Who is present, sent apologies or was absent at a sitting: {person: status}.

    Most sittings are quorate, as a panel adviser makes sure they are; a sitting
    marked ``inquorate`` has one counted member too few."""
    on_list = [p for p in people if p.on_list(day)]
    status = {}
    for p in on_list:
        chance = max(TURNOUT.get(r, 0.8) for r in p.roles)
        if rng.random() < chance:
            status[p] = "present"
        else:
            status[p] = "absent" if rng.random() < 0.1 else "apologies"

    def present():
        return [p for p in on_list if status[p] == "present"]

    if not any(p.can_chair for p in present()):
        status[next(p for p in on_list if p.can_chair)] = "present"
    if not any(p.qualifying_social_worker for p in present()):
        status[next(p for p in on_list if p.qualifying_social_worker)] = "present"
    away = [p for p in on_list if p.counts and status[p] != "present"]
    rng.shuffle(away)
    while sum(p.counts for p in present()) < QUORUM_MEMBERS and away:
        status[away.pop()] = "present"
    if inquorate:
        spare = [p for p in present() if p.counts and not p.can_chair and not p.qualifying_social_worker]
        rng.shuffle(spare)
        while sum(p.counts for p in present()) >= QUORUM_MEMBERS and spare:
            status[spare.pop()] = "apologies"
    return status
