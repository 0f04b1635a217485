"""The agency's own settings: its name, panel name, region and rules."""

from sqlmodel import Session, select

from .. import audit
from ..models import Agency


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
