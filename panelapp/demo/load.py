"""Loads the demo agency into a store, in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from sqlalchemy import func
from sqlmodel import Session, select

from ..errors import PanelAppError
from ..exchange import ImportResult, export_document, import_document
from ..models import Agency, Child, Household, Meeting, PanelMember
from .document import AGENCY
from .generator import generate
from .papers import sign_demo_records, write_demo_papers

DEMO_AGENCY_NAME = AGENCY["name"]

# The importer writes households, then children, then meetings, and says when it
# begins each; that is where a long load can say how far it has got, and where
# the one watching it can stop it.
STAGES = {"meetings": (0.6, "Saving the meetings, agendas and decisions"),
          "children": (0.45, "Saving the children"),
          "households": (0.3, "Saving the households")}


class StoreNotForDemo(PanelAppError):
    """The demo goes into a store of its own, never over other records."""


def check_store(session: Session, doc: dict) -> None:
    """Refuse a store that holds other records: another agency's, or a demo agency made
    with other options (the importer never deletes, so loading over it would leave a
    mixture of the two). The same demo again is welcome: it changes nothing."""
    agency = session.exec(select(Agency)).first()
    if agency is not None and agency.name != DEMO_AGENCY_NAME:
        raise StoreNotForDemo(
            f"this store holds the records of {agency.name!r}; the demo agency goes only into an empty "
            "store or one that holds the same demo. Nothing was changed.")
    records = sum(session.exec(select(func.count()).select_from(model)).one()
                  for model in (PanelMember, Household, Child, Meeting))
    if not records:
        return
    if agency is None:
        raise StoreNotForDemo(
            f"this store holds {records} records of an agency with no name set; the demo agency goes "
            "only into an empty store. Nothing was changed.")
    if export_document(session) != doc:
        raise StoreNotForDemo(
            "this store holds a demo agency made with other options (seed, years, scale, or another day "
            "as today); loading this one over it would mix the two. Nothing was changed.")


def create_demo_agency(session: Session, *, seed: int = 1, years: int = 3, scale: int = 1,
                       today: dt.date | None = None, actor: str = "demo",
                       progress: Callable[[float, str], None] | None = None,
                       documents_dir: Path | None = None) -> ImportResult:
    """Make up the demo agency and import it into the caller's transaction, with its final
    minutes and decisions signed as on their dates, and (given ``documents_dir``, the
    store's document folder) small made-up papers on every item.
    ``progress(fraction, message)`` hears how far the load has got; an exception it
    raises stops the load, and the caller's transaction then rolls back."""
    def tell(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    tell(0.0, "Making up the demo agency")
    doc = generate(seed=seed, years=years, scale=scale, today=today)
    tell(0.2, "Checking the store")
    check_store(session, doc)
    tell(0.25, f"Checking {len(doc['households'])} households, {len(doc['children'])} children and "
               f"{len(doc['meetings'])} meetings")
    result = import_document(session, doc, actor=actor,
                             source=f"the demo agency (seed {seed}, {years} years, scale {scale})",
                             on_stage=lambda kind: tell(*STAGES[kind]))
    # Papers first: the minutes the chair signs list each item's papers by hash.
    if documents_dir is not None:
        tell(0.8, "Writing the papers")
        write_demo_papers(session, documents_dir, actor)
    tell(0.9, "Signing the final minutes and decisions")
    sign_demo_records(session, actor)
    tell(1.0, "The demo agency is loaded")
    return result
