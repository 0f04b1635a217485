"""The rules and services of a panel's working life, through the services only."""

import datetime as dt

import pytest
from sqlalchemy import text
from sqlmodel import select

from panelapp import audit
from panelapp.errors import PanelAppError
from panelapp.models import AgendaItem, Household, Child, Meeting
from panelapp.services import accounts, adm, agenda, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.permissions import PermissionDenied
from tests.builders import approve, full_meeting, held_with_attendance, password_of, planned_meeting, sign_in_everyone  # noqa: F401

D = dt.date


@pytest.fixture
def people(store):
    return sign_in_everyone(store)


def test_sign_in_refuses_a_wrong_password(store, people):
    with pytest.raises(PanelAppError, match="user name or password is not right"):
        with store.transaction() as s:
            accounts.sign_in(s, "chair", "nope-nope")


def test_passwords_are_hashed_with_argon2(store, people):
    from panelapp.models import UserAccount
    with store.session() as s:
        row = s.exec(select(UserAccount).where(UserAccount.username == "chair")).one()
    assert row.password_hash.startswith("$argon2") and "chair-password" not in row.password_hash


def test_recording_is_refused_before_attendance(store, people):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref), password="chair-password")
    with pytest.raises(PanelAppError, match="Take the attendance"):
        with store.transaction() as s:
            item = meeting_by_name(s, ref).items[0]
            recording.record_recommendation(s, people["chair"], item, outcome="deferred", reasons="more")


def test_an_item_inquorate_after_a_member_leaves_is_refused_with_why(store, people):
    ref = held_with_attendance(store, people, present=["CH", "SW", "NQ", "IN", "MA", "MT"])
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        recording.declare_interest(s, people["chair"], meeting, member="SW", interest="knows the applicants",
                                   action="left_for_item", item=meeting.items[0])
    with store.session() as s:
        before = [(i.ref, i.outcome, i.version) for i in meeting_by_name(s, ref).items]
    with pytest.raises(PanelAppError) as caught:
        with store.transaction() as s:
            item = meeting_by_name(s, ref).items[0]
            recording.record_recommendation(s, people["chair"], item, outcome="recommended",
                                            wording="suitable to adopt", reasons="thorough assessment",
                                            approval_terms={"children_max": 1, "age_min_years": 0,
                                                            "age_max_years": 4})
    message = str(caught.value)
    assert message.startswith("Item 1 is inquorate")
    assert "only 4 members count" in message
    assert "no social worker with 3 years' post-qualifying experience" in message
    with store.session() as s:
        assert [(i.ref, i.outcome, i.version) for i in meeting_by_name(s, ref).items] == before
    # The other item is quorate: the social worker is in the room for it.
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[1]
        out = recording.record_recommendation(s, people["chair"], item, outcome="recommended",
                                              wording="the match should proceed", reasons="good fit")
    assert out["outcome"] == "recommended"


def test_positive_approval_needs_its_terms(store, people):
    ref = held_with_attendance(store, people)
    with pytest.raises(PanelAppError, match="needs its terms"):
        with store.transaction() as s:
            item = meeting_by_name(s, ref).items[0]
            recording.record_recommendation(s, people["chair"], item, outcome="recommended",
                                            wording="suitable to adopt", reasons="strong report")
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[0]
        recording.record_recommendation(s, people["chair"], item, outcome="recommended",
                                        wording="suitable to adopt one child aged 0 to 4",
                                        reasons="strong report",
                                        approval_terms={"children_max": 1, "age_min_years": 0, "age_max_years": 4,
                                                        "early_permanence": True})
    with store.session() as s:
        h1 = s.exec(select(Household).where(Household.ref == "H1")).one()
        assert (h1.approval_children_max, h1.approval_age_max_years, h1.approval_early_permanence) == (1, 4, True)


def test_votes_must_support_the_outcome_and_dissenters_be_in_the_room(store, people):
    ref = held_with_attendance(store, people)
    with pytest.raises(PanelAppError) as caught:
        with store.transaction() as s:
            item = meeting_by_name(s, ref).items[1]
            recording.record_recommendation(s, people["chair"], item, outcome="recommended",
                                            wording="match", reasons="r", votes={"for": 1, "against": 4, "abstain": 0},
                                            dissent=[{"member": "LA", "view": "no"}])
    assert "do not make 'recommended' the majority" in str(caught.value)
    assert "Lee Legal is not in the room" in str(caught.value)


