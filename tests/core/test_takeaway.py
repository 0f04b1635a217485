"""A meeting taken away: exported, opened as a store of its own, recorded there as the
chair through the services, returned, and merged back into the office store."""

import json
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import select

from panelapp import audit
from panelapp.db import open_store
from panelapp.errors import PanelAppError
from panelapp.models import (
    AuditEvent,
    Dissent,
    Draft,
    ItemPaper,
    Meeting,
    MinutesRecord,
    PanelMember,
    Recommendation,
)
from panelapp.services import meetings, recording
from panelapp.services.lookup import meeting_by_name
from panelapp.services.minutes import content_hash, minutes_content
from panelapp.takeaway import (
    export_meeting,
    merge_return,
    open_meeting_file,
    read_return,
    return_meeting,
    taken_away,
)

from .takeaway_helpers import (
    PASSPHRASE,
    attendance_of,
    copy_store,
    make_template,
    record_meeting,
    sign_in,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("takeaway"))


@pytest.fixture
def office(template, tmp_path):
    path, ref = template
    store = open_store(str(copy_store(path, tmp_path)))
    yield store, ref
    store.dispose()


def take_away(store, ref: str) -> bytes:
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:
        return export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE).data


def open_on_laptop(data: bytes, folder: Path):
    laptop = open_store(str(folder / "laptop.sqlite"))
    open_meeting_file(laptop, data, PASSPHRASE)
    return laptop


def give_back(laptop) -> bytes:
    chair = sign_in(laptop, "chair")
    with laptop.transaction() as s:
        return return_meeting(s, chair, PASSPHRASE).data


def merge(store, data: bytes, by=None, **options):
    adviser = by or sign_in(store, "adviser")
    with store.transaction() as s:
        return merge_return(s, adviser, read_return(data, PASSPHRASE), **options)


def snapshot(store, ref: str) -> dict:
    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        return {
            "meeting": (meeting.status, meeting.minutes_final, meeting.version),
            "items": [(i.outcome, i.discussion, i.version) for i in meeting.items],
            "attendance": sorted((a.uid, a.status, a.acting_as, a.version) for a in meeting.attendance),
            "declarations": sorted((d.uid, d.interest, d.version) for d in meeting.declarations),
            "recommendations": sorted((r.uid, r.wording, r.version) for r in s.exec(select(Recommendation))),
            "dissent": sorted((d.uid, d.view) for d in s.exec(select(Dissent))),
            "drafts": sorted((d.key, d.text) for d in s.exec(select(Draft))),
            "minutes": [(m.status, m.signoff_hash) for m in s.exec(select(MinutesRecord))],
            "events": len(s.exec(select(AuditEvent)).all()),
        }


def test_a_meeting_recorded_on_the_laptop_merges_back_whole(office, tmp_path):
    store, ref = office
    data = take_away(store, ref)
    laptop = open_on_laptop(data, tmp_path)
    with laptop.session() as s:
        marked = taken_away(s)
        assert marked is not None and marked.meeting_ref == ref and marked.chair == "chair"
        assert ref in marked.banner
        paper = s.exec(select(ItemPaper)).one()
        assert Path(paper.stored_path).read_bytes().startswith(b"%PDF-1.4 the assessing")
    with store.session() as s:
        assert taken_away(s) is None
    chair = sign_in(laptop, "chair")  # the chair signs in on the laptop as themself
    recorded = record_meeting(laptop, ref, chair)
    with laptop.session() as s:
        laptop_hash = s.exec(select(MinutesRecord)).one().signoff_hash
    returned = give_back(laptop)
    with laptop.session() as s:
        laptop_events = len(s.exec(select(AuditEvent)).all())
    with store.session() as s:
        office_events = len(s.exec(select(AuditEvent)).all())

    result = merge(store, returned)

    assert not result.conflicts and result.inserted > 0 and result.updated > 0
    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        assert meeting.status == "held" and meeting.minutes_final == meeting.meeting_date
        assert meeting.minutes.status == "final" and meeting.minutes.signoff_hash == laptop_hash
        # What the chair signed is what the office's records say now.
        assert content_hash(minutes_content(s, meeting)) == laptop_hash
        assert sum(a.status == "present" for a in meeting.attendance) >= 5
        assert [(d.member.ref, d.item.ref) for d in meeting.declarations] == \
            [(recorded["declarer"], meeting.items[1].ref)]
        first = meeting.items[0]
        assert first.outcome == "recommended" and first.recommendation.wording == "suitable to adopt"
        assert [(d.member.ref, d.view) for d in first.recommendation.dissent] == \
            [(recorded["dissenter"], "would like more on support networks")]
        assert all(i.outcome == "deferred" for i in meeting.items[1:])
        assert [d.text for d in s.exec(select(Draft))] == ["ask for the report"]  # "thorough assess" was recorded
        report = audit.verify(s)
        assert report.intact, report.problems
        # Every event of the laptop joined the chain, between the adviser's sign-in and the merge.
        assert report.events == office_events + 1 + laptop_events + 1
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]
        assert actions[-1] == "merge" and "open_taken_away" in actions and "approve" in actions

    # The same return again changes nothing.
    adviser = sign_in(store, "adviser")
    before = snapshot(store, ref)
    again = merge(store, returned, by=adviser)
    assert not again.changed and not again.conflicts
    assert snapshot(store, ref) == before


