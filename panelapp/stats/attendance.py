"""Members' attendance: for each member on the central list at any time in the
period, the held meetings within their appointment (expected) and those of them
they were present at (present).

Every member on the list is listed, advisers and minute takers too, and a member
whose appointment touches the period but no held meeting shows expected 0.
"""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, func, or_, select

from ..errors import PanelAppError
from .scope import ATTENDANCE, MEETING, MEMBER, Scope

KEY = "panel.attendance"
PARTS = ("present", "expected")


def _on_list_in_period(scope: Scope):
    """The appointment (appointed to the earlier of term end and leaving) overlaps the period."""
    p = MEMBER.c
    return and_(p.appointed <= scope.end,
                or_(p.term_ends.is_(None), p.term_ends >= scope.start),
                or_(p.left_on.is_(None), p.left_on >= scope.start))


def _expected_meeting(scope: Scope):
    """A held meeting in the period that falls within the member's appointment."""
    p, m = MEMBER.c, MEETING.c
    return and_(scope.held_in_period(), m.meeting_date >= p.appointed,
                or_(p.term_ends.is_(None), m.meeting_date <= p.term_ends),
                or_(p.left_on.is_(None), m.meeting_date <= p.left_on))


def _source(scope: Scope):
    return (MEMBER.outerjoin(MEETING, _expected_meeting(scope))
            .outerjoin(ATTENDANCE, and_(ATTENDANCE.c.meeting_id == MEETING.c.id,
                                        ATTENDANCE.c.member_id == MEMBER.c.id)))


def attendance(scope: Scope) -> list[dict]:
    """``[{"member": ref, "present": n, "expected": n}, ...]`` in ref order."""
    p, m, a = MEMBER.c, MEETING.c, ATTENDANCE.c
    rows = scope.session.execute(
        select(p.ref, func.count(distinct(case((a.status == "present", m.id)))),
               func.count(distinct(m.id)))
        .select_from(_source(scope)).where(_on_list_in_period(scope))
        .group_by(p.id, p.ref).order_by(p.ref)).all()
    return [{"member": ref, "present": int(present), "expected": int(expected)}
            for ref, present, expected in rows]


def attendance_refs(scope: Scope, key: str) -> list[str]:
    """``panel.attendance``: the members listed; ``panel.attendance.<member>.expected`` or
    ``.present``: the meetings behind that member's count."""
    p, m, a = MEMBER.c, MEETING.c, ATTENDANCE.c
    if key == KEY:
        return list(scope.session.execute(
            select(p.ref).where(_on_list_in_period(scope)).order_by(p.ref)).scalars())
    member, _, part = key[len(KEY) + 1:].rpartition(".")
    if not member or part not in PARTS:
        raise PanelAppError(f"{key}: write {KEY}.<member ref>.present or {KEY}.<member ref>.expected")
    listed = scope.session.execute(
        select(p.id).where(p.ref == member, _on_list_in_period(scope))).scalar()
    if listed is None:
        raise PanelAppError(f"{key}: no member with ref {member!r} is on the central list "
                            f"between {scope.start.isoformat()} and {scope.end.isoformat()}")
    query = (select(m.ref).select_from(_source(scope))
             .where(p.id == listed, m.id.is_not(None)).distinct().order_by(m.ref))
    if part == "present":
        query = query.where(a.status == "present")
    return list(scope.session.execute(query).scalars())
