"""What the chair writes for the annual and half-year reports: the texts of its
sections and the service plan's priorities, each kept with the report's period.

The report shows no names of children or adopters, so a text that names one is
refused here, before it is stored, rather than found in a printed report.
"""

from __future__ import annotations

import re

from sqlmodel import Session, select

from .. import audit
from ..errors import PanelAppError
from ..models import REPORT_SECTIONS, Applicant, Child, Household, ReportText, ServicePlanPriority
from ..stats.periods import Period, parse_day, period
from .permissions import Actor, require

SECTION_WORDS = {
    "introduction": "introduction",
    "chair_commentary": "chair's commentary",
    "quality_of_reports": "quality of reports seen by panel",
    "service_plan_review": "review of last year's service plan",
}
PLAN_FIELDS = ("priority", "owner", "due", "progress")


def as_period(value) -> Period:
    """A ``Period``, or a (from, to) pair of dates or ISO strings."""
    if isinstance(value, Period):
        return value
    try:
        date_from, date_to = value
    except (TypeError, ValueError):
        raise PanelAppError(f"{value!r} is not a period: give its first and last day") from None
    return period(date_from, date_to)


def _span(span: Period) -> str:
    return f"{span.start.isoformat()} to {span.end.isoformat()}"


def _check_section(section: str) -> str:
    if section not in REPORT_SECTIONS:
        raise PanelAppError(f"{section!r} is not a section of the report that is written by hand; "
                            f"the sections are: {', '.join(REPORT_SECTIONS)}")
    return section


# -- names of children and adopters ----------------------------------------------------------

def names_named(session: Session, words: str) -> list[str]:
    """The records (as "child C012", "household H034": refs, never names) whose child's or
    applicant's full name appears in ``words``, matched whole and ignoring case."""
    if not words or not words.strip():
        return []
    people = [(name, f"child {ref}") for name, ref in session.exec(select(Child.name, Child.ref))]
    people += [(name, f"household {ref}") for name, ref in session.exec(
        select(Applicant.name, Household.ref).join(Household, Household.id == Applicant.household_id))]
    folded = words.casefold()
    found: dict[str, None] = {}
    for name, who in people:
        name = " ".join((name or "").split())
        if len(name) < 3 or name.casefold() not in folded:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
        if re.search(pattern, words, re.IGNORECASE):
            found.setdefault(who)
    return sorted(found)


def refuse_names(session: Session, words: str, where: str) -> None:
    named = names_named(session, words)
    if named:
        raise PanelAppError(f"{where} names a child or adopter ({', '.join(named)}); the report is "
                            "published without names, so write it without them")


# -- the texts -------------------------------------------------------------------------------

def save_report_text(session: Session, actor: Actor, period_from, period_to, section: str, text: str) -> dict:
    """Store (or replace) one section's text for the report of the period. An empty
    text withdraws it: the report then says none was written (or, for the
    introduction, generates one from the figures)."""
    require(actor, "report.write")
    span = period(period_from, period_to)
    _check_section(section)
    if not isinstance(text, str):
        raise PanelAppError(f"the {SECTION_WORDS[section]} must be text, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").strip()
    refuse_names(session, text, f"the {SECTION_WORDS[section]}")
    row = session.exec(select(ReportText).where(ReportText.period_from == span.start,
                                                ReportText.period_to == span.end,
                                                ReportText.section == section)).first()
    before = None if row is None else {"text": row.text, "updated_by": row.updated_by}
    if row is None:
        row = ReportText(period_from=span.start, period_to=span.end, section=section, text=text,
                         updated_by=actor.username)
        session.add(row)
    else:
        row.text = text
        row.updated_by = actor.username
    session.flush()
    audit.record(session, actor.username, "create" if before is None else "update", "report_text",
                 entity_uid=row.uid,
                 summary=f"{SECTION_WORDS[section]} of the report for {_span(span)} "
                         + ("withdrawn" if not text else "written"),
                 before=before, after={"period": span.as_json(), "section": section, "text": text,
                                       "updated_by": actor.username})
    return {"section": section, "period": span.as_json(), "uid": row.uid, "characters": len(text)}


def get_report_texts(session: Session, span, actor: Actor | None = None) -> dict[str, str]:
    """The sections written for the period, ``{section: text}``; sections with no
    text, or an empty one, are left out. With ``actor``, checks they may see reports."""
    if actor is not None:
        require(actor, "stats.read")
    span = as_period(span)
    rows = session.exec(select(ReportText).where(ReportText.period_from == span.start,
                                                 ReportText.period_to == span.end))
    return {row.section: row.text for row in rows if row.text.strip()}


# -- the service plan ------------------------------------------------------------------------