def test_what_both_sides_changed_is_held_until_someone_chooses(office, tmp_path):
    store, ref = office
    data = take_away(store, ref)
    laptop = open_on_laptop(data, tmp_path)
    chair = sign_in(laptop, "chair")
    recorded = record_meeting(laptop, ref, chair, wording="suitable to adopt two children", approve=False)
    returned = give_back(laptop)
    # Meanwhile, at the office, the adviser records the same item differently.
    adviser = sign_in(store, "adviser")
    office_chair = sign_in(store, "chair")
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        meetings.start_meeting(s, adviser, meeting, password="adviser-password")
        recording.record_attendance(s, adviser, meeting, attendance_of(s, meeting, _chair_ref(s, office_chair)))
        recording.record_recommendation(s, adviser, meeting.items[0], outcome="deferred",
                                        reasons="the adviser heard the worker is away")
    before = snapshot(store, ref)

    held = merge(store, returned)

    assert [c.key for c in held.held] == [f"item:{recorded['first']}"]
    conflict = held.held[0]
    sides = {(f.name, f.office, f.laptop) for row in conflict.rows for f in row.fields}
    assert ("outcome", "deferred", "recommended") in sides
    assert ("recommendation", None, "suitable to adopt two children") in sides
    after = snapshot(store, ref)
    assert after["items"][0] == before["items"][0]  # the office's stays until someone chooses
    with store.session() as s:
        assert meeting_by_name(s, ref).items[0].recommendation.reasons == "the adviser heard the worker is away"
        assert all(i.outcome == "deferred" for i in meeting_by_name(s, ref).items[1:])

    chosen = merge(store, returned, choices={conflict.key: "laptop"})

    assert [(c.key, c.taken) for c in chosen.conflicts] == [(conflict.key, "laptop")]
    with store.session() as s:
        item = meeting_by_name(s, ref).items[0]
        assert item.outcome == "recommended"
        assert item.recommendation.wording == "suitable to adopt two children"
        assert [d.member.ref for d in item.recommendation.dissent] == [recorded["dissenter"]]
        assert audit.verify(s).intact
    adviser = sign_in(store, "adviser")
    settled = snapshot(store, ref)
    assert not merge(store, returned, by=adviser).changed
    assert snapshot(store, ref) == settled


def _chair_ref(session, chair) -> str:
    from panelapp.models import PanelMember
    return next(p.ref for p in session.exec(select(PanelMember)) if p.name == chair.display_name)


