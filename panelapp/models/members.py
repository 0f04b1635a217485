"""The central list: people the agency may call to sit on, or advise, its panel."""

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, Relationship

from ..enums import CHAIR_ROLES, MEMBER_ROLES, ROLES
from .base import Record, one_of


class PanelMember(Record, table=True):
    __tablename__ = "panel_member"

    ref: str = Field(unique=True, nullable=False)
    name: str = Field(nullable=False)
    social_worker_pqe_years: float | None = None
    appointed: dt.date = Field(nullable=False)
    term_ends: dt.date | None = None
    left_on: dt.date | None = None

    roles: list["MemberRole"] = Relationship(
        back_populates="member",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MemberRole.position",
                                "lazy": "selectin"},
    )

    @property
    def role_names(self) -> list[str]:
        return [r.role for r in self.roles]

    def on_list(self, day: dt.date) -> bool:
        """Whether the appointment covers ``day``."""
        if day < self.appointed:
            return False
        ends = [d for d in (self.term_ends, self.left_on) if d is not None]
        return not ends or day <= min(ends)

    @property
    def counts_as_member(self) -> bool:
        return any(r in MEMBER_ROLES for r in self.role_names)

    @property
    def can_chair(self) -> bool:
        return any(r in CHAIR_ROLES for r in self.role_names)


class MemberRole(Record, table=True):
    __tablename__ = "member_role"
    __table_args__ = (UniqueConstraint("member_id", "role"), one_of("role", ROLES, nullable=False))

    member_id: int = Field(foreign_key="panel_member.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    role: str = Field(nullable=False)

    member: PanelMember = Relationship(back_populates="roles")
