"""The panel's meetings, newest first."""

from panelapp.db import Store

from . import queries
from .tablemodel import Column
from .tablepage import TablePage
from .tasks import TaskRunner
from .words import day, word

MEETING_COLUMNS = (
    Column("Date", lambda m: m.meeting_date, day),
    Column("Ref", lambda m: m.ref),
    Column("Status", lambda m: m.status, word),
    Column("Venue", lambda m: m.venue),
    Column("Items", lambda m: m.items, numeric=True, tip="Items on the agenda"),
    Column("Papers sent", lambda m: m.papers_sent, day, tip="When the papers went to members"),
    Column("Minutes final", lambda m: m.minutes_final, day,
           tip="When the chair approved the minutes as final"),
)


class MeetingsPage(TablePage):
    title = "Meetings"

    def __init__(self, runner: TaskRunner, store: Store, parent=None):
        super().__init__(runner, "meetings", MEETING_COLUMNS, lambda: queries.meeting_rows(store),
                         hint="Search meetings: a date, ref, status or venue", parent=parent)
