"""The agencies, accounts and meetings the tests share: built through the services and the
exchange format, as an agency would make them. Tests import these, never each other."""

import datetime as dt

from panelapp.exchange import import_document
from panelapp.queries.records import HouseholdRow
from panelapp.services import accounts, agenda, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.permissions import Actor

D = dt.date
ADVISER = Actor("pat", "Pat Adviser", "adviser")

SMALL_AGENCY = {
    "format": "panelapp-exchange", "version": 1,
    "agency": {"name": "Westshire Adoption Agency", "kind": "local_authority", "panel_name": "Westshire Panel"},
    "members": [
        {"ref": "CH", "name": "Chloë Chair", "roles": ["chair", "independent"], "appointed": "2020-01-01"},
        {"ref": "VC", "name": "Victor Vice", "roles": ["vice_chair", "independent"], "appointed": "2020-01-01"},
        {"ref": "SW", "name": "Sam Social", "roles": ["social_worker"], "social_worker_pqe_years": 6,
         "appointed": "2020-01-01"},
        {"ref": "NQ", "name": "Nell Newly", "roles": ["social_worker"], "social_worker_pqe_years": 1,
         "appointed": "2020-01-01"},
        {"ref": "IN", "name": "Ian Independent", "roles": ["independent", "adopter_member"], "appointed": "2020-01-01"},
        {"ref": "MA", "name": "Mo Medical", "roles": ["medical_adviser"], "appointed": "2020-01-01"},
        {"ref": "LA", "name": "Lee Legal", "roles": ["legal_adviser"], "appointed": "2020-01-01"},
        {"ref": "MT", "name": "Min Taker", "roles": ["minute_taker"], "appointed": "2020-01-01"},
    ],
    "households": [
        {"ref": "H1", "applicants": [{"name": "Siân Jones"}, {"name": "Łukasz Nowak"}],
         "milestones": {"enquiry": "2025-01-10", "stage1_start": "2025-02-01", "stage1_end": "2025-04-01",
                        "stage2_start": "2025-04-15"}},
        {"ref": "H2", "applicants": [{"name": "Zoë Adams"}],
         "milestones": {"enquiry": "2024-01-10", "approved": "2024-09-01"},
         "approval": {"children_max": 2, "age_min_years": 0, "age_max_years": 5, "early_permanence": False}},
    ],
    "children": [
        {"ref": "C1", "name": "Amy Child", "dob": "2023-03-01", "gender": "female",
         "milestones": {"entered_care": "2024-01-05", "should_be_placed_decision": "2024-05-01",
                        "placement_order": "2024-08-01"}},
    ],
}

PRESENT = ["CH", "VC", "SW", "NQ", "IN", "MA", "MT"]

# The meeting room's agency: the small one with a second qualified social worker and two
# more households, so a meeting of four items can be heard.
ROOM_AGENCY = SMALL_AGENCY | {
    "members": [*SMALL_AGENCY["members"][:3],
                {"ref": "RR", "name": "Rhys Roberts", "roles": ["social_worker"], "social_worker_pqe_years": 5,
                 "appointed": "2020-01-01"},
                *SMALL_AGENCY["members"][3:]],
    "households": [
        *SMALL_AGENCY["households"],
        {"ref": "H3", "applicants": [{"name": "Priya Shah"}],
         "milestones": {"enquiry": "2025-01-05", "stage1_start": "2025-01-20", "stage1_end": "2025-03-20",
                        "stage2_start": "2025-03-25"}},
        {"ref": "H4", "applicants": [{"name": "Tom Baker"}, {"name": "Ruth Baker"}],
         "milestones": {"enquiry": "2023-01-10", "approved": "2024-05-01"},
         "approval": {"children_max": 1, "age_min_years": 0, "age_max_years": 3, "early_permanence": False}},
    ],
}
PASSWORDS = {"chair": "chair-password", "adm": "adm-password", "adviser": "adviser-password"}
MEETING_DAY = D(2025, 6, 12)


def sign_in_everyone(store) -> dict:
    """The small agency, an account for every role; returns the actor of each role."""
    with store.transaction() as s:
        import_document(s, SMALL_AGENCY, actor="test")
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="correct horse")
        admin = accounts.sign_in(s, "admin", "correct horse")
        for role, name in (("adviser", "Pat Adviser"), ("chair", "Chloë Chair"), ("member", "Mem Ber"),
                           ("adm", "Dee Decider"), ("viewer", "Vi Ewer")):
            accounts.create_account(s, admin, username=role, display_name=name, role=role,
                                    password=f"{role}-password")
    with store.transaction() as s:
        return {role: accounts.sign_in(s, role, f"{role}-password")
                for role in ("adviser", "chair", "member", "adm", "viewer")} | {"admin": admin}


