"""Statistics: every figure of statistics.md against the fixture's expected files, the
CLI, explanations, periods, rounding, the Excel export, and a small store checked by hand."""

import datetime as dt
import json
import re

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from panelapp.cli import main
from panelapp.errors import PanelAppError
from panelapp.exchange import import_document
from panelapp.models import Meeting
from panelapp.rules import meeting_quorum
from panelapp.stats import compute_statistics, explain, export_xlsx, financial_year, half_year
from panelapp.stats.layout import BY_NEED, KEYS, lookup
from panelapp.stats.periods import months_after
from panelapp.stats.numbers import average_days, median, percent
from tests.conftest import FIXTURES

EXPECTED = {
    "fy2024": ("2024-04-01", "2025-03-31", "northshire-fy2024.expected.json"),
    "2024H2": ("2024-10-01", "2025-03-31", "northshire-2024H2.expected.json"),
}


def expected(name):
    return json.loads((FIXTURES / EXPECTED[name][2]).read_text(encoding="utf-8"))


def assert_same(got, want, path="result"):
    """Numbers compare as numbers (5 == 5.0); attendance compares as a set of rows."""
    if isinstance(want, dict):
        assert isinstance(got, dict), path
        assert set(got) == set(want), f"{path}: keys {sorted(set(got) ^ set(want))} differ"
        for key in want:
            assert_same(got[key], want[key], f"{path}.{key}")
    elif path.endswith(".attendance"):
        as_set = lambda rows: {(r["member"], r["present"], r["expected"]) for r in rows}
        assert as_set(got) == as_set(want), path
        assert len(got) == len(want), path
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), path
        for n, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{path}[{n}]")
    elif isinstance(want, (int, float)) and not isinstance(want, bool):
        assert isinstance(got, (int, float)) and not isinstance(got, bool), f"{path}: {got!r}"
        assert got == want, f"{path}: got {got}, expected {want}"
    else:
        assert got == want, f"{path}: got {got!r}, expected {want!r}"


def count_keys():
    """Every key whose figure is a count of records."""
    return [k for k in KEYS if k not in ("panel.attendance", BY_NEED)
            and not k.endswith((".target", ".days", ".percent")) and "median" not in k]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fixture_statistics_equal_the_expected_files(northshire, name):
    date_from, date_to, _ = EXPECTED[name]
    with northshire.session() as session:
        got = compute_statistics(session, date_from, date_to)
    assert_same(got, expected(name))
    assert list(got) == ["period", "panel", "adm", "adopters", "children", "scorecard", "previous"]
    json.dumps(got)  # plain JSON types only


def test_cli_json_table_explain_and_xlsx(northshire, capsys, tmp_path):
    db = northshire.url
    assert main(["stats", "--year", "2024", "--json", "--db", db]) == 0
    assert_same(json.loads(capsys.readouterr().out), expected("fy2024"))

    assert main(["stats", "--half", "2024H2", "--db", db]) == 0
    table = capsys.readouterr().out
    assert "This period" in table and "Two years earlier" in table
    assert "2024-10-01 to 2025-03-31" in table and "2022-10-01 to 2023-03-31" in table
    assert re.search(r"Meetings held\s+12\s+11\s+11\n", table)
    assert re.search(r"A3: percent within 426 days\s+21\.4\s+29\.4\s+-\n", table)
    assert re.search(r"M06\s+6 / 6\s+11 / 11\s+11 / 11\n", table)

    assert main(["stats", "--from", "2024-04-01", "--to", "2025-03-31", "--explain", "adm.late",
                 "--db", db]) == 0
    lines = capsys.readouterr().out.split()
    assert len(lines) == 13 and all(re.fullmatch(r"I\d{5}", ref) for ref in lines)

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "stats.xlsx"
    assert main(["stats", "--year", "2024", "--xlsx", str(out), "--json", "--db", db]) == 0
    printed = capsys.readouterr()
    assert f"wrote {out}" in printed.err
    assert_xlsx_holds(out, json.loads(printed.out))
    assert [p.name for p in folder.iterdir()] == ["stats.xlsx"]  # no temporary file left


