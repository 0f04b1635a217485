"""The meeting room: attendance, declarations, quorum and each item's recommendation, on the day."""

from ui.meeting_room.view import MeetingRoom

__all__ = ["MeetingRoom"]
