"""A meeting taken away to the chair's laptop, and the invitations sent for meetings.

The office keeps one ``Takeaway`` row per file it wrote, holding, for each record
that may come back, the versions known to be in step on both sides; the laptop's
store keeps the same row (same ``uid``) to say it is a taken-away meeting.
"""

import datetime as dt

from sqlmodel import Field

from .base import Record, one_of

TAKEAWAY_SIDES = ("office", "laptop")


class Takeaway(Record, table=True):
    __tablename__ = "takeaway"
    __table_args__ = (one_of("side", TAKEAWAY_SIDES, nullable=False),)

    side: str = Field(nullable=False)
    meeting_uid: str = Field(nullable=False, index=True, max_length=36)
    meeting_ref: str = Field(nullable=False)
    agency_uid: str = Field(nullable=False, max_length=36)
    chair: str = Field(nullable=False)
    made_at: dt.datetime = Field(nullable=False)
    made_by: str = Field(nullable=False)
    # office: JSON {uid: [table, office version, laptop version, digest]} of records in step.
    synced: str | None = None
    # office: the hash of the last laptop audit event joined to this store's chain.
    laptop_chain: str | None = None
    returned_at: dt.datetime | None = None
    merged_at: dt.datetime | None = None


class MeetingInvitation(Record, table=True):
    """The calendar invitation last written for a meeting: its SEQUENCE and what it said."""

    __tablename__ = "meeting_invitation"

    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, unique=True, ondelete="CASCADE")
    sequence: int = Field(default=0, nullable=False)
    digest: str = Field(nullable=False, max_length=64)
    method: str = Field(default="REQUEST", nullable=False)
    written_at: dt.datetime = Field(nullable=False)