def assert_xlsx_holds(path, result):
    """The workbook read back holds exactly the figures of ``result``, three periods side by side."""
    book = load_workbook(path)
    assert book.sheetnames == ["Panel", "ADM", "Adopters", "Children", "Scorecard", "Attendance"]
    assert book.properties.title.startswith("Northshire Council Adoption Agency: Panel statistics 2024-25")
    assert book.properties.creator == "PanelApp"
    panel = list(book["Panel"].iter_rows(values_only=True))
    assert panel[0][0] == book.properties.title
    assert panel[1] == ("Figure", "Key", "2024-25", "2023-24", "2022-23")
    rows = {row[1]: row[2:] for sheet in ("Panel", "ADM", "Adopters", "Children", "Scorecard")
            for row in book[sheet].iter_rows(min_row=3, values_only=True)}
    periods = [result, *result["previous"]]
    needs = {need for p in periods for need in p["children"]["awaiting_match_by_need"]}
    assert set(rows) == set(KEYS) - {"panel.attendance", BY_NEED} | {f"{BY_NEED}.{need}" for need in needs}
    for key, values in rows.items():
        want = [lookup(p, key) for p in periods]
        if key.endswith(".percent"):  # a fraction, formatted as a percentage
            want = [None if v is None else pytest.approx(v / 100) for v in want]
        assert list(values) == want, key
    assert rows["panel.meetings_held"] == (22, 21, 22)
    percent_cells = [row for row in book["Children"].iter_rows(min_row=3) if row[1].value.endswith(".percent")]
    assert percent_cells and all(cell.number_format == "0.0%" for cell in percent_cells[0][2:])
    attendance = {row[0]: row[1:] for row in book["Attendance"].iter_rows(min_row=4, values_only=True)}
    assert attendance["M08"] == (0, 5, 0, 21, 0, 22)
    assert attendance["M13"] == (0, 22, 0, 5, None, None)


