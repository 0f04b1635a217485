"""An agency's own tracker, read through a mapping file: a real .xlsx in the shape agencies
keep (a title row, merged headings over two rows, blank rows, a notes column, UK dates
typed every which way, ticks for yes). With errors of every kind, each is reported at
its cell and nothing is stored; clean, it imports to exactly what the JSON import of
the same records gives."""

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func
from sqlmodel import select

from panelapp.cli import main
from panelapp.db import open_store
from panelapp.errors import ExchangeErrors
from panelapp.exchange import export_document, import_document
from panelapp.models import AuditEvent, Child, Household
from panelapp.spreadsheet import Mapping, import_tracker, load_mapping, save_mapping

EXAMPLE = Path(__file__).parents[2] / "resources" / "mappings" / "tracker-example.toml"

GROUPS = [("Case no.", 1, 1), ("Applicant 1", 2, 3), ("Applicant 2", 4, 5), ("Key dates", 6, 9),
          ("Withdrawal", 10, 13), ("Approval", 14, 17), ("Notes", 18, 18)]
SUBHEADS = [None, "Name", "DOB", "Name", "DOB", "Enquiry", "Stage 1 start", "Stage 2 start", "Approved",
            "Date", "By", "Stage", "Reason", "Children", "Age from", "Age to", "Early perm.", None]

# Row number -> the row's cells, A to R. Rows 5, 9 and 13 are left blank, as trackers have them.
HOUSEHOLD_ROWS = {
    4: ["NS-101", "Sam Carter", dt.datetime(1985, 4, 2), "Alex Carter", "02/11/1983", "12/01/2024", "01-Mar-24",
        45444, "2024-10-03", None, None, None, None, 2, 0, 4, "Yes", "Would consider a sibling group later"],
    6: ["NS-102", "Jo Patel", "15/07/1979", None, None, "05/02/2024", "2024-03-11", None, None,
        "31/05/2024", "Applicant", "Stage 1", "Moved out of the area", None, None, None, None, None],
    7: ["NS-103", "Chris Lee", None, "Pat Lee", None, "10/01/2023", "14/03/2023", "20/06/2023", "12/01/2024",
        "03/07/2024", "Applicants", "approved at panel", "Changed their minds", 1, 0, 2, "N", "See file note"],
    8: ["NS-104", "Morgan Hale", None, None, None, "2024-02-20", "2024-04-02", "2024-07-15", None,
        "2024-09-30", "LA", "Stage 2", "Assessment not completed", None, None, None, None, None],
    10: ["NS-105", "Dee Rowe", "1 June 1990", None, None, "01/04/2024", "6-May-24", "2 Sept 2024", "31-Mar-25",
         None, None, None, None, 1, 0, 3, "✓", None],
    11: ["NS-106", "Kit Mason", None, "Lou Mason", None, "03/03/2024", "15/04/2024", "01/08/2024", "30/01/2025",
         "28/02/2025", "Adopters", "Approved", "Family illness", 2, 2, 6, "Y", "Approved Jan; withdrew Feb"],
    12: ["NS-107", "Ash Ford", None, None, None, "14/06/2024", None, None, None,
         None, None, None, None, None, None, None, None, "Initial visit booked"],
}
CHILD_HEADS = ["Child ref", "Child", "DOB", "Sex", "Became looked after", "Placement order", "Match (ADM)",
               "Placed", "Matched with", "EP", "Notes"]
CHILD_ROWS = {
    2: ["C-201", "Robin", "14/02/2021", "M", "01/03/2022", "10/01/2023", "20/11/2024", "05/12/2024", "NS-101",
        "Y", "Sibling of C-202"],
    4: ["C-202", "Jamie", dt.datetime(2022, 9, 30), "Girl", "01/03/2022", "10/01/2023", None, None, None,
        "No", None],
}


