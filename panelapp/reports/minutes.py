"""The minutes of a meeting, whole, and the extract of one item's minute for that family's file."""

import os

from reportlab.lib.units import mm
from sqlmodel import Session

from ..errors import PanelAppError
from ..models import AgendaItem, Meeting
from ..rules.quorum import item_quorum, meeting_quorum
from ..services.common import minutes_are_final
from ..services.lookup import item_number
from .agenda import paper_line
from .output import write_atomically
from .people import Present, attendance_of, concerning, one_applicant
from .style import House, boxed, facts, gap, grid, heading, listing, para, render, signature_lines, styles
from .words import (ADVISERS, DECLARATION_ACTIONS, ITEM_TYPES, OUTCOMES, clock, in_words, listed, long_date,
                    plural, short_date)

APPROVAL_TYPES = ("adopter_approval", "early_permanence_approval", "retrospective_approval")


def _header(house: House, meeting: Meeting, title: str) -> list:
    s = styles()
    times = clock(meeting.start_time)
    times += f" to {clock(meeting.end_time)}" if meeting.end_time else " (finish not recorded)"
    return [
        para(title, s.title),
        para(f"{house.panel}, {long_date(meeting.meeting_date)}", s.subtitle),
        facts([("Date", long_date(meeting.meeting_date)), ("Venue", meeting.venue or "not recorded"),
               ("Time", times), ("Meeting", meeting.ref), ("Status", _status(meeting))]),
    ]


def _status(meeting: Meeting) -> str:
    if not minutes_are_final(meeting):
        return "Draft: not yet approved by the chair"
    words = f"Final, approved {short_date(meeting.minutes_final)}" if meeting.minutes_final else "Final"
    if meeting.amendments:
        words += f"; amended {plural(len(meeting.amendments), 'time')} since"
    return words


def _people(present: Present, notes: dict[str, str] | None = None) -> list:
    """Who was there, each in their role; ``notes`` adds a word against a name."""
    s = styles()
    notes = notes or {}
    story = [heading("Present")]
    rows = [(a, "; ".join(n for n in (a.times, notes.get(a.name, "")) if n)) for a in present.members]
    if any(note for _, note in rows):
        story.append(grid(["Member", "Role", "Note"], [[a.name, a.role, note] for a, note in rows],
                          [50 * mm, 75 * mm, 45 * mm]))
    elif rows:
        story.append(grid(["Member", "Role"], [[a.name, a.role] for a, _ in rows], [70 * mm, 100 * mm]))
    else:
        story.append(para("No member is recorded as present.", s.body))
    attending = present.advisers + present.minute_takers
    if attending:
        story += [heading("In attendance", 2),
                  grid(["Name", "Role"], [[a.name, a.role + (f" ({a.times})" if a.times else "")]
                                          for a in attending], [70 * mm, 100 * mm])]
    story += [heading("Apologies", 2), para(listed(present.apologies, empty="None."), s.body)]
    if present.absent:
        story += [heading("Absent", 2), para(listed(present.absent), s.body)]
    story += [heading("Observers", 2), para(listed(present.observers, empty="None."), s.body)]
    return story


def _declarations(declarations, item_numbers: bool = True) -> list:
    s = styles()
    story = [heading("Declarations of interest")]
    if not declarations:
        return story + [para("No interest was declared." if item_numbers else
                             "No interest was declared in this item.", s.body)]
    header = ["Member", "Item", "Interest", "Action taken"] if item_numbers else \
        ["Member", "Interest", "Action taken"]
    rows = []
    for d in declarations:
        row = [d.member.name]
        if item_numbers:
            row.append(f"Item {item_number(d.item)}" if d.item else "All items")
        rows.append(row + [d.interest, in_words(DECLARATION_ACTIONS, d.action)])
    widths = [42 * mm, 20 * mm, 58 * mm, 50 * mm] if item_numbers else [45 * mm, 70 * mm, 55 * mm]
    return story + [grid(header, rows, widths)]


def approval_terms(item: AgendaItem) -> str | None:
    if item.item_type not in APPROVAL_TYPES or item.outcome != "recommended":
        return None
    terms = []
    for link in item.household_links:
        h = link.household
        parts = []
        if h.approval_children_max == 1:
            parts.append("one child")
        elif h.approval_children_max:
            parts.append(f"up to {h.approval_children_max} children")
        if h.approval_age_min_years is not None and h.approval_age_max_years is not None:
            parts.append(f"aged {h.approval_age_min_years} to {h.approval_age_max_years} years")
        if h.approval_early_permanence is not None:
            parts.append("including early permanence" if h.approval_early_permanence
                         else "not for early permanence")
        if parts:
            terms.append(", ".join(parts))
    return "; ".join(terms) or None


