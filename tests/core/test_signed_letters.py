"""Decision records and letters an agency would send: noted items carry no clock, times in
UK time, the documents considered, letters from their own fields with the agency's and the
applicants' addresses, the IRM's details, the panel's recommendation enclosed when the
decision differs, and the protective marking and language set with no name in the metadata."""

import datetime as dt

import pytest
from pypdf import PdfReader

from panelapp.errors import PanelAppError
from panelapp.reports import decision_letter_pdf, decision_record_pdf, minutes_pdf
from panelapp.reports.decision import uk_time
from panelapp.services import adm, agency, agenda, meetings, recording, records
from panelapp.services.lookup import meeting_by_name
from tests.builders import PRESENT, approve, held_with_attendance, planned_meeting

D = dt.date
SETTINGS = {"address": "Civic Centre\n1 High Street\nWestshire WS1 1AA", "telephone": "01234 567890",
            "email": "adoption@westshire.example",
            "irm_contact": "Independent Review Mechanism\nPO Box 123\nLeeds LS1 1AA\nTelephone 0113 000 0000"}


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages).split())


def recommended_meeting(store, people, withdrawal=False) -> str:
    """Both items recommended (an approval, a match), minutes approved on 20 June 2025."""
    if withdrawal:
        ref = planned_meeting(store, people)
        with store.transaction() as s:
            m = meeting_by_name(s, ref)
            agenda.add_item(s, people["adviser"], m, item_type="withdrawal", households=["H2"])
            meetings.start_meeting(s, people["chair"], m, password="chair-password")
            recording.record_attendance(s, people["chair"], m, [
                {"member": r, "status": "present", "acting_as": "chair" if r == "CH" else None} for r in PRESENT])
    else:
        ref = held_with_attendance(store, people)
    chair = people["chair"]
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        recording.record_recommendation(
            s, chair, m.items[0], outcome="recommended", wording="suitable to adopt", reasons="a strong report",
            discussion="Members discussed the applicants' support.",
            approval_terms={"children_max": 1, "age_min_years": 0, "age_max_years": 4})
        recording.record_recommendation(s, chair, m.items[1], outcome="recommended",
                                        wording="Amy should be placed with Zoë Adams", reasons="a good match",
                                        discussion="Members asked about contact.")
        if withdrawal:
            recording.record_recommendation(s, chair, m.items[2], outcome="noted", discussion="Noted.",
                                            wording="The panel notes the withdrawal.")
        meetings.record_finish(s, chair, m, dt.time(12, 30))
        approve(s, chair, m)
    return ref


def addressed(store, people):
    with store.transaction() as s:
        agency.update_agency(s, people["admin"], **SETTINGS)
        records.update_household(s, people["adviser"], "H1", address="2 Mill Lane\nWestshire WS2 2BB")


def test_a_noted_item_needs_no_decision_and_has_no_clock(store, people, tmp_path):
    ref = recommended_meeting(store, people, withdrawal=True)
    with store.session() as s:
        item = meeting_by_name(s, ref).items[2]
        words = text_of(decision_record_pdf(s, item, tmp_path / "d.pdf"))
        assert adm.decision_summary(s, item)["clock"]["needed"] is False
    assert "No decision is recorded yet" not in words and "over the target" not in words
    assert "no decision is needed and no decision clock runs" in words


def test_signed_times_are_uk_time():
    assert uk_time(dt.datetime(2025, 6, 20, 9, 30, tzinfo=dt.UTC)) == "20 June 2025 at 10:30 (UK time)"
    assert uk_time(dt.datetime(2025, 12, 4, 15, 47, tzinfo=dt.UTC)) == "4 December 2025 at 15:47 (UK time)"


def qd_against_the_panel(store, people, ref):
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[0]
        adm.record_decision(s, people["adm"], item, decision="qualifying_determination", decided_on=D(2025, 7, 2),
                            reasons="I am not satisfied that you have the support you would need.",
                            documents=["Final minutes of 12 June 2025", "Prospective Adopter's Report"],
                            password="adm-password")
        adm.record_notification(s, people["adviser"], item, on=D(2025, 7, 3))


