"""What travels: the records a meeting taken away holds, and those that come back.

Out go the meeting and only what the chair's screens and documents need for it;
back come only the records the chair's services write, and of the households on
the agenda only the approval terms a positive recommendation sets.
"""

from sqlalchemy import or_
from sqlmodel import Session, select

from ..errors import PanelAppError
from ..models import Meeting, UserAccount
from .rows import BOOKKEEPING, rows, table

ALL = None
# table -> the columns the laptop may change (ALL: every column but the bookkeeping).
RETURNED: dict[str, tuple[str, ...] | None] = {
    "meeting": ("status", "start_time", "end_time", "minutes_final"),
    "household": ("approval_children_max", "approval_age_min_years", "approval_age_max_years",
                  "approval_early_permanence"),
    "agenda_item": ("outcome", "discussion"),
    "recommendation": ALL, "dissent": ALL, "attendance": ALL, "declaration": ALL, "observer": ALL,
    "minutes_record": ALL, "minutes_amendment": ALL, "draft": ALL,
}
# Where a record made on the laptop and one made at the office are the same thing.
NATURAL_KEYS = {"recommendation": ("item_id",), "attendance": ("meeting_id", "member_id"),
                "minutes_record": ("meeting_id",), "draft": ("key",)}
# Columns kept of the people on the agenda; the rest of their records stay at the office.
KEPT = {
    "household": {"ref", "relationship_status", "route", "approval_children_max", "approval_age_min_years",
                  "approval_age_max_years", "approval_early_permanence"},
    "applicant": {"household_id", "position", "name"},
    "child": {"ref", "name", "dob", "gender", "sibling_group", "early_permanence"},
}


def returned_columns(name: str) -> tuple[str, ...]:
    chosen = RETURNED[name]
    if chosen is not None:
        return chosen
    return tuple(c.name for c in table(name).columns if c.name not in BOOKKEEPING)


def _strip(name: str, found: list[dict]) -> list[dict]:
    keep = KEPT.get(name)
    if keep is None:
        return found
    return [{k: (v if k in keep or k in BOOKKEEPING else None) for k, v in row.items()} for row in found]


def chair_account(session: Session, meeting: Meeting, username: str | None) -> UserAccount:
    """The account the chair signs in with on the laptop: the one named, else the account of
    the member chairing this meeting, else the only chair's account in the store."""
    accounts = list(session.exec(select(UserAccount).where(UserAccount.active.is_(True))))
    if username is not None:
        found = [a for a in accounts if a.username == username]
        if not found:
            raise PanelAppError(f"No active account is called {username!r}.")
        if found[0].role != "chair":
            raise PanelAppError(f"{username} is not a panel chair's account; the meeting goes to the chair.")
        return found[0]
    chairs = [a for a in accounts if a.role == "chair"]
    chairing = {a.member_id for a in meeting.attendance if a.acting_as == "chair" and a.status == "present"}
    linked = [a for a in chairs if a.member_id is not None and a.member_id in chairing]
    if len(linked) == 1:
        return linked[0]
    if len(chairs) == 1:
        return chairs[0]
    if not chairs:
        raise PanelAppError("No panel chair has an account in this store: create one for the chair first, "
                            "so that they can sign in on the laptop.")
    raise PanelAppError(f"{len(chairs)} panel chairs have accounts: name the one taking the meeting away "
                        f"({', '.join(sorted(a.username for a in chairs))}).")


def meeting_tables(session: Session, meeting: Meeting, chair: UserAccount) -> dict[str, list[dict]]:
    """Every row the laptop's store holds, table by table."""
    t = table
    items = rows(session, t("agenda_item"), t("agenda_item").c.meeting_id == meeting.id)
    item_ids = [i["id"] for i in items]
    links_h = rows(session, t("item_household"), t("item_household").c.item_id.in_(item_ids))
    links_c = rows(session, t("item_child"), t("item_child").c.item_id.in_(item_ids))
    household_ids = sorted({r["household_id"] for r in links_h})
    child_ids = sorted({r["child_id"] for r in links_c})
    recommendations = rows(session, t("recommendation"), t("recommendation").c.item_id.in_(item_ids))
    dissent = rows(session, t("dissent"),
                   t("dissent").c.recommendation_id.in_([r["id"] for r in recommendations]))
    of_meeting = {name: rows(session, t(name), t(name).c.meeting_id == meeting.id)
                  for name in ("attendance", "declaration", "observer", "minutes_record", "minutes_amendment")}
    day = meeting.meeting_date
    m = t("panel_member").c
    on_list = (m.appointed <= day) & (or_(m.term_ends.is_(None), m.term_ends >= day)) \
        & (or_(m.left_on.is_(None), m.left_on >= day))
    named = {r["member_id"] for r in of_meeting["attendance"] + of_meeting["declaration"] + dissent}
    if chair.member_id is not None:
        named.add(chair.member_id)
    members = rows(session, t("panel_member"), or_(on_list, m.id.in_(sorted(named))))
    member_ids = [r["id"] for r in members]
    drafts = rows(session, t("draft"), or_(*[t("draft").c.key.startswith(f"item:{i['uid']}:") for i in items])) \
        if items else []
    for item in items:  # an item deferred from an earlier meeting points at one not taken away
        item["deferred_from_id"] = item["deferred_from_id"] if item["deferred_from_id"] in item_ids else None
    children = rows(session, t("child"), t("child").c.id.in_(child_ids))
    for child in children:
        child["matched_household_id"] = None
    meetings = rows(session, t("meeting"), t("meeting").c.id == meeting.id)
    account = rows(session, t("user_account"), t("user_account").c.id == chair.id)
    return {
        "agency": rows(session, t("agency")),
        "panel_member": members,
        "member_role": rows(session, t("member_role"), t("member_role").c.member_id.in_(member_ids)),
        "user_account": account,
        "household": _strip("household", rows(session, t("household"), t("household").c.id.in_(household_ids))),
        "applicant": _strip("applicant", rows(session, t("applicant"),
                                              t("applicant").c.household_id.in_(household_ids))),
        "child": _strip("child", children),
        "meeting": meetings,
        "agenda_item": items,
        "item_household": links_h,
        "item_child": links_c,
        "item_paper": rows(session, t("item_paper"), t("item_paper").c.item_id.in_(item_ids)),
        "recommendation": recommendations,
        "dissent": dissent,
        **of_meeting,
        "draft": drafts,
    }
