"""The importer writes new records as bulk inserts: the store ends up holding the
same records, row for row, as the ORM path (one object per row) writes."""

import copy

from sqlalchemy import select

from panelapp.db import open_store
from panelapp.exchange import export_document, import_document
from panelapp.exchange.importer import Importer
from panelapp.models.base import metadata

# What two stores may differ in: the identity and the moment of each row's creation.
OWN = {"uid", "created_at", "updated_at"}


def rows_of(store) -> dict[str, list[tuple]]:
    tables = {}
    with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name == "audit_head":  # each store's own identity and chain head
                continue
            columns = [c for c in table.c if c.name not in OWN]
            tables[table.name] = sorted(connection.execute(select(*columns)).all(), key=repr)
    return tables


def imported(path, doc, *, orm_only: bool, monkeypatch) -> object:
    store = open_store(str(path))
    with monkeypatch.context() as patch:
        if orm_only:  # the importer as it was: every record through the ORM
            patch.setattr(Importer, "_split", lambda self, specs, _refs: ([], specs))
        with store.transaction() as session:
            result = import_document(session, doc, actor="test")
    return store, result


def test_bulk_import_writes_the_same_records_as_the_orm_path(tmp_path, northshire_doc, monkeypatch):
    bulk, bulk_result = imported(tmp_path / "bulk.sqlite", northshire_doc, orm_only=False, monkeypatch=monkeypatch)
    orm, orm_result = imported(tmp_path / "orm.sqlite", northshire_doc, orm_only=True, monkeypatch=monkeypatch)
    try:
        assert bulk_result.created == orm_result.created and bulk_result.updated == orm_result.updated
        bulk_rows, orm_rows = rows_of(bulk), rows_of(orm)
        audit_bulk, audit_orm = bulk_rows.pop("audit_event"), orm_rows.pop("audit_event")
        assert len(audit_bulk) == len(audit_orm) == 1
        assert bulk_rows == orm_rows
        assert sum(len(rows) for rows in bulk_rows.values()) > 1000
        with bulk.session() as session:
            assert export_document(session) == northshire_doc
    finally:
        bulk.dispose()
        orm.dispose()


def test_a_second_import_mixes_new_and_stored_records(tmp_path, northshire_doc, monkeypatch):
    """Half the file first, then the whole: the stored half goes through the ORM path,
    the rest in bulk, and the store equals a single import of the whole file."""
    half = copy.deepcopy(northshire_doc)
    for kind in ("households", "children", "meetings"):
        half[kind] = half[kind][: len(half[kind]) // 2]
    linked = {ref for m in half["meetings"] for i in m.get("items", []) for ref in i.get("households", [])}
    half["households"] += [h for h in northshire_doc["households"][len(half["households"]):] if h["ref"] in linked]
    kids = {ref for m in half["meetings"] for i in m.get("items", []) for ref in i.get("children", [])}
    half["children"] += [c for c in northshire_doc["children"][len(half["children"]):] if c["ref"] in kids]
    matched = {c.get("matched_household") for c in half["children"]} - {None}
    half["households"] += [h for h in northshire_doc["households"]
                           if h["ref"] in matched and h not in half["households"]]
    store = open_store(str(tmp_path / "two.sqlite"))
    try:
        with store.transaction() as session:
            import_document(session, half, actor="test")
        with store.transaction() as session:
            result = import_document(session, northshire_doc, actor="test")
        assert result.created["meetings"] == len(northshire_doc["meetings"]) - len(half["meetings"])
        with store.session() as session:
            assert by_ref(export_document(session)) == by_ref(northshire_doc)
    finally:
        store.dispose()


def by_ref(doc: dict) -> dict:
    """The document with its records in ``ref`` order (the store gives them in the
    order they were first written, which two imports change)."""
    return {key: sorted(value, key=lambda r: r["ref"]) if isinstance(value, list) and value
            and isinstance(value[0], dict) and "ref" in value[0] else value for key, value in doc.items()}
