"""The whole store as a workbook: the shared fixture survives export, import into an
empty store and export again; a workbook with errors is refused whole, cell by cell."""

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func
from sqlmodel import select

from panelapp.cli import main
from panelapp.db import open_store
from panelapp.errors import ExchangeErrors
from panelapp.exchange import export_document
from panelapp.models import AuditEvent, Household, Meeting
from panelapp.spreadsheet import import_workbook, write_workbook
from panelapp.spreadsheet.layout import SHEETS


def test_fixture_round_trips_through_xlsx(northshire, northshire_doc, tmp_path, capsys):
    with northshire.session() as s:
        first = export_document(s)
    book = tmp_path / "northshire.xlsx"
    assert main(["--db", northshire.url, "export", str(book)]) == 0
    assert "(a workbook)" in capsys.readouterr().out
    other = str(tmp_path / "other.sqlite")
    assert main(["--db", other, "init"]) == 0
    assert main(["--db", other, "import", str(book)]) == 0
    again = tmp_path / "again.json"
    assert main(["--db", other, "export", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == first == northshire_doc


def test_workbook_has_a_sheet_per_kind_plain_headers_and_real_dates(northshire_doc, tmp_path):
    path = write_workbook(northshire_doc, tmp_path / "w.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [s.name for s in SHEETS]
    households = book["Households"]
    headers = [c.value for c in households[1]]
    assert headers[:3] == ["Ref", "Applicant 1 name", "Applicant 1 date of birth"]
    assert households.max_row == len(northshire_doc["households"]) + 1
    enquiry = households.cell(row=2, column=headers.index("Enquiry") + 1)
    assert isinstance(enquiry.value, dt.datetime) and enquiry.number_format == "DD/MM/YYYY"
    assert enquiry.value.date().isoformat() == northshire_doc["households"][0]["milestones"]["enquiry"]
    items = book["Items"]
    assert [c.value for c in items[1]][:3] == ["Meeting", "Ref", "Type"]
    count = sum(len(m.get("items", [])) for m in northshire_doc["meetings"])
    assert items.max_row == count + 1


def test_text_starting_with_equals_stays_text(tmp_path):
    doc = {"format": "panelapp-exchange", "version": 1,
           "members": [{"ref": "M1", "name": "=HYPERLINK(\"x\")", "roles": ["chair"], "appointed": "2024-01-01"}]}
    book = load_workbook(write_workbook(doc, tmp_path / "f.xlsx"))
    assert book["Members"]["B2"].data_type == "s"


def _cell(ws, header: str, row: int):
    headers = [c.value for c in ws[1]]
    return ws.cell(row=row, column=headers.index(header) + 1)


def counts(store):
    with store.session() as s:
        return [s.exec(select(func.count()).select_from(m)).one() for m in (Household, Meeting, AuditEvent)]


def test_a_workbook_with_errors_is_refused_whole_each_error_at_its_cell(northshire, northshire_doc, tmp_path,
                                                                        capsys):
    path = write_workbook(northshire_doc, tmp_path / "bad.xlsx")
    book = load_workbook(path)
    households, members = book["Households"], book["Members"]
    _cell(households, "Enquiry", 12).value = "31/02/2024"
    _cell(households, "Route", 3).value = "scenic"
    _cell(members, "Appointed", 4).value = "soon"
    households.cell(row=1, column=households.max_column + 1).value = "Favourite colour"
    attendance = book["Attendance"]
    _cell(attendance, "Member", 2).value = "M99"
    _cell(book["Items"], "Meeting", 5).value = "P19990101"
    # A rule only the exchange validator knows: a term ending before the appointment.
    _cell(members, "Term ends", 2).value = dt.date(1990, 1, 1)
    book.save(path)
    before = counts(northshire)
    assert main(["--db", northshire.url, "import", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    enquiry = _cell(households, "Enquiry", 12).coordinate
    assert f"Households!{enquiry}: 31/02/2024 is not a date" in err
    route = _cell(households, "Route", 3).coordinate
    assert any(line.startswith(f"Households!{route}: 'scenic' is not one of: standard") for line in err)
    appointed = _cell(members, "Appointed", 4).coordinate
    assert f"Members!{appointed}: soon is not a date; write it as 31/03/2025" in err
    assert any(line.startswith("Households!") and "'Favourite colour' is not a column" in line for line in err)
    member = _cell(attendance, "Member", 2).coordinate
    assert f"Attendance!{member}: no member has ref 'M99'" in err
    meeting = _cell(book["Items"], "Meeting", 5).coordinate
    assert f"Items!{meeting}: no meeting on the Meetings sheet has ref 'P19990101'" in err
    term = _cell(members, "Term ends", 2).coordinate
    appointed_on = dt.date.fromisoformat(northshire_doc["members"][0]["appointed"])
    assert f"Members!{term}: 01/01/1990 is before appointed {appointed_on:%d/%m/%Y}" in err
    assert err[-1].startswith("panelapp: ") and "nothing was changed" in err[-1]
    assert counts(northshire) == before


def test_an_error_only_the_importer_finds_is_put_on_its_cell(tmp_path, northshire_doc):
    doc = {"format": "panelapp-exchange", "version": 1, "members": northshire_doc["members"][:2]}
    path = write_workbook(doc, tmp_path / "m.xlsx")
    book = load_workbook(path)
    _cell(book["Members"], "Ref", 3).value = northshire_doc["members"][0]["ref"]
    book.save(path)
    store = open_store(str(tmp_path / "s.sqlite"))
    try:
        with pytest.raises(ExchangeErrors) as caught:
            with store.transaction() as s:
                import_workbook(s, path)
        assert caught.value.errors == [
            f"Members!A3: {northshire_doc['members'][0]['ref']!r} is used already by Members!A2"]
    finally:
        store.dispose()


def test_a_sheet_it_does_not_know_is_an_error(tmp_path, northshire_doc):
    path = write_workbook({"format": "panelapp-exchange", "version": 1}, tmp_path / "e.xlsx")
    book = load_workbook(path)
    book.create_sheet("Notes")
    book.save(path)
    store = open_store(str(tmp_path / "s.sqlite"))
    try:
        with pytest.raises(ExchangeErrors) as caught:
            with store.transaction() as s:
                import_workbook(s, path)
        assert caught.value.errors[0].startswith("Notes!A1: is not a sheet of a PanelApp workbook")
    finally:
        store.dispose()
