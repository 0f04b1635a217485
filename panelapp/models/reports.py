"""What the chair writes for the annual and half-year reports, kept with the report's period."""

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from .base import Record, one_of

REPORT_SECTIONS = ("introduction", "chair_commentary", "quality_of_reports", "service_plan_review")


class ReportText(Record, table=True):
    __tablename__ = "report_text"
    __table_args__ = (
        UniqueConstraint("period_from", "period_to", "section"),
        one_of("section", REPORT_SECTIONS, nullable=False),
    )

    period_from: dt.date = Field(nullable=False)
    period_to: dt.date = Field(nullable=False)
    section: str = Field(nullable=False)
    text: str = Field(default="", nullable=False)
    updated_by: str | None = None


class ServicePlanPriority(Record, table=True):
    """A priority for the next year, with who owns it and when it is due."""

    __tablename__ = "service_plan_priority"

    period_from: dt.date = Field(nullable=False, index=True)
    period_to: dt.date = Field(nullable=False)
    position: int = Field(default=0, nullable=False)
    priority: str = Field(nullable=False)
    owner: str = Field(nullable=False)
    due: dt.date = Field(nullable=False)
    progress: str | None = None


class PanelFeedback(Record, table=True):
    """The panel's feedback to the agency on the quality of the reports it reads
    (NMS 17.2: at least every six months)."""

    __tablename__ = "panel_feedback"

    given_on: dt.date = Field(nullable=False, index=True)
    given_by: str = Field(nullable=False)
    summary: str = Field(nullable=False)
