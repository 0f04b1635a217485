"""The panel's rules, as plain functions: working days and the quorum.

Deadline clocks and services build on these; they hold no state of their own
beyond the bank-holiday tables shared per region.
"""

from .quorum import (Person, QuorumResult, QuorumRule, check_quorum, item_quorum, meeting_quorum,
                     present_people)
from .workdays import WorkingDays

__all__ = ["Person", "QuorumResult", "QuorumRule", "WorkingDays", "check_quorum", "item_quorum",
           "meeting_quorum", "present_people"]
