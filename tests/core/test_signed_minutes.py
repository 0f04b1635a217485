"""Minutes a chair would sign: worded by why an item was not decided, with what each item
heard, refused for approval while a heard item has no discussion, and an approval block
and certified extracts that name the chair from the attendance."""

import copy
import datetime as dt

import pytest
from pypdf import PdfReader

from panelapp.errors import PanelAppError
from panelapp.exchange import import_document
from panelapp.reports import minutes_extract_pdf, minutes_pdf
from panelapp.services import agenda, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from tests.builders import SMALL_AGENCY, full_meeting, held_with_attendance

D = dt.date
PASSWORDS = {"chair": "chair-password", "adm": "adm-password", "adviser": "adviser-password"}


def text_of(path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def inquorate_doc() -> dict:
    """A meeting with four members present (five needed) whose item was listed as deferred,
    as the demo and other systems record it."""
    doc = copy.deepcopy(SMALL_AGENCY)
    doc["meetings"] = [{
        "ref": "P20250508", "date": "2025-05-08", "start": "10:00", "venue": "Room 1", "status": "held",
        "attendance": [{"member": "CH", "status": "present", "acting_as": "chair"}]
                      + [{"member": r, "status": "present"} for r in ("SW", "IN", "MA", "MT")]
                      + [{"member": "VC", "status": "apologies"}],
        "items": [{"ref": "IQ1", "type": "adopter_approval", "households": ["H1"], "outcome": "deferred",
                   "recommendation": "The panel could not make a recommendation.",
                   "reasons": "The panel was not quorate; the item is deferred to a later panel."}],
    }]
    return doc


def test_an_item_heard_while_inquorate_says_so_and_nothing_else(store, tmp_path):
    with store.transaction() as s:
        import_document(s, inquorate_doc(), actor="test")
    with store.session() as s:
        words = text_of(minutes_pdf(s, meeting_by_name(s, "P20250508"), tmp_path / "m.pdf"))
    assert "unanimous" not in words
    assert "Deferred for more information" not in words
    assert "Not heard: the panel was not quorate for this item" in words
    assert "could not make a recommendation" in words
    assert "Item 1 is inquorate: only 4 members count (5 needed)" in words


def _record_item_notes(store, people, ref):
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        recording.record_item_notes(s, people["chair"], m.items[0], applicants_attended=True,
                                    applicants_spoke=True,
                                    advice={"medical_adviser": "No health needs stand in the way.",
                                            "agency_adviser": "The assessment meets the regulations."})
        recording.record_item_notes(s, people["chair"], m.items[1], applicants_attended=False)
        recording.record_discussion(s, people["chair"], m.items[1], "Members asked about contact.")
        meetings.record_finish(s, people["chair"], m, dt.time(12, 40))


def test_minutes_record_applicants_advice_papers_and_the_finish(store, people, tmp_path):
    ref = full_meeting(store, people)
    _record_item_notes(store, people, ref)
    with store.session() as s:
        words = text_of(minutes_pdf(s, meeting_by_name(s, ref), tmp_path / "m.pdf"))
    assert "10:00 to 12:40" in words
    assert "The applicants attended the meeting and spoke to the panel." in words
    assert "The applicant did not attend." in words  # Zoë Adams, adopting alone
    assert "Medical adviser No health needs stand in the way." in words
    assert "Agency adviser to the panel The assessment meets the regulations." in words


def test_advice_is_only_from_an_adviser(store, people):
    ref = full_meeting(store, people)
    with pytest.raises(PanelAppError, match="'chair' is not an adviser"):
        with store.transaction() as s:
            recording.record_item_notes(s, people["chair"], meeting_by_name(s, ref).items[0],
                                        advice={"chair": "x"})


def test_approval_is_refused_while_a_heard_item_has_no_discussion(store, people):
    ref = full_meeting(store, people)
    with store.transaction() as s:  # as the meeting room left them before this was asked
        m = meeting_by_name(s, ref)
        m.items[1].discussion, m.end_time = None, None
    with pytest.raises(PanelAppError) as caught:
        with store.transaction() as s:
            minutes.approve_minutes(s, people["chair"], meeting_by_name(s, ref), on=D(2025, 6, 20),
                                    password=PASSWORDS["chair"])
    message = str(caught.value)
    assert "key points of discussion of item 2" in message
    assert "item 1" not in message  # item 1 has its discussion
    with store.session() as s:
        assert meeting_by_name(s, ref).minutes_final is None


def test_removed_item_gives_its_reason(store, people, tmp_path):
    ref = held_with_attendance(store, people)
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        agenda.remove_item(s, people["adviser"], m.items[1], reason="the medical report was not ready")
    with store.session() as s:
        words = text_of(minutes_pdf(s, meeting_by_name(s, ref), tmp_path / "m.pdf"))
    assert "Removed from the agenda before it was heard: the medical report was not ready." in words


def test_approval_block_names_the_chair_and_extracts_are_certified(store, people, tmp_path):
    ref = full_meeting(store, people)
    _record_item_notes(store, people, ref)
    with store.transaction() as s:
        minutes.approve_minutes(s, people["chair"], meeting_by_name(s, ref), on=D(2025, 6, 20),
                                password=PASSWORDS["chair"])
    with store.session() as s:
        m = meeting_by_name(s, ref)
        whole = text_of(minutes_pdf(s, m, tmp_path / "m.pdf"))
        extract = text_of(minutes_extract_pdf(s, m.items[1], tmp_path / "e.pdf"))
        digest = m.minutes.signoff_hash
    assert "Approved by Chloë Chair, Chair" in whole
    assert "Date approved 20 June 2025" in whole
    assert digest in whole
    assert "Signature" in whole and "Date signed" in whole
    assert ("I certify that this is a true extract of the minutes of the meeting of the Westshire Panel "
            "held on 12 June 2025, approved as a true record on 20 June 2025.") in extract
    assert "Certified by Chloë Chair, Chair" in extract
    assert "Signature" in extract
