"""What the screens show, read from the store as plain rows.

Read-only: every change goes through ``panelapp.services``. Each function opens
its own session, so it can run in a worker thread.
"""

from dataclasses import dataclass

from sqlmodel import select

from panelapp.db import Store
from panelapp.models import Agency


@dataclass(frozen=True)
class AgencyInfo:
    name: str
    panel_name: str | None
    kind: str | None
    region: str


def agency_info(store: Store) -> AgencyInfo | None:
    with store.session() as session:
        agency = session.exec(select(Agency)).first()
        if agency is None:
            return None
        return AgencyInfo(agency.name, agency.panel_name, agency.kind, agency.setting("region"))
