"""The domain model, as SQLModel tables. Importing this registers every table."""

from .accounts import Draft, UserAccount
from .agency import Agency
from .audit import AuditEvent, AuditHead
from .base import Record, metadata, new_uid
from .children import Child, ChildNeed
from .households import Applicant, Household
from .items import (AdmDecision, AgendaItem, Dissent, ItemChild, ItemHousehold, ItemPaper,
                    Recommendation)
from .meetings import Attendance, Declaration, Meeting, MinutesAmendment, MinutesRecord, Observer
from .members import MemberRole, PanelMember
from .reports import REPORT_SECTIONS, PanelFeedback, ReportText, ServicePlanPriority

__all__ = [
    "AdmDecision", "Agency", "AgendaItem", "Applicant", "Attendance", "AuditEvent", "AuditHead", "Child",
    "ChildNeed", "Declaration", "Dissent", "Draft", "Household", "ItemChild", "ItemHousehold",
    "ItemPaper", "Meeting", "MemberRole", "MinutesAmendment", "PanelFeedback", "MinutesRecord", "Observer", "PanelMember",
    "REPORT_SECTIONS", "Recommendation", "Record", "ReportText", "ServicePlanPriority", "UserAccount",
    "metadata", "new_uid",
]