def clean_records() -> dict:
    """The same records as the tracker holds, written in the exchange format."""
    return {"format": "panelapp-exchange", "version": 1, "households": [
        {"ref": "NS-101", "applicants": [{"name": "Sam Carter", "dob": "1985-04-02"},
                                         {"name": "Alex Carter", "dob": "1983-11-02"}],
         "milestones": {"enquiry": "2024-01-12", "stage1_start": "2024-03-01", "stage2_start": "2024-06-01",
                        "approved": "2024-10-03"},
         "approval": {"children_max": 2, "age_min_years": 0, "age_max_years": 4, "early_permanence": True}},
        {"ref": "NS-102", "applicants": [{"name": "Jo Patel", "dob": "1979-07-15"}],
         "milestones": {"enquiry": "2024-02-05", "stage1_start": "2024-03-11"},
         "withdrawal": {"date": "2024-05-31", "by": "applicant", "stage": "stage1", "reason": "Moved out of the area"}},
        {"ref": "NS-103", "applicants": [{"name": "Chris Lee"}, {"name": "Pat Lee"}],
         "milestones": {"enquiry": "2023-01-10", "stage1_start": "2023-03-14", "stage2_start": "2023-06-20",
                        "approved": "2024-01-12"},
         "withdrawal": {"date": "2024-07-03", "by": "applicant", "stage": "approved", "reason": "Changed their minds"},
         "approval": {"children_max": 1, "age_min_years": 0, "age_max_years": 2, "early_permanence": False}},
        {"ref": "NS-104", "applicants": [{"name": "Morgan Hale"}],
         "milestones": {"enquiry": "2024-02-20", "stage1_start": "2024-04-02", "stage2_start": "2024-07-15"},
         "withdrawal": {"date": "2024-09-30", "by": "agency", "stage": "stage2", "reason": "Assessment not completed"}},
        {"ref": "NS-105", "applicants": [{"name": "Dee Rowe", "dob": "1990-06-01"}],
         "milestones": {"enquiry": "2024-04-01", "stage1_start": "2024-05-06", "stage2_start": "2024-09-02",
                        "approved": "2025-03-31"},
         "approval": {"children_max": 1, "age_min_years": 0, "age_max_years": 3, "early_permanence": True}},
        {"ref": "NS-106", "applicants": [{"name": "Kit Mason"}, {"name": "Lou Mason"}],
         "milestones": {"enquiry": "2024-03-03", "stage1_start": "2024-04-15", "stage2_start": "2024-08-01",
                        "approved": "2025-01-30"},
         "withdrawal": {"date": "2025-02-28", "by": "applicant", "stage": "approved", "reason": "Family illness"},
         "approval": {"children_max": 2, "age_min_years": 2, "age_max_years": 6, "early_permanence": True}},
        {"ref": "NS-107", "applicants": [{"name": "Ash Ford"}], "milestones": {"enquiry": "2024-06-14"}},
    ], "children": [
        {"ref": "C-201", "name": "Robin", "dob": "2021-02-14", "gender": "male",
         "milestones": {"entered_care": "2022-03-01", "placement_order": "2023-01-10",
                        "match_decision": "2024-11-20", "placed": "2024-12-05"},
         "matched_household": "NS-101", "early_permanence": True},
        {"ref": "C-202", "name": "Jamie", "dob": "2022-09-30", "gender": "female",
         "milestones": {"entered_care": "2022-03-01", "placement_order": "2023-01-10"}, "early_permanence": False},
    ]}


def write_tracker(path: Path, households: dict = HOUSEHOLD_ROWS, children: dict = CHILD_ROWS) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Households"
    ws["A1"] = "Northshire adopter tracker 2024-25 (KEEP CONFIDENTIAL)"
    ws.merge_cells("A1:R1")
    for words, first, last in GROUPS:
        ws.cell(row=2, column=first, value=words)
        if words in ("Case no.", "Notes"):
            ws.merge_cells(start_row=2, start_column=first, end_row=3, end_column=last)
        else:
            ws.merge_cells(start_row=2, start_column=first, end_row=2, end_column=last)
    for column, words in enumerate(SUBHEADS, start=1):
        if words:
            ws.cell(row=3, column=column, value=words)
    for row, cells in households.items():
        for column, value in enumerate(cells, start=1):
            if value is not None:
                ws.cell(row=row, column=column, value=value)
    ws.cell(row=4, column=3).number_format = "DD/MM/YYYY"
    kids = book.create_sheet("Children")
    kids.append(CHILD_HEADS)
    for row, cells in children.items():
        for column, value in enumerate(cells, start=1):
            if value is not None:
                kids.cell(row=row, column=column, value=value)
    book.create_sheet("Lookups").append(["Stage 1", "Stage 2", "Approved"])  # not mapped: not read
    book.save(path)
    return path


def exported(store) -> dict:
    with store.session() as s:
        return export_document(s)


