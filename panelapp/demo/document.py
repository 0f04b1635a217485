"""Writes the simulated agency out as an exchange document.

Only what has happened by the demo's ``today`` is written: a held sitting's
minutes and each ADM decision appear once their date has passed, so the last
sittings before today show work still to do. Who attended each sitting, the
interests declared and the members' views are settled here, sitting by sitting.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..enums import CHILD_MILESTONES, HOUSEHOLD_MILESTONES
from ..exchange.schema import FORMAT_NAME, FORMAT_VERSION
from . import DEMO_AGENCY_NAME
from . import names as N
from . import writing as W
from .central_list import attendance
from .records import Child, Household, Item

if TYPE_CHECKING:
    from .generator import Agency

AGENCY = {
    "name": DEMO_AGENCY_NAME,
    "kind": "regional_adoption_agency",
    "panel_name": "Riverside Adoption Panel",
    "region": "england_and_wales",
    **W.AGENCY_CONTACT,
}
HEARD = ("recommended", "not_recommended")
# The order of business on an agenda.
TYPE_ORDER = ("child_plan", "adopter_approval", "early_permanence_approval", "retrospective_approval",
              "match", "adopter_review", "withdrawal", "other")


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _milestones(ms: dict, order) -> dict:
    return {name: _iso(ms[name]) for name in order if name in ms}


def _household(h: Household) -> dict:
    out = {"ref": h.ref, "applicants": h.applicants, "relationship": h.relationship, "route": h.route,
           "address": W.address(h.ref), "milestones": _milestones(h.ms, HOUSEHOLD_MILESTONES)}
    if h.withdrawal:
        out["withdrawal"] = {**h.withdrawal, "date": _iso(h.withdrawal["date"])}
    if h.approval and "approved" in h.ms:
        out["approval"] = dict(h.approval)
    return out


def _child(c: Child) -> dict:
    out = {"ref": c.ref, "name": c.name, "dob": _iso(c.dob), "gender": c.gender, "ethnicity": c.ethnicity,
           "ethnic_minority": c.minority}
    if c.sibling_group:
        out["sibling_group"] = c.sibling_group
    if c.needs:
        out["needs"] = list(c.needs)
    out["milestones"] = _milestones(c.ms, CHILD_MILESTONES)
    if c.matched_household is not None:
        out["matched_household"] = c.matched_household.ref
    if c.early_permanence:
        out["early_permanence"] = True
    return out


class Writer:
    def __init__(self, agency: Agency):
        self.a = agency
        self.rng = agency.rng
        self.today = agency.today
        self.item_number = 0
        self.counts: dict[str, tuple[int, int]] = {}  # by item ref: its applicants and children

    def adm(self, adm: dict, item: Item, ref: str) -> dict | None:
        if adm is None or adm["date"] > self.today:
            return None
        day = item.sitting.day
        counts = self.counts[ref]
        reasons = adm.get("reasons") or W.decision_reasons(adm["decision"], item.outcome, item.reasons)
        out = {"decision_maker": adm["decision_maker"], "date": _iso(adm["date"]), "decision": adm["decision"],
               "reasons": W.fit(reasons, *counts),
               "documents": [f"The panel's recommendation and the final minutes of the meeting of "
                             f"{day.day} {day:%B %Y}"] + [title for _, title in W.papers(item.type)]}
        final = adm.get("final")
        if final and final["date"] <= self.today:
            out["final"] = {**final, "date": _iso(final["date"]),
                            "reasons": W.final_reasons(final["decision"], final["review"])}
            out |= W.responses(ref, adm["notified"], final["date"], final["review"], final["decision"])
            if "irm" in out:
                out["irm"]["recommendation"] = W.fit(out["irm"]["recommendation"], *counts)
        if adm["notified"] <= self.today:
            out["notified"] = _iso(adm["notified"])
        return out

    def item(self, item: Item, ref: str) -> dict:
        counts = self.counts[ref] = (sum(len(h.applicants) for h in item.households), len(item.children))
        out = {"ref": ref, "type": item.type}
        if item.households:
            out["households"] = [h.ref for h in item.households]
        if item.children:
            out["children"] = [c.ref for c in item.children]
        if item.presenters:
            out["presenters"] = list(item.presenters)
        if item.outcome:
            out["outcome"] = item.outcome
        if item.recommendation:
            out["recommendation"] = W.fit(item.recommendation, *counts)
        if item.reasons:
            out["reasons"] = W.fit(item.reasons, *counts)
        if item.outcome == "removed":
            out["removal_reason"] = "The papers were not ready in time for members to read them."
        elif item.outcome and not item.sitting.inquorate:
            out["discussion"] = W.fit(W.discussion(ref, item.type), *counts)
            out["advice"] = {who: W.fit(said, *counts) for who, said in W.advice(ref, item.type).items()}
            if item.households and item.type != "withdrawal":
                out["applicants"] = {"attended": True, "spoke": True}
        adm = self.adm(item.adm, item, ref)
        if adm:
            out["adm"] = adm
        return out

    def meeting(self, s) -> dict:
        out = {"ref": s.ref, "date": _iso(s.day), "start": s.start, "venue": s.venue, "status": s.status}
        if s.papers_sent and s.papers_sent <= self.today:
            out["papers_sent"] = _iso(s.papers_sent)
        if s.minutes_final and s.minutes_final <= self.today:
            out["minutes_final"] = _iso(s.minutes_final)
        agenda = sorted(s.items, key=lambda i: TYPE_ORDER.index(i.type))
        items = []
        for item in agenda:
            self.item_number += 1
            items.append(self.item(item, f"I{self.item_number:06d}"))
        out["items"] = items
        if s.status == "held":
            self.people_at(s, out)
            if s.start:
                hour, minute = map(int, s.start.split(":"))
                heard = 0 if s.inquorate else len(items)
                ends = dt.datetime(2000, 1, 1, hour, minute) + dt.timedelta(minutes=20 + 35 * heard)
                out["end"] = f"{ends:%H:%M}"
        return out

    def people_at(self, s, out: dict) -> None:
        """Attendance, declarations of interest and, now and then, a split view."""
        rng = self.rng
        status = attendance(rng, self.a.people[s.panel], s.day, s.inquorate)
        out["attendance"] = [{"member": p.ref, "status": st} for p, st in status.items()]
        counted = [p for p, st in status.items() if st == "present" and p.counts]
        away_for: dict[str, object] = {}
        decided = [i for i in out["items"] if i.get("outcome") in HEARD]
        if decided and rng.random() < 0.07:
            item = rng.choice(decided)
            interest, action = rng.choice(N.INTERESTS)
            # Someone whose leaving cannot take away the chair, the qualifying social
            # worker or the fifth member.
            spare = [p for p in counted if not p.can_chair and not p.qualifying_social_worker]
            if spare:
                if action != "remained" and len(counted) <= 5:
                    interest, action = N.INTERESTS[2]
                member = rng.choice(spare)
                interest = W.interest(interest, action, bool(item.get("households")), bool(item.get("children")))
                out["declarations"] = [{"member": member.ref, "item": item["ref"],
                                        "interest": W.fit(interest, *self.counts[item["ref"]]), "action": action}]
                if action != "remained":
                    away_for[item["ref"]] = member
        for item in decided:
            if rng.random() < 0.04:
                self.split(item, [p for p in counted if p is not away_for.get(item["ref"])])

    def split(self, item: dict, voters: list) -> None:
        rng = self.rng
        dissenters = [p for p in voters if not p.can_chair]
        if len(dissenters) < 2:
            return
        against = rng.sample(dissenters, 2 if len(voters) >= 7 and rng.random() < 0.3 else 1)
        abstain = 1 if len(voters) >= 6 and rng.random() < 0.2 else 0
        item["votes"] = {"for": len(voters) - len(against) - abstain, "against": len(against), "abstain": abstain}
        # One draw per view, as many as there are general views, so the rest of the demo stays as
        # it was; the view drawn is put as it reads for this kind of item.
        counts = self.counts[item["ref"]]
        item["dissent"] = [{"member": p.ref, "view": W.fit(W.view(rng.randrange(len(N.DISSENT_VIEWS)), item["type"]),
                                                            *counts)} for p in against]

    def document(self) -> dict:
        a = self.a
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "agency": dict(AGENCY),
            "members": [p.as_exchange() for people in a.people for p in people],
            "households": [_household(h) for h in a.households],
            "children": [_child(c) for c in a.children],
            "meetings": [self.meeting(s) for s in a.schedule.sittings if s.day >= a.period_start],
        }


def build(agency: Agency) -> dict:
    return Writer(agency).document()
