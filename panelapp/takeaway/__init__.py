"""A meeting taken away: out to the chair's laptop in a sealed file, recorded there with
no network, and merged back at the office record by record."""

from .export import Exported, export_meeting
from .merge import Conflict, MergeResult, merge_return, read_return
from .opening import Opened, TakenAway, open_meeting_file, taken_away
from .returning import Returned, return_meeting
from .sealed import SUFFIX, MeetingFileError, seal, unseal

__all__ = [
           "SUFFIX",
           "Conflict",
           "Exported",
           "MeetingFileError",
           "MergeResult",
           "Opened",
           "Returned",
           "TakenAway",
           "export_meeting",
           "merge_return",
           "open_meeting_file",
           "read_return",
           "return_meeting",
           "seal",
           "taken_away",
           "unseal",
]
