"""A small demo agency with accounts, and the chair's work on the laptop, for the takeaway tests."""

import datetime as dt
import shutil
from pathlib import Path

from sqlmodel import select

from panelapp.db import open_store
from panelapp.demo import create_demo_agency
from panelapp.models import Meeting, PanelMember
from panelapp.services import accounts, agenda, drafts, meetings, minutes, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.recording import APPROVAL_TYPES

TODAY = dt.date(2026, 2, 11)
PASSPHRASE = "correct horse battery"
PASSWORDS = {"admin": "admin-password", "adviser": "adviser-password", "chair": "chair-password"}


def make_template(folder: Path) -> tuple[Path, str]:
    """A demo agency (scale 1, one year) with an adviser and the chair's account, and the
    planned meeting with the most items, a paper attached to its first."""
    path = folder / "office.sqlite"
    store = open_store(str(path))
    with store.transaction() as s:
        create_demo_agency(s, scale=1, years=1, today=TODAY)
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password=PASSWORDS["admin"])
        admin = accounts.sign_in(s, "admin", PASSWORDS["admin"])
        planned = s.exec(select(Meeting).where(Meeting.status == "planned")).all()
        meeting = max(planned, key=lambda m: (len(m.items), m.meeting_date))
        chair = next(p for p in s.exec(select(PanelMember)) if "chair" in p.role_names
                     and p.on_list(meeting.meeting_date))
        accounts.create_account(s, admin, username="adviser", display_name="Pat Adviser", role="adviser",
                                password=PASSWORDS["adviser"])
        accounts.create_account(s, admin, username="chair", display_name=chair.name, role="chair",
                                password=PASSWORDS["chair"], member_id=chair.id)
        adviser = accounts.sign_in(s, "adviser", PASSWORDS["adviser"])
        paper = folder / "report.pdf"
        paper.write_bytes(b"%PDF-1.4 the assessing social worker's report\n")
        agenda.attach_paper(s, adviser, meeting.items[0], paper, title="Assessment report", kind="other",
                            documents_dir=folder / "documents", on=TODAY)
        ref = meeting.ref
    store.dispose()
    return path, ref


def copy_store(template: Path, folder: Path, name: str = "office.sqlite") -> Path:
    target = folder / name
    shutil.copy(template, target)
    return target


def sign_in(store, username: str):
    with store.transaction() as s:
        return accounts.sign_in(s, username, PASSWORDS[username])


def attendance_of(session, meeting: Meeting, chair_ref: str) -> list[dict]:
    people = [p for p in session.exec(select(PanelMember).order_by(PanelMember.ref))
              if p.on_list(meeting.meeting_date)]
    entries = [{"member": p.ref, "status": "present", "acting_as": "chair" if p.ref == chair_ref else None}
               for p in people]
    entries[-1 if entries[-1]["member"] != chair_ref else -2]["status"] = "apologies"
    return entries


def record_meeting(store, ref: str, chair, *, wording: str = "suitable to adopt",
                   approve: bool = True) -> dict:
    """The chair's work: attendance, a declaration, item 1 recommended with a named dissent,
    the rest deferred, and the minutes approved."""
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        chair_member = next(p for p in s.exec(select(PanelMember)) if p.name == chair.display_name)
        meetings.start_meeting(s, chair, meeting, password=PASSWORDS["chair"])
        entries = attendance_of(s, meeting, chair_member.ref)
        recording.record_attendance(s, chair, meeting, entries)
        present = [e["member"] for e in entries if e["status"] == "present" and e["member"] != chair_member.ref]
        recording.declare_interest(s, chair, meeting, member=present[0], interest="knows the family's school",
                                   action="remained", item=meeting.items[1])
        first = meeting.items[0]
        drafts.save_draft(s, chair, drafts.draft_key(first.uid, "reasons"), "thorough assess")
        terms = ({"children_max": 2, "age_min_years": 0, "age_max_years": 6}
                 if first.item_type in APPROVAL_TYPES else None)
        recording.record_recommendation(
            s, chair, first, outcome="recommended", wording=wording, reasons="a thorough assessment",
            dissent=[{"member": present[1], "view": "would like more on support networks"}],
            approval_terms=terms, discussion="Members discussed the family's support network.")
        for item in meeting.items[1:]:
            recording.record_recommendation(s, chair, item, outcome="deferred", reasons="the panel needs "
                                            "the medical report",
                                            discussion="Members could not go on without the medical report.")
        drafts.save_draft(s, chair, drafts.draft_key(meeting.items[-1].uid, "note"), "ask for the report")
        if approve:
            minutes.draft_minutes(s, chair, meeting)
            minutes.approve_minutes(s, chair, meeting, on=meeting.meeting_date, password=PASSWORDS["chair"])
        return {"dissenter": present[1], "declarer": present[0], "first": first.ref}
