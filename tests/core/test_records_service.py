"""Editing households, children and the central list through the services: every rule of the
exchange format, permissions, the audit trail, versions and the round trip through export."""

import datetime as dt
import json

import pytest
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.enums import USER_ROLES
from panelapp.errors import ConcurrentChange, FieldErrors, PanelAppError
from panelapp.exchange import export_document, import_document, validate
from panelapp.models import Applicant, AuditEvent, Child, Household, PanelMember
from panelapp.services import records
from panelapp.services.permissions import Actor, PermissionDenied

D = dt.date
ADVISER = Actor("pat", "Pat Adviser", "adviser")

AGENCY = {
    "format": "panelapp-exchange", "version": 1,
    "agency": {"name": "Eastshire Adoption Agency", "kind": "local_authority"},
    "members": [
        {"ref": "M1", "name": "Cara Chair", "roles": ["chair", "independent"], "appointed": "2022-04-01"},
        {"ref": "M2", "name": "Sol Worker", "roles": ["social_worker"], "social_worker_pqe_years": 4,
         "appointed": "2022-04-01", "term_ends": "2025-03-31"},
    ],
    "households": [
        {"ref": "H1", "applicants": [{"name": "Siân Jones", "dob": "1985-02-03"}, {"name": "Łukasz Nowak"}],
         "relationship": "married", "route": "standard",
         "milestones": {"enquiry": "2024-01-10", "initial_visit": "2024-02-01", "stage1_start": "2024-03-01",
                        "stage1_end": "2024-05-01", "stage2_start": "2024-05-20", "approved": "2024-09-12"},
         "approval": {"children_max": 2, "age_min_years": 0, "age_max_years": 5, "early_permanence": False}},
        {"ref": "H2", "applicants": [{"name": "Zoë Adams"}], "milestones": {"enquiry": "2024-06-01"}},
    ],
    "children": [
        {"ref": "C1", "name": "Amy Child", "dob": "2022-03-01", "gender": "female",
         "milestones": {"entered_care": "2023-01-05", "should_be_placed_decision": "2023-05-01",
                        "placement_order": "2023-08-01"}},
    ],
}


@pytest.fixture
def eastshire(store):
    with store.transaction() as s:
        import_document(s, AGENCY, actor="test")
    return store


def refused(store, call) -> dict[str, str]:
    """The field errors ``call(session)`` raises; the transaction is rolled back."""
    with pytest.raises(FieldErrors) as caught:
        with store.transaction() as s:
            call(s)
    return caught.value.errors


def household(store, ref="H1") -> dict:
    with store.session() as s:
        return records.read_household(s, ADVISER, ref)


# -- households ----------------------------------------------------------------------

def test_a_milestone_out_of_order_is_refused_beside_that_field_and_nothing_is_stored(eastshire):
    before = household(eastshire)
    with eastshire.session() as s:
        events = len(s.exec(select(AuditEvent)).all())
    errors = refused(eastshire, lambda s: records.update_household(
        s, ADVISER, "H1", milestones={"stage2_start": D(2024, 4, 1)}))
    assert errors == {"milestones.stage2_start": "2024-04-01 is before stage1_end 2024-05-01"}
    assert household(eastshire) == before
    with eastshire.session() as s:
        assert len(s.exec(select(AuditEvent)).all()) == events


def test_every_household_rule_is_checked_at_once(eastshire):
    errors = refused(eastshire, lambda s: records.update_household(
        s, ADVISER, "H1", relationship="engaged", route="express",
        applicants=[{"name": "A"}, {"name": "B"}, {"name": " "}],
        milestones={"initial_visit": "2024-13-01"},
        approval={"children_max": 0, "age_min_years": 9, "age_max_years": 4, "early_permanence": False},
        withdrawal={"date": D(2023, 12, 1), "by": "court", "stage": "stage3"}))
    assert errors == {
        "relationship": "'engaged' is not one of: single, married, civil_partnership, cohabiting",
        "route": "'express' is not one of: standard, fast_track, intercountry, step_parent, foster_carer",
        "applicants": "has 3 applicants; a household has one or two",
        "applicants[2].name": "must not be empty",
        "milestones.initial_visit": "'2024-13-01' is not a date (YYYY-MM-DD)",
        "approval.children_max": "0 is below the least allowed, 1",
        "approval.age_max_years": "4 is below age_min_years 9",
        "withdrawal.by": "'court' is not one of: applicant, agency",
        "withdrawal.stage": "'stage3' is not one of: before_stage1, stage1, stage2, approved",
        "withdrawal.reason": "is required",
        "withdrawal.date": "2023-12-01 is before enquiry 2024-01-10",
    }


