"""The quorum rule (domain.md, Quorum): on plain data, and for meetings and items in the store."""

import pytest
from sqlmodel import select

from panelapp.exchange import import_document
from panelapp.models import Agency, AgendaItem, Meeting
from panelapp.rules import Person, QuorumRule, check_quorum, item_quorum, meeting_quorum

CHAIR = Person("M1", {"chair", "independent"})
VICE = Person("M2", {"vice_chair"})
SW = Person("M3", {"social_worker"}, pqe_years=4)
NEW_SW = Person("M4", {"social_worker"}, pqe_years=2)
INDEPENDENT = Person("M5", {"independent"})
MEDICAL = Person("M6", {"medical_adviser"})
ELECTED = Person("M7", {"elected_member"})
LEGAL = Person("A1", {"legal_adviser"})
ADVISER = Person("A2", {"agency_adviser"})
MINUTES = Person("A3", {"minute_taker"})


def refs(people):
    return [p.ref for p in people]


def test_five_members_with_chair_and_experienced_social_worker_are_quorate():
    result = check_quorum([CHAIR, SW, INDEPENDENT, MEDICAL, ELECTED, LEGAL, ADVISER, MINUTES],
                          members_needed=5, pqe_years=3)
    assert result.quorate and result.reasons == []
    assert refs(result.members_counted) == ["M1", "M3", "M5", "M6", "M7"]
    assert result.chair is CHAIR and result.social_workers == [SW]
    assert result.explanation() == (
        "The meeting is quorate: 5 members count (5 needed), including the chair and a social "
        "worker with 3 years' post-qualifying experience.")


def test_advisers_and_minute_taker_alone_do_not_count():
    result = check_quorum([CHAIR, SW, INDEPENDENT, MEDICAL, LEGAL, ADVISER, MINUTES],
                          members_needed=5, pqe_years=3)
    assert not result.quorate
    assert result.reasons == ["only 4 members count (5 needed)"]
    assert result.explanation("Item 3") == "Item 3 is inquorate: only 4 members count (5 needed)."


def test_a_person_counts_by_any_member_role_they_hold():
    adviser_and_independent = Person("A4", {"agency_adviser", "independent"})
    result = check_quorum([CHAIR, SW, INDEPENDENT, MEDICAL, adviser_and_independent],
                          members_needed=5, pqe_years=3)
    assert result.quorate and "A4" in refs(result.members_counted)


def test_every_unmet_condition_is_a_reason():
    result = check_quorum([NEW_SW, INDEPENDENT, MEDICAL, ELECTED], members_needed=5, pqe_years=3)
    assert result.reasons == [
        "only 4 members count (5 needed)",
        "no chair or vice chair is present",
        "no social worker with 3 years' post-qualifying experience is present",
    ]
    assert result.explanation("Item 3") == (
        "Item 3 is inquorate: only 4 members count (5 needed), no chair or vice chair is present, "
        "and no social worker with 3 years' post-qualifying experience is present.")


def test_two_reasons_read_as_one_sentence():
    result = check_quorum([CHAIR, NEW_SW, INDEPENDENT, MEDICAL], members_needed=5, pqe_years=3)
    assert result.explanation("Item 3") == (
        "Item 3 is inquorate: only 4 members count (5 needed), and no social worker with "
        "3 years' post-qualifying experience is present.")


def test_social_worker_experience_threshold_is_the_agency_setting():
    people = [VICE, NEW_SW, INDEPENDENT, MEDICAL, ELECTED]
    assert not check_quorum(people, members_needed=5, pqe_years=3).quorate
    result = check_quorum(people, members_needed=5, pqe_years=2)
    assert result.quorate and result.social_workers == [NEW_SW]
    assert "including a vice chair" in result.explanation()
    unknown = Person("M8", {"social_worker"})  # experience not recorded: not known to qualify
    assert not check_quorum([VICE, unknown, INDEPENDENT, MEDICAL, ELECTED], pqe_years=2).quorate


def test_members_needed_is_the_agency_setting_and_words_fit_the_numbers():
    people = [CHAIR, SW, INDEPENDENT, MEDICAL, ELECTED]
    assert not check_quorum(people, members_needed=6, pqe_years=3).quorate
    assert check_quorum([], members_needed=5, pqe_years=1).reasons == [
        "no members count (5 needed)", "no chair or vice chair is present",
        "no social worker with 1 year's post-qualifying experience is present"]
    assert check_quorum([LEGAL, INDEPENDENT], members_needed=2, pqe_years=2.5).reasons == [
        "only 1 member counts (2 needed)", "no chair or vice chair is present",
        "no social worker with 2.5 years' post-qualifying experience is present"]


def test_defaults_are_the_agency_defaults():
    result = check_quorum([CHAIR, NEW_SW, SW, INDEPENDENT])
    assert result.members_needed == 5 and result.pqe_years == 3
    assert result.reasons == ["only 4 members count (5 needed)"]