@pytest.fixture
def two_stores(tmp_path, store):
    """A store for the JSON import, and one (SQLite, and PostgreSQL when there is one) for the tracker."""
    by_json = open_store(str(tmp_path / "json.sqlite"))
    yield by_json, store
    by_json.dispose()


def test_clean_tracker_imports_as_the_json_of_the_same_records(two_stores, tmp_path, capsys):
    by_json, by_tracker = two_stores
    with by_json.transaction() as s:
        import_document(s, clean_records())
    tracker = write_tracker(tmp_path / "tracker.xlsx")
    assert main(["--db", by_tracker.url, "import", str(tracker), "--mapping", str(EXAMPLE)]) == 0
    assert "households: 7 new" in capsys.readouterr().out
    assert exported(by_tracker) == exported(by_json)
    assert len(exported(by_tracker)["households"]) == 7


def with_errors() -> tuple[dict, dict]:
    households = {row: list(cells) for row, cells in HOUSEHOLD_ROWS.items()}
    households[12][5] = "31/02/2024"       # F12: no such day
    households[10][6] = "May-24"           # G10: no day of the month
    households[4][16] = "maybe"            # Q4: not yes or no
    households[8][11] = "Stage 3"          # L8: not a stage
    households[7][13] = "two"              # N7: not a number
    households[6][8] = "01/01/2024"        # I6: approved before the enquiry (the validator's rule)
    households[11][0] = "NS-101"           # A11: a case number used twice
    households[8][12] = None               # M8: a withdrawal with no reason
    households[14] = [None, "Nic Shaw", None, None, None, "01/05/2024"] + [None] * 12  # no case number
    children = {row: list(cells) for row, cells in CHILD_ROWS.items()}
    children[4][8] = "NS-999"              # I4: no such household
    children[2][3] = "X"                   # D2: not a sex the format knows
    return households, children


def test_tracker_with_errors_is_refused_whole_with_each_error_at_its_cell(two_stores, tmp_path, capsys):
    _, store = two_stores
    households, children = with_errors()
    tracker = write_tracker(tmp_path / "tracker.xlsx", households, children)
    with store.session() as s:
        before = [s.exec(select(func.count()).select_from(m)).one() for m in (Household, Child, AuditEvent)]
    assert main(["--db", store.url, "import", str(tracker), "--mapping", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err.splitlines()
    expected = [
        "Households!F12: 31/02/2024 is not a date",
        "Households!G10: May-24 gives no day of the month; write the whole date, e.g. 31/03/2025",
        "Households!Q4: 'maybe' is not yes or no (write Yes or No)",
        "Households!L8: 'Stage 3' is not one of: before_stage1, stage1, stage2, approved",
        "Households!N7: 'two' is not a number",
        "Households!A14: the row has data but no reference (Case no.)",
        "Households!A11: 'NS-101' is used already by Households!A4",
        "Households!J8: withdrawal reason is required",
        "Children!I4: no household has ref 'NS-999'",
        "Children!D2: 'X' is not one of: male, female, other",
    ]
    for line in expected:
        assert line in err, line
    assert any(line.startswith("Households!I6: 01/01/2024 is before") for line in err), err
    assert len(err) == len(expected) + 2  # and the summary line
    assert err[-1] == f"panelapp: {len(expected) + 1} error(s) in the file; nothing was changed"
    with store.session() as s:
        after = [s.exec(select(func.count()).select_from(m)).one() for m in (Household, Child, AuditEvent)]
    assert after == before


def test_csv_tracker_with_its_mapping(two_stores, tmp_path, capsys):
    by_json, by_csv = two_stores
    records = clean_records()
    del records["children"]
    with by_json.transaction() as s:
        import_document(s, records)
    example = load_mapping(EXAMPLE)
    mapping = save_mapping(Mapping(sheets=example.sheets[:1], yes=example.yes, no=example.no), tmp_path / "h.toml")
    rows = [["Northshire adopter tracker"], [], SUBHEADS]
    rows[1] = [next((w for w, first, last in GROUPS if first <= c <= last), "") for c in range(1, 19)]
    rows[2] = [w or "" for w in SUBHEADS]
    for number in range(4, 13):
        cells = HOUSEHOLD_ROWS.get(number, [None] * 18)
        rows.append(["" if v is None else f"{v:%d/%m/%Y}" if isinstance(v, dt.datetime) else v for v in cells])
    path = tmp_path / "adopters.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    assert main(["--db", by_csv.url, "import", str(path), "--mapping", str(mapping)]) == 0
    assert exported(by_csv) == exported(by_json)
    assert main(["--db", by_csv.url, "import", str(path)]) == 1
    assert "a CSV tracker is read through a mapping file" in capsys.readouterr().err


def test_mapping_to_a_heading_the_tracker_lacks(tmp_path, two_stores):
    _, store = two_stores
    example = load_mapping(EXAMPLE)
    example.sheets[0].columns["milestones.initial_visit"] = "Key dates / Initial visit"
    tracker = write_tracker(tmp_path / "tracker.xlsx")
    with pytest.raises(ExchangeErrors) as caught:
        with store.transaction() as s:
            import_tracker(s, tracker, example)
    assert caught.value.errors == [
        "Households!3:3: no column is headed 'Key dates / Initial visit' (mapped to milestones.initial_visit)"]


def test_a_mapping_file_with_mistakes_says_each(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sheet]]\nrecords = "households"\n[sheet.columns]\n"milestone.enquiry" = "Enquiry"\n'
                   '[[sheet]]\nrecords = "cats"\n', encoding="utf-8")
    with pytest.raises(ExchangeErrors) as caught:
        load_mapping(bad)
    assert caught.value.errors == [
        "bad.toml: sheet 1: 'milestone.enquiry' is not a field of households (see docs/spreadsheets.md)",
        'bad.toml: sheet 1: map the column holding each record\'s reference: ref = "..."',
        "bad.toml: sheet 2: records must be one of: members, households, children",
    ]
    bad.write_text("[[sheet]\n", encoding="utf-8")
    with pytest.raises(ExchangeErrors) as caught:
        load_mapping(bad)
    assert caught.value.errors[0].startswith("bad.toml: not a TOML file")