def test_field_errors_list_every_message(eastshire):
    with pytest.raises(FieldErrors) as caught:
        with eastshire.transaction() as s:
            records.update_household(s, ADVISER, "H2", applicants=[], milestones={"withdrawn": "2024-01-01"})
    text = str(caught.value)
    assert text.startswith("The household H2 was not saved (2 problems):")
    assert "applicants: has 0 applicants; a household has one or two" in text
    assert "milestones.withdrawn: 2024-01-01 is before enquiry 2024-06-01" in text


def test_an_edit_writes_one_audited_change_and_the_version_rises(eastshire):
    before = household(eastshire)
    with eastshire.transaction() as s:
        result = records.update_household(
            s, ADVISER, "H1", expected_version=before["version"],
            milestones={"approved": D(2024, 9, 19)},
            withdrawal={"date": "2025-02-01", "by": "applicant", "stage": "approved", "reason": "moved abroad"})
    assert result["changed"] == ["milestones.approved", "withdrawal"]
    assert result["version"] == before["version"] + 1
    assert result["record"]["milestones"]["approved"] == "2024-09-19"
    assert result["record"]["milestones"]["enquiry"] == "2024-01-10", "milestones not given stay"
    with eastshire.session() as s:
        h = s.exec(select(Household).where(Household.ref == "H1")).one()
        assert (h.approved, h.withdrawal_reason, h.version) == (D(2024, 9, 19), "moved abroad", result["version"])
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert (event.actor, event.action, event.entity, event.entity_uid) == ("pat", "update", "household", h.uid)
        assert event.summary == "household H1 changed: milestones.approved, withdrawal"
        assert json.loads(event.before) == before["record"]
        assert json.loads(event.after) == result["record"]
        assert audit.verify(s).intact


def test_changing_only_the_applicants_raises_the_households_version_too(eastshire):
    version = household(eastshire)["version"]
    with eastshire.transaction() as s:
        result = records.update_household(s, ADVISER, "H1", applicants=[{"name": "Siân Jones"}],
                                          relationship="single")
    assert result["version"] == version + 1
    with eastshire.session() as s:
        h = s.exec(select(Household).where(Household.ref == "H1")).one()
        assert [a.name for a in h.applicants] == ["Siân Jones"]
        # The second applicant's row went with the edit, and its details are in the audit event.
        assert len(s.exec(select(Applicant).where(Applicant.household_id == h.id)).all()) == 1
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert json.loads(event.before)["applicants"][1] == {"name": "Łukasz Nowak"}


def test_nothing_to_change_writes_nothing(eastshire):
    before = household(eastshire)
    with eastshire.transaction() as s:
        result = records.update_household(s, ADVISER, "H1", route="standard",
                                          milestones={"approved": "2024-09-12"})
    assert result["changed"] == [] and result["version"] == before["version"]
    with eastshire.session() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.actor == "pat")).first() is None


def test_a_change_made_since_the_form_was_opened_is_not_overwritten(eastshire):
    version = household(eastshire)["version"]
    with eastshire.transaction() as s:
        records.update_household(s, ADVISER, "H1", route="fast_track")
    with pytest.raises(ConcurrentChange, match="Someone else changed the household H1"):
        with eastshire.transaction() as s:
            records.update_household(s, ADVISER, "H1", expected_version=version, route="intercountry")
    assert household(eastshire)["record"]["route"] == "fast_track"


def test_a_ref_cannot_be_changed_and_unknown_fields_are_refused(eastshire):
    with pytest.raises(PanelAppError, match="ref of a household cannot be changed"):
        with eastshire.transaction() as s:
            records.update_household(s, ADVISER, "H1", ref="H9")
    with pytest.raises(PanelAppError, match="A child has no colour"):
        with eastshire.transaction() as s:
            records.update_child(s, ADVISER, "C1", colour="blue")
    with pytest.raises(PanelAppError, match="No household has ref 'H404'"):
        with eastshire.transaction() as s:
            records.update_household(s, ADVISER, "H404", route="standard")