@pytest.mark.parametrize("argv, message", [
    ([], "give the period one way"),
    (["--year", "2024", "--half", "2024H2"], "you gave --year and --half"),
    (["--from", "2024-04-01"], "--from and --to go together"),
    (["--from", "2024-04-31", "--to", "2025-03-31"], "--from: '2024-04-31' is not a date"),
    (["--from", "2025-04-01", "--to", "2024-03-31"], "ends (2024-03-31) before it starts (2025-04-01)"),
    (["--half", "2024H3"], "write the financial year and H1 or H2"),
    (["--year", "2024", "--explain", "adm.lates"], "no figure 'adm.lates' can be explained"),
])
def test_cli_refuses_bad_periods_and_keys_with_a_message(sqlite_store, capsys, argv, message):
    assert main(["stats", *argv, "--db", sqlite_store.url]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_every_count_is_explained_by_as_many_refs(northshire, northshire_doc):
    known = ({m["ref"] for m in northshire_doc["members"]} | {h["ref"] for h in northshire_doc["households"]}
             | {c["ref"] for c in northshire_doc["children"]} | {m["ref"] for m in northshire_doc["meetings"]}
             | {i["ref"] for m in northshire_doc["meetings"] for i in m["items"]})
    date_from, date_to = "2024-04-01", "2025-03-31"
    with northshire.session() as session:
        result = compute_statistics(session, date_from, date_to, with_previous=False)
        for key in count_keys():
            refs = explain(session, date_from, date_to, key)
            assert len(refs) == lookup(result, key), key
            assert len(set(refs)) == len(refs), key
            if key != "children.awaiting_match_sibling_groups":
                assert set(refs) <= known, key  # refs only, never names
        groups = explain(session, date_from, date_to, "children.awaiting_match_sibling_groups")
        assert all(set(g.split("+")) <= known for g in groups)
        for row in result["panel"]["attendance"]:
            for part in ("present", "expected"):
                meetings = explain(session, date_from, date_to, f"panel.attendance.{row['member']}.{part}")
                assert len(meetings) == row[part]
        assert explain(session, date_from, date_to, "panel.attendance") == \
            [row["member"] for row in result["panel"]["attendance"]]
        # An average is explained by the records measured.
        assert len(explain(session, date_from, date_to, "scorecard.A1.days")) == 29


def test_explain_refuses_unknown_keys_listing_the_valid_ones(sqlite_store):
    with sqlite_store.session() as session:
        with pytest.raises(PanelAppError) as caught:
            explain(session, "2024-04-01", "2025-03-31", "panel.meetings")
        message = str(caught.value)
        assert "panel.meetings_held" in message and "adopters.withdrawals.by_agency" in message
        assert "panel.items_by_type.<type>" in message and "early_permanence_approval" in message
        with pytest.raises(PanelAppError, match="fixed target"):
            explain(session, "2024-04-01", "2025-03-31", "scorecard.A1.target")
        with pytest.raises(PanelAppError, match="no member with ref 'M99'"):
            explain(session, "2024-04-01", "2025-03-31", "panel.attendance.M99.present")


def test_meeting_quorum_agrees_with_quorate_meetings(northshire):
    with northshire.session() as session:
        for date_from, date_to in (financial_year(2022), financial_year(2024)):
            figures = compute_statistics(session, date_from, date_to, with_previous=False)["panel"]
            held = session.exec(select(Meeting).where(Meeting.status == "held",
                                                      Meeting.meeting_date.between(date_from, date_to))).all()
            results = [meeting_quorum(session, m) for m in held]
            assert sum(r.quorate for r in results) == figures["quorate_meetings"]
            assert sum(not r.quorate for r in results) == figures["inquorate_meetings"]
        inquorate = explain(session, *financial_year(2022), "panel.inquorate_meetings")
        assert inquorate == ["P20230209"]
        meeting = session.exec(select(Meeting).where(Meeting.ref == "P20230209")).one()
        assert meeting_quorum(session, meeting).explanation() == (
            "The meeting is inquorate: only 4 members count (5 needed), and no social worker with "
            "3 years' post-qualifying experience is present.")


def test_export_xlsx_refuses_a_missing_folder(tmp_path):
    with pytest.raises(PanelAppError, match="does not exist"):
        export_xlsx({"period": {"from": "2024-04-01", "to": "2025-03-31"}}, tmp_path / "no" / "x.xlsx")


# ---- periods and rounding ----------------------------------------------------

def test_period_helpers():
    assert financial_year(2024) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert financial_year("2023") == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert half_year("2024H1") == (dt.date(2024, 4, 1), dt.date(2024, 9, 30))
    assert half_year("2024H2") == (dt.date(2024, 10, 1), dt.date(2025, 3, 31))
    assert half_year("2024h2") == half_year("2024H2")


@pytest.mark.parametrize("call, message", [
    (lambda: financial_year("twenty"), "'twenty' is not a year"),
    (lambda: financial_year(24), "24 is not a plausible year"),
    (lambda: half_year("2024"), "write the financial year and H1 or H2"),
    (lambda: half_year("2024H3"), "'2024H3'"),
    (lambda: half_year("H2"), "e.g. 2024H1"),
])
def test_period_helpers_explain_bad_input(call, message):
    with pytest.raises(PanelAppError, match=re.escape(message)):
        call()


def test_compute_refuses_bad_periods(sqlite_store):
    with sqlite_store.session() as session:
        with pytest.raises(PanelAppError, match=r"ends \(2024-01-01\) before it starts \(2024-02-01\)"):
            compute_statistics(session, "2024-02-01", "2024-01-01")
        with pytest.raises(PanelAppError, match="to: '1 April' is not a date"):
            compute_statistics(session, "2024-02-01", "1 April")


def test_previous_periods_of_a_leap_day():
    from panelapp.stats.periods import period
    assert period("2024-02-29", "2024-02-29").years_earlier(1).as_json() == \
        {"from": "2023-02-28", "to": "2023-02-28"}


def test_rounding_is_half_up():
    assert average_days([0, 1]) == 1 and average_days([2, 3]) == 3  # not to even
    assert average_days([]) is None
    assert median([5, 10]) == 7.5 and median([3, 1, 2]) == 2 and median([]) is None
    assert median([5, 6]) == 5.5 and median([4, 4]) == 4 and isinstance(median([4, 4]), int)
    assert percent(1, 16) == 6.3  # 6.25 half up, not to even
    assert percent(1, 3) == 33.3 and percent(2, 3) == 66.7
    assert percent(1, 2) == 50 and isinstance(percent(1, 2), int)
    assert percent(0, 0) is None


# ---- stores built by hand ---------------------------------------------------

def test_empty_store_gives_every_key_with_zeros_and_nulls(store):
    with store.session() as session:
        got = compute_statistics(session, *financial_year(2024))
    template = expected("fy2024")

    def check(g, w, path):
        if path == f"{BY_NEED}":
            assert g == {}, path  # statistics.md: {} when none
        elif isinstance(w, dict):
            assert set(g) == set(w), path
            for k in w:
                check(g[k], w[k], f"{path}.{k}")
        elif path == "panel.attendance":
            assert g == []
        elif path.endswith(".target"):
            assert g == w
        elif path.endswith((".days", ".percent")) or "median" in path:
            assert g is None, path
        elif isinstance(w, int):
            assert g == 0 and isinstance(g, int), path

    for g, w, path in zip([got, *got["previous"]], [template, *template["previous"]], ["", "", ""]):
        assert g["period"] == w["period"]
        for section in ("panel", "adm", "adopters", "children", "scorecard"):
            check(g[section], w[section], section)
    with store.session() as session:
        assert explain(session, *financial_year(2024), "adm.late") == []
        assert explain(session, *financial_year(2024), "children.awaiting_match_sibling_groups") == []


def small_doc():
    """Smallshire, built so that each figure of FY2024 can be worked out by hand."""
    person = lambda ref, roles, **more: {"ref": ref, "name": f"Person {ref}", "roles": roles,
                                         "appointed": "2020-01-01", **more}
    applicant = [{"name": "Applicant"}]
    item = lambda ref, kind, outcome, **more: {"ref": ref, "type": kind, "outcome": outcome, **more}
    present = lambda *refs: [{"member": r, "status": "present"} for r in refs]
    return {
        "format": "panelapp-exchange", "version": 1,
        "agency": {"name": "Smallshire", "quorum_members": 3, "quorum_social_worker_pqe_years": 2},
        "members": [
            person("S1", ["chair"]),
            person("S2", ["social_worker"], social_worker_pqe_years=2),
            person("S3", ["independent"], term_ends="2024-06-30"),
            person("S4", ["legal_adviser"], appointed="2024-09-01"),
            person("S5", ["independent"], appointed="2025-06-01"),
            person("S6", ["independent"], left="2024-03-31"),
        ],
        "households": [
            {"ref": "HA", "applicants": applicant, "milestones": {
                "initial_visit": "2023-06-01", "registration_of_interest": "2023-07-01",
                "stage1_start": "2023-07-10", "stage1_end": "2023-09-01", "stage2_start": "2023-09-15",
                "approved": "2024-05-20"}},
            {"ref": "HB", "applicants": applicant, "milestones": {
                "initial_visit": "2024-04-01", "registration_of_interest": "2024-04-15",
                "stage1_start": "2024-05-01", "stage1_end": "2024-06-20", "stage2_start": "2024-07-01"},
             "withdrawal": {"date": "2024-11-01", "by": "agency", "stage": "stage2", "reason": "ended"}},
            {"ref": "HC", "applicants": applicant, "milestones": {"approved": "2024-01-15", "withdrawn": "2025-03-31"}},
            {"ref": "HD", "applicants": applicant, "milestones": {"approved": "2024-02-01"}},
        ],
        "children": [
            {"ref": "CA", "name": "A", "gender": "female", "matched_household": "HA", "milestones": {
                "entered_care": "2022-01-10", "should_be_placed_decision": "2022-06-01",
                "placement_order": "2023-01-01", "match_decision": "2024-06-03", "placed": "2024-06-20",
                "adoption_application": "2024-09-01", "adoption_order": "2025-01-15"}},
            {"ref": "CB", "name": "B", "gender": "male", "early_permanence": True, "milestones": {
                "entered_care": "2023-05-01", "match_decision": "2023-08-01", "placement_order": "2023-09-01",
                "moved_in_with_foster_carer": "2023-08-02", "placed": "2023-09-10",
                "adoption_order": "2024-12-01"}},
            {"ref": "CC", "name": "C", "sibling_group": "G-A", "matched_household": "HD", "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-02-01", "match_decision": "2025-04-15"}},
            {"ref": "CD", "name": "D", "gender": "female", "sibling_group": "G-A", "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-02-01"}},
            {"ref": "CE", "name": "E", "gender": "male", "sibling_group": "G-B", "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-03-01", "plan_changed": "2024-12-01"}},
            {"ref": "CF", "name": "F", "gender": "male", "sibling_group": "G-B", "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-03-01"}},
            {"ref": "CG", "name": "G", "gender": "female", "sibling_group": "G-C", "milestones": {
                "entered_care": "2023-01-01", "should_be_placed_decision": "2024-04-01",
                "placement_order": "2024-04-05"}},
            {"ref": "CH", "name": "H", "gender": "male", "early_permanence": True, "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-01-05", "match_decision": "2024-06-01",
                "placed": "2024-07-01", "disruption": "2025-02-01"}},
            {"ref": "CI", "name": "I", "gender": "male", "milestones": {
                "entered_care": "2023-01-01", "placement_order": "2024-01-10", "match_decision": "2025-03-01",
                "placed": "2025-03-31"}},
        ],
        "meetings": [
            {"ref": "G5", "date": "2024-03-14", "status": "held"},
            {"ref": "G1", "date": "2024-05-09", "status": "held", "papers_sent": "2024-05-01",
             "minutes_final": "2024-05-16", "attendance": present("S1", "S2", "S3"),
             "items": [
                 item("I1", "adopter_approval", "recommended", households=["HA"],
                      adm={"decision_maker": "ADM", "date": "2024-05-20", "decision": "positive"}),
                 item("I2", "match", "recommended", households=["HA"], children=["CA"],
                      votes={"for": 2, "against": 0, "abstain": 0},
                      adm={"decision_maker": "ADM", "date": "2024-06-03", "decision": "qualifying_determination"}),
                 item("I3", "adopter_review", "removed", households=["HD"]),
             ]},
            {"ref": "G2", "date": "2024-10-10", "status": "held", "papers_sent": "2024-10-04",
             "minutes_final": "2024-10-24",
             "attendance": present("S1", "S4") + [{"member": "S2", "status": "apologies"}],
             "items": [
                 item("I4", "adopter_approval", "not_recommended", households=["HB"],
                      votes={"for": 1, "against": 2, "abstain": 0},
                      adm={"decision_maker": "ADM", "date": "2024-10-25", "decision": "negative"}),
                 item("I5", "other", "deferred"),
                 item("I6", "child_plan", "recommended", children=["CG"]),
             ]},
            {"ref": "G3", "date": "2024-12-12", "status": "cancelled"},
            {"ref": "G4", "date": "2025-04-10", "status": "held",
             "items": [item("I7", "adopter_approval", "recommended", households=["HD"])]},
        ],
    }


