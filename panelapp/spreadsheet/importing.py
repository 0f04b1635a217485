"""Spreadsheets into the store through the JSON exchange path: the rows become an
exchange document in memory, which the exchange importer checks against every rule
and writes all or nothing. Its errors are put back on the cells they came from."""

from __future__ import annotations

import os
from pathlib import Path

from sqlmodel import Session

from ..errors import ExchangeErrors
from ..exchange import ImportResult, export_document, import_document, validate
from ..exchange.importer import known_refs
from ..services.permissions import Actor, require
from .cells import Origins
from .mapping import Mapping
from .tracker import read_tracker
from .workbook import read_workbook, write_workbook


def import_read(session: Session, doc: dict, origins: Origins, *, mode: str = "upsert",
                by: Actor | None = None, actor: str = "import", source: str) -> ImportResult:
    """Write ``doc`` in the caller's transaction, or raise ``ExchangeErrors`` with every
    error as ``SHEET!CELL: message`` and nothing written."""
    if by is not None:
        require(by, "exchange.import")
    fallback = f"({source})"
    if origins.errors:
        raise ExchangeErrors(origins.errors + origins.locate(validate(doc, known_refs(session), mode), fallback))
    try:
        return import_document(session, doc, mode=mode, actor=actor, source=source, by=by)
    except ExchangeErrors as exc:
        raise ExchangeErrors(origins.locate(exc.errors, fallback)) from None


def import_workbook(session: Session, path: str | os.PathLike, *, mode: str = "upsert",
                    by: Actor | None = None, actor: str = "import") -> ImportResult:
    """A workbook PanelApp exported (or one laid out the same way), all or nothing."""
    doc, origins = read_workbook(path)
    return import_read(session, doc, origins, mode=mode, by=by, actor=actor, source=Path(path).name)


def import_tracker(session: Session, path: str | os.PathLike, mapping: Mapping, *, mode: str = "insert",
                   by: Actor | None = None, actor: str = "import") -> ImportResult:
    """An agency's own tracker (.xlsx or .csv), read as ``mapping`` says, all or nothing.

    Insert by default: an update sets every field to what the tracker says, and a tracker
    knows nothing of what has been recorded in PanelApp since it was first imported."""
    doc, origins = read_tracker(path, mapping)
    return import_read(session, doc, origins, mode=mode, by=by, actor=actor, source=Path(path).name)


def export_workbook(session: Session, path: str | os.PathLike, by: Actor | None = None) -> tuple[Path, dict]:
    """Every record as a workbook at ``path``; returns the path and the document written."""
    doc = export_document(session, by=by)
    return write_workbook(doc, path), doc
