"""Named user accounts: every person acts under one, with one role."""

import datetime as dt

from sqlmodel import Field

from ..enums import USER_ROLES
from .base import Record, one_of


class UserAccount(Record, table=True):
    __tablename__ = "user_account"
    __table_args__ = (one_of("role", USER_ROLES, nullable=False),)

    username: str = Field(unique=True, nullable=False)
    display_name: str = Field(nullable=False)
    role: str = Field(nullable=False)
    password_hash: str = Field(nullable=False)
    active: bool = Field(default=True, nullable=False)
    member_id: int | None = Field(default=None, foreign_key="panel_member.id")
    last_sign_in: dt.datetime | None = None
    # Failed sign-ins since the last good one; enough of them lock the account for a while.
    failed_sign_ins: int = Field(default=0, nullable=False, sa_column_kwargs={"server_default": "0"})
    locked_until: dt.datetime | None = None


class Draft(Record, table=True):
    """Text typed in the meeting room, saved as it is typed so nothing is lost.

    ``key`` names the field (e.g. ``item:<uid>:reasons``); the text moves into its
    real record only when the chair records it through a service."""

    __tablename__ = "draft"

    key: str = Field(unique=True, nullable=False)
    username: str = Field(nullable=False)
    text: str = Field(default="", nullable=False)
    saved_at: dt.datetime = Field(nullable=False)
