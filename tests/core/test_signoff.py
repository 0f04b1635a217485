"""Every sign-off asks the signer's password again and a date no later than today; a meeting
opened by mistake goes back to planned while nothing is recorded; the qualifying
determination follows AAR 2005 reg 30B."""

import datetime as dt

import pytest

from panelapp.cli import main
from panelapp.errors import PanelAppError
from panelapp.services import adm, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.signoff import SignOffRefused
from tests.builders import SMALL_AGENCY, approve, full_meeting, password_of, planned_meeting  # noqa: F401

D = dt.date
TODAY = dt.date.today()


def test_approving_minutes_asks_the_chairs_password_again(store, people):
    ref = full_meeting(store, people)
    for wrong in (None, "not-the-password"):
        with pytest.raises(SignOffRefused, match="nothing was signed"):
            with store.transaction() as s:
                minutes.approve_minutes(s, people["chair"], meeting_by_name(s, ref), on=D(2025, 6, 20),
                                        password=wrong)
    with store.session() as s:
        assert meeting_by_name(s, ref).minutes_final is None


def test_approval_is_dated_today_unless_told_and_never_later(store, people):
    ref = full_meeting(store, people)
    with pytest.raises(PanelAppError, match="later than today"):
        with store.transaction() as s:
            approve(s, people["chair"], meeting_by_name(s, ref), on=TODAY + dt.timedelta(days=1))
    with store.transaction() as s:
        out = minutes.approve_minutes(s, people["chair"], meeting_by_name(s, ref), password="chair-password")
    assert out["minutes_final"] == TODAY


def _final(store, people):
    ref = full_meeting(store, people)
    with store.transaction() as s:
        approve(s, people["chair"], meeting_by_name(s, ref))
    return ref


def test_a_decision_in_the_future_or_without_reasons_or_password_is_refused(store, people):
    ref = _final(store, people)
    cases = [({"decided_on": TODAY + dt.timedelta(days=1), "reasons": "a good match",
               "password": "adm-password"}, "later than today"),
             ({"decided_on": D(2025, 6, 25), "password": "adm-password"}, "give the reasons for the decision"),
             ({"decided_on": D(2025, 6, 25), "reasons": "a good match"}, "Enter your password again")]
    for kwargs, message in cases:
        with pytest.raises(PanelAppError, match=message):
            with store.transaction() as s:
                adm.record_decision(s, people["adm"], meeting_by_name(s, ref).items[1], decision="positive",
                                    **kwargs)
    with store.transaction() as s:
        out = adm.record_decision(s, people["adm"], meeting_by_name(s, ref).items[1], decision="positive",
                                  reasons="a good match", password="adm-password")
    assert out["decided_on"] == TODAY.isoformat()
    assert out["documents_considered"][0].startswith("The panel's recommendation and the final minutes of the "
                                                     "meeting of 12 June 2025 (approved 20 June 2025)")


def test_opening_a_meeting_asks_the_password_and_waits_for_its_day(store, people):
    ref = planned_meeting(store, people)
    with pytest.raises(SignOffRefused):
        with store.transaction() as s:
            meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref))
    with pytest.raises(PanelAppError, match="before its day"):
        with store.transaction() as s:
            meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref), password="chair-password",
                                   today=D(2025, 6, 11))
    with store.transaction() as s:
        assert meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref),
                                      password="chair-password")["status"] == "held"


def test_a_meeting_opened_by_mistake_returns_to_planned_while_nothing_is_recorded(store, people):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, ref), password="chair-password")
    with pytest.raises(PanelAppError, match="Say why"):
        with store.transaction() as s:
            meetings.return_to_planned(s, people["adviser"], meeting_by_name(s, ref), reason=" ")
    with store.transaction() as s:
        out = meetings.return_to_planned(s, people["adviser"], meeting_by_name(s, ref), reason="opened by mistake")
    assert out["status"] == "planned"
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        meetings.start_meeting(s, people["chair"], m, password="chair-password")
        recording.record_attendance(s, people["chair"], m, [{"member": "CH", "status": "present",
                                                             "acting_as": "chair"}])
    with pytest.raises(PanelAppError, match="attendance is recorded at it"):
        with store.transaction() as s:
            meetings.return_to_planned(s, people["adviser"], meeting_by_name(s, ref), reason="opened by mistake")


