"""The round trip with the office store on SQLite and, when PANELAPP_TEST_DB_URL names a
server, on PostgreSQL: the laptop's store is always a SQLite file of its own."""

import datetime as dt

import pytest
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.exchange import import_document
from panelapp.models import PanelMember
from panelapp.services import accounts, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.minutes import content_hash, minutes_content
from panelapp.takeaway import (
    export_meeting,
    merge_return,
    open_meeting_file,
    read_return,
    return_meeting,
)

from tests.builders import PRESENT, SMALL_AGENCY, planned_meeting

PASSPHRASE = "a passphrase for the laptop"


@pytest.fixture
def people(store) -> dict:
    with store.transaction() as s:
        import_document(s, SMALL_AGENCY, actor="test")
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
        admin = accounts.sign_in(s, "admin", "admin-password")
        chair = s.exec(select(PanelMember).where(PanelMember.ref == "CH")).one()
        accounts.create_account(s, admin, username="adviser", display_name="Pat Adviser", role="adviser",
                                password="adviser-password")
        accounts.create_account(s, admin, username="chair", display_name="Chloë Chair", role="chair",
                                password="chair-password", member_id=chair.id)
    with store.transaction() as s:
        return {"adviser": accounts.sign_in(s, "adviser", "adviser-password")}


def test_the_round_trip_on_this_store(store, people, tmp_path):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        data = export_meeting(s, people["adviser"], meeting_by_name(s, ref), PASSPHRASE).data
    laptop = open_store(str(tmp_path / "laptop.sqlite"))
    try:
        open_meeting_file(laptop, data, PASSPHRASE)
        with laptop.transaction() as s:
            chair = accounts.sign_in(s, "chair", "chair-password")
        with laptop.transaction() as s:
            meeting = meeting_by_name(s, ref)
            meetings.start_meeting(s, chair, meeting, password="chair-password")
            recording.record_attendance(s, chair, meeting, [
                {"member": r, "status": "present", "acting_as": "chair" if r == "CH" else None} for r in PRESENT]
                + [{"member": "LA", "status": "apologies"}])
            recording.declare_interest(s, chair, meeting, member="IN", interest="a neighbour", action="remained",
                                       item=meeting.items[1])
            recording.record_recommendation(
                s, chair, meeting.items[0], outcome="recommended", wording="suitable to adopt",
                reasons="thorough assessment", dissent=[{"member": "SW", "view": "wants more on support"}],
                approval_terms={"children_max": 1, "age_min_years": 0, "age_max_years": 4},
                discussion="Members discussed the support network.")
            recording.record_recommendation(s, chair, meeting.items[1], outcome="recommended",
                                            wording="the match should proceed", reasons="a good fit",
                                            discussion="Members asked about contact.")
            minutes.approve_minutes(s, chair, meeting, on=dt.date(2025, 6, 12), password="chair-password")
            signed = meeting.minutes.signoff_hash
        with laptop.transaction() as s:
            returned = return_meeting(s, chair, PASSPHRASE).data
        with store.transaction() as s:
            result = merge_return(s, people["adviser"], read_return(returned, PASSPHRASE))
        # The chair amends the final minutes on the laptop afterwards and returns again.
        with laptop.transaction() as s:
            minutes.amend_minutes(s, chair, meeting_by_name(s, ref).items[1], reason="a typing error",
                                  wording="the match of Amy with her family should proceed")
            amended = meeting_by_name(s, ref).minutes.signoff_hash
        with laptop.transaction() as s:
            again = return_meeting(s, chair, PASSPHRASE).data
    finally:
        laptop.dispose()
    assert not result.conflicts
    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        assert meeting.minutes.signoff_hash == signed == content_hash(minutes_content(s, meeting))
        first = meeting.items[0]
        assert [d.member.ref for d in first.recommendation.dissent] == ["SW"]
        assert first.household_links[0].household.approval_children_max == 1
        assert [d.member.ref for d in meeting.declarations] == ["IN"]
        assert audit.verify(s).intact
    with store.transaction() as s:
        assert not merge_return(s, people["adviser"], read_return(returned, PASSPHRASE)).changed
    with store.transaction() as s:
        later = merge_return(s, people["adviser"], read_return(again, PASSPHRASE))
    assert not later.conflicts and later.updated and later.inserted == 1  # the amendment
    assert later.events_joined == 2  # the amendment and the return, after those joined before
    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        assert meeting.items[1].recommendation.wording == "the match of Amy with her family should proceed"
        assert [a.reason for a in meeting.amendments] == ["a typing error"]
        assert meeting.minutes.signoff_hash == amended == content_hash(minutes_content(s, meeting))
        assert audit.verify(s).intact