def test_headings_and_columns_are_guessed_from_the_trackers_words(tmp_path):
    from panelapp.spreadsheet.guess import guess_columns, guess_header_rows
    from panelapp.spreadsheet.tracker import headings, read_grids
    example = load_mapping(EXAMPLE)
    grids = read_grids(write_tracker(tmp_path / "tracker.xlsx"))
    for grid, sheet in zip(grids, example.sheets, strict=False):
        rows = guess_header_rows(grid)
        assert rows == sheet.header_rows, grid.title
        heads = headings(grid, rows)
        guessed = guess_columns(heads, sheet.records)
        assert {name: heads[column - 1] for name, column in guessed.items()} == sheet.columns, grid.title
    assert headings(grids[0], (2, 3))[:3] == ["Case no.", "Applicant 1 / Name", "Applicant 1 / DOB"]
    assert headings(grids[0], (2, 3))[17] == "Notes"


def test_a_mapping_written_reads_back_the_same(tmp_path):
    example = load_mapping(EXAMPLE)
    example.sheets[1].columns["milestones.placed"] = 8  # by letter: { column = "H" }
    again = load_mapping(save_mapping(example, tmp_path / "again.toml"))
    assert again == example
    assert '"milestones.placed" = { column = "H" }' in (tmp_path / "again.toml").read_text(encoding="utf-8")


def test_a_second_import_of_a_tracker_is_refused_unless_asked_to_update(two_stores, tmp_path, capsys):
    _, store = two_stores
    tracker = write_tracker(tmp_path / "tracker.xlsx")
    assert main(["--db", store.url, "import", str(tracker), "--mapping", str(EXAMPLE)]) == 0
    capsys.readouterr()
    # Recorded in PanelApp since: the tracker knows nothing of it.
    with store.transaction() as s:
        household = s.exec(select(Household).where(Household.ref == "NS-107")).one()
        household.initial_visit = dt.date(2024, 7, 1)
    assert main(["--db", store.url, "import", str(tracker), "--mapping", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("Households!A4: 'NS-101' is in the store already") for line in err)
    with store.session() as s:
        assert s.exec(select(Household).where(Household.ref == "NS-107")).one().initial_visit == dt.date(2024, 7, 1)
    assert main(["--db", store.url, "import", str(tracker), "--mapping", str(EXAMPLE), "--mode", "upsert"]) == 0
    # Asked to, the tracker's values replace the store's: the visit it does not know is blanked.
    assert "households: 0 new, 1 updated" in capsys.readouterr().out
    with store.session() as s:
        assert s.exec(select(Household).where(Household.ref == "NS-107")).one().initial_visit is None