def test_small_store_worked_by_hand(store):
    with store.transaction() as session:
        import_document(session, small_doc(), actor="test")
    with store.session() as session:
        got = compute_statistics(session, *financial_year(2024))
        why = lambda key: explain(session, *financial_year(2024), key)
        assert why("adm.late") == ["I2"]
        assert why("panel.papers_late") == ["G2"]
        assert why("adopters.withdrawals.total") == ["HB", "HC"]
        assert why("children.awaiting_match_sibling_groups") == ["CC+CD"]
        assert why("panel.attendance.S2.present") == ["G1"]
        assert why("panel.attendance.S4.expected") == ["G2"]
        assert why("scorecard.A3.within") == ["CB"]
    panel = got["panel"]
    assert {k: panel[k] for k in ("meetings_held", "meetings_cancelled", "items_heard", "removed_from_agenda",
                                  "unanimous", "split", "quorate_meetings", "inquorate_meetings",
                                  "papers_on_time", "papers_late")} == {
        "meetings_held": 2, "meetings_cancelled": 1, "items_heard": 5, "removed_from_agenda": 1,
        "unanimous": 4, "split": 1, "quorate_meetings": 1, "inquorate_meetings": 1,
        "papers_on_time": 1, "papers_late": 1}
    # Papers Friday 4 October for Thursday 10 October: 4 working days, late; minutes 5 and 10.
    assert panel["minutes_median_working_days"] == 7.5
    assert panel["items_by_type"] == {"adopter_approval": 2, "adopter_review": 0, "withdrawal": 0,
                                      "early_permanence_approval": 0, "match": 1, "retrospective_approval": 0,
                                      "child_plan": 1, "other": 1}
    assert panel["outcomes_by_type"]["adopter_approval"] == {"recommended": 1, "not_recommended": 1,
                                                            "deferred": 0, "noted": 0}
    assert panel["outcomes_by_type"]["other"]["deferred"] == 1
    assert sorted(panel["attendance"], key=lambda r: r["member"]) == [
        {"member": "S1", "present": 2, "expected": 2}, {"member": "S2", "present": 1, "expected": 2},
        {"member": "S3", "present": 1, "expected": 1}, {"member": "S4", "present": 1, "expected": 1}]
    # ADM: I1 agreed in 2 working days; I2 (a match given a QD) departs from the panel, 11 working
    # days after final minutes (27 May was a bank holiday); I4 agreed in 1; I6 waits.
    assert got["adm"] == {"recommendations": 4, "decided": 3, "pending": 1, "agreed": 2,
                          "qualifying_determinations": 1, "disagreed": 1, "within_7_working_days": 2,
                          "late": 1, "median_working_days": 2,
                          "qd_outcomes": {"final_positive": 0, "final_negative": 0, "awaiting_final": 1,
                                          "representations": 0, "independent_review": 0}}
    assert got["adopters"] == {"initial_visits": 1, "registrations_of_interest": 1, "stage1_starts": 1,
                               "stage2_starts": 1, "presented_for_approval": 2, "approved": 1,
                               "withdrawals": {"total": 2, "by_applicant": 0, "by_agency": 1},
                               "approved_waiting_at_end": 1,
                               # HB left in Stage 2; HC has only the milestone, so no stage.
                               "withdrawals_by_stage": {"before_stage1": 0, "stage1": 0, "stage2": 1,
                                                        "approved": 0, "unknown": 1},
                               # HB: 1 May to 20 June, 50 days, within 1 July. HA: approved 20 May
                               # 2024, 248 days after Stage 2 began on 15 September 2023 (due 15 January).
                               "stage1_completed": 1, "stage1_within_2_months": 1, "stage1_median_days": 50,
                               "stage2_decided": 1, "stage2_within_4_months": 0, "stage2_median_days": 248}
    assert got["children"] == {
        "should_be_placed_decisions": 1, "placement_orders": 1, "matched": 3, "placed": 3,
        "adoption_applications": 1, "adopted": 2, "plan_changes": 1, "disruptions": 1,
        "early_permanence_placements": 1, "placed_not_adopted_at_end": 1,
        "placement_order_not_placed_at_end": 5, "awaiting_match_at_end": 4,
        "awaiting_match_by_gender": {"male": 1, "female": 2, "other": 0, "unknown": 1},
        "awaiting_match_sibling_groups": 1,
        "adopted_ethnic_minority": {"children": 2, "ethnic_minority": 0, "percent": 0},
        "awaiting_match_with_needs": 0, "awaiting_match_by_need": {}, "awaiting_match_aged_5_or_over": 0}
    # Cohort CA and CB. A1: 892 and 132 days; A10: 892 and 93 (moved in with foster carers), mean
    # 492.5 -> 493; A2: 519 and 0 (matched before the order), 259.5 -> 260; A20: 356 and 123.
    assert got["scorecard"] == {
        "A1": {"days": 512, "children": 2, "target": 426},
        "A10": {"days": 493, "children": 2, "target": 426},
        "A2": {"days": 260, "children": 2, "target": 121},
        "A20": {"days": 240, "children": 2, "target": None},
        "A3": {"children": 2, "within": 1, "percent": 50},
    }
    last_year = got["previous"][0]
    assert last_year["period"] == {"from": "2023-04-01", "to": "2024-03-31"}
    assert last_year["panel"]["meetings_held"] == 1 and last_year["panel"]["inquorate_meetings"] == 1
    assert last_year["scorecard"]["A3"] == {"children": 0, "within": 0, "percent": None}
    assert "previous" not in last_year