def test_keeping_the_office_side_settles_the_conflict(office, tmp_path):
    store, ref = office
    laptop = open_on_laptop(take_away(store, ref), tmp_path)
    record_meeting(laptop, ref, sign_in(laptop, "chair"), approve=False)
    returned = give_back(laptop)
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:  # the adviser writes the discussion of item 1 at the office
        meeting = meeting_by_name(s, ref)
        meetings.start_meeting(s, adviser, meeting, password="adviser-password")
        recording.record_discussion(s, adviser, meeting.items[0], "the adviser's notes of the discussion")
    first = merge(store, returned)
    assert [c.key for c in first.held] == [f"item:{_first_ref(store, ref)}"]
    merge(store, returned, take_all="office")
    with store.session() as s:
        item = meeting_by_name(s, ref).items[0]
        assert item.discussion == "the adviser's notes of the discussion" and item.outcome is None
        assert audit.verify(s).intact
    assert not merge(store, returned).held


def _first_ref(store, ref):
    with store.session() as s:
        return meeting_by_name(s, ref).items[0].ref


def test_a_return_is_refused_by_another_store_and_for_another_meeting(office, template, tmp_path):
    store, ref = office
    laptop = open_on_laptop(take_away(store, ref), tmp_path)
    returned = give_back(laptop)
    copy = open_store(str(copy_store(template[0], tmp_path, "copy.sqlite")))
    try:
        with pytest.raises(PanelAppError, match="not of a meeting taken away from this store"):
            merge(copy, returned)
    finally:
        copy.dispose()
    with store.session() as s:
        other = s.exec(select(Meeting).where(Meeting.ref != ref)).first()
    adviser = sign_in(store, "adviser")
    with pytest.raises(PanelAppError, match=f"is of the meeting {ref}, not of {other.ref}"), \
            store.transaction() as s:
        merge_return(s, adviser, read_return(returned, PASSPHRASE), meeting=meeting_by_name(s, other.ref))


def test_the_file_holds_only_that_meeting_and_the_people_on_it(office):
    store, ref = office
    data = take_away(store, ref)
    from panelapp.takeaway.payload import unpack
    from panelapp.takeaway.sealed import unseal
    document, papers = unpack(unseal(data, PASSPHRASE), "takeaway")
    tables = document["tables"]
    with store.session() as s:
        meeting = meeting_by_name(s, ref)
        households = {link.household.uid for i in meeting.items for link in i.household_links}
        children = {link.child.uid for i in meeting.items for link in i.child_links}
        members = {p.uid for p in s.exec(select(PanelMember)) if p.on_list(meeting.meeting_date)}
        assert [m["uid"] for m in tables["meeting"]] == [meeting.uid]
        assert {i["uid"] for i in tables["agenda_item"]} == {i.uid for i in meeting.items}
    assert households and {h["uid"] for h in tables["household"]} == households
    assert {c["uid"] for c in tables["child"]} <= children and len(tables["child"]) == len(children)
    assert {m["uid"] for m in tables["panel_member"]} == members
    assert [a["username"] for a in tables["user_account"]] == ["chair"]
    assert "audit_event" not in tables and "adm_decision" not in tables
    # Of the people on the agenda, only what the chair's screens and documents need.
    assert all(h["enquiry"] is None and h["withdrawal_reason"] is None for h in tables["household"])
    assert all(a["dob"] is None and a["ethnicity"] is None for a in tables["applicant"])
    assert all(c["placement_order"] is None and c["ethnicity"] is None for c in tables["child"])
    assert len(papers) == 1
    text = json.dumps(tables, ensure_ascii=False)
    with store.session() as s:
        from panelapp.models import Applicant, Child, Household
        on_agenda = {a["name"] for a in tables["applicant"]} | {c["name"] for c in tables["child"]} \
            | {m["name"] for m in tables["panel_member"]} \
            | {p for i in tables["agenda_item"] for p in i["presenters"] or []}
        others = [a.name for a in s.exec(select(Applicant).join(Household)
                                         .where(Household.uid.not_in(households)))]
        others += [c.name for c in s.exec(select(Child).where(Child.uid.not_in(children)))]
        # Made-up names repeat; a name not of anyone on the agenda must not be in the file.
        others = {name for name in others if name not in on_agenda}
        assert len(others) > 100
        assert [name for name in others if f'"{name}"' in text] == []


