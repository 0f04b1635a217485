"""The central list: who may sit on the panel, in what roles, until when, and how often they come."""

import datetime as dt

from panelapp.db import Store
from panelapp.queries.records import MemberRow, member_rows
from panelapp.rules.clocks import TERM_WARNING_DAYS
from panelapp.services.permissions import Actor
from panelapp.services.records import create_member, read_member, update_member
from ui.common import queries
from ui.common.tablemodel import Column
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.common.words import day, words
from ui.records.edit_member import MemberForm
from ui.records.editing import RecordEditing


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
                 actor: Actor):
        today = today or dt.date.today()
        super().__init__(runner, "members", MEMBER_COLUMNS, lambda: queries.read(store, actor, member_rows, today),
                         mark=lambda m: int(m.term_ending_soon(today)),
                         hint="Search the central list: a name, a role or a date",
                         legend=f"Highlighted: terms that end within {TERM_WARNING_DAYS} days",
                         parent=parent)
        self.editing = RecordEditing(self, store, actor, "member", MemberForm, read_member, create_member,
                                     update_member, self)
        self.layout().insertLayout(0, self.editing.bar)