def test_the_spreadsheet_says_no_records_for_a_period_before_the_store_began(northshire, tmp_path):
    from panelapp.stats.coverage import NO_RECORDS, Coverage
    with northshire.session() as session:
        result = compute_statistics(session, *financial_year(2023))
        coverage = Coverage.of(session)
    # The meetings begin in April 2022; the households' and children's histories before that.
    assert coverage.first("panel") == coverage.first("adm") == dt.date(2022, 4, 14)
    assert coverage.first("adopters") < dt.date(2022, 4, 1) and coverage.first("children") < dt.date(2022, 4, 1)
    path = export_xlsx(result, tmp_path / "fy2023.xlsx", agency="Northshire", coverage=coverage)
    book = load_workbook(path)
    rows = {row[1]: row[2:] for row in book["Panel"].iter_rows(min_row=3, values_only=True)}
    assert rows["panel.meetings_held"] == (21, 22, NO_RECORDS)
    adopters = {row[1]: row[2:] for row in book["Adopters"].iter_rows(min_row=3, values_only=True)}
    assert adopters["adopters.initial_visits"][2] == result["previous"][1]["adopters"]["initial_visits"]
    attendance = list(book["Attendance"].iter_rows(min_row=4, values_only=True))
    assert all(row[5] == NO_RECORDS for row in attendance)
    assert list(book["Panel"].iter_rows(values_only=True))[1][2:] == ("2023-24", "2022-23", "2021-22")
    with pytest.raises(PanelAppError, match="only to a file ending .xlsx"):
        export_xlsx(result, tmp_path / "fy2023.json")