def test_a_laptop_store_must_be_new(office, tmp_path):
    store, ref = office
    data = take_away(store, ref)
    with pytest.raises(PanelAppError, match="holds records already"):
        open_meeting_file(store, data, PASSPHRASE)


def test_the_command_line_takes_a_meeting_away_and_back(office, tmp_path, monkeypatch, capsys):
    from panelapp.cli import main
    store, ref = office
    db = str(store.path)
    monkeypatch.setenv("PANELAPP_PASSPHRASE", PASSPHRASE)
    out, back, laptop_db = tmp_path / "m.panelmeeting", tmp_path / "r.panelmeeting", tmp_path / "laptop.sqlite"
    monkeypatch.setenv("PANELAPP_PASSWORD", "adviser-password")
    assert main(["--db", db, "takeaway", "export", ref, "--out", str(tmp_path / "m.pdf"), "--as", "adviser"]) == 1
    assert "written as .panelmeeting" in capsys.readouterr().err
    assert main(["--db", db, "takeaway", "export", ref, "--out", str(out), "--as", "adviser"]) == 0
    assert f"took away meeting {ref} for chair" in capsys.readouterr().out
    assert main(["--db", str(laptop_db), "takeaway", "open", str(out)]) == 0
    laptop = open_store(str(laptop_db))
    try:
        record_meeting(laptop, ref, sign_in(laptop, "chair"), approve=False)
    finally:
        laptop.dispose()
    monkeypatch.setenv("PANELAPP_PASSWORD", "chair-password")
    assert main(["--db", str(laptop_db), "takeaway", "return", "--out", str(back), "--as", "chair"]) == 0
    # The adviser writes item 1's discussion at the office meanwhile: a conflict.
    adviser = sign_in(store, "adviser")
    with store.transaction() as s:
        meeting = meeting_by_name(s, ref)
        meetings.start_meeting(s, adviser, meeting, password="adviser-password")
        recording.record_discussion(s, adviser, meeting.items[0], "notes at the office")
    first = _first_ref(store, ref)
    monkeypatch.setenv("PANELAPP_PASSWORD", "adviser-password")
    capsys.readouterr()
    assert main(["--db", db, "takeaway", "merge", str(back), "--as", "adviser"]) == 4
    printed = capsys.readouterr().out
    assert f"conflict item:{first}" in printed and "HELD" in printed
    assert "notes at the office" in printed and "recommended" in printed
    assert main(["--db", db, "takeaway", "merge", str(back), "--take", f"item:{first}=laptop",
                 "--as", "adviser"]) == 0
    assert "1 conflicts settled" in capsys.readouterr().out
    assert main(["--db", db, "audit", "verify", "--as", "adviser"]) == 0
    assert main(["--db", db, "takeaway", "merge", str(back), "--as", "adviser"]) == 0
    assert "nothing to merge" in capsys.readouterr().out
    monkeypatch.setenv("PANELAPP_PASSPHRASE", "not the passphrase")
    assert main(["--db", db, "takeaway", "merge", str(back), "--as", "adviser"]) == 1
    assert "the passphrase is not right" in capsys.readouterr().err


def test_a_paper_that_cannot_be_read_stops_the_export_and_is_named_by_its_place(office):
    store, ref = office
    with store.transaction() as s:  # the paper's file went missing from the document folder
        paper = meeting_by_name(s, ref).items[0].papers[0]
        s.execute(update(ItemPaper).where(ItemPaper.id == paper.id)
                  .values(stored_path=str(Path(paper.stored_path).with_name("gone.pdf"))))
    adviser = sign_in(store, "adviser")
    with store.session() as s:
        events = len(s.exec(select(AuditEvent)).all())
    with pytest.raises(PanelAppError, match=r"Paper 1 of item 1 \(") as refused, store.transaction() as s:
        export_meeting(s, adviser, meeting_by_name(s, ref), PASSPHRASE)
    assert "report" not in str(refused.value)
    with store.session() as s:
        assert len(s.exec(select(AuditEvent)).all()) == events
