"""The demo agency's panel sittings, and how its panel adviser books items onto them.

A panel sits twice a month on a fixed weekday (the first panel on the second and
fourth Thursday), never on a bank holiday. A busier agency runs more panels; each
has its own weekday and pair of weeks so that the sittings spread over the month,
and the last may sit only once a month.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from dataclasses import dataclass, field

from ..rules.workdays import WorkingDays
from .names import VENUES

# (weekday, weeks of the month), Monday being 0: the first panel's, then how a
# larger agency fills its diary.
SLOTS = (
    (3, (2, 4)), (1, (1, 3)), (3, (1, 3)), (1, (2, 4)), (2, (2, 4)),
    (2, (1, 3)), (0, (2, 4)), (0, (1, 3)), (4, (2, 4)), (4, (1, 3)),
)
STARTS = ("10:00", "09:30", "13:30")
MOST_ITEMS = 10
# An agenda the adviser fills before she uses a later sitting.
FULL_ENOUGH = 5
# How far past the date an item is ready the adviser looks for room: far enough to
# keep agendas even. In a big agency's diary she weighs only the first sittings.
LOOK_AHEAD = dt.timedelta(days=21)
MOST_CANDIDATES = 160


@dataclass(eq=False)
class Sitting:
    panel: int
    day: dt.date
    ref: str
    start: str
    venue: str
    status: str  # held, planned or cancelled, as seen on the demo's "today"
    inquorate: bool = False
    papers_sent: dt.date | None = None
    minutes_final: dt.date | None = None  # when they will be (or were) final
    items: list = field(default_factory=list)


def sitting_days(first: dt.date, last: dt.date, weekday: int, weeks: tuple, wd: WorkingDays):
    """The days from ``first`` to ``last`` that fall on ``weekday`` in the given weeks
    of their month, leaving out bank holidays and the Christmas week."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        start = dt.date(year, month, 1)
        offset = (weekday - start.weekday()) % 7
        for week in weeks:
            day = start + dt.timedelta(days=offset + 7 * (week - 1))
            christmas = month == 12 and day.day >= 24  # no panel until the new year
            if day.month == month and first <= day <= last and wd.is_working_day(day) and not christmas:
                yield day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class Schedule:
    """Every sitting of every panel in date order, and the booking of items on them."""

    def __init__(self, rng: random.Random, wd: WorkingDays, a_month: int, first: dt.date,
                 last: dt.date, today: dt.date):
        """``a_month`` sittings a month, two for each panel; when it is odd, the last
        panel sits once a month."""
        self.rng, self.wd, self.today = rng, wd, today
        self.panels = (a_month + 1) // 2
        sittings = []
        for panel in range(self.panels):
            weekday, weeks = SLOTS[panel % len(SLOTS)]
            if 2 * (panel + 1) > a_month:
                weeks = weeks[:1]
            start = STARTS[panel % len(STARTS)]
            room = VENUES[panel % len(VENUES)]
            for day in sitting_days(first, last, weekday, weeks, wd):
                venue = "online" if rng.random() < 0.3 else room
                sittings.append(Sitting(panel, day, f"P{day:%Y%m%d}-{panel + 1}", start, venue,
                                        "held" if day < today else "planned"))
        sittings.sort(key=lambda s: (s.day, s.panel))
        self._cancel_some(sittings)
        for s in sittings:
            self._settle(s)
        self._minutes_in_hand(sittings)
        self.sittings = sittings
        self.open = [s for s in sittings if s.status != "cancelled"]
        self._ordinals = [s.day.toordinal() for s in self.open]

    def _cancel_some(self, sittings: list[Sitting]) -> None:
        """Most years a panel cancels one sitting: snow, a chair taken ill, too little business."""
        by_year: dict[tuple, list[Sitting]] = {}
        for s in sittings:
            if s.status == "held":
                by_year.setdefault((s.panel, s.day.year if s.day.month >= 4 else s.day.year - 1), []).append(s)
        for year in by_year.values():
            if self.rng.random() < 0.6:
                self.rng.choice(year).status = "cancelled"

    def _settle(self, s: Sitting) -> None:
        rng, wd = self.rng, self.wd
        if s.status == "cancelled":
            return
        late = rng.random() < 0.1
        s.papers_sent = wd.add(s.day, -rng.randint(2, 4) if late else -rng.randint(5, 8))
        if s.status == "held":
            s.inquorate = rng.random() < 0.012
            s.minutes_final = wd.add(s.day, rng.randint(3, 10) if rng.random() < 0.85 else rng.randint(11, 16))

    def _minutes_in_hand(self, sittings: list[Sitting]) -> None:
        """Each panel's last sitting of the past three weeks still has its minutes in
        draft, so that the demo always shows minutes and decisions to chase."""
        last = {}
        for s in sittings:
            if s.status == "held" and s.day >= self.today - dt.timedelta(days=21):
                last[s.panel] = s
        for s in last.values():
            if s.minutes_final <= self.today:
                s.minutes_final = self.wd.add(self.today, self.rng.randint(1, 3))

    def book(self, not_before: dt.date, room: int = 1) -> Sitting | None:
        """The sitting an item ready on ``not_before`` goes to: among those of the next
        three weeks with room, the earliest whose agenda is short of FULL_ENOUGH or not
        clearly longer than the shortest, so that agendas stay even. None when the
        diary has no room left."""
        i = bisect_left(self._ordinals, not_before.toordinal())
        candidates = []
        limit = None
        while i < len(self.open) and len(candidates) < MOST_CANDIDATES:
            s = self.open[i]
            i += 1
            if limit is not None and s.day > limit:
                break
            if len(s.items) + room <= MOST_ITEMS:
                candidates.append(s)
                if limit is None:
                    limit = s.day + LOOK_AHEAD
        if not candidates:
            return None
        enough = max(min(len(s.items) for s in candidates) + 2, FULL_ENOUGH)
        return next(s for s in candidates if len(s.items) < enough)
