"""The meeting room: attendance, declarations, quorum and each item's recommendation, on the day."""

from .view import MeetingRoom

__all__ = ["MeetingRoom"]
