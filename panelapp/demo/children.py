"""Children in the demo agency: from care to a placement order, the search for a
family, the match panel, placement and the adoption order."""

from __future__ import annotations

import datetime as dt

from . import names as N
from .records import Child, Group, Household, Item

# A medium regional agency's (scale 1) children a year who come into care and will
# have a plan for adoption, and how long before the first financial year they start.
CHILDREN_A_YEAR = 137
CHILD_LEAD = dt.timedelta(days=900)
# How long approved early permanence carers wait for an early permanence baby
# before they are considered for other children.
EARLY_PERMANENCE_WAIT = dt.timedelta(days=240)


class Children:
    """The children's part of the simulation; ``Agency`` supplies the panel, the clock
    and the pool of approved households."""

    def add_children(self) -> None:
        rng = self.rng
        first, count, _ = self.arrivals(CHILD_LEAD, CHILDREN_A_YEAR)
        span = (self.today - first).days
        arrivals = []
        while count > 0:
            kind = rng.choices(("child", "siblings", "relinquished", "early"), (70, 13, 3, 14))[0]
            size = rng.choices((2, 3), (80, 20))[0] if kind == "siblings" else 1
            arrivals.append((first + self.days(0, span), kind, size))
            count -= size
        arrivals.sort(key=lambda a: a[0])
        groups = 0
        for entered, kind, size in arrivals:
            surname = rng.choice(N.SURNAMES)
            youngest_age = self.child_age(kind)
            children = []
            for i in range(size):
                age = youngest_age + (rng.randint(1, 3) * 365 + rng.randint(0, 200)) * i
                children.append(self.new_child(entered - dt.timedelta(days=age), surname, entered))
            if size > 1:
                groups += 1
                for c in children:
                    c.sibling_group = f"S{groups:05d}"
            group = Group(children, self.worker_for(rng.choice(self.staff), [c.name for c in children]))
            self.plan(group, entered, kind)

    def child_age(self, kind: str) -> int:
        """Age in days on entering care."""
        rng = self.rng
        if kind == "relinquished":
            return rng.randint(0, 10)
        if kind == "early":
            return rng.randint(0, 90)
        years = rng.choices((0, 1, 2, 4), (45, 25, 20, 10))[0]
        return years * 365 + rng.randint(0, 700 if years >= 2 else 364)

    def new_child(self, dob: dt.date, surname: str, entered: dt.date) -> Child:
        rng = self.rng
        ethnicity, minority, _ = rng.choices(N.CHILD_ETHNICITIES, [w for *_, w in N.CHILD_ETHNICITIES])[0]
        needs = []
        if rng.random() < 0.15:
            needs = rng.sample(N.CHILD_NEEDS, 1 if rng.random() < 0.8 else 2)
        child = Child(f"C{len(self.children) + 1:06d}", self.family_name(rng.choice(N.CHILD_FIRST), surname,
                                                                          N.CHILD_FIRST), dob,
                      rng.choice(("male", "female")), ethnicity, minority, needs)
        child.ms["entered_care"] = entered
        self.children.append(child)
        return child

    def put_all(self, group: Group, milestone: str, day: dt.date) -> bool:
        return all([self.put(c, milestone, day) for c in group.children])

    def plan(self, group: Group, entered: dt.date, kind: str) -> None:
        """From care to the placement order, then the search for a family."""
        if kind == "relinquished":
            self.at(entered + self.days(30, 70), self.hear_child_plan, group)
            return
        decision = entered + self.days(100, 250)
        order = decision + self.days(30, 150)
        if kind == "early":
            self.at(entered + self.days(0, 21), self.place_early, group, decision, order)
            return
        if not self.put_all(group, "should_be_placed_decision", decision):
            return
        self.court(group, order)

    def court(self, group: Group, order: dt.date) -> None:
        group.order_due = order
        if not self.put_all(group, "placement_order", order):
            return
        group.placement_order = order
        if self.rng.random() < 0.05:
            self.put_all(group, "plan_changed", order + self.days(60, 360))
            return
        self.at(order + self.search_time(group), self.search, group)

    def search_time(self, group: Group) -> dt.timedelta:
        rng = self.rng
        eldest = max((group.placement_order - c.dob).days for c in group.children) / 365
        days = rng.randint(20, 150)
        if eldest >= 4:
            days += rng.randint(60, 200)
        if len(group.children) > 1:
            days += rng.randint(40, 160)
        if any(c.needs for c in group.children):
            days += rng.randint(30, 120)
        if any(c.minority for c in group.children):
            days += rng.randint(0, 90)
        return dt.timedelta(days=days)

    def hear_child_plan(self, day: dt.date, group: Group) -> None:
        item = self.book("child_plan", day, children=group.children, presenters=[group.worker])
        if not self.heard(item):
            if item is not None and item.outcome == "deferred":
                self.at(item.sitting.day + self.days(14, 35), self.hear_child_plan, group)
            return
        self.recommend(item, "The panel recommends that the child should be placed for adoption. "
                             "Advice on contact: an annual letter to the birth mother, if she wishes.",
                       "The birth mother has given informed consent, witnessed by Cafcass.")
        decision = self.decide(item, "positive")
        if self.put_all(group, "should_be_placed_decision", decision):
            self.court(group, decision + self.days(7, 42))

    def place_early(self, day: dt.date, group: Group, decision: dt.date, order: dt.date) -> None:
        """An infant moves in with approved early permanence carers while the court decides."""
        if day > self.today:
            return
        h = self.find_family(group, day, self.ep_pool, early=True)
        if h is None:
            if self.put_all(group, "should_be_placed_decision", decision):
                self.court(group, order)
            return
        h.matched = True
        for c in group.children:
            c.early_permanence = True
            c.ms["moved_in_with_foster_carer"] = day
        if not self.put_all(group, "should_be_placed_decision", decision):
            return
        group.order_due = order
        if self.put_all(group, "placement_order", order):
            group.placement_order = order
        # The match is often heard around the order, now and then before it.
        self.at(max(decision + self.days(7, 20), order + self.days(-40, 60)), self.hear_match, group, h, True)

    def search(self, day: dt.date, group: Group, first: bool = True) -> None:
        if day > self.today:
            return
        if first and self.rng.random() < 0.02:
            self.match_from_elsewhere(day, group)
            return
        h = self.find_family(group, day, self.pool)
        if h is None:
            if (day - group.order_due).days > 540 and self.rng.random() < 0.3:
                # No family after a long search: the plan becomes long-term fostering.
                self.put_all(group, "plan_changed", day)
                return
            self.at(day + self.days(25, 60), self.search, group, False)
            return
        h.matched = True
        self.hear_match(day, group, h, True)

    def fits(self, h: Household, group: Group, day: dt.date, early: bool) -> bool:
        if h.matched or h.left_pool or h.approval is None:
            return False
        if h.paused_until and day < h.paused_until:
            return False
        if early:
            if h.ep_ready is None or h.ep_ready > day:
                return False
        elif h.ms["approved"] > day - dt.timedelta(days=14):
            return False
        elif h.approval["early_permanence"] and day < h.ms["approved"] + EARLY_PERMANENCE_WAIT:
            return False  # early permanence carers wait for a baby first
        terms = h.approval
        if len(group.children) > terms["children_max"]:
            return False
        return all(terms["age_min_years"] <= (day - c.dob).days // 365 <= terms["age_max_years"]
                   for c in group.children)

    def find_family(self, group: Group, day: dt.date, pool: list, early: bool = False) -> Household | None:
        """Of the waiting households the social workers consider (all of a small pool,
        a sample of a large one), the one waiting longest that can meet the children's
        needs. Households matched or gone are cleared from the pool as they are met."""
        if len(pool) <= 40:
            pool[:] = [h for h in pool if not (h.matched or h.left_pool)]
            considered = pool
        else:
            considered = []
            for _ in range(40):
                if not pool:
                    break
                i = self.rng.randrange(len(pool))
                h = pool[i]
                if h.matched or h.left_pool:
                    pool[i] = pool[-1]
                    pool.pop()
                else:
                    considered.append(h)
        fitting = [h for h in considered if self.fits(h, group, day, early)]
        return min(fitting, key=lambda h: h.ms["approved"]) if fitting else None

    def match_from_elsewhere(self, day: dt.date, group: Group) -> None:
        """Adopters assessed by an agency in another nation, approved for this match."""
        sitting = self.schedule.book(day, room=2)
        if sitting is None:
            return
        enquiry = day - self.days(200, 500)
        h = self.new_household(f"H{len(self.households) + 1:06d}", enquiry)
        h.ms["enquiry"] = enquiry
        h.matched = True
        self.households.append(h)
        item = self.book("retrospective_approval", day, [h], presenters=[h.worker], sitting=sitting)
        match = self.book("match", day, [h], group.children, [group.worker, h.worker], sitting=sitting)
        heard = [self.heard(item), self.heard(match)]
        if not all(heard):
            if match.outcome == "deferred":
                self.at(sitting.day + self.days(14, 35), self.search, group, False)
            return
        nation = self.rng.choice(N.LOCATIONS_ELSEWHERE)
        self.recommend(item, "The panel recommends that the applicants are suitable to adopt, for the purpose "
                             "of this match.", f"Assessed by an adoption agency in {nation}; the assessment is "
                                               "thorough and current.")
        terms = {"children_max": len(group.children), "age_min_years": 0,
                 "age_max_years": max(8, max((day - c.dob).days // 365 for c in group.children) + 1),
                 "early_permanence": False}
        approved = self.decide(item, "positive")
        if approved <= self.today:
            h.ms["approved"], h.approval = approved, terms
        self.match_heard(match, group, h)

    def hear_match(self, day: dt.date, group: Group, h: Household, first: bool) -> None:
        item = self.book("match", day, [h], group.children, [group.worker, h.worker])
        if not self.heard(item):
            if item is not None and item.outcome == "deferred":
                self.at(item.sitting.day + self.days(14, 35), self.hear_match, group, h, False)
            return
        relist = self.set_back(item, first, deferrals=0.015)
        if relist:
            self.at(relist, self.hear_match, group, h, False)
            return
        self.match_heard(item, group, h)

    def match_heard(self, item: Item, group: Group, h: Household) -> None:
        rng = self.rng
        who = "the children" if len(group.children) > 1 else "the child"
        self.recommend(item, f"The panel recommends that {who} should be placed for adoption with the prospective "
                             f"adopters. Advice: {rng.choice(N.MATCH_ADVICE).lower()}; the adoption support plan as "
                             "presented; parental responsibility to be shared as in the placement plan.",
                       self.praise(N.MATCH_REASONS))
        decided = self.decide(item, "positive")
        if not self.put_all(group, "match_decision", decided):
            return
        for c in group.children:
            c.matched_household = h
        early = group.children[0].early_permanence
        # An early permanence match may come before the order; the placement waits for it.
        placed = max(decided, group.order_due) + (self.days(0, 14) if early else self.days(7, 35))
        if not self.put_all(group, "placed", placed):
            return
        if rng.random() < 0.03 and not early:
            self.put_all(group, "disruption", placed + self.days(30, 270))
            return
        if self.put_all(group, "adoption_application", placed + self.days(70, 200)):
            self.put_all(group, "adoption_order", group.children[0].ms["adoption_application"] + self.days(60, 200))