def planned_meeting(store, people, day=D(2025, 6, 12), items=2):
    adviser = people["adviser"]
    with store.transaction() as s:
        m = meetings.create_meeting(s, adviser, date=day, start=dt.time(10), venue="Room 1", capacity=4)
        meeting = meeting_by_name(s, m["ref"])
        agenda.add_item(s, adviser, meeting, item_type="adopter_approval", households=["H1"],
                        presenters=["Jo Worker"])
        if items > 1:
            agenda.add_item(s, adviser, meeting, item_type="match", households=["H2"], children=["C1"])
    return m["ref"]


def held_with_attendance(store, people, present=PRESENT):
    ref = planned_meeting(store, people)
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        meetings.mark_papers_sent(s, people["adviser"], meeting, on=D(2025, 6, 4))
        meetings.start_meeting(s, people["chair"], meeting, password="chair-password")
        recording.record_attendance(s, people["chair"], meeting, [
            {"member": r, "status": "present", "acting_as": "chair" if r == "CH" else None} for r in present]
            + [{"member": "LA", "status": "apologies"}])
    return ref


def full_meeting(store, people):
    """A held meeting with both items recorded, one split with a named dissent."""
    ref = held_with_attendance(store, people)
    with store.transaction() as s:
        m = meeting_by_name(s, ref)
        recording.record_recommendation(s, people["chair"], m.items[0], outcome="not_recommended",
                                        wording="not suitable to adopt", reasons="concerns about support network",
                                        votes={"for": 2, "against": 4, "abstain": 0},
                                        dissent=[{"member": "IN", "view": "felt support was adequate"}],
                                        discussion="Members discussed the support network.")
        recording.record_recommendation(s, people["chair"], m.items[1], outcome="recommended",
                                        wording="Amy should be placed with Zoë Adams", reasons="a good match",
                                        discussion="Members asked about contact with Amy's birth family.")
        meetings.record_finish(s, people["chair"], m, dt.time(12, 30))
    return ref


def password_of(actor) -> str:
    """The password each account of ``sign_in_everyone`` was made with."""
    return "correct horse" if actor.username == "admin" else f"{actor.username}-password"


def approve(s, actor, meeting, on=D(2025, 6, 20)):
    """The chair approves the minutes, giving the password again as every sign-off asks."""
    return minutes.approve_minutes(s, actor, meeting, on=on, password=password_of(actor))


def build_agency(store) -> dict:
    """The agency, an account per role, and a planned meeting of four items; returns the actors."""
    with store.transaction() as s:
        import_document(s, ROOM_AGENCY, actor="test")
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
        admin = accounts.sign_in(s, "admin", "admin-password")
        for role, name in (("adviser", "Pat Adviser"), ("chair", "Chloë Chair"), ("adm", "Dee Decider")):
            accounts.create_account(s, admin, username=role, display_name=name, role=role, password=PASSWORDS[role])
    with store.transaction() as s:
        people = {role: accounts.sign_in(s, role, PASSWORDS[role]) for role in PASSWORDS}
    with store.transaction() as s:
        made = meetings.create_meeting(s, people["adviser"], date=MEETING_DAY, start=dt.time(10),
                                       venue="Room 1", ref="P20250612")
        meeting = meeting_by_name(s, made["ref"])
        agenda.add_item(s, people["adviser"], meeting, item_type="adopter_approval", households=["H1"],
                        presenters=["Jo Worker"])
        agenda.add_item(s, people["adviser"], meeting, item_type="match", households=["H2"], children=["C1"])
        agenda.add_item(s, people["adviser"], meeting, item_type="adopter_approval", households=["H3"])
        agenda.add_item(s, people["adviser"], meeting, item_type="adopter_review", households=["H4"])
    return people


def fake_households(n):
    stages = ("Enquiry", "Stage 1", "Stage 2", "Approved", "Withdrawn")
    return [HouseholdRow(i, f"uid{i}", f"H{i:06d}", f"Applicant {i} and Partner {i}", "married", "standard",
                         stages[i % 5], dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
                         None if i % 3 else dt.date(2023, 1, 1), None)
            for i in range(n)]