def test_a_letter_needs_the_addresses_and_the_irm_details(store, people, tmp_path):
    ref = recommended_meeting(store, people)
    qd_against_the_panel(store, people, ref)
    with pytest.raises(PanelAppError, match="agency's address, the agency's telephone number or e-mail "
                                            "address and the Independent Review Mechanism's contact details"):
        with store.session() as s:
            decision_letter_pdf(s, meeting_by_name(s, ref).items[0], tmp_path / "l.pdf")
    with store.transaction() as s:
        agency.update_agency(s, people["admin"], **SETTINGS)
    with pytest.raises(PanelAppError, match=r"Record the applicants' address \(household H1\)"):
        with store.session() as s:
            decision_letter_pdf(s, meeting_by_name(s, ref).items[0], tmp_path / "l.pdf")
    assert not (tmp_path / "l.pdf").exists()


def test_qd_letter_against_the_panel_encloses_its_recommendation(store, people, tmp_path):
    ref = recommended_meeting(store, people)
    qd_against_the_panel(store, people, ref)
    addressed(store, people)
    with store.session() as s:
        item = meeting_by_name(s, ref).items[0]
        path = decision_letter_pdf(s, item, tmp_path / "qd.pdf")
        record = text_of(decision_record_pdf(s, item, tmp_path / "rec.pdf"))
    words = text_of(path)
    assert "Civic Centre 1 High Street Westshire WS1 1AA" in words
    assert "Telephone: 01234 567890" in words and "E-mail: adoption@westshire.example" in words
    assert "Siân Jones and Łukasz Nowak 2 Mill Lane Westshire WS2 2BB" in words
    assert "Contact: Jo Worker" in words
    assert "The panel recommended that you are suitable to adopt a child. I have reached a different view" in words
    assert "a copy of the panel's recommendation is enclosed with this letter" in words
    assert "until Thursday 28 August 2025" in words
    assert "Independent Review Mechanism PO Box 123 Leeds LS1 1AA" in words
    assert "I am not satisfied that you have the support you would need." in words
    assert "Enclosure: the panel's recommendation" in words and "a strong report" in words
    assert "please contact Jo Worker on 01234 567890 and at adoption@westshire.example" in words
    assert "Prospective Adopter's Report" in record and "Notified (day 1) Thursday 3 July 2025" in record
    info = PdfReader(str(path)).metadata
    for name in ("Siân", "Łukasz", "Jones", "Nowak", "Dee Decider"):
        assert all(name not in str(value) for value in info.values())
    assert str(PdfReader(str(path)).trailer["/Root"]["/Lang"]) == "en-GB"
    assert "OFFICIAL-SENSITIVE" in words and "CONFIDENTIAL" not in words


def test_final_refusal_letter_gives_the_final_reasons_and_what_happens_next(store, people, tmp_path):
    ref = recommended_meeting(store, people)
    qd_against_the_panel(store, people, ref)
    addressed(store, people)
    with store.transaction() as s:
        adm.record_final_decision(s, people["adm"], meeting_by_name(s, ref).items[0], decision="negative",
                                  review="representations", responded_on=D(2025, 7, 20), decided_on=D(2025, 8, 1),
                                  reasons="Your representations do not show the support I asked about.",
                                  password="adm-password")
    with store.session() as s:
        words = text_of(decision_letter_pdf(s, meeting_by_name(s, ref).items[0], tmp_path / "f.pdf"))
    assert "Your representations do not show the support I asked about." in words
    assert "I am not satisfied" not in words  # the determination's reasons belong to the earlier letter
    assert "This is the agency's final decision on your application" in words
    assert "Enclosure: the panel's recommendation" in words


def test_marking_is_the_agencys_setting(store, people, tmp_path):
    ref = recommended_meeting(store, people)
    with store.transaction() as s:
        agency.update_agency(s, people["admin"], protective_marking="OFFICIAL")
    with store.session() as s:
        path = minutes_pdf(s, meeting_by_name(s, ref), tmp_path / "m.pdf")
    words = text_of(path)
    assert "OFFICIAL " in words + " " and "OFFICIAL-SENSITIVE" not in words and "CONFIDENTIAL" not in words
    assert str(PdfReader(str(path)).trailer["/Root"]["/Lang"]) == "en-GB"