def test_minutes_final_are_locked_and_amended_only_with_a_reason(store, people):
    ref = full_meeting(store, people)
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            approve(s, people["adviser"], meeting_by_name(s, ref))
    with store.transaction() as s:
        minutes.draft_minutes(s, people["adviser"], meeting_by_name(s, ref))
        signed = approve(s, people["chair"], meeting_by_name(s, ref))
    assert len(signed["signoff_hash"]) == 64
    with store.session() as s:
        m = meeting_by_name(s, ref)
        assert m.minutes_final == D(2025, 6, 20)
        assert minutes.content_hash(minutes.minutes_content(s, m)) == signed["signoff_hash"]
    with pytest.raises(PanelAppError, match="final and locked"):
        with store.transaction() as s:
            m = meeting_by_name(s, ref)
            recording.record_recommendation(s, people["chair"], m.items[1], outcome="deferred", reasons="x")
    with pytest.raises(PanelAppError, match="needs its reason"):
        with store.transaction() as s:
            minutes.amend_minutes(s, people["chair"], meeting_by_name(s, ref).items[1], reason=" ",
                                  wording="changed")
    with store.transaction() as s:
        out = minutes.amend_minutes(s, people["chair"], meeting_by_name(s, ref).items[1],
                                    reason="the child's name was misspelt", wording="Amy should be placed with Zoë Adams.")
    assert out["previous_hash"] == signed["signoff_hash"] and out["signoff_hash"] != signed["signoff_hash"]
    with store.session() as s:
        versions = minutes.minutes_versions(meeting_by_name(s, ref))
    assert [v["hash"] for v in versions] == [signed["signoff_hash"], out["signoff_hash"]]
    assert versions[0]["content"]["items"][1]["recommendation"] == "Amy should be placed with Zoë Adams"
    assert versions[0]["reason"] == "the child's name was misspelt"


def test_adm_decides_only_on_final_minutes_with_reasons_to_disagree(store, people):
    ref = full_meeting(store, people)
    decide = lambda s, who, item, **kw: adm.record_decision(s, who, item, password=password_of(who), **kw)  # noqa: E731
    with pytest.raises(PanelAppError, match="not final yet"):
        with store.transaction() as s:
            decide(s, people["adm"], meeting_by_name(s, ref).items[1], decision="positive",
                   decided_on=D(2025, 6, 25), reasons="a good match")
    with store.transaction() as s:
        approve(s, people["chair"], meeting_by_name(s, ref))
    with pytest.raises(PermissionDenied, match="may not make agency decisions"):
        with store.transaction() as s:
            decide(s, people["chair"], meeting_by_name(s, ref).items[1], decision="positive",
                   decided_on=D(2025, 6, 25), reasons="a good match")
    with pytest.raises(PanelAppError, match="reasons for departing"):
        with store.transaction() as s:
            decide(s, people["adm"], meeting_by_name(s, ref).items[1], decision="negative",
                   decided_on=D(2025, 6, 25))
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        match = decide(s, people["adm"], m.items[1], decision="positive", decided_on=D(2025, 6, 25),
                       reasons="The panel's reasons: a good match.")
        qd = decide(s, people["adm"], m.items[0], decision="qualifying_determination",
                    decided_on=D(2025, 6, 26), reasons="the support network is not sufficient")
    assert match["agrees"] and qd["agrees"]
    assert match["clock"]["used"] == 3 and not match["clock"]["late"]
    assert len(match["signoff_hash"]) == 64
    with store.session() as s:
        child = s.exec(select(Child).where(Child.ref == "C1")).one()
        assert child.match_decision == D(2025, 6, 25)
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[0]
        told = adm.record_notification(s, people["adviser"], item, on=D(2025, 6, 27))
        # Friday 27 June is day 1 of the 40 working days (reg 30B(5)(c)).
        assert told["representations_end"] == "2025-08-21"
        final = adm.record_final_decision(s, people["adm"], item, decision="positive", review="representations",
                                          decided_on=D(2025, 8, 28), responded_on=D(2025, 8, 4),
                                          reasons="new evidence of support", password="adm-password")
    assert final["final_decision"] == "positive"
    with store.session() as s:
        assert s.exec(select(Household).where(Household.ref == "H1")).one().approved == D(2025, 8, 28)


