"""Children with a plan for adoption, and their journey through care to adoption."""

import datetime as dt

from sqlmodel import Field, Relationship

from ..enums import GENDERS
from .base import Record, one_of


class Child(Record, table=True):
    __tablename__ = "child"
    __table_args__ = (one_of("gender", GENDERS),)

    ref: str = Field(unique=True, nullable=False)
    name: str = Field(nullable=False, index=True)
    dob: dt.date | None = None
    gender: str | None = None
    ethnicity: str | None = None
    ethnic_minority: bool | None = None
    sibling_group: str | None = Field(default=None, index=True)
    early_permanence: bool | None = None
    matched_household_id: int | None = Field(default=None, foreign_key="household.id", index=True)

    entered_care: dt.date | None = None
    should_be_placed_decision: dt.date | None = None
    placement_order: dt.date | None = None
    match_decision: dt.date | None = None
    moved_in_with_foster_carer: dt.date | None = None
    placed: dt.date | None = None
    adoption_application: dt.date | None = None
    adoption_order: dt.date | None = None
    plan_changed: dt.date | None = None
    disruption: dt.date | None = None

    needs: list["ChildNeed"] = Relationship(
        back_populates="child",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ChildNeed.position",
                                "lazy": "selectin"},
    )
    matched_household: "Household" = Relationship(
        sa_relationship_kwargs={"foreign_keys": "Child.matched_household_id"})


class ChildNeed(Record, table=True):
    __tablename__ = "child_need"

    child_id: int = Field(foreign_key="child.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    need: str = Field(nullable=False)

    child: Child = Relationship(back_populates="needs")
