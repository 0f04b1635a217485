"""The central list: who may sit on the panel, in what roles, until when, and how often they come."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Attendance, Meeting, PanelMember
from panelapp.rules.clocks import TERM_WARNING_DAYS
from panelapp.services.permissions import Actor
from panelapp.services.records import create_member, read_member, update_member

from .edit_actions import RecordEditing
from .edit_member import MemberForm
from .tablemodel import Column
from .tablepage import TablePage
from .tasks import TaskRunner
from .words import day, words

ATTENDANCE_DAYS = 365


@dataclass(frozen=True, slots=True)
class MemberRow:
    id: int
    uid: str
    ref: str
    name: str
    roles: tuple[str, ...]
    pqe_years: float | None
    appointed: dt.date
    term_ends: dt.date | None
    left_on: dt.date | None
    present: int
    expected: int

    @property
    def attendance_rate(self) -> float | None:
        return round(100 * self.present / self.expected) if self.expected else None

    def term_ending_soon(self, today: dt.date) -> bool:
        ends = [d for d in (self.term_ends, self.left_on) if d is not None]
        return bool(ends) and today <= min(ends) <= today + dt.timedelta(days=TERM_WARNING_DAYS)


def member_rows(store: Store, today: dt.date | None = None) -> list[MemberRow]:
    """Attendance counts the held meetings of the last year within each member's appointment."""
    today = today or dt.date.today()
    since = today - dt.timedelta(days=ATTENDANCE_DAYS)
    with store.session() as session:
        held = dict(session.exec(select(Meeting.id, Meeting.meeting_date)
                                 .where(Meeting.status == "held", Meeting.meeting_date >= since,
                                        Meeting.meeting_date <= today)).all())
        attended = set(session.exec(select(Attendance.member_id, Attendance.meeting_id)
                                    .where(Attendance.status == "present")).all())
        rows = []
        for m in session.exec(select(PanelMember).order_by(PanelMember.name)):
            expected = [meeting for meeting, when in held.items() if m.on_list(when)]
            present = sum((m.id, meeting) in attended for meeting in expected)
            rows.append(MemberRow(m.id, m.uid, m.ref, m.name, tuple(m.role_names), m.social_worker_pqe_years,
                                  m.appointed, m.term_ends, m.left_on, present, len(expected)))
        return rows


def _rate(row: MemberRow):
    return row.attendance_rate


MEMBER_COLUMNS = (
    Column("Name", lambda m: m.name),
    Column("Ref", lambda m: m.ref),
    Column("Roles", lambda m: words(m.roles)),
    Column("PQE years", lambda m: m.pqe_years, lambda v: "" if v is None else f"{v:g}", numeric=True,
           tip="Years of relevant post-qualifying experience (social workers)"),
    Column("Appointed", lambda m: m.appointed, day),
    Column("Term ends", lambda m: m.term_ends, day, tip="Highlighted when it ends within 60 days"),
    Column("Left", lambda m: m.left_on, day),
    Column("Attendance", _rate, lambda v: "" if v is None else f"{v}%", numeric=True,
           tip="Held meetings attended in the last 12 months, of those within the appointment"),
)


class CentralListPage(TablePage):
    title = "Central list"

    def __init__(self, runner: TaskRunner, store: Store, parent=None, today: dt.date | None = None, *,
                 actor: Actor | None = None):
        today = today or dt.date.today()
        super().__init__(runner, "members", MEMBER_COLUMNS, lambda: member_rows(store, today),
                         mark=lambda m: int(m.term_ending_soon(today)),
                         hint="Search the central list: a name, a role or a date",
                         legend=f"Highlighted: terms that end within {TERM_WARNING_DAYS} days",
                         parent=parent)
        self.editing = RecordEditing(self, store, actor, "member", MemberForm, read_member, create_member,
                                     update_member, self)
        self.layout().insertLayout(0, self.editing.bar)