def test_cancel_moves_items_and_remove_keeps_them_once_papers_are_out(store, people):
    first = planned_meeting(store, people)
    second = planned_meeting(store, people, day=D(2025, 6, 26), items=1)
    with pytest.raises(PanelAppError, match="choose a meeting to move them to"):
        with store.transaction() as s:
            meetings.cancel_meeting(s, people["adviser"], meeting_by_name(s, first), reason="chair unwell")
    with store.transaction() as s:
        out = meetings.cancel_meeting(s, people["adviser"], meeting_by_name(s, first), reason="chair unwell",
                                      move_to=meeting_by_name(s, second))
    assert len(out["moved"]) == 2
    with store.session() as s:
        m2 = meeting_by_name(s, second)
        assert [i.position for i in m2.items] == [0, 1, 2]
        assert meeting_by_name(s, first).status == "cancelled"
        warnings = agenda.agenda_warnings(s, m2, today=D(2025, 6, 10))
    assert any("also listed" in w for w in warnings)  # H1 twice on the same meeting
    with store.transaction() as s:
        m2 = meeting_by_name(s, second)
        meetings.mark_papers_sent(s, people["adviser"], m2, on=D(2025, 6, 18))
        out = agenda.remove_item(s, people["adviser"], m2.items[2], reason="duplicate listing")
    assert out["kept_as_removed"]
    with store.session() as s:
        assert [i.outcome for i in meeting_by_name(s, second).items] == [None, None, "removed"]


def test_papers_late_and_over_capacity_warnings(store, people):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        meetings.update_meeting(s, people["adviser"], m, capacity=2)
        agenda.add_item(s, people["adviser"], m, item_type="adopter_review", households=["H2"])
        warnings = agenda.agenda_warnings(s, m, today=D(2025, 6, 9))
    assert any(w.startswith("Over capacity: 3 items") for w in warnings)
    assert any("Papers late: they were due out by 05 June 2025" in w for w in warnings)


def test_match_outside_approval_terms_is_warned(store, people):
    ref = planned_meeting(store, people, items=1)
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        s.exec(select(Child).where(Child.ref == "C1")).one().dob = D(2018, 1, 1)
        out = agenda.add_item(s, people["adviser"], m, item_type="match", households=["H2"], children=["C1"])
    assert any("outside household H2's approved age range 0–5" in w for w in out["warnings"])


def test_schedule_a_year_from_a_pattern_skips_bank_holidays(store, people):
    with store.transaction() as s:
        out = meetings.schedule_meetings(s, people["adviser"], pattern="2nd and 4th Thursday, 10:00",
                                         first=D(2025, 4, 1), last=D(2026, 3, 31), venue="Room 1", capacity=6)
    dates = [m["date"] for m in out["created"]]
    # Christmas Day 2025 is the fourth Thursday of December.
    assert len(dates) == 23 and all(d.weekday() == 3 for d in dates)
    assert {"date": D(2025, 12, 25), "why": "bank holiday"} in out["skipped"]
    assert dates[0] == D(2025, 4, 10) and out["created"][0]["start"] == dt.time(10)
    with store.transaction() as s:
        again = meetings.schedule_meetings(s, people["adviser"], pattern="last Monday",
                                           first=D(2025, 5, 1), last=D(2025, 5, 31))
    assert again["created"] == [] and again["skipped"] == [{"date": D(2025, 5, 26), "why": "bank holiday"}]
    with pytest.raises(PanelAppError, match="Cannot read the pattern"):
        with store.transaction() as s:
            meetings.schedule_meetings(s, people["adviser"], pattern="fortnightly", first=D(2025, 1, 1),
                                       last=D(2025, 2, 1))