def members_views(item: AgendaItem) -> str | None:
    rec = item.recommendation
    if rec is None or item.outcome in (None, "removed"):
        return None
    if rec.votes_for is None:
        if item.outcome == "noted":
            return None
        if item.outcome == "deferred":
            return "The panel agreed to defer the item."
        return "The panel's recommendation was unanimous."
    return (f"Members' views were taken: {rec.votes_for} for, {rec.votes_against} against, "
            f"{plural(rec.votes_abstain, 'abstention')}. The recommendation is the majority's.")


FRAGMENT_STARTS = ("suitable", "not suitable", "no longer suitable", "unsuitable", "still suitable")


def recommendation_words(item: AgendaItem) -> str | None:
    """The recommendation in full words. A wording recorded as a phrase ("suitable to
    adopt") is made the sentence it stands for; anything else is kept as recorded."""
    rec = item.recommendation
    if rec is None or not rec.wording:
        return None
    wording = rec.wording.strip()
    households = item.household_links
    if not wording.lower().startswith(FRAGMENT_STARTS) or len(households) != 1:
        return wording
    applicants = households[0].household.applicants
    verb = "is" if len(applicants) == 1 else "are"
    sentence = (f"The panel recommends that {households[0].household.display_name} {verb} "
                f"{wording[0].lower()}{wording[1:]}")
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def applicants_words(item: AgendaItem) -> str:
    if item.applicants_attended is None:
        return "Not recorded"
    # A single prospective adopter is "the applicant": the minute is read back to them.
    who = "The applicant" if one_applicant(item) else "The applicants"
    if not item.applicants_attended:
        return f"{who} did not attend."
    if item.applicants_spoke:
        return f"{who} attended the meeting and spoke to the panel."
    return f"{who} attended the meeting; they did not speak to the panel."


def _advice(item: AgendaItem) -> list:
    advice = item.advice or {}
    if not advice:
        return []
    return [heading("Advice to the panel", 2),
            facts([(in_words(ADVISERS, who), advice[who]) for who in ADVISERS if who in advice])]


def item_minute(session: Session, item: AgendaItem, agency) -> list:
    """One item's minute: the same words in the whole minutes and in the family's extract.

    What it says follows why an item was or was not decided: removed (with its reason),
    not heard because the panel was not quorate for it, deferred for more information,
    or heard to a recommendation."""
    s = styles()
    number = item_number(item)
    story = [heading(f"Item {number}: {in_words(ITEM_TYPES, item.item_type)}")]
    if item.outcome == "removed":
        why = f": {item.removal_reason.rstrip('.')}." if item.removal_reason else "."
        return story + [para(f"Concerning: {concerning(item)}. {OUTCOMES['removed']}{why}", s.body)]
    quorum = item_quorum(session, item, agency)
    inquorate = item.outcome is not None and not quorum.quorate
    outcome = ("Not heard: the panel was not quorate for this item" if inquorate
               else in_words(OUTCOMES, item.outcome, "Not yet heard"))
    story.append(facts([
        ("Concerning", concerning(item)),
        ("Presented by", listed(item.presenters or [], empty="not recorded")),
        ("Applicants", applicants_words(item)),
        ("Papers considered", listing([paper_line(p) for p in item.papers], empty="none recorded")),
        ("Quorum", quorum.explanation(f"Item {number}")),
        ("Outcome", outcome),
    ]))
    if inquorate:
        story += [heading("Why there is no recommendation", 2),
                  para("The panel could not make a recommendation because it was not quorate for this "
                       "item. The item is to be listed again at a later meeting.", s.body)]
        if item.discussion:
            story += [heading("Key points of discussion", 2), para(item.discussion, s.body)]
        return story
    story += [heading("Key points of discussion", 2), para(item.discussion or "Not recorded.", s.body)]
    story += _advice(item)
    words = recommendation_words(item)
    if words:
        story += [heading("Deferral" if item.outcome == "deferred" else "Recommendation", 2),
                  boxed([para(words, s.body)])]
    rec = item.recommendation
    rows = []
    terms = approval_terms(item)
    if terms:
        rows.append(("Terms of the approval", terms[0].upper() + terms[1:] + "."))
    if rec is not None and rec.reasons:
        rows.append(("What the panel needs" if item.outcome == "deferred" else "Reasons", rec.reasons))
    views = members_views(item)
    if views:
        rows.append(("Members' views", views))
    if rows:
        story += [gap(1.5), facts(rows)]
    if rec is not None and rec.dissent:
        story += [heading("Dissent", 2),
                  grid(["Member", "View"], [[d.member.name, d.view] for d in rec.dissent],
                       [50 * mm, 120 * mm])]
    return story


def chair_of(meeting: Meeting) -> str | None:
    """``Chloë Chair, Chair``: who chaired, in their role, from the attendance."""
    chair = attendance_of(meeting).chair
    return f"{chair.name}, {chair.role}" if chair else None


