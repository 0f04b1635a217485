"""The minutes as the screens show them: read from the store, and put in words as HTML.

The content is services.minutes.minutes_content (what the chair signs), with the
refs in it turned into names; earlier versions kept by amendments are shown
the same way.
"""

import datetime as dt
import html
from dataclasses import dataclass

from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Child, Household, Meeting, PanelMember
from panelapp.services.agenda import ITEM_TYPE_WORDS
from panelapp.services.minutes import minutes_content, minutes_state, minutes_versions

from .detail import html_facts
from .words import day, word


@dataclass(frozen=True)
class Version:
    label: str
    hash: str | None
    content: dict
    reason: str | None


@dataclass(frozen=True)
class MinutesState:
    meeting_id: int
    ref: str
    date: dt.date
    status: str
    state: str  # minutes_state: held, draft, final, amended
    final: bool
    approved_by: str | None
    approved_on: dt.date | None
    hash: str | None
    items: list[tuple[int, int, str, str]]  # id, number, ref, type
    unheard: list[int]
    current: dict
    versions: list[Version]
    names: dict[str, str]


def held_meetings(store: Store) -> list[tuple[int, str, dt.date, str]]:
    with store.session() as session:
        return list(session.exec(select(Meeting.id, Meeting.ref, Meeting.meeting_date, Meeting.status)
                                 .where(Meeting.status == "held")
                                 .order_by(Meeting.meeting_date.desc(), Meeting.ref)).all())


def read_minutes(store: Store, meeting_id: int) -> MinutesState:
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        names = {ref: name for ref, name in session.exec(select(PanelMember.ref, PanelMember.name))}
        names |= {ref: name for ref, name in session.exec(select(Child.ref, Child.name))}
        for household in session.exec(select(Household)).all():
            names[household.ref] = household.display_name
        record = meeting.minutes
        final = meeting.minutes_final is not None or (record is not None and record.status == "final")
        versions = []
        kept = minutes_versions(meeting) if final else []
        for number, version in enumerate(kept, start=1):
            if version["replaced_on"] is None:
                label = f"Version {number}: current"
            else:
                label = (f"Version {number}: replaced {day(version['replaced_on'].date())} by "
                         f"{version['replaced_by']} ({version['reason']})")
            if version["content"] is not None:
                versions.append(Version(label, version["hash"], version["content"], version["reason"]))
        return MinutesState(
            meeting.id, meeting.ref, meeting.meeting_date, meeting.status, minutes_state(meeting), final,
            record.approved_by if record else None, meeting.minutes_final,
            record.signoff_hash if record else None,
            [(i.id, i.position + 1, i.ref, i.item_type) for i in meeting.items],
            [i.position + 1 for i in meeting.items if i.outcome is None],
            minutes_content(session, meeting), versions, names)


def meeting_html(content: dict, names: dict[str, str]) -> str:
    times = " to ".join(t for t in (content.get("start"), content.get("end")) if t)
    parts = [f"<h3>The meeting of {html.escape(day(dt.date.fromisoformat(content['date'])))}</h3>",
             html_facts([("Meeting", content["meeting"]), ("Venue", content.get("venue") or "not recorded"),
                         ("Time", times or "not recorded"),
                         ("Quorate", "Yes" if content.get("quorate") else "No: the meeting was inquorate")])]
    by_status: dict[str, list[str]] = {}
    for a in content.get("attendance", []):
        acting = f" (acting as {word(a['acting_as']).lower()})" if a.get("acting_as") else ""
        by_status.setdefault(a["status"], []).append(html.escape(a.get("name") or names.get(a["member"], a["member"]))
                                                     + acting)
    for status, title in (("present", "Present"), ("apologies", "Apologies"), ("absent", "Absent")):
        parts.append(f"<p><b>{title}</b><br>{'<br>'.join(by_status.get(status, [])) or 'None.'}</p>")
    observers = [html.escape(o["name"] + (f", {o['organisation']}" if o.get("organisation") else ""))
                 for o in content.get("observers", [])]
    parts.append(f"<p><b>Observers</b><br>{'<br>'.join(observers) or 'None.'}</p>")
    declarations = content.get("declarations", [])
    lines = []
    for d in declarations:
        number = next((i["number"] for i in content.get("items", []) if i["ref"] == d.get("item")), None)
        lines.append(f"{html.escape(names.get(d['member'], d['member']))}: {html.escape(d['interest'])} "
                     f"({'item ' + str(number) if number else 'all items'}; {word(d['action']).lower()})")
    parts.append(f"<p><b>Declarations of interest</b><br>{'<br>'.join(lines) or 'None.'}</p>")
    return "".join(parts)


def item_html(entry: dict, names: dict[str, str]) -> str:
    kind = ITEM_TYPE_WORDS.get(entry["type"], word(entry["type"]))
    about = [names.get(r, r) for r in entry.get("households", []) + entry.get("children", [])]
    parts = [f"<h3>Item {entry['number']}: {html.escape(kind)}</h3>",
             html_facts([("Ref", entry["ref"]), ("Concerning", "; ".join(about)),
                         ("Outcome", word(entry.get("outcome")) or "not recorded yet")])]
    papers = [html.escape(p["title"]) for p in entry.get("papers", [])]
    parts.append(f"<p><b>Papers</b><br>{'<br>'.join(papers) or 'None listed.'}</p>")
    for title, key in (("Discussion", "discussion"), ("Recommendation", "recommendation"), ("Reasons", "reasons")):
        text = entry.get(key)
        body = html.escape(text).replace("\n", "<br>") if text else "<i>Not recorded.</i>"
        parts.append(f"<p><b>{title}</b><br>{body}</p>")
    votes = entry.get("votes")
    if votes:
        parts.append(f"<p><b>Members' views</b><br>{votes['for']} for, {votes['against']} against, "
                     f"{votes['abstain']} abstaining</p>")
    elif entry.get("outcome") in ("recommended", "not_recommended"):
        parts.append("<p><b>Members' views</b><br>A consensus</p>")
    for d in entry.get("dissent", []):
        parts.append(f"<p><b>Dissent: {html.escape(names.get(d['member'], d['member']))}</b><br>"
                     f"{html.escape(d['view'])}</p>")
    return "".join(parts)
