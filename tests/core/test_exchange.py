"""The exchange format: round trip, every rule checked, all or nothing, upsert and insert."""

import copy
import json

import pytest
from sqlalchemy import func
from sqlmodel import select

from panelapp.cli import main
from panelapp.errors import ExchangeErrors
from panelapp.exchange import export_document, import_document, validate
from panelapp.models import AgendaItem, AuditEvent, Child, Household, Meeting, PanelMember


def counts(store):
    with store.session() as s:
        return {m.__name__: s.exec(select(func.count()).select_from(m)).one()
                for m in (PanelMember, Household, Child, Meeting, AgendaItem, AuditEvent)}


def test_fixture_round_trips_exactly(northshire, northshire_doc):
    with northshire.session() as s:
        assert export_document(s) == northshire_doc


def test_second_upsert_changes_nothing(northshire, northshire_doc):
    before = counts(northshire)
    with northshire.session() as s:
        versions = sorted(s.exec(select(Household.ref, Household.version)).all())
    with northshire.transaction() as s:
        result = import_document(s, northshire_doc)
    assert not result.created and not result.updated
    after = counts(northshire)
    assert after["AuditEvent"] == before["AuditEvent"] + 1
    assert {k: v for k, v in after.items() if k != "AuditEvent"} == \
           {k: v for k, v in before.items() if k != "AuditEvent"}
    with northshire.session() as s:
        assert sorted(s.exec(select(Household.ref, Household.version)).all()) == versions


def test_upsert_updates_by_ref_and_raises_version(northshire, northshire_doc):
    doc = {"format": "panelapp-exchange", "version": 1,
           "members": [dict(northshire_doc["members"][0], name="Farah Nowak-Jones")]}
    with northshire.transaction() as s:
        result = import_document(s, doc)
    assert result.updated["members"] == 1 and not result.created
    with northshire.session() as s:
        member = s.exec(select(PanelMember).where(PanelMember.ref == "M01")).one()
        assert member.name == "Farah Nowak-Jones" and member.version == 2


def test_insert_mode_refuses_existing_refs(northshire, northshire_doc):
    before = counts(northshire)
    with pytest.raises(ExchangeErrors) as caught:
        with northshire.transaction() as s:
            import_document(s, northshire_doc, mode="insert")
    assert "members[0].ref: 'M01' is in the store already" in caught.value.errors[0]
    assert counts(northshire) == before


def broken(doc):
    bad = copy.deepcopy(doc)
    bad["meetings"][5]["date"] = "2022-06-31"
    bad["households"][2]["favourite_colour"] = "blue"
    bad["meetings"][10]["items"][0]["households"] = ["H9999"]
    bad["children"][3]["milestones"]["placed"] = "2000-01-05"
    return bad


def test_each_error_is_one_path_message_line(northshire_doc):
    errors = validate(broken(northshire_doc))
    order = northshire_doc["children"][3]["milestones"]["placement_order"]
    assert sorted(errors) == sorted([
        "households[2].favourite_colour: unknown key (a typo? nothing was imported)",
        f"children[3].milestones.placed: 2000-01-05 is before placement_order {order}",
        "meetings[5].date: '2022-06-31' is not a date (YYYY-MM-DD)",
        "meetings[10].items[0].households[0]: no household has ref 'H9999'",
    ])


