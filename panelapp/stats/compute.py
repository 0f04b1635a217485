"""``compute_statistics`` and ``explain``: the one place statistics.md's figures are worked out."""

from __future__ import annotations

from sqlmodel import Session

from ..enums import ITEM_TYPES
from ..errors import PanelAppError
from . import attendance as attendance_figures
from .layout import ATTENDANCE, BY_NEED, KEYS, nest
from .measures import MEASURES
from .periods import Period, period
from .scope import Scope
from .tallies import TALLIES

# statistics.md, comparison: the same period one and two years earlier.
EARLIER_YEARS = (1, 2)


def compute_statistics(session: Session, date_from, date_to, *, with_previous: bool = True) -> dict:
    """Every figure of statistics.md for ``date_from`` to ``date_to`` inclusive
    (dates or ISO strings), as the JSON object ``panelapp stats --json`` prints:
    ``period``, ``panel``, ``adm``, ``adopters``, ``children``, ``scorecard`` and,
    with ``with_previous``, ``previous`` (the same period one and two years
    earlier, newest first, without their own ``previous``).

    Counts are ints; averages, medians and percentages are ints where whole,
    floats otherwise, and None when nothing was measured."""
    span = period(date_from, date_to)
    result = _figures(session, span)
    if with_previous:
        result["previous"] = [_figures(session, span.years_earlier(years)) for years in EARLIER_YEARS]
    return result


def _figures(session: Session, span: Period) -> dict:
    scope = Scope.open(session, span)
    flat: dict = {}
    for tally in TALLIES:
        flat.update(tally(scope).counts(session))
    for measure in MEASURES:
        flat.update(measure(scope).values)
    flat[ATTENDANCE] = attendance_figures.attendance(scope)
    # One object for the needs, as statistics.md gives it: {"disability": 6, ...}, {} when none.
    flat[BY_NEED] = {key[len(BY_NEED) + 1:]: flat.pop(key) for key in list(flat) if key.startswith(BY_NEED + ".")}
    return {"period": span.as_json(), **nest(flat)}


def explain(session: Session, date_from, date_to, key: str) -> list[str]:
    """The refs (never names) of the records behind the figure ``key`` for the
    period, e.g. ``adm.late`` gives item refs and ``panel.meetings_held`` meeting
    refs. Averages, medians and percentages give the records measured."""
    scope = Scope.open(session, period(date_from, date_to))
    key = (key or "").strip()
    if key == ATTENDANCE or key.startswith(ATTENDANCE + "."):
        return attendance_figures.attendance_refs(scope, key)
    for tally_of in TALLIES:
        tally = tally_of(scope)
        if key in tally.figures:
            return tally.refs(session, key)
    for measure in MEASURES:
        refs = measure(scope).refs
        if key in refs:
            return list(refs[key])
    if key.startswith(BY_NEED + ".") and len(key) > len(BY_NEED) + 1:
        return []  # a need no child awaiting a match has in this period
    if key == BY_NEED:
        raise PanelAppError(f"{BY_NEED} counts each need on its own: explain {BY_NEED}.<need>, "
                            "e.g. children.awaiting_match_by_need.disability")
    if key in KEYS:
        raise PanelAppError(f"{key} is a fixed target, not counted from records")
    raise PanelAppError(f"no figure {key!r} can be explained. The figures are: "
                        + ", ".join(_compact(explainable_keys()))
                        + f"; where <type> is one of {', '.join(ITEM_TYPES)}")


def _compact(keys: list[str]) -> list[str]:
    """The keys with the item type written once as <type>, so the list stays readable."""
    seen: dict[str, None] = {}
    for key in keys:
        parts = key.split(".")
        if parts[1] in ("items_by_type", "outcomes_by_type"):
            parts[2] = "<type>"
        seen.setdefault(".".join(parts))
    return list(seen)


def explainable_keys() -> list[str]:
    """Every key ``explain`` accepts, in statistics.md's order (targets are fixed, not explained)."""
    keys = [f"{BY_NEED}.<need>" if key == BY_NEED else key for key in KEYS if not key.endswith(".target")]
    at = keys.index(ATTENDANCE)
    keys[at + 1:at + 1] = [f"{ATTENDANCE}.<member>.present", f"{ATTENDANCE}.<member>.expected"]
    return keys
