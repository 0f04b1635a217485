"""The agency and the settings that change its documents and its rules."""

from sqlmodel import Field

from ..enums import AGENCY_DEFAULTS, AGENCY_KINDS, REGIONS
from .base import Record, one_of


class Agency(Record, table=True):
    """One row: the agency this store belongs to.

    Settings are NULL when the agency never set them, so that an export gives
    back exactly what was imported; ``setting()`` applies the defaults.
    """

    __tablename__ = "agency"
    __table_args__ = (one_of("kind", AGENCY_KINDS), one_of("region", REGIONS))

    name: str = Field(nullable=False)
    kind: str | None = None
    panel_name: str | None = None
    region: str | None = None
    papers_working_days: int | None = None
    minutes_working_days: int | None = None
    adm_working_days: int | None = None
    quorum_members: int | None = None
    quorum_social_worker_pqe_years: float | None = None
    # Settings of the app's own, outside the exchange format.
    letter_working_days: int | None = None
    chair_casting_vote: bool | None = None
    # What case documents and letters print: the marking, where to write and whom to call.
    protective_marking: str | None = None
    address: str | None = None
    telephone: str | None = None
    email: str | None = None
    irm_contact: str | None = None

    def setting(self, key: str):
        value = getattr(self, key)
        return AGENCY_DEFAULTS[key] if value is None else value