def test_new_households_get_a_unique_ref_unless_given_one(eastshire):
    with eastshire.transaction() as s:
        first = records.create_household(s, ADVISER, applicants=[{"name": "Ann One"}],
                                         milestones={"enquiry": D(2025, 1, 6)})
        second = records.create_household(s, ADVISER, applicants=[{"name": "Bo Two"}, {"name": "Cy Two"}],
                                          relationship="cohabiting")
        named = records.create_household(s, ADVISER, ref="H3", applicants=[{"name": "Di Three"}])
    assert first["ref"] != second["ref"] and first["ref"].startswith("H")
    assert named["ref"] == "H3" and named["version"] == 1
    errors = refused(eastshire, lambda s: records.create_household(s, ADVISER, ref="H3", applicants=[]))
    assert errors == {"ref": "'H3' is used already by another household",
                      "applicants": "has 0 applicants; a household has one or two"}
    with eastshire.session() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "create")
                       .order_by(AuditEvent.id.desc())).first()
        assert event.before is None and json.loads(event.after)["applicants"] == [{"name": "Di Three"}]
        assert event.summary == "household H3 added"


# -- children --------------------------------------------------------------------------

def test_child_milestones_keep_their_order_with_the_formats_exceptions(eastshire):
    def update(**milestones):
        return lambda s: records.update_child(s, ADVISER, "C1", milestones=milestones)

    assert refused(eastshire, update(placement_order="2023-04-01")) == {
        "milestones.placement_order": "2023-04-01 is before should_be_placed_decision 2023-05-01"}
    assert refused(eastshire, update(placed="2023-10-01", moved_in_with_foster_carer="2023-11-01")) == {
        "milestones.moved_in_with_foster_carer": "2023-11-01 is after placed 2023-10-01"}
    assert refused(eastshire, update(placed="2023-10-01", disruption="2023-09-01")) == {
        "milestones.disruption": "2023-09-01 is before placed 2023-10-01"}
    assert refused(eastshire, update(plan_changed="2022-12-01")) == {
        "milestones.plan_changed": "2022-12-01 is before entered_care 2023-01-05"}
    assert refused(eastshire, update(match_decision="2023-09-01", placed="2023-08-20")) == {
        "milestones.placed": "2023-08-20 is before match_decision 2023-09-01"}
    # Early permanence: a match before the placement order, and a plan change at any point after care.
    with eastshire.transaction() as s:
        result = records.update_child(s, ADVISER, "C1", milestones={
            "match_decision": D(2023, 6, 1), "moved_in_with_foster_carer": D(2023, 2, 1),
            "placed": D(2023, 8, 10), "plan_changed": D(2023, 3, 1)})
    assert result["changed"] == ["milestones.match_decision", "milestones.moved_in_with_foster_carer",
                                 "milestones.placed", "milestones.plan_changed"]


def test_child_enumerations_and_matches_are_checked(eastshire):
    errors = refused(eastshire, lambda s: records.update_child(
        s, ADVISER, "C1", name="", gender="boy", dob="01/03/2022", matched_household="H404",
        ethnic_minority="yes"))
    assert errors == {
        "name": "must not be empty",
        "gender": "'boy' is not one of: male, female, other",
        "dob": "'01/03/2022' is not a date (YYYY-MM-DD)",
        "ethnic_minority": "'yes' should be true or false",
        "matched_household": "no household has ref 'H404'",
    }


def test_create_a_child_matched_with_a_household(eastshire):
    with eastshire.transaction() as s:
        made = records.create_child(s, ADVISER, name="Ben Child", gender="male", sibling_group="S1",
                                    needs=["disability", " ", "global_delay"], early_permanence=True,
                                    matched_household="H1",
                                    milestones={"entered_care": D(2024, 2, 1), "match_decision": D(2024, 5, 1)})
    assert made["record"]["needs"] == ["disability", "global_delay"]
    with eastshire.session() as s:
        child = s.exec(select(Child).where(Child.ref == made["ref"])).one()
        assert child.matched_household.ref == "H1" and child.early_permanence is True
    with eastshire.transaction() as s:
        records.update_child(s, ADVISER, made["ref"], matched_household=None, needs=[])
        assert records.read_child(s, ADVISER, made["ref"])["record"].keys() == {
            "ref", "name", "gender", "sibling_group", "early_permanence", "milestones"}


# -- the central list ------------------------------------------------------------------