def test_cli_refuses_a_bad_file_with_exit_2_and_changes_nothing(tmp_path, capsys, northshire_doc):
    db = str(tmp_path / "n.sqlite")
    assert main(["--db", db, "init"]) == 0
    good = tmp_path / "good.json"
    good.write_text(json.dumps(northshire_doc))
    assert main(["--db", db, "import", str(good)]) == 0
    capsys.readouterr()
    bad_doc = broken(northshire_doc)
    bad_doc["members"][0]["name"] = "Changed Name"  # a valid change that must not land
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_doc))
    assert main(["import", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len([line for line in err if not line.startswith("panelapp:")]) == 4
    assert any(line.startswith("meetings[5].date: ") for line in err)
    assert any(line.startswith("households[2].favourite_colour: ") for line in err)
    assert any(line.startswith("meetings[10].items[0].households[0]: ") for line in err)
    assert any(line.startswith("children[3].milestones.placed: ") for line in err)
    out = tmp_path / "out.json"
    assert main(["--db", db, "export", str(out)]) == 0
    assert json.loads(out.read_text()) == northshire_doc


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["meetings"][0].update(status="adjourned"),
     "meetings[0].status: 'adjourned' is not one of: planned, held, cancelled"),
    (lambda d: d["members"][0].update(roles=["chair", "wizard"]),
     "members[0].roles[1]: 'wizard' is not one of:"),
    (lambda d: d["households"][0].update(applicants=[]),
     "households[0].applicants: has 0 applicants; a household has one or two"),
    (lambda d: d["children"][0].update(matched_household="NOPE"),
     "children[0].matched_household: no household has ref 'NOPE'"),
    (lambda d: d["children"][1].update(ref=d["children"][0]["ref"]),
     "children[1].ref: 'C0000' is used already by children[0]"),
    (lambda d: d["members"][1].update(social_worker_pqe_years="ten"),
     "members[1].social_worker_pqe_years: 'ten' should be a number"),
    (lambda d: d.update(version=2), "version: 2 is not supported"),
    (lambda d: d["meetings"][3].update(start="10.00"), "meetings[3].start: '10.00' is not a time (HH:MM)"),
    (lambda d: d["households"][0]["milestones"].update(approved=None),
     "households[0].milestones.approved: is null"),
])
def test_validation_rules(northshire_doc, mutate, expected):
    doc = copy.deepcopy(northshire_doc)
    mutate(doc)
    errors = validate(doc)
    assert any(e.startswith(expected) for e in errors), errors


def test_child_milestone_exceptions_are_allowed(northshire_doc):
    doc = {"format": "panelapp-exchange", "version": 1, "children": [{
        "ref": "C1", "name": "Early Permanence",
        "milestones": {"entered_care": "2024-01-01", "should_be_placed_decision": "2024-02-01",
                       "match_decision": "2024-02-10", "placement_order": "2024-03-01",
                       "moved_in_with_foster_carer": "2024-01-05", "placed": "2024-03-10",
                       "plan_changed": "2024-01-20"}}]}
    assert validate(doc) == []
    doc["children"][0]["milestones"]["disruption"] = "2024-03-01"
    assert validate(doc) == ["children[0].milestones.disruption: 2024-03-01 is before placed 2024-03-10"]


def test_a_partial_file_may_point_at_records_in_the_store(northshire):
    doc = {"format": "panelapp-exchange", "version": 1, "meetings": [{
        "ref": "P20990101", "date": "2099-01-01", "status": "planned",
        "items": [{"ref": "I-NEW-1", "type": "adopter_approval", "households": ["H0000"]}]}]}
    with northshire.transaction() as s:
        result = import_document(s, doc)
    assert result.created["meetings"] == 1 and result.created["items"] == 1


def test_import_writes_an_audit_event(northshire):
    with northshire.session() as s:
        events = s.exec(select(AuditEvent)).all()
    assert [e.action for e in events] == ["import"]
    assert "members: 13 new" in events[0].summary


def test_cli_errors_are_sentences_not_tracebacks(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.sqlite"), "init"]) == 0
    assert main(["--db", str(tmp_path / "x.sqlite"), "import", str(tmp_path / "missing.json")]) == 1
    assert "missing.json: no such file" in capsys.readouterr().err
    notjson = tmp_path / "n.json"
    notjson.write_text("{ nope")
    assert main(["--db", str(tmp_path / "x.sqlite"), "import", str(notjson)]) == 2
    assert "(document): not valid JSON at line 1" in capsys.readouterr().err


def test_sealed_export_imports_back_with_the_passphrase(northshire, tmp_path, monkeypatch, capsys, northshire_doc):
    monkeypatch.setenv("PANELAPP_PASSPHRASE", "correct horse battery")
    sealed = tmp_path / "out.sealed"
    assert main(["--db", northshire.url, "export", str(sealed), "--seal"]) == 0
    assert b"Northshire" not in sealed.read_bytes()
    other = str(tmp_path / "other.sqlite")
    assert main(["--db", other, "init"]) == 0
    assert main(["--db", other, "import", str(sealed)]) == 0
    monkeypatch.setenv("PANELAPP_PASSPHRASE", "wrong horse battery")
    assert main(["--db", other, "import", str(sealed)]) == 1
    assert "passphrase is not right" in capsys.readouterr().err