# -- the qualifying determination -----------------------------------------------------------

def _qd(store, people, notified=D(2025, 7, 3)):
    """Item 1 (an approval, not recommended) gets a qualifying determination, notified on a Thursday."""
    ref = _final(store, people)
    with store.transaction() as s:
        item = meeting_by_name(s, ref).items[0]
        adm.record_decision(s, people["adm"], item, decision="qualifying_determination", decided_on=D(2025, 7, 2),
                            reasons="The support network is not enough for a child's needs.",
                            password="adm-password")
        out = adm.record_notification(s, people["adviser"], item, on=notified)
    return ref, out


def test_the_forty_working_days_begin_with_the_notification_date(store, people):
    # Thursday 3 July 2025 is day 1; day 40 is Thursday 28 August
    # (the August bank holiday, Monday 25th, is skipped).
    _ref, out = _qd(store, people)
    assert out["representations_end"] == "2025-08-28"


def final(store, people, ref, **kwargs):
    with store.transaction() as s:
        return adm.record_final_decision(s, people["adm"], meeting_by_name(s, ref).items[0],
                                         password="adm-password", **kwargs)


def test_the_final_decision_waits_for_the_period_or_the_applicants_word(store, people):
    ref, _ = _qd(store, people)
    with pytest.raises(PanelAppError, match="run until 28 August 2025; before then, record the date of the "
                                            "applicants' written notice that they will make none"):
        final(store, people, ref, decision="negative", review="none", decided_on=D(2025, 7, 3),
              reasons="No new information.")
    with pytest.raises(PanelAppError, match="give the reasons for the final decision"):
        final(store, people, ref, decision="negative", review="none", decided_on=D(2025, 8, 29))
    out = final(store, people, ref, decision="negative", review="none", decided_on=D(2025, 7, 10),
                responded_on=D(2025, 7, 9), reasons="The applicants wrote that they accept the proposal.")
    assert out["no_representations_on"] == "2025-07-09"
    assert out["final_reasons"] == "The applicants wrote that they accept the proposal."
    assert out["reasons"] == "The support network is not enough for a child's needs."


def test_representations_need_their_date_and_the_irm_its_recommendation(store, people):
    ref, _ = _qd(store, people)
    with pytest.raises(PanelAppError, match="date the applicants' representations were received"):
        final(store, people, ref, decision="positive", review="representations", decided_on=D(2025, 8, 1),
              reasons="New evidence of support.")
    with pytest.raises(PanelAppError, match="IRM panel's recommendation and its date"):
        final(store, people, ref, decision="positive", review="independent_review", decided_on=D(2025, 10, 1),
              reasons="The IRM panel found the support enough.")
    out = final(store, people, ref, decision="positive", review="independent_review", decided_on=D(2025, 10, 1),
                reasons="The IRM panel found the support enough.", irm_on=D(2025, 9, 24),
                irm_recommendation="The applicants are suitable to adopt one child aged 0 to 4.")
    assert out["final_decision"] == "positive" and out["irm_on"] == "2025-09-24"


def test_the_final_decision_needs_the_notification_first(store, people):
    ref = _final(store, people)
    with store.transaction() as s:
        adm.record_decision(s, people["adm"], meeting_by_name(s, ref).items[0],
                            decision="qualifying_determination", decided_on=D(2025, 7, 2),
                            reasons="Not enough support.", password="adm-password")
    with pytest.raises(PanelAppError, match="Record when the applicants were told"):
        final(store, people, ref, decision="negative", review="none", decided_on=D(2025, 10, 1), reasons="r")


def test_decision_command_shows_the_end_counting_the_thursday_as_day_one(store, db_url, people, capsys,
                                                                         monkeypatch):
    ref, _ = _qd(store, people)
    with store.session() as s:
        item_ref = meeting_by_name(s, ref).items[0].ref
    monkeypatch.setenv("PANELAPP_PASSWORD", "adm-password")  # a store with accounts: the reader signs in
    assert main(["decision", item_ref, "--db", db_url, "--as", "adm"]) == 0
    shown = capsys.readouterr().out
    assert "notified Thursday 3 July 2025 (day 1)" in shown
    assert "representations or IRM until Thursday 28 August 2025 (day 40)" in shown