# ---- equality, needs and timeliness: each definition's edges --------------------

def test_months_after_keeps_the_day_or_takes_the_last_of_the_month():
    assert months_after(dt.date(2024, 12, 31), 2) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2023, 12, 31), 2) == dt.date(2024, 2, 29)
    assert months_after(dt.date(2024, 10, 31), 4) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2024, 5, 15), 2) == dt.date(2024, 7, 15)
    assert months_after(dt.date(2024, 11, 30), 2) == dt.date(2025, 1, 30)


def edges_doc():
    """Records on the edges of statistics.md's "Equality, needs and timeliness", FY2024."""
    applicant = [{"name": "Applicant"}]
    household = lambda ref, **milestones: {"ref": ref, "applicants": applicant, "milestones": milestones}
    awaiting = {"entered_care": "2023-01-01", "placement_order": "2024-06-01"}
    adopted = {"entered_care": "2022-01-01", "placement_order": "2022-06-01", "match_decision": "2023-01-01",
               "placed": "2023-02-01", "adoption_order": "2024-09-01"}
    qd = lambda ref, household_ref, final=None: {
        "ref": ref, "type": "adopter_approval", "outcome": "not_recommended", "households": [household_ref],
        "adm": {"decision_maker": "ADM", "date": "2024-05-20", "decision": "qualifying_determination",
                **({"final": final} if final else {})}}
    return {
        "format": "panelapp-exchange", "version": 1,
        "agency": {"name": "Edgeshire"},
        "members": [],
        "households": [
            # Stage 1 from 31 December: two months end on 28 February 2025.
            household("S1ON", stage1_start="2024-12-31", stage1_end="2025-02-28"),
            household("S1LATE", stage1_start="2024-12-31", stage1_end="2025-03-01"),
            # Stage 2 from 31 October: four months end on 28 February 2025.
            household("S2ON", stage1_start="2024-06-01", stage1_end="2024-08-01", stage2_start="2024-10-31",
                      approved="2025-02-28"),
            household("S2LATE", stage1_start="2024-06-01", stage1_end="2024-08-01", stage2_start="2024-10-31",
                      approved="2025-03-01"),
            # Ended in the period with no start recorded: not measured.
            household("NOSTART", stage1_end="2024-07-01"),
            household("Q1"), household("Q2"), household("Q3"),
            {"ref": "W1", "applicants": applicant, "milestones": {"stage1_start": "2024-04-10"},
             "withdrawal": {"date": "2024-05-01", "by": "applicant", "stage": "stage1", "reason": "moved"}},
            {"ref": "W2", "applicants": applicant, "milestones": {"withdrawn": "2024-06-01"}},
        ],
        "children": [
            {"ref": "FIVE", "name": "A", "dob": "2020-03-31", "needs": ["disability", "trauma"],
             "milestones": awaiting},
            {"ref": "FOUR", "name": "B", "dob": "2020-04-01", "needs": ["disability"], "milestones": awaiting},
            {"ref": "NODOB", "name": "C", "milestones": awaiting},
            {"ref": "MATCHED", "name": "D", "dob": "2015-01-01", "needs": ["trauma"],
             "milestones": {**awaiting, "match_decision": "2025-01-10"}},
            {"ref": "AD1", "name": "E", "ethnic_minority": True, "milestones": adopted},
            {"ref": "AD2", "name": "F", "ethnic_minority": False, "milestones": adopted},
            {"ref": "AD3", "name": "G", "milestones": adopted},
        ],
        "meetings": [{"ref": "G1", "date": "2024-05-09", "status": "held", "minutes_final": "2024-05-16",
                      "items": [
                          qd("I1", "Q1"),
                          qd("I2", "Q2", {"date": "2024-07-20", "decision": "negative",
                                          "review": "representations"}),
                          qd("I3", "Q3", {"date": "2024-09-20", "decision": "positive",
                                          "review": "independent_review"}),
                      ]}],
    }