def test_member_rules(eastshire):
    errors = refused(eastshire, lambda s: records.update_member(
        s, ADVISER, "M2", roles=["social_worker", "social_worker", "treasurer"],
        social_worker_pqe_years=-2, term_ends=D(2022, 3, 31), left="2021-01-01"))
    assert errors == {
        "roles": "'treasurer' is not one of: chair, vice_chair, social_worker, independent, medical_adviser, "
                 "legal_adviser, agency_adviser, minute_taker, elected_member, adopter_member, adoptee_member, "
                 "other_member; 'social_worker' is listed more than once",
        "social_worker_pqe_years": "-2 is below the least allowed, 0",
        "term_ends": "2022-03-31 is before appointed 2022-04-01",
        "left": "2021-01-01 is before appointed 2022-04-01",
    }
    assert refused(eastshire, lambda s: records.update_member(
        s, ADVISER, "M2", roles=[], social_worker_pqe_years="lots")) == {
        "roles": "must name at least one role", "social_worker_pqe_years": "'lots' should be a number"}
    assert refused(eastshire, lambda s: records.create_member(s, ADVISER, name="No Date", roles=["independent"])) \
        == {"appointed": "is required"}


def test_a_members_term_is_extended(eastshire):
    with eastshire.transaction() as s:
        result = records.update_member(s, ADVISER, "M2", term_ends=D(2028, 3, 31), social_worker_pqe_years=4.5,
                                       roles=["social_worker", "vice_chair"])
    assert result["changed"] == ["roles", "social_worker_pqe_years", "term_ends"]
    with eastshire.session() as s:
        m = s.exec(select(PanelMember).where(PanelMember.ref == "M2")).one()
        assert (m.term_ends, m.social_worker_pqe_years, m.role_names) == (
            D(2028, 3, 31), 4.5, ["social_worker", "vice_chair"])
        assert m.version == 2


# -- who may ---------------------------------------------------------------------------

CALLS = {
    "update_household": lambda s, who: records.update_household(s, who, "H2", relationship="single"),
    "update_child": lambda s, who: records.update_child(s, who, "C1", gender="other"),
    "update_member": lambda s, who: records.update_member(s, who, "M1", left=D(2025, 1, 1)),
    "create_household": lambda s, who: records.create_household(s, who, applicants=[{"name": "New One"}]),
    "create_child": lambda s, who: records.create_child(s, who, name="New Child"),
    "create_member": lambda s, who: records.create_member(s, who, name="New Member", roles=["independent"],
                                                          appointed=D(2025, 1, 1)),
}


@pytest.mark.parametrize("role", USER_ROLES)
def test_only_advisers_and_administrators_edit_records(eastshire, role):
    who = Actor(role, f"Someone {role}", role)
    for name, call in CALLS.items():
        if role in ("adviser", "admin"):
            with eastshire.transaction() as s:
                assert call(s, who)["version"] >= 1, name
        else:
            with pytest.raises(PermissionDenied, match="may not edit households, children and the central list"):
                with eastshire.transaction() as s:
                    call(s, who)
    with eastshire.session() as s:
        changed = s.exec(select(AuditEvent).where(AuditEvent.actor == role)).all()
    assert len(changed) == (len(CALLS) if role in ("adviser", "admin") else 0)


# -- the round trip ----------------------------------------------------------------------

def test_edited_records_export_valid_and_import_back_the_same(eastshire, tmp_path):
    with eastshire.transaction() as s:
        records.update_household(s, ADVISER, "H2", applicants=[{"name": "Zoë Adams", "dob": D(1990, 7, 1)},
                                                                {"name": "Yan Adams", "gender": "male"}],
                                 relationship="married", milestones={"initial_visit": D(2024, 6, 20)},
                                 withdrawal={"date": D(2024, 8, 1), "by": "agency", "stage": "before_stage1",
                                             "reason": "health"})
        kid = records.create_child(s, ADVISER, name="Cal Child", dob=D(2023, 1, 2), ethnic_minority=True,
                                   needs=["complex_health"], matched_household="H1",
                                   milestones={"entered_care": D(2023, 6, 1), "match_decision": D(2024, 10, 1),
                                               "placed": D(2024, 10, 20)})
        records.create_member(s, ADVISER, ref="M3", name="Ed Elected", roles=["elected_member"],
                              appointed=D(2024, 5, 1), term_ends=D(2026, 4, 30))
        records.update_member(s, ADVISER, "M1", left=D(2025, 2, 28))
        doc = export_document(s)
    assert validate(doc) == []
    assert next(c for c in doc["children"] if c["ref"] == kid["ref"])["matched_household"] == "H1"
    other = open_store(str(tmp_path / "other.sqlite"))
    try:
        with other.transaction() as s:
            import_document(s, doc, actor="test")
        with other.session() as s:
            assert export_document(s) == doc
    finally:
        other.dispose()
