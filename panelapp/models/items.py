"""The agenda: what the panel hears, what it recommends, what the ADM decides."""

import datetime as dt

from sqlalchemy import JSON, CheckConstraint, Column
from sqlmodel import Field, Relationship

from ..enums import ADM_DECISIONS, FINAL_DECISIONS, FINAL_REVIEWS, ITEM_TYPES, OUTCOMES, PAPER_KINDS
from .base import Record, one_of


class AgendaItem(Record, table=True):
    __tablename__ = "agenda_item"
    __table_args__ = (
        one_of("item_type", ITEM_TYPES, nullable=False),
        one_of("outcome", OUTCOMES),
    )

    ref: str = Field(unique=True, nullable=False)
    meeting_id: int = Field(foreign_key="meeting.id", nullable=False, index=True)
    position: int = Field(default=0, nullable=False)
    item_type: str = Field(nullable=False)
    presenters: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    outcome: str | None = Field(default=None, index=True)
    discussion: str | None = None
    duration_minutes: int | None = None
    # A deferred item is re-listed as a new item that points back at the one deferred.
    deferred_from_id: int | None = Field(default=None, foreign_key="agenda_item.id", index=True)
    removal_reason: str | None = None
    applicants_attended: bool | None = None
    applicants_spoke: bool | None = None
    # The advisers' advice to the panel on this item, by adviser (enums.ADVISERS).
    advice: dict[str, str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))

    meeting: "Meeting" = Relationship(back_populates="items")
    papers: list["ItemPaper"] = Relationship(
        back_populates="item",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ItemPaper.position"},
    )
    household_links: list["ItemHousehold"] = Relationship(
        back_populates="item",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ItemHousehold.position"},
    )
    child_links: list["ItemChild"] = Relationship(
        back_populates="item",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ItemChild.position"},
    )
    recommendation: "Recommendation" = Relationship(
        back_populates="item",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "uselist": False},
    )
    adm_decision: "AdmDecision" = Relationship(
        back_populates="item",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "uselist": False},
    )


class ItemHousehold(Record, table=True):
    __tablename__ = "item_household"

    item_id: int = Field(foreign_key="agenda_item.id", nullable=False, index=True, ondelete="CASCADE")
    household_id: int = Field(foreign_key="household.id", nullable=False, index=True)
    position: int = Field(default=0, nullable=False)

    item: AgendaItem = Relationship(back_populates="household_links")
    household: "Household" = Relationship()


class ItemChild(Record, table=True):
    __tablename__ = "item_child"

    item_id: int = Field(foreign_key="agenda_item.id", nullable=False, index=True, ondelete="CASCADE")
    child_id: int = Field(foreign_key="child.id", nullable=False, index=True)
    position: int = Field(default=0, nullable=False)

    item: AgendaItem = Relationship(back_populates="child_links")
    child: "Child" = Relationship()


class Recommendation(Record, table=True):
    """The panel's recommendation on one item: its words, reasons and members' views.

    No votes means a consensus; where there are votes, all three counts are set.
    """

    __tablename__ = "recommendation"
    __table_args__ = (
        CheckConstraint(
            "(votes_for IS NULL AND votes_against IS NULL AND votes_abstain IS NULL) OR "
            "(votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0)",
            name="votes",
        ),
    )

    item_id: int = Field(foreign_key="agenda_item.id", nullable=False, unique=True, ondelete="CASCADE")
    wording: str | None = None
    reasons: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None

    item: AgendaItem = Relationship(back_populates="recommendation")
    dissent: list["Dissent"] = Relationship(
        back_populates="recommendation",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Dissent.position"},
    )


class Dissent(Record, table=True):
    __tablename__ = "dissent"

    recommendation_id: int = Field(foreign_key="recommendation.id", nullable=False, index=True,
                                   ondelete="CASCADE")
    member_id: int = Field(foreign_key="panel_member.id", nullable=False)
    position: int = Field(default=0, nullable=False)
    view: str = Field(nullable=False)

    recommendation: Recommendation = Relationship(back_populates="dissent")
    member: "PanelMember" = Relationship()


class AdmDecision(Record, table=True):
    """The agency decision maker's decision, and the final one after a qualifying determination."""

    __tablename__ = "adm_decision"
    __table_args__ = (
        one_of("decision", ADM_DECISIONS, nullable=False),
        one_of("final_decision", FINAL_DECISIONS),
        one_of("final_review", FINAL_REVIEWS),
        CheckConstraint("final_decision IS NULL OR decision = 'qualifying_determination'",
                        name="final_after_qd"),
    )

    item_id: int = Field(foreign_key="agenda_item.id", nullable=False, unique=True, ondelete="CASCADE")
    decision_maker: str = Field(nullable=False)
    decided_on: dt.date = Field(nullable=False)
    decision: str = Field(nullable=False)
    reasons: str | None = None
    final_date: dt.date | None = None
    final_decision: str | None = None
    final_review: str | None = None
    notified: dt.date | None = None
    # The papers the decision maker read before deciding.
    documents_considered: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # After a qualifying determination (reg 30B): what the applicants did, and the final reasons.
    representations_on: dt.date | None = None
    no_representations_on: dt.date | None = None
    irm_recommendation: str | None = None
    irm_on: dt.date | None = None
    final_reasons: str | None = None
    # Sign-off: a hash of exactly what the decision maker decided.
    signed_by: str | None = None
    signed_at: dt.datetime | None = None
    signoff_hash: str | None = None

    item: AgendaItem = Relationship(back_populates="adm_decision")


class ItemPaper(Record, table=True):
    """A paper the panel reads for an item, copied into the store's document folder."""

    __tablename__ = "item_paper"
    __table_args__ = (one_of("kind", PAPER_KINDS, nullable=False),)

    item_id: int = Field(foreign_key="agenda_item.id", nullable=False, index=True, ondelete="CASCADE")
    position: int = Field(default=0, nullable=False)
    title: str = Field(nullable=False)
    kind: str = Field(default="other", nullable=False)
    file_name: str = Field(nullable=False)
    stored_path: str = Field(nullable=False)
    sha256: str = Field(nullable=False, max_length=64)
    added_on: dt.date = Field(nullable=False)
    late: bool = Field(default=False, nullable=False)

    item: AgendaItem = Relationship(back_populates="papers")
