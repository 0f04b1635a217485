"""Prospective adopters in the demo agency: from enquiry through assessment to the
approval panel, and, once approved, early permanence, yearly reviews and withdrawals."""

from __future__ import annotations

import datetime as dt

from . import names as N
from .records import Household

# A medium regional agency's (scale 1) enquiries a year that go as far as an initial
# visit, and how long before the first financial year they start, so that the
# pipeline is full when the reported period opens.
HOUSEHOLDS_A_YEAR = 265
HOUSEHOLD_LEAD = dt.timedelta(days=720)
# How a household's record ends when the agency decision maker's final decision is
# not to approve them.
NOT_APPROVED = "assessment ended: not approved by the agency decision maker"


class Adopters:
    """The households' part of the simulation; ``Agency`` supplies the panel and the clock."""

    def add_households(self) -> None:
        first, count, _ = self.arrivals(HOUSEHOLD_LEAD, HOUSEHOLDS_A_YEAR)
        span = (self.today - first).days
        enquiries = sorted(first + self.days(0, span) for _ in range(count))
        for n, enquiry in enumerate(enquiries, 1):
            h = self.new_household(f"H{n:06d}", enquiry)
            self.households.append(h)
            self.journey(h, enquiry)

    def new_household(self, ref: str, enquiry: dt.date) -> Household:
        rng = self.rng
        couple = rng.random() < 0.7
        surname = rng.choice(N.SURNAMES)
        applicants = []
        for i in range(2 if couple else 1):
            own = surname if i == 0 or rng.random() < 0.45 else rng.choice(N.SURNAMES)
            dob = enquiry - dt.timedelta(days=rng.randint(27 * 365, 52 * 365))
            ethnicity = rng.choices([e for e, _ in N.ADULT_ETHNICITIES], [w for _, w in N.ADULT_ETHNICITIES])[0]
            applicants.append({"name": self.family_name(rng.choice(N.ADULT_FIRST), own, N.ADULT_FIRST,
                                                           tuple(a["name"] for a in applicants)),
                               "dob": dob.isoformat(),
                               "ethnicity": ethnicity})
        relationship = rng.choice(("married", "married", "civil_partnership", "cohabiting")) if couple else "single"
        worker = self.worker_for(rng.choice(self.staff), [a["name"] for a in applicants])
        return Household(ref, applicants, relationship, worker)

    def journey(self, h: Household, enquiry: dt.date) -> None:
        """From enquiry to the approval panel, or to the point where they stop."""
        rng = self.rng
        h.ms["enquiry"] = enquiry
        fate = rng.choices(("enquired", "before_stage1", "stage1", "stage2", "brief", "approve"),
                           (23, 5, 12, 7, 3, 50))[0]
        if fate in ("stage2", "approve") and rng.random() < 0.1:
            h.route = "fast_track"  # previous adopters and foster carers start at Stage 2
        if not self.put(h, "initial_visit", enquiry + self.days(7, 45)) or fate == "enquired":
            return
        if not self.put(h, "registration_of_interest", h.ms["initial_visit"] + self.days(5, 35)):
            return
        roi = h.ms["registration_of_interest"]
        if fate == "before_stage1":
            self.withdraw(h, roi + self.days(5, 40), "applicant", "before_stage1")
            return
        if h.route == "fast_track":
            stage2 = roi + self.days(7, 30)
        else:
            if not self.put(h, "stage1_start", roi + self.days(1, 14)):
                return
            if fate == "stage1":
                by = "agency" if rng.random() < 0.15 else "applicant"
                self.withdraw(h, h.ms["stage1_start"] + self.days(10, 55), by, "stage1")
                return
            if not self.put(h, "stage1_end", h.ms["stage1_start"] + self.days(40, 65)):
                return
            gap = self.days(3, 40) if rng.random() < 0.8 else self.days(60, 180)
            stage2 = h.ms["stage1_end"] + gap
        if not self.put(h, "stage2_start", stage2):
            return
        if fate == "stage2":
            by = "agency" if rng.random() < 0.4 else "applicant"
            self.withdraw(h, stage2 + self.days(20, 110), by, "stage2", noted=by == "agency")
            return
        ready = stage2 + self.days(70, 100)
        if rng.random() < 0.15:
            ready += self.days(20, 80)  # the assessment overran
        self.at(ready, self.hear_approval, h, fate == "brief", True)

    def withdraw(self, h: Household, day: dt.date, by: str, stage: str, noted: bool = False,
                 reason: str | None = None) -> None:
        if day > self.today or h.withdrawal is not None:
            return
        reason = reason or self.rng.choice(N.WITHDRAWAL_REASONS[(by, stage)])
        h.withdrawal = {"date": day, "by": by, "stage": stage, "reason": reason}
        h.ms["withdrawn"] = day
        h.left_pool = True
        if noted:
            self.at(day + self.days(7, 45), self.note_withdrawal, h)

    def note_withdrawal(self, day: dt.date, h: Household) -> None:
        item = self.book("withdrawal", day, [h])
        if self.heard(item):
            self.recommend(item, "The panel notes the withdrawal.", h.withdrawal["reason"].capitalize() + ".",
                           outcome="noted")

    def approval_terms(self, h: Household) -> dict:
        rng = self.rng
        couple = len(h.applicants) == 2
        most = rng.choices((1, 2, 3), (35, 50, 15) if couple else (60, 38, 2))[0]
        oldest = rng.choice((2, 3, 4, 5, 6, 8))
        if most > 1:
            oldest = max(oldest, 5)
        return {"children_max": most, "age_min_years": 0, "age_max_years": oldest,
                "early_permanence": rng.random() < 0.18}

    @staticmethod
    def approval_wording(terms: dict) -> str:
        most, lo, hi = terms["children_max"], terms["age_min_years"], terms["age_max_years"]
        children = "one child" if most == 1 else f"up to {most} children (a sibling group)"
        words = f"The panel recommends that the applicants are suitable to adopt {children} aged {lo} to {hi} years"
        if terms["early_permanence"]:
            words += ", and that they may be considered for early permanence"
        return words + "."

    def hear_approval(self, day: dt.date, h: Household, brief: bool, first: bool) -> None:
        item = self.book("adopter_approval", day, [h], presenters=[h.worker])
        if not self.heard(item):
            if item is not None and item.outcome == "deferred":
                self.at(item.sitting.day + self.days(14, 35), self.hear_approval, h, brief, False)
            return
        relist = self.set_back(item, first)
        if relist:
            self.at(relist, self.hear_approval, h, brief, False)
            return
        terms = self.approval_terms(h)
        if brief:
            self.recommend(item, "The panel does not recommend that the applicants are suitable to adopt a child.",
                           self.rng.choice(N.NOT_SUITABLE_REASONS), outcome="not_recommended")
            self.decide(item, "qualifying_determination",
                        "I have read the brief Prospective Adopter's Report and the panel's reasons, and I "
                        f"share its concerns: {item.reasons}")
        else:
            self.recommend(item, self.approval_wording(terms), self.praise())
            if self.rng.random() < 0.01:
                self.decide(item, "qualifying_determination",
                            "I have reached a different view from the panel's: the concerns raised in your "
                            "health assessments have not been resolved, and I cannot be satisfied that you "
                            "could meet a child's needs until they are.")
            else:
                self.approve(h, self.decide(item, "positive"), terms)
                return
        final = item.adm["final"]
        if final["decision"] == "positive":
            self.approve(h, final["date"], terms)
        elif item.sitting.day < self.period_start:
            # The document starts with the reported period, so this sitting and the
            # decision on it are left out: without an ending on their own record the
            # household would look still in Stage 2, years overdue. A fixed reason
            # keeps the random draws, and so the rest of the agency, as they were.
            self.withdraw(h, final["date"], "agency", "stage2", reason=NOT_APPROVED)

    def approve(self, h: Household, day: dt.date, terms: dict) -> None:
        if day > self.today:
            return
        h.ms["approved"] = day
        h.approval = terms
        self.pool.append(h)
        if self.rng.random() < 0.12:
            # A house move, a bereavement, a new job: they ask to wait before being linked.
            h.paused_until = day + self.days(240, 600)
        if terms["early_permanence"]:
            self.at(day + self.days(0, 60), self.hear_early_permanence, h)
        if self.rng.random() < 0.1:
            self.at(day + self.days(60, 540), self.approved_withdraws, h)
        self.at(day + self.days(320, 360), self.review, h)

    def hear_early_permanence(self, day: dt.date, h: Household) -> None:
        if h.matched or h.left_pool:
            return
        item = self.book("early_permanence_approval", day, [h], presenters=[h.worker])
        if not self.heard(item):
            return
        self.recommend(item, "The panel recommends that the applicants are suitable to foster a child aged 0 to 2 "
                             "on an early permanence basis.",
                       "The applicants understand the uncertainty for the child and for themselves.")
        ready = self.decide(item, "positive")
        if ready <= self.today:
            h.ep_ready = ready
            self.ep_pool.append(h)

    def approved_withdraws(self, day: dt.date, h: Household) -> None:
        if not h.matched and not h.left_pool:
            self.withdraw(h, day, "applicant", "approved", noted=True)

    def review(self, day: dt.date, h: Household) -> None:
        if h.matched or h.left_pool:
            return
        item = self.book("adopter_review", day, [h], presenters=[h.worker])
        if not self.heard(item):
            return
        if self.rng.random() < 0.08:
            self.recommend(item, "The panel recommends that the approval is terminated.",
                           "The applicants' circumstances have changed and they are no longer able to adopt.")
            h.left_pool = True  # from the panel's day, whenever the ADM decides
            self.withdraw(h, self.decide(item, "positive"), "agency", "approved",
                          reason="approval terminated after review")
            return
        self.recommend(item, "The panel recommends that the applicants remain suitable to adopt.",
                       "Annual review: the applicants remain committed and their circumstances are unchanged.")
        self.decide(item, "positive")
        self.at(day + self.days(330, 365), self.review, h)
