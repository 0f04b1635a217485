"""A fictional regional adoption agency, made up from a seed: ``generate()``.

The agency is simulated forward in time. Households enquire and go through the
two assessment stages; children come into care, get a should-be-placed decision
and a placement order; the panel adviser books approvals, matches, reviews and
withdrawals onto the panels' sittings; each sitting's minutes become final and
the agency decision maker decides; approved households wait in a pool from which
children are matched. Every date follows the rules of domain.md, and only what
has happened by ``today`` is written: later sittings are planned, with their
agendas, and recent ones wait for final minutes or the ADM.

Everything random comes from one ``random.Random(seed)``, so a seed always gives
the same agency.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random

from ..rules.workdays import WorkingDays
from . import names as N
from .adopters import HOUSEHOLD_LEAD, Adopters
from .central_list import Person, panel_list
from .children import CHILD_LEAD, Children
from .document import build
from .records import Child, Household, Item
from .schedule import Schedule, Sitting

# The panel sittings a month that keep a medium agency's (scale 1) agendas at six
# or seven items.
SITTINGS_A_MONTH = 4.5
# The panel adviser's diary runs this far past today; she books items on it up
# to BOOKING_AHEAD after today.
DIARY_AHEAD = dt.timedelta(days=42)
BOOKING_AHEAD = dt.timedelta(days=21)


def financial_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


class Agency(Adopters, Children):
    def __init__(self, seed: int, years: int, scale: int, today: dt.date):
        if years < 1 or scale < 1:
            raise ValueError(f"years and scale must be at least 1 (got years={years}, scale={scale})")
        self.rng = random.Random(seed)
        self.today = today
        self.years, self.scale = years, scale
        self.period_start = dt.date(financial_year_start(today).year - years + 1, 4, 1)
        self.wd = WorkingDays("england_and_wales")
        self._events: list = []
        self._seq = 0
        self._member_number = 0
        self.households: list[Household] = []
        self.children: list[Child] = []
        self.pool: list[Household] = []  # approved households, as far as anyone knows still waiting
        self.ep_pool: list[Household] = []
        # The agency's size is set by ``years`` and ``scale``; when today falls early in
        # its financial year the same families pass through in less time, so the
        # panels sit more often.
        busier = self.arrivals(HOUSEHOLD_LEAD, 1)[2]
        a_month = max(2, int(SITTINGS_A_MONTH * scale * busier + 0.5))
        self.schedule = Schedule(self.rng, self.wd, a_month, self.period_start - max(HOUSEHOLD_LEAD, CHILD_LEAD),
                                 today + DIARY_AHEAD, today)
        self.staff = sorted({self.adult_name() for _ in range(12 * scale + 8)})
        self.people: list[list[Person]] = [
            panel_list(self.rng, self.adult_name, self.period_start, today, self._next_member)
            for _ in range(self.schedule.panels)]
        # Names the agency's own people carry, which no family may share.
        self.workers_names = set(self.staff) | {p.name for people in self.people for p in people} | {
            d.split(",")[0] for d in N.DECISION_MAKERS}

    # -- small helpers ----------------------------------------------------------

    def _next_member(self) -> str:
        self._member_number += 1
        return f"M{self._member_number:04d}"

    def adult_name(self) -> str:
        return f"{self.rng.choice(N.ADULT_FIRST)} {self.rng.choice(N.SURNAMES)}"

    def worker_for(self, chosen: str, names: list[str]) -> str:
        """``chosen`` from the staff, or the next one along when they share a surname with
        the family they would present (a reader would take them for a relative)."""
        surnames = {n.split()[-1] for n in names}
        start = self.staff.index(chosen)
        for step in range(len(self.staff)):
            worker = self.staff[(start + step) % len(self.staff)]
            if worker.split()[-1] not in surnames:
                return worker
        return chosen

    def family_name(self, first: str, surname: str, firsts: tuple[str, ...], also_taken: tuple[str, ...] = ()) -> str:
        """``first surname``, unless a worker or panel member has that name, or one of
        ``also_taken`` (the household's other applicant): then the next first name along (so
        no family shares a name with someone who writes about it, no couple is two people of
        one name, and the random stream is the same as without the check)."""
        start = firsts.index(first) if first in firsts else 0
        for step in range(len(firsts)):
            name = f"{firsts[(start + step) % len(firsts)]} {surname}"
            if name not in self.workers_names and name not in also_taken:
                return name
        return f"{first} {surname}"

    def arrivals(self, lead: dt.timedelta, a_year: float) -> tuple[dt.date, int, float]:
        """When arrivals start, how many there are (``a_year`` a year over the years
        asked for and the lead before them), and how much busier than a full year's
        pace that makes the time up to today."""
        first = self.period_start - lead
        full = self.years * 365.25 + lead.days
        span = max((self.today - first).days, 1)
        return first, round(a_year * self.scale * full / 365.25), full / span

    def days(self, lo: int, hi: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(lo, hi))

    def at(self, day: dt.date, action, *args) -> None:
        """Do ``action`` when the simulation reaches ``day``."""
        self._seq += 1
        heapq.heappush(self._events, (day, self._seq, action, args))

    def run(self) -> None:
        while self._events:
            day, _, action, args = heapq.heappop(self._events)
            if day > self.today + BOOKING_AHEAD:
                break
            action(day, *args)

    def put(self, record, milestone: str, day: dt.date) -> bool:
        """Record a milestone when it has happened by today; say whether it has."""
        if day > self.today:
            return False
        record.ms[milestone] = day
        return True

    # -- the panel --------------------------------------------------------------

    def book(self, kind: str, when: dt.date, households=(), children=(), presenters=(),
             sitting: Sitting | None = None) -> Item | None:
        """Put an item on the next sitting with room (or on ``sitting``)."""
        sitting = sitting or self.schedule.book(when)
        if sitting is None:
            return None
        # One worker may present for both sides of a match: name them once. And no presenter
        # shares a surname with a family on the item, who would read as a relative.
        names = [a["name"] for h in households for a in h.applicants] + [c.name for c in children]
        presenters = [self.worker_for(p, names) for p in presenters]
        item = Item(kind, sitting, list(households), list(children), list(dict.fromkeys(presenters)))
        sitting.items.append(item)
        return item

    def heard(self, item: Item | None) -> bool:
        """Whether the panel heard the item; a sitting that was not quorate defers it."""
        if item is None or item.sitting.status != "held":
            return False
        if item.sitting.inquorate:
            item.outcome = "deferred"
            item.recommendation = "The panel could not make a recommendation."
            item.reasons = "The panel was not quorate; the item is deferred to a later panel."
            return False
        return True

    def set_back(self, item: Item, first_hearing: bool, deferrals: float = 0.035) -> dt.date | None:
        """Now and then an item is taken off the agenda or deferred: the day to re-list it."""
        if not first_hearing:
            return None
        r = self.rng.random()
        day = item.sitting.day
        if r < 0.008:
            item.outcome = "removed"
            return day + self.days(14, 42)
        if r < 0.008 + deferrals:
            item.outcome = "deferred"
            item.recommendation = "The panel defers its recommendation for further information."
            item.reasons = self.rng.choice(N.DEFERRAL_REASONS)
            return day + self.days(28, 70)
        return None

    def decide(self, item: Item, decision: str, reasons: str | None = None) -> dt.date:
        """The ADM's decision on the item, some working days after the final minutes."""
        rng, wd = self.rng, self.wd
        lag = rng.randint(1, 7) if rng.random() < 0.88 else rng.randint(8, 12)
        day = wd.add(item.sitting.minutes_final, lag)
        notified = wd.add(day, rng.randint(1, 5) if rng.random() < 0.9 else rng.randint(6, 8))
        item.adm = {"decision_maker": N.DECISION_MAKERS[item.sitting.panel % len(N.DECISION_MAKERS)],
                    "date": day, "decision": decision, "notified": notified}
        if reasons:
            item.adm["reasons"] = reasons
        if decision == "qualifying_determination":
            review = rng.choices(("none", "representations", "independent_review"), (6, 3, 1))[0]
            changed_mind = review != "none" and rng.random() < 0.25
            item.adm["final"] = {"date": wd.add(notified, 40) + self.days(0, 25),
                                 "decision": "positive" if changed_mind else "negative", "review": review}
        return day

    def recommend(self, item: Item, wording: str, reasons: str, outcome: str = "recommended") -> None:
        item.outcome, item.recommendation, item.reasons = outcome, wording, reasons

    def praise(self, pool=N.APPROVAL_REASONS) -> str:
        return " ".join(self.rng.sample(pool, 2))

    def other_business(self) -> None:
        """Twice a year each panel notes its feedback on the quality of reports (NMS 17.2)."""
        noted = set()
        for s in self.schedule.open:
            key = (s.panel, s.day.year, s.day.month)
            if s.day.month in (4, 10) and key not in noted:
                noted.add(key)
                item = self.book("other", s.day, sitting=s)
                if self.heard(item):
                    self.recommend(item, "The panel notes its six-monthly feedback on the quality of reports.",
                                   "Most reports were of good quality; chronologies in Child Permanence "
                                   "Reports need more analysis.", outcome="noted")

    def simulate(self) -> None:
        self.other_business()
        self.add_households()
        self.add_children()
        self.run()


def generate(*, seed: int = 1, years: int = 3, scale: int = 1, today: dt.date | None = None) -> dict:
    """An exchange document (format "panelapp-exchange", version 1) for the fictional
    Riverside Regional Adoption Agency: ``years`` financial years ending with the one
    holding ``today``, and the panels' planned sittings of the next few weeks.
    ``scale`` 1 is a medium regional agency; the flows grow in proportion."""
    agency = Agency(seed, years, scale, today or dt.date.today())
    agency.simulate()
    return build(agency)