def test_relisting_a_deferred_item_keeps_the_link(store, people):
    ref = held_with_attendance(store, people)
    later = planned_meeting(store, people, day=D(2025, 7, 10), items=1)
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[1]
        recording.record_recommendation(s, people["chair"], item, outcome="deferred",
                                        reasons="the panel needs the updated medical report")
        out = agenda.relist_item(s, people["adviser"], item, meeting_by_name(s, later))
    with store.session() as s:
        new = s.exec(select(AgendaItem).where(AgendaItem.ref == out["item"]["ref"])).one()
        assert new.deferred_from_id == meeting_by_name(s, ref).items[1].id
        assert new.meeting.ref == later


def test_audit_chain_is_intact_after_a_day_and_names_an_edited_event(store, people):
    ref = full_meeting(store, people)
    with store.transaction() as s:
        approve(s, people["chair"], meeting_by_name(s, ref))
    with store.session() as s:
        report = audit.verify(s)
    assert report.intact and report.events > 15
    # Someone edits one event, then deletes another, directly in the database.
    with store.engine.begin() as conn:
        victim = conn.execute(text("SELECT id FROM audit_event WHERE action = 'recommend' ORDER BY id")).first()[0]
        conn.execute(text("UPDATE audit_event SET summary = 'nothing to see' WHERE id = :id"), {"id": victim})
    with store.session() as s:
        report = audit.verify(s)
    assert not report.intact
    assert report.problems[0].startswith(f"event {victim} (recommend agenda_item")
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": victim + 1})
    with store.session() as s:
        assert any(p.startswith(f"event {victim + 2}: the event before it was changed or deleted")
                   for p in audit.verify(s).problems)


def test_drafts_are_kept_until_the_recommendation_is_recorded(store, people):
    from panelapp.services import drafts
    ref = held_with_attendance(store, people)
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[1]
        key = drafts.draft_key(item.uid, "reasons")
        drafts.save_draft(s, people["chair"], key, "The panel noted the carers' commit")
        drafts.save_draft(s, people["chair"], key, "The panel noted the carers' commitment")
    with store.session() as s:
        item = meeting_by_name(s, ref).items[1]
        assert drafts.load_drafts(s, drafts.draft_key(item.uid, "")) == {key: "The panel noted the carers' commitment"}
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            drafts.save_draft(s, people["adm"], key, "not theirs to type")
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[1]
        recording.record_recommendation(s, people["chair"], item, outcome="recommended", wording="match",
                                        reasons="The panel noted the carers' commitment")
    with store.session() as s:
        assert drafts.load_drafts(s, "item:") == {}


def test_pattern_dates_come_in_date_order_without_repeats():
    from panelapp.services.meetings import Pattern
    dates = list(Pattern.parse("1st and last Friday").dates(D(2025, 1, 1), D(2025, 3, 31)))
    assert dates == [D(2025, 1, 3), D(2025, 1, 31), D(2025, 2, 7), D(2025, 2, 28), D(2025, 3, 7), D(2025, 3, 28)]
    assert list(Pattern.parse("4th and last Thursday").dates(D(2025, 12, 1), D(2025, 12, 31))) == [D(2025, 12, 25)]


def test_agency_settings_are_validated_and_audited(store, people):
    from panelapp.services import agency
    with pytest.raises(PanelAppError) as caught:
        with store.transaction() as s:
            agency.update_agency(s, people["admin"], quorum_members=0, region="wales", name=" ")
    message = str(caught.value)
    assert "members needed for quorum must be a number from 1 to 30 (not 0)" in message
    assert "must be one of: england_and_wales, scotland, northern_ireland (not 'wales')" in message
    assert "the agency's name must be text" in message
    with store.transaction() as s:
        out = agency.update_agency(s, people["admin"], panel_name="Westshire Adoption Panel", adm_working_days=5)
    assert out["adm_working_days"] == {"value": 5, "set": True, "means": agency.SETTINGS["adm_working_days"][1]}
    assert out["papers_working_days"]["value"] == 5 and not out["papers_working_days"]["set"]
    with store.session() as s:
        from panelapp.models import AuditEvent
        last = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last.action == "update" and "adm_working_days" in last.after
