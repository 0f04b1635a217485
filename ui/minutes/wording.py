"""The minutes as the screens show them, put in words as HTML.

The content is services.minutes.minutes_content (what the chair signs), read by
panelapp.queries.minutes with the names behind its refs; earlier versions kept by
amendments are shown the same way.
"""

import datetime as dt
import html

from panelapp.queries.minutes import Version
from panelapp.queries.words import views_sentence
from panelapp.services.agenda import ITEM_TYPE_WORDS
from ui.common.detail import html_facts
from ui.common.words import day, word


def version_label(version: Version) -> str:
    if version.current:
        return f"Version {version.number}: current"
    return (f"Version {version.number}: replaced {day(version.replaced_on)} by "
            f"{version.replaced_by} ({version.reason})")


def meeting_html(content: dict, names: dict[str, str]) -> str:
    times = " to ".join(t for t in (content.get("start"), content.get("end")) if t)
    parts = [f"<h3>The meeting of {html.escape(day(dt.date.fromisoformat(content['date'])))}</h3>",
             html_facts([("Meeting", content["meeting"]), ("Venue", content.get("venue") or "not recorded"),
                         ("Time", times or "not recorded"),
                         ("Quorate", "Yes" if content.get("quorate") else "No: the meeting was inquorate")])]
    by_status: dict[str, list[str]] = {}
    for a in content.get("attendance", []):
        acting = f" (acting as {word(a['acting_as']).lower()})" if a.get("acting_as") else ""
        name = a.get("name") or names.get(a["member"], a["member"])
        by_status.setdefault(a["status"], []).append(html.escape(name) + acting)
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
        parts.append(f"<p><b>Members' views</b><br>"
                     f"{views_sentence(votes['for'], votes['against'], votes['abstain'])}</p>")
    elif entry.get("outcome") in ("recommended", "not_recommended"):
        parts.append("<p><b>Members' views</b><br>A consensus</p>")
    for d in entry.get("dissent", []):
        parts.append(f"<p><b>Dissent: {html.escape(names.get(d['member'], d['member']))}</b><br>"
                     f"{html.escape(d['view'])}</p>")
    return "".join(parts)