def _sign_off(meeting: Meeting, house: House, extract: bool) -> list:
    s = styles()
    story = [heading("Certificate" if extract else "Approval of the minutes")]
    record = meeting.minutes
    if not minutes_are_final(meeting):
        which = "This extract is taken from draft minutes" if extract else "These minutes are a draft"
        return story + [para(f"{which}: they have not been approved by the chair.", s.body)]
    approved = short_date(meeting.minutes_final, "a date not recorded")
    signer = chair_of(meeting) or (record.approved_by if record is not None else None) or "not recorded"
    if extract:
        story += [para(f"I certify that this is a true extract of the minutes of the meeting of the "
                       f"{house.panel} held on {short_date(meeting.meeting_date)}, approved as a true "
                       f"record on {approved}.", s.body),
                  facts([("Certified by", f"{signer}, on {approved}")])]
        if meeting.amendments:
            # The amendments' reasons may name other families, so the extract only counts them.
            story.append(para(f"The minutes have been amended {plural(len(meeting.amendments), 'time')} "
                              "since approval; this extract shows the current text.", s.body))
    else:
        rows = [("Approved by", signer), ("Date approved", approved)]
        if record is not None and record.approved_by:
            rows.append(("Signed in PanelApp by", record.approved_by))
        if record is not None and record.signoff_hash:
            rows.append(("Sign-off hash", para(record.signoff_hash, s.digest)))
        story += [para("These minutes were approved by the chair as a true record of the meeting.", s.body),
                  facts(rows)]
    return story + [signature_lines()]


def _amendments(meeting: Meeting) -> list:
    if not meeting.amendments:
        return []
    rows = [[short_date(a.amended_at), a.amended_by, a.reason] for a in meeting.amendments]
    return [heading("Amendments since approval"),
            para("The earlier text of each amended minute is kept on record.", styles().small),
            grid(["Date", "By", "Reason"], rows, [30 * mm, 45 * mm, 95 * mm])]


def _held(meeting: Meeting) -> None:
    if meeting.status == "cancelled":
        raise PanelAppError(f"The meeting of {short_date(meeting.meeting_date)} ({meeting.ref}) was "
                            "cancelled: it has no minutes.")
    if meeting.status != "held":
        raise PanelAppError(f"The meeting of {short_date(meeting.meeting_date)} ({meeting.ref}) has not "
                            "been held yet: there are no minutes to print. Print its agenda instead.")


def _minutes_title(meeting: Meeting, what: str) -> str:
    return f"{what} – {short_date(meeting.meeting_date)} ({meeting.ref})"


def minutes_pdf(session: Session, meeting: Meeting, path: str | os.PathLike):
    """Write the whole minutes of ``meeting`` to ``path``; a draft is marked DRAFT on every page."""
    _held(meeting)
    house = House.of(session)
    present = attendance_of(meeting)
    story = _header(house, meeting, "Minutes")
    story += _people(present)
    story += [heading("Quorum"),
              para(meeting_quorum(session, meeting, house.agency).explanation("The meeting"), styles().body)]
    story += _declarations(meeting.declarations)
    if not meeting.items:
        story += [heading("Items"), para("The panel heard no items.", styles().body)]
    for item in meeting.items:
        story += [gap(2)] + item_minute(session, item, house.agency)
    story += _sign_off(meeting, house, extract=False) + _amendments(meeting)
    title = _minutes_title(meeting, "Minutes")
    data, _ = render(house, story, title=title, draft=not minutes_are_final(meeting),
                     subject=f"Minutes of the {house.panel}, {long_date(meeting.meeting_date)}")
    return write_atomically(path, data)


def minutes_extract_pdf(session: Session, item: AgendaItem, path: str | os.PathLike):
    """Write the extract of one item's minute to ``path``.

    It goes on one family's file, so it names nobody from any other item: no other
    item is listed, and only the declarations about this item are shown."""
    meeting = item.meeting
    _held(meeting)
    house = House.of(session)
    number = item_number(item)
    own = [d for d in meeting.declarations if d.item_id == item.id]
    away = {d.member.name: in_words(DECLARATION_ACTIONS, d.action).lower()
            for d in own if d.action != "remained"}
    story = _header(house, meeting, f"Extract from the minutes: item {number}")
    story.append(para(f"This is the minute of item {number} only, taken from the minutes of the "
                      f"meeting, with the meeting's attendance and the quorum for this item.",
                      styles().small))
    story.insert(-1, gap(2))
    story += _people(attendance_of(meeting), away)
    story += _declarations(own, item_numbers=False)
    story += [gap(2)] + item_minute(session, item, house.agency)
    story += _sign_off(meeting, house, extract=True)
    title = _minutes_title(meeting, f"Minutes extract, item {number}")
    data, _ = render(house, story, title=title, draft=not minutes_are_final(meeting),
                     subject=f"Extract from the minutes of the {house.panel}, "
                             f"{long_date(meeting.meeting_date)}, item {number}")
    return write_atomically(path, data)
