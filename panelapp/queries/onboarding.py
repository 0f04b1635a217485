"""What the desk asks before anyone has signed in: whether the store has an agency
(and its name, for the sign-in screen) and whether it has any account yet.

These are the only reads without an acting user, because there is none yet; they
say nothing about any person.
"""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ..models import Agency, UserAccount


@dataclass(frozen=True)
class AgencyInfo:
    name: str
    panel_name: str | None
    kind: str | None
    region: str
    version: int  # the agency's, for the settings form to send back with its change


def agency_info(session: Session) -> AgencyInfo | None:
    agency = session.exec(select(Agency)).first()
    if agency is None:
        return None
    return AgencyInfo(agency.name, agency.panel_name, agency.kind, agency.setting("region"), agency.version)


def account_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(UserAccount)).one()
