"""Panel meetings, who attended them, and the interests declared."""

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, Relationship

from ..enums import ATTENDANCE_STATUSES, DECLARATION_ACTIONS, MEETING_STATUSES, MINUTES_STATUSES, ROLES
from .base import Record, one_of


class Meeting(Record, table=True):
    __tablename__ = "meeting"
    __table_args__ = (one_of("status", MEETING_STATUSES, nullable=False),)

    ref: str = Field(unique=True, nullable=False)
    meeting_date: dt.date = Field(nullable=False, index=True)
    start_time: dt.time | None = None
    venue: str | None = None
    status: str = Field(default="planned", nullable=False)
    papers_sent: dt.date | None = None
    minutes_final: dt.date | None = None
    capacity: int | None = None
    end_time: dt.time | None = None

    attendance: list["Attendance"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Attendance.position"},
    )
    declarations: list["Declaration"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Declaration.position"},
    )
    items: list["AgendaItem"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "AgendaItem.position"},
    )
    observers: list["Observer"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Observer.position"},
    )
    minutes: "MinutesRecord" = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "uselist": False},
    )
    amendments: list["MinutesAmendment"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MinutesAmendment.position"},
    )


class Attendance(Record, table=True):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id"),
        one_of("status", ATTENDANCE_STATUSES, nullable=False),
        one_of("acting_as", ROLES),
    )

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True, ondelete="CASCADE")
    member_id: int = Field(foreign_key="panel_member.id", nullable=False, index=True)
    position: int = Field(default=0, nullable=False)
    status: str = Field(nullable=False)
    acting_as: str | None = None
    arrived_at: dt.time | None = None
    left_at: dt.time | None = None

    meeting: Meeting = Relationship(back_populates="attendance")
    member: "PanelMember" = Relationship()


class Declaration(Record, table=True):
    __tablename__ = "declaration"
    __table_args__ = (one_of("action", DECLARATION_ACTIONS, nullable=False),)

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True, ondelete="CASCADE")
    member_id: int = Field(foreign_key="panel_member.id", nullable=False, index=True)
    item_id: int | None = Field(default=None, foreign_key="agenda_item.id", index=True, ondelete="SET NULL")
    position: int = Field(default=0, nullable=False)
    interest: str = Field(nullable=False)
    action: str = Field(nullable=False)

    meeting: Meeting = Relationship(back_populates="declarations")
    member: "PanelMember" = Relationship()
    item: "AgendaItem" = Relationship()


class Observer(Record, table=True):
    """Someone present who is not on the central list: a trainee, an auditor, a visitor."""

    __tablename__ = "observer"

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    name: str = Field(nullable=False)
    organisation: str | None = None

    meeting: Meeting = Relationship(back_populates="observers")


class MinutesRecord(Record, table=True):
    """The minutes' state. Once final they are locked: ``content`` is exactly what the
    chair approved and ``signoff_hash`` its SHA-256."""

    __tablename__ = "minutes_record"
    __table_args__ = (one_of("status", MINUTES_STATUSES, nullable=False),)

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, unique=True, ondelete="CASCADE")
    status: str = Field(default="draft", nullable=False)
    approved_by: str | None = None
    approved_at: dt.datetime | None = None
    signoff_hash: str | None = None
    content: str | None = None

    meeting: Meeting = Relationship(back_populates="minutes")


class MinutesAmendment(Record, table=True):
    """A change to final minutes: the reason, who, when, and the text it replaced."""

    __tablename__ = "minutes_amendment"

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    amended_at: dt.datetime = Field(nullable=False)
    amended_by: str = Field(nullable=False)
    reason: str = Field(nullable=False)
    previous: str | None = None
    previous_hash: str | None = None
    signoff_hash: str | None = None

    meeting: Meeting = Relationship(back_populates="amendments")