def test_equality_needs_and_timeliness_on_their_edges(store):
    with store.transaction() as session:
        import_document(session, edges_doc(), actor="test")
    year = financial_year(2024)
    with store.session() as session:
        got = compute_statistics(session, *year, with_previous=False)
        why = lambda key: explain(session, *year, key)
        adopters, children = got["adopters"], got["children"]
        assert adopters["stage1_completed"] == 4
        assert why("adopters.stage1_completed") == ["S1LATE", "S1ON", "S2LATE", "S2ON"]
        # 1 June + 2 months is 1 August, that day included.
        assert why("adopters.stage1_within_2_months") == ["S1ON", "S2LATE", "S2ON"]
        assert why("adopters.stage2_within_4_months") == ["S2ON"] and adopters["stage2_decided"] == 2
        # Calendar days: 59 and 60 from 31 December, 61 and 61 from 1 June; Stage 2, 120 and 121.
        assert adopters["stage1_median_days"] == 60.5
        assert adopters["stage2_median_days"] == 120.5
        assert adopters["withdrawals_by_stage"] == {"before_stage1": 0, "stage1": 1, "stage2": 0, "approved": 0,
                                                    "unknown": 1}
        assert why("adopters.withdrawals_by_stage.unknown") == ["W2"]
        # Turning five on the last day counts; a day younger does not; no date of birth, not counted.
        assert why("children.awaiting_match_aged_5_or_over") == ["FIVE"]
        # A child with two needs counts under both, and once among the children with needs.
        assert children["awaiting_match_by_need"] == {"disability": 2, "trauma": 1}
        assert children["awaiting_match_with_needs"] == 2
        assert why(f"{BY_NEED}.trauma") == ["FIVE"] and why(f"{BY_NEED}.complex_health") == []
        assert children["adopted_ethnic_minority"] == {"children": 3, "ethnic_minority": 1, "percent": 33.3}
        assert why("children.adopted_ethnic_minority.ethnic_minority") == ["AD1"]
        # A QD with no final decision awaits it; a review is counted with the final decision.
        assert got["adm"]["qd_outcomes"] == {"final_positive": 1, "final_negative": 1, "awaiting_final": 1,
                                             "representations": 1, "independent_review": 1}
        assert why("adm.qd_outcomes.awaiting_final") == ["I1"]
        with pytest.raises(PanelAppError, match="explain children.awaiting_match_by_need.<need>"):
            why(BY_NEED)
    # A period ending the day before FIVE's fifth birthday: no one is five yet.
    with store.session() as session:
        assert compute_statistics(session, "2025-02-01", "2025-03-30",
                                  with_previous=False)["children"]["awaiting_match_aged_5_or_over"] == 0
