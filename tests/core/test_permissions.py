"""The permission table, walked whole: every action for every role, through the services."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from panelapp.enums import USER_ROLES
from panelapp.errors import PanelAppError
from panelapp import audit
from panelapp.exchange import export_document, import_document
from panelapp.services import accounts, adm, agency, agenda, meetings, minutes, recording, report_texts
from panelapp.services.lookup import meeting_by_name
from panelapp.services.permissions import (PERMISSIONS, Actor, PermissionDenied, allowed,
                                           permission_table_markdown, require)

from tests.builders import approve, full_meeting, password_of, sign_in_everyone  # noqa: F401

D = dt.date


@pytest.fixture
def people(store):
    return sign_in_everyone(store)


def _held(store, people):
    return full_meeting(store, people)


# action -> a call of the service that needs it; each gets a fresh store.
def call_for(action, store, people):
    if action == "accounts.manage":
        return lambda s, who: accounts.create_account(s, who, username="new1", display_name="New", role="viewer",
                                                      password="long-enough")
    if action == "meeting.plan":
        return lambda s, who: meetings.create_meeting(s, who, date=D(2025, 9, 11))
    if action == "agenda.edit":
        ref = meetings_ref(store, people)
        return lambda s, who: agenda.add_item(s, who, meeting_by_name(s, ref), item_type="adopter_review",
                                              households=["H2"])
    if action == "meeting.record":
        ref = meetings_ref(store, people)
        return lambda s, who: meetings.start_meeting(s, who, meeting_by_name(s, ref), password=password_of(who))
    if action == "minutes.draft":
        ref = _held(store, people)
        return lambda s, who: minutes.draft_minutes(s, who, meeting_by_name(s, ref))
    if action == "minutes.approve":
        ref = _held(store, people)
        return lambda s, who: approve(s, who, meeting_by_name(s, ref))
    if action in ("adm.decide", "adm.notify"):
        ref = _held(store, people)
        with store.transaction() as s:
            approve(s, people["chair"], meeting_by_name(s, ref))
        if action == "adm.decide":
            return lambda s, who: adm.record_decision(s, who, meeting_by_name(s, ref).items[1],
                                                      decision="positive", decided_on=D(2025, 6, 24),
                                                      reasons="a good match", password=password_of(who))
        with store.transaction() as s:
            adm.record_decision(s, people["adm"], meeting_by_name(s, ref).items[1], decision="positive",
                                decided_on=D(2025, 6, 24), reasons="a good match", password="adm-password")
        return lambda s, who: adm.record_notification(s, who, meeting_by_name(s, ref).items[1], on=D(2025, 6, 26))
    if action == "read":
        return lambda s, who: accounts.list_accounts(s, who)
    if action == "stats.read":
        return lambda s, who: report_texts.get_report_texts(s, (D(2024, 4, 1), D(2025, 3, 31)), actor=who)
    if action == "report.write":
        return lambda s, who: report_texts.save_report_text(s, who, D(2024, 4, 1), D(2025, 3, 31),
                                                            "chair_commentary", "A steady year.")
    if action == "agency.edit":
        return lambda s, who: agency.update_agency(s, who, panel_name="Westshire Adoption Panel")
    if action == "exchange.import":
        doc = {"format": "panelapp-exchange", "version": 1,
               "members": [{"ref": "NEW", "name": "New Member", "roles": ["independent"], "appointed": "2025-01-01"}]}
        return lambda s, who: import_document(s, doc, by=who)
    if action == "exchange.export":
        return lambda s, who: export_document(s, by=who)
    if action == "audit.read":
        return lambda s, who: audit.verify(s, by=who)
    if action == "records.edit":
        from panelapp.services import records
        return lambda s, who: records.update_household(s, who, "H1", route="fast_track")
    raise AssertionError(f"no service call walks {action!r}: add one")


def meetings_ref(store, people):
    with store.transaction() as s:
        return meetings.create_meeting(s, people["adviser"], date=D(2025, 9, 25))["ref"]


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
@pytest.mark.parametrize("role", USER_ROLES)
def test_services_follow_the_table(store, people, action, role):
    call = call_for(action, store, people)
    who = people[role]
    if allowed(who, action):
        with store.transaction() as s:
            call(s, who)
    else:
        with pytest.raises(PermissionDenied):
            with store.transaction() as s:
                call(s, who)


def test_require_follows_the_table_for_every_cell():
    for action in PERMISSIONS:
        for role in USER_ROLES:
            who = Actor("x", "X", role)
            if allowed(who, action):
                require(who, action)
            else:
                with pytest.raises(PermissionDenied):
                    require(who, action)


@settings(max_examples=200, deadline=None)
@given(role=st.sampled_from(USER_ROLES), action=st.sampled_from(sorted(PERMISSIONS)))
def test_refusals_say_who_may(role, action):
    who = Actor("x", "Alex", role)
    try:
        require(who, action)
        assert role in PERMISSIONS[action][1]
    except PermissionDenied as refused:
        assert role not in PERMISSIONS[action][1]
        assert str(refused).startswith("Alex is signed in as") and "only:" in str(refused)


def test_the_table_is_what_the_rules_say():
    assert not allowed(Actor("c", "C", "chair"), "adm.decide")
    assert not allowed(Actor("a", "A", "adm"), "minutes.draft")
    assert not allowed(Actor("a", "A", "adm"), "minutes.approve")
    member = Actor("m", "M", "member")
    assert [a for a in PERMISSIONS if allowed(member, a)] == ["read", "stats.read"]


def test_docs_show_the_table():
    doc = (Path(__file__).parents[2] / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert permission_table_markdown() in doc, "docs/permissions.md is out of date: regenerate it"
