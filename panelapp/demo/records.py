"""What the demo simulation keeps about each household, child, sibling group and item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .schedule import Sitting


@dataclass(eq=False)
class Household:
    ref: str
    applicants: list
    relationship: str
    worker: str  # the assessing social worker, who presents them to panel
    route: str = "standard"
    ms: dict = field(default_factory=dict)  # milestones that have happened
    withdrawal: dict | None = None
    approval: dict | None = None
    ep_ready: dt.date | None = None  # approved for early permanence from this day
    paused_until: dt.date | None = None
    matched: bool = False
    left_pool: bool = False


@dataclass(eq=False)
class Child:
    ref: str
    name: str
    dob: dt.date
    gender: str
    ethnicity: str
    minority: bool
    needs: list
    ms: dict = field(default_factory=dict)
    sibling_group: str | None = None
    matched_household: Household | None = None
    early_permanence: bool = False


@dataclass(eq=False)
class Group:
    """Children to be placed together: one child, or a sibling group."""
    children: list
    worker: str  # the children's social worker
    order_due: dt.date | None = None  # the placement order's date, known or to come
    placement_order: dt.date | None = None


@dataclass(eq=False)
class Item:
    type: str
    sitting: Sitting
    households: list = field(default_factory=list)
    children: list = field(default_factory=list)
    presenters: list = field(default_factory=list)
    outcome: str | None = None
    recommendation: str | None = None
    reasons: str | None = None
    adm: dict | None = None  # with dates as they will be, written only when they are past
