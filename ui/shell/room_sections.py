"""The meeting room, the minutes and the decision maker's queue, as sections of the workspace."""

from panelapp.services.permissions import allowed
from ui.decisions.queue import AdmQueuePage
from ui.meeting_room import MeetingRoom
from ui.minutes.view import MinutesView
from ui.shell.section import Section


def meeting_sections(window) -> list:
    """The sections this user may use; the main window adds them to its sidebar."""
    store, runner, actor = window.store, window.runner, window.actor
    sections = []
    room = None
    if allowed(actor, "meeting.record"):
        room = MeetingRoom(runner, store, actor)
        sections.append(Section("meeting_room", "Meeting room", "room_meeting", room))
    minutes = MinutesView(runner, store, actor)
    sections.append(Section("minutes", "Minutes", "room_minutes", minutes))
    if room is not None:
        def edit(meeting_id: int, item_id: int) -> None:
            window.show_section("meeting_room")
            room.show_meeting(meeting_id, item_id or None)
        minutes.edit_item.connect(edit)
        room.recorded.connect(lambda _what: minutes.refresh())
    if allowed(actor, "adm.decide") or allowed(actor, "adm.notify"):
        sections.append(Section("decisions", "Decisions", "adm_decisions", AdmQueuePage(runner, store, actor)))
    return sections