def test_acting_as_says_who_chairs_but_never_changes_who_counts():
    # A vice chair who is also a social worker, sitting as the social worker with the chair
    # absent: domain.md counts a person by every role held, so the panel still has a vice chair.
    vice_and_sw = Person("M9", {"vice_chair", "social_worker"}, pqe_years=10, acting_as="social_worker")
    result = check_quorum([vice_and_sw, INDEPENDENT, MEDICAL, ELECTED, NEW_SW], members_needed=5, pqe_years=3)
    assert result.quorate and result.chair is vice_and_sw and result.social_workers == [vice_and_sw]
    # With the chair present, the vice chair acting as chair is the one in the chair.
    acting = Person("M2", {"vice_chair"}, acting_as="chair")
    chaired = check_quorum([CHAIR, acting, SW, INDEPENDENT, MEDICAL], members_needed=5, pqe_years=3)
    assert chaired.chair is acting and chaired.quorate
    # A member acting as an adviser still holds a member role, so still counts.
    independent_as_adviser = Person("M10", {"independent", "agency_adviser"}, acting_as="agency_adviser")
    assert check_quorum([CHAIR, SW, INDEPENDENT, MEDICAL, independent_as_adviser]).quorate


def test_rule_from_agency_settings():
    assert QuorumRule.for_agency(None) == QuorumRule(5, 3)
    assert QuorumRule.for_agency(Agency(name="A", quorum_members=4,
                                        quorum_social_worker_pqe_years=2)) == QuorumRule(4, 2)


# ---- in the store ------------------------------------------------------------

def panel_doc(quorum_members=None):
    agency = {"name": "Testshire"}
    if quorum_members:
        agency["quorum_members"] = quorum_members
    member = lambda ref, roles, **more: {"ref": ref, "name": f"Person {ref}", "roles": roles,
                                         "appointed": "2020-01-01", **more}
    return {
        "format": "panelapp-exchange", "version": 1, "agency": agency,
        "members": [
            member("M1", ["chair"]), member("M2", ["social_worker"], social_worker_pqe_years=5),
            member("M3", ["independent"]), member("M4", ["independent"]),
            member("M5", ["medical_adviser"]), member("M6", ["independent"]),
            member("A1", ["legal_adviser"]),
        ],
        "meetings": [{
            "ref": "P1", "date": "2024-05-09", "status": "held",
            "attendance": [{"member": m, "status": "present"} for m in ("M1", "M2", "M3", "M4", "M5", "A1")]
                          + [{"member": "M6", "status": "apologies"}],
            "declarations": [
                {"member": "M3", "item": "I1", "interest": "knows the applicants", "action": "left_for_item"},
                {"member": "M4", "item": "I2", "interest": "worked with the family", "action": "took_no_part"},
                {"member": "M5", "item": "I3", "interest": "met the applicants once", "action": "remained"},
            ],
            "items": [{"ref": f"I{n}", "type": "match", "outcome": "recommended"} for n in (1, 2, 3)],
        }],
    }


def load(store, doc):
    with store.transaction() as session:
        import_document(session, doc, actor="test")


def test_meeting_and_item_quorum_in_the_store(store):
    load(store, panel_doc())
    with store.session() as session:
        meeting = session.exec(select(Meeting)).one()
        whole = meeting_quorum(session, meeting)
        assert whole.quorate and refs(whole.members_counted) == ["M1", "M2", "M3", "M4", "M5"]
        items = {i.ref: i for i in session.exec(select(AgendaItem))}
        left = item_quorum(session, items["I1"])
        assert not left.quorate and "M3" not in refs(left.members_counted)
        assert left.explanation("Item 1") == "Item 1 is inquorate: only 4 members count (5 needed)."
        no_part = item_quorum(session, items["I2"])
        assert not no_part.quorate and "M4" not in refs(no_part.members_counted)
        assert item_quorum(session, items["I3"]).quorate  # remained in the room


def test_store_quorum_follows_the_agency_setting(store):
    load(store, panel_doc(quorum_members=4))
    with store.session() as session:
        item = session.exec(select(AgendaItem).where(AgendaItem.ref == "I1")).one()
        assert item_quorum(session, item).quorate
        strict = Agency(name="stricter", quorum_members=6)
        assert not meeting_quorum(session, item.meeting, strict).quorate


@pytest.mark.parametrize("status", ["apologies", "absent"])
def test_only_people_present_count(store, status):
    doc = panel_doc()
    doc["meetings"][0]["attendance"][0]["status"] = status  # the chair
    load(store, doc)
    with store.session() as session:
        result = meeting_quorum(session, session.exec(select(Meeting)).one())
    assert result.reasons == ["only 4 members count (5 needed)", "no chair or vice chair is present"]
