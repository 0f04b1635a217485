"""Finding meetings and items the way people name them: by ref, or by date and number."""

import datetime as dt

from sqlmodel import Session, select

from ..errors import PanelAppError
from ..models import AgendaItem, Household, Child, Meeting, PanelMember


def meeting_by_name(session: Session, name: str) -> Meeting:
    """A meeting by its ref (``P20240411``) or its date (``2024-04-11``)."""
    meeting = session.exec(select(Meeting).where(Meeting.ref == name)).first()
    if meeting is not None:
        return meeting
    try:
        day = dt.date.fromisoformat(name)
    except ValueError:
        raise PanelAppError(f"No meeting has ref {name!r} (give a ref, or a date as YYYY-MM-DD).") from None
    found = session.exec(select(Meeting).where(Meeting.meeting_date == day).order_by(Meeting.id)).all()
    if not found:
        raise PanelAppError(f"No meeting is on {day.isoformat()}.")
    if len(found) > 1:
        raise PanelAppError(f"{len(found)} meetings are on {day.isoformat()}: "
                            f"{', '.join(m.ref for m in found)}; give one of these refs.")
    return found[0]


def item_by_name(session: Session, name: str) -> AgendaItem:
    """An item by its ref, or as ``MEETING/N``: item number N of that meeting."""
    item = session.exec(select(AgendaItem).where(AgendaItem.ref == name)).first()
    if item is not None:
        return item
    if "/" in name:
        meeting_name, _, number = name.rpartition("/")
        meeting = meeting_by_name(session, meeting_name)
        if not number.isdigit() or not 1 <= int(number) <= len(meeting.items):
            raise PanelAppError(f"The meeting {meeting.ref} has items 1 to {len(meeting.items)}; "
                                f"{number!r} is not one of them.")
        return meeting.items[int(number) - 1]
    raise PanelAppError(f"No item has ref {name!r} (give a ref, or MEETING/N for item N of a meeting).")


def _by_ref(session, model, ref, what):
    found = session.exec(select(model).where(model.ref == ref)).first()
    if found is None:
        raise PanelAppError(f"No {what} has ref {ref!r}.")
    return found


def member_by_ref(session: Session, ref: str) -> PanelMember:
    return _by_ref(session, PanelMember, ref, "member of the central list")


def household_by_ref(session: Session, ref: str) -> Household:
    return _by_ref(session, Household, ref, "household")


def child_by_ref(session: Session, ref: str) -> Child:
    return _by_ref(session, Child, ref, "child")


def item_number(item: AgendaItem) -> int:
    return item.position + 1


def item_label(item: AgendaItem) -> str:
    return f"Item {item_number(item)} ({item.ref})"
