"""The agency's own settings: its name, panel name, region and rules."""

from sqlmodel import Session, select

from .. import audit
from ..enums import AGENCY_DEFAULTS, AGENCY_KINDS, REGIONS
from ..errors import PanelAppError
from ..models import Agency
from .common import check_version
from .permissions import Actor, require


def get_agency(session: Session) -> Agency | None:
    return session.exec(select(Agency)).first()


def ensure_agency(session: Session, name: str, actor: str = "system", **settings) -> Agency:
    """The agency row, created with ``name`` when the store has none yet."""
    agency = get_agency(session)
    if agency is None:
        agency = Agency(name=name, **settings)
        session.add(agency)
        session.flush()
        audit.record(session, actor, "create", "agency", entity_uid=agency.uid,
                     summary=f"agency set up: {name}", after={"name": name, **settings})
    return agency


# What an administrator may change, with what each must be.
SETTINGS = {
    "name": ("text", "the agency's name"),
    "panel_name": ("text?", "the panel's name"),
    "kind": (AGENCY_KINDS, "the kind of agency"),
    "region": (REGIONS, "the region whose bank holidays count"),
    "papers_working_days": ((0, 30), "working days before a meeting that papers must reach members"),
    "minutes_working_days": ((1, 60), "working days after a meeting for final minutes"),
    "adm_working_days": ((1, 60), "working days after final minutes for the ADM's decision"),
    "letter_working_days": ((1, 60), "working days after a decision for the letter"),
    "quorum_members": ((1, 30), "members needed for quorum"),
    "quorum_social_worker_pqe_years": ((0, 40), "years of post-qualifying experience the quorum's social worker needs"),
    "chair_casting_vote": (bool, "whether the chair has a casting vote on a tie"),
}


def agency_settings(session: Session) -> dict:
    """Every setting as the rules use it (defaults filled in), and which were set."""
    agency = get_agency(session)
    if agency is None:
        return {}
    return {key: {"value": agency.setting(key) if key in AGENCY_DEFAULTS else getattr(agency, key),
                  "set": getattr(agency, key) is not None, "means": SETTINGS[key][1]} for key in SETTINGS}


def update_agency(session: Session, actor: Actor, *, expected_version: int | None = None, **changes) -> dict:
    """Change the agency's settings: the ones documents print and the rules' numbers.
    ``expected_version``: the agency's version the settings form read (a stale one is refused)."""
    require(actor, "agency.edit")
    agency = get_agency(session)
    if agency is None:
        raise PanelAppError("The store has no agency yet: start a new agency first.")
    check_version(agency, expected_version, "the agency's settings")
    problems = []
    for key, value in changes.items():
        if key not in SETTINGS:
            problems.append(f"{key!r} is not a setting")
            continue
        rule, means = SETTINGS[key]
        if value is None:
            if rule == "text":
                problems.append(f"{means} cannot be empty")
            continue
        if rule in ("text", "text?"):
            if not isinstance(value, str) or (rule == "text" and not value.strip()):
                problems.append(f"{means} must be text")
        elif rule is bool:
            if not isinstance(value, bool):
                problems.append(f"{means} must be yes or no")
        elif isinstance(rule, tuple) and len(rule) == 2 and all(isinstance(x, int) for x in rule):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not rule[0] <= value <= rule[1]:
                problems.append(f"{means} must be a number from {rule[0]} to {rule[1]} (not {value!r})")
        elif value not in rule:
            problems.append(f"{means} must be one of: {', '.join(rule)} (not {value!r})")
    if problems:
        raise PanelAppError("Settings not changed: " + "; ".join(problems) + ".")
    before = {key: getattr(agency, key) for key in changes}
    for key, value in changes.items():
        setattr(agency, key, value.strip() if isinstance(value, str) else value)
    session.flush()
    audit.record(session, actor.username, "update", "agency", entity_uid=agency.uid,
                 summary="agency settings changed: " + ", ".join(sorted(changes)),
                 before=before, after={key: getattr(agency, key) for key in changes})
    return agency_settings(session)