def _plan_problems(priorities) -> tuple[list[dict], list[str]]:
    """The priorities made clean, and every problem found, each saying which priority."""
    if not isinstance(priorities, (list, tuple)):
        return [], [f"the service plan must be a list of priorities, not {type(priorities).__name__}"]
    clean, problems = [], []
    for number, entry in enumerate(priorities, start=1):
        where = f"priority {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be an object with priority, owner, due and (optionally) progress")
            continue
        unknown = sorted(set(entry) - set(PLAN_FIELDS))
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(unknown)} (the fields are "
                            f"{', '.join(PLAN_FIELDS)})")
        words = {}
        for field in ("priority", "owner", "progress"):
            value = entry.get(field)
            if value is not None and not isinstance(value, str):
                problems.append(f"{where}: the {field} must be text")
                value = None
            words[field] = " ".join((value or "").split()) if field != "progress" else (value or "").strip()
        if not words["priority"]:
            problems.append(f"{where}: the priority is empty: say what is to be done")
        if not words["owner"]:
            problems.append(f"{where}: the owner is missing: say who is responsible")
        due = entry.get("due")
        if due is None or (isinstance(due, str) and not due.strip()):
            problems.append(f"{where}: the due date is missing: write it as YYYY-MM-DD")
        else:
            try:
                due = parse_day(due, f"{where}: the due date")
            except PanelAppError as exc:
                problems.append(str(exc))
                due = None
        clean.append({"priority": words["priority"], "owner": words["owner"], "due": due,
                      "progress": words["progress"] or None})
    return clean, problems


def _plan_rows(session: Session, span: Period) -> list[ServicePlanPriority]:
    return list(session.exec(select(ServicePlanPriority)
                             .where(ServicePlanPriority.period_from == span.start,
                                    ServicePlanPriority.period_to == span.end)
                             .order_by(ServicePlanPriority.position, ServicePlanPriority.id)))


def _plain(row: ServicePlanPriority) -> dict:
    return {"priority": row.priority, "owner": row.owner, "due": row.due, "progress": row.progress}


def set_service_plan(session: Session, actor: Actor, period_from, period_to, priorities) -> list[dict]:
    """Replace the service plan set in the report for the period: the priorities for
    the next year, each ``{priority, owner, due, progress?}``, in order. Every problem
    is reported at once, and nothing is stored while there is one. The priorities
    replaced are kept in the audit trail."""
    require(actor, "report.write")
    span = period(period_from, period_to)
    clean, problems = _plan_problems(priorities)
    for number, entry in enumerate(clean, start=1):
        named = names_named(session, " / ".join(filter(None, (entry["priority"], entry["owner"],
                                                              entry["progress"]))))
        if named:
            problems.append(f"priority {number}: names a child or adopter ({', '.join(named)}); "
                            "the report is published without names")
    if problems:
        raise PanelAppError("The service plan was not stored:\n" + "\n".join(f"- {p}" for p in problems))
    old = _plan_rows(session, span)
    before = [_plain(row) for row in old]
    for row in old:
        session.delete(row)
    session.flush()
    for position, entry in enumerate(clean, start=1):
        session.add(ServicePlanPriority(period_from=span.start, period_to=span.end, position=position, **entry))
    session.flush()
    audit.record(session, actor.username, "update" if before else "create", "service_plan",
                 summary=f"service plan of the report for {_span(span)}: {len(clean)} priorit"
                         + ("y" if len(clean) == 1 else "ies"),
                 before={"period": span.as_json(), "priorities": before} if before else None,
                 after={"period": span.as_json(), "priorities": clean})
    return [dict(entry) for entry in clean]


def get_service_plan(session: Session, span, actor: Actor | None = None) -> list[dict]:
    """The priorities set in the report for the period, in order."""
    if actor is not None:
        require(actor, "stats.read")
    return [_plain(row) for row in _plan_rows(session, as_period(span))]


def previous_service_plan(session: Session, span, actor: Actor | None = None) -> tuple[Period, list[dict]] | None:
    """The plan this period's report reviews: the latest set in a report for a period
    that ended before this one began and within the year before it (a year's
    report over a half year's when both end on the same day); None when there is none."""
    if actor is not None:
        require(actor, "stats.read")
    span = as_period(span)
    year_before = span.years_earlier(1).start
    found = session.exec(select(ServicePlanPriority.period_from, ServicePlanPriority.period_to)
                         .where(ServicePlanPriority.period_to < span.start,
                                ServicePlanPriority.period_to >= year_before)
                         .order_by(ServicePlanPriority.period_to.desc(), ServicePlanPriority.period_from)
                         ).first()
    if found is None:
        return None
    earlier = Period(*found)
    return earlier, get_service_plan(session, earlier)
