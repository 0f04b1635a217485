"""Prospective adopters: a household of one or two applicants and its journey."""

import datetime as dt

from sqlmodel import Field, Relationship

from ..enums import RELATIONSHIPS, ROUTES, WITHDRAWAL_STAGES, WITHDRAWN_BY
from .base import Record, one_of


class Household(Record, table=True):
    __tablename__ = "household"
    __table_args__ = (
        one_of("relationship_status", RELATIONSHIPS),
        one_of("route", ROUTES),
        one_of("withdrawal_by", WITHDRAWN_BY),
        one_of("withdrawal_stage", WITHDRAWAL_STAGES),
    )

    ref: str = Field(unique=True, nullable=False)
    relationship_status: str | None = None
    route: str | None = None
    # Where the agency writes to the applicants.
    address: str | None = None

    # Milestones, one column each so that statistics aggregate in SQL.
    enquiry: dt.date | None = None
    initial_visit: dt.date | None = None
    registration_of_interest: dt.date | None = None
    stage1_start: dt.date | None = None
    stage1_end: dt.date | None = None
    stage2_start: dt.date | None = None
    approved: dt.date | None = Field(default=None, index=True)
    withdrawn: dt.date | None = None

    withdrawal_date: dt.date | None = None
    withdrawal_by: str | None = None
    withdrawal_stage: str | None = None
    withdrawal_reason: str | None = None

    # What the approval covers.
    approval_children_max: int | None = None
    approval_age_min_years: int | None = None
    approval_age_max_years: int | None = None
    approval_early_permanence: bool | None = None

    applicants: list["Applicant"] = Relationship(
        back_populates="household",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Applicant.position",
                                "lazy": "selectin"},
    )

    @property
    def display_name(self) -> str:
        names = [a.name for a in self.applicants]
        return " and ".join(names) if names else self.ref


class Applicant(Record, table=True):
    __tablename__ = "applicant"

    household_id: int = Field(foreign_key="household.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    name: str = Field(nullable=False, index=True)
    dob: dt.date | None = None
    gender: str | None = None
    ethnicity: str | None = None

    household: Household = Relationship(back_populates="applicants")
