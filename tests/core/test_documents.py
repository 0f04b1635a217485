"""The panel's papers as PDF: read back with pypdf, checked for what each must and must not say."""

import argparse
import copy
import datetime as dt
import hashlib
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func
from sqlmodel import select

from panelapp.cli import documents_cmd
from panelapp.errors import PanelAppError
from panelapp.exchange import import_document
from panelapp.models import (Agency, AgendaItem, Declaration, Dissent, ItemPaper, Meeting, MinutesAmendment,
                             MinutesRecord, PanelMember, Recommendation)
from panelapp.reports import (agenda_pdf, decision_letter_pdf, decision_record_pdf, minutes_extract_pdf,
                              minutes_pdf, panel_pack_pdf)
from panelapp.reports.people import family_names
from panelapp.rules.clocks import representations_end
from panelapp.rules.workdays import WorkingDays
from panelapp.services.lookup import meeting_by_name


def text_of(path) -> str:
    """All the text, with runs of white space made one space (table cells wrap lines)."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def said(words: str) -> str:
    return " ".join(words.split())


def dissent_meeting(session) -> Meeting:
    """A held meeting with at least three items and named dissent, found by query."""
    with_dissent = (select(AgendaItem.meeting_id)
                    .join(Recommendation, Recommendation.item_id == AgendaItem.id)
                    .join(Dissent, Dissent.recommendation_id == Recommendation.id))
    sizes = (select(AgendaItem.meeting_id).group_by(AgendaItem.meeting_id)
             .having(func.count(AgendaItem.id) >= 3))
    meeting = session.exec(select(Meeting).where(Meeting.id.in_(with_dissent), Meeting.id.in_(sizes),
                                                 Meeting.status == "held", Meeting.minutes_final.is_not(None))
                           .order_by(Meeting.meeting_date)).first()
    assert meeting is not None, "the fixture has a held meeting with dissent and three items or more"
    return meeting


def fonts_used(path, pages: slice = slice(None)) -> set[str]:
    """The fonts the pages name, each checked to be embedded in the file."""
    names = set()
    for page in PdfReader(str(path)).pages[pages]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    return names


def test_minutes_name_everyone_the_quorum_each_recommendation_and_dissent(northshire, tmp_path):
    with northshire.transaction() as session:
        meeting = dissent_meeting(session)
        out = minutes_pdf(session, meeting, tmp_path / "minutes.pdf")
        text = text_of(out)
        for row in meeting.attendance:
            assert row.member.name in text, row.member.name
        assert "The meeting is quorate" in text
        dissent_seen = 0
        for item in meeting.items:
            rec = item.recommendation
            assert said(rec.wording).lower() in text.lower(), rec.wording
            if rec.votes_for is None:
                assert "The panel's recommendation was unanimous." in text
            for d in rec.dissent:
                assert said(d.view) in text and d.member.name in text
                dissent_seen += 1
        assert dissent_seen >= 1
        assert "DRAFT" not in text and re.search(r"Page 1 of \d+", text)
        assert fonts_used(out) == {"DejaVuSans", "DejaVuSans-Bold"}
        meta = PdfReader(str(out)).metadata
        assert meta.author == "Northshire Council Adoption Agency" and meta.creator == "PanelApp"
        assert meta.title.startswith("Minutes") and meeting.ref in meta.title

        # Signed off, then amended: the sign-off and the amendment are shown.
        utc = dt.timezone.utc
        meeting.minutes = MinutesRecord(status="final", approved_by="Farah Nowak", signoff_hash="ab" * 32,
                                        approved_at=dt.datetime(2024, 1, 20, 10, 0, tzinfo=utc))
        session.add(MinutesAmendment(meeting=meeting, amended_at=dt.datetime(2024, 2, 1, 9, 0, tzinfo=utc),
                                     amended_by="Farah Nowak", reason="Spelling of a presenter corrected"))
        session.flush()
        session.refresh(meeting)
        text = text_of(minutes_pdf(session, meeting, tmp_path / "signed.pdf"))
        assert "ab" * 32 in text and "Approved by Farah Nowak" in text
        assert "Spelling of a presenter corrected" in text

        # A held meeting without final minutes is a draft, marked on every page.
        meeting.minutes_final = None
        meeting.minutes.status = "draft"
        session.flush()
        draft = PdfReader(str(minutes_pdf(session, meeting, tmp_path / "draft.pdf")))
        assert all("DRAFT" in page.extract_text() for page in draft.pages)


def test_extract_names_its_own_family_and_no_other(northshire, tmp_path):
    with northshire.transaction() as session:
        meeting = dissent_meeting(session)
        first, second = meeting.items[0], meeting.items[1]
        member = session.exec(select(PanelMember).where(PanelMember.ref == "M04")).one()
        other_name = family_names(second)[0]
        session.add_all([
            Declaration(meeting=meeting, member_id=member.id, item_id=first.id, position=0,
                        interest="worked with the applicants' referee", action="left_for_item"),
            Declaration(meeting=meeting, member_id=member.id, item_id=second.id, position=1,
                        interest=f"knows {other_name} socially", action="remained"),
        ])
        session.flush()
        session.refresh(meeting)
        people = {a.member.name for a in meeting.attendance}
        for item in meeting.items:
            text = text_of(minutes_extract_pdf(session, item, tmp_path / f"{item.ref}.pdf"))
            own = set(family_names(item))
            assert own and all(name in text for name in own), item.ref
            others = {n for other in meeting.items if other is not item for n in family_names(other)}
            # A name that is also this family's or a panel member's may rightly appear.
            leaked = [n for n in others - own - people if n in text]
            assert not leaked, (item.ref, leaked)
            assert said(item.recommendation.wording).lower() in text.lower()
            assert re.search(rf"Item {item.position + 1} is (in)?quorate", text)
        text = text_of(tmp_path / f"{first.ref}.pdf")
        assert "worked with the applicants' referee" in text and "left the room for the item" in text
        assert "socially" not in text


def test_agenda_and_decision_record(northshire, tmp_path):
    with northshire.transaction() as session:
        meeting = dissent_meeting(session)
        text = text_of(agenda_pdf(session, meeting, tmp_path / "agenda.pdf"))
        for item in meeting.items:
            assert all(name in text for name in family_names(item))
        assert "Adopter approval" in text and "10:00–10:30" in text
        assert all(a.member.name in text for a in meeting.attendance if a.status == "apologies")

        item = next(i for i in meeting.items if i.adm_decision is not None and i.outcome == "recommended"
                    and i.adm_decision.decision == "positive")
        decision = item.adm_decision
        text = text_of(decision_record_pdf(session, item, tmp_path / "decision.pdf"))
        assert "The decision agrees with the panel's recommendation." in text
        days = WorkingDays("england_and_wales").between(meeting.minutes_final, decision.decided_on)
        assert f"{meeting.minutes_final.day} {meeting.minutes_final:%B %Y}" in text
        assert f"{decision.decided_on.day} {decision.decided_on:%B %Y}" in text
        assert f"{days} (target 7;" in text

        qd = meeting_by_name(session, "P20240509").items
        qd_item = next(i for i in qd
                       if i.adm_decision and i.adm_decision.decision == "qualifying_determination")
        text = text_of(decision_record_pdf(session, qd_item, tmp_path / "qd.pdf"))
        end = representations_end(WorkingDays("england_and_wales"), qd_item.adm_decision.notified)
        assert "Qualifying determination" in text and f"{end.day} {end:%B %Y}" in text
        assert "The decision agrees with the panel's recommendation." in text
        departs = next(i for i in qd if i.outcome == "recommended" and i.adm_decision
                       and i.adm_decision.decision == "negative")
        assert "does not agree" in text_of(decision_record_pdf(session, departs, tmp_path / "no.pdf"))

        qd_item.adm_decision.final_decision = qd_item.adm_decision.final_date = None
        qd_item.adm_decision.final_review = None
        addressed(session, qd_item)
        letter = text_of(decision_letter_pdf(session, qd_item, tmp_path / "letter.pdf"))
        assert f"Dear {qd_item.household_links[0].household.display_name}," in letter
        assert "40 working days" in letter and "Independent Review Mechanism" in letter


def addressed(session, item) -> None:
    """A letter goes only where the agency and the applicants have addresses."""
    agency = session.exec(select(Agency)).one()
    agency.address, agency.telephone = "County Hall\nNorthshire NS1 1AA", "01234 000000"
    agency.irm_contact = "Independent Review Mechanism\nPO Box 1"
    for link in item.household_links:
        link.household.address = "1 Any Street\nNorthshire NS2 2BB"
    session.flush()


def small_pdf(path, pages: int, words: str) -> ItemPaper:
    canvas = Canvas(str(path))
    for n in range(pages):
        canvas.drawString(72, 720, f"{words}, page {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def attach(item, path, title, kind="other", late=False) -> ItemPaper:
    paper = ItemPaper(title=title, kind=kind, file_name=path.name, stored_path=str(path),
                      sha256=hashlib.sha256(path.read_bytes()).hexdigest(), added_on=dt.date(2024, 1, 1),
                      late=late, position=len(item.papers))
    item.papers.append(paper)
    return paper


def test_panel_pack_merges_papers_with_bookmarks_and_addenda(northshire, tmp_path):
    with northshire.transaction() as session:
        meeting = dissent_meeting(session)
        first, second = meeting.items[0], meeting.items[1]
        attach(first, small_pdf(tmp_path / "par.pdf", 2, "Report on the applicants"), "PAR for the Smiths",
               kind="prospective_adopters_report")
        attach(first, small_pdf(tmp_path / "medical.pdf", 1, "Medical"), "Medical report",
               kind="medical_report")
        attach(second, small_pdf(tmp_path / "late.pdf", 1, "Late update"), "Social worker's update",
               late=True)
        session.flush()
        out = panel_pack_pdf(session, meeting, tmp_path / "pack.pdf")
        reader = PdfReader(str(out))
        outline = reader.outline
        top = [entry for entry in outline if not isinstance(entry, list)]
        assert [e.title for e in top[:2]] == ["Cover and contents", "Agenda"]
        item_one = top[2]
        assert item_one.title.startswith("Item 1: ") and family_names(first)[0] in item_one.title
        children = outline[outline.index(item_one) + 1]
        assert [e.title for e in children] == ["Prospective Adopter's Report: PAR for the Smiths",
                                               "Medical report"]
        late_marks = outline[outline.index(top[3]) + 1]
        assert [e.title for e in late_marks] == [
            "ADDENDUM – late paper: Other paper: Social worker's update"]
        first_paper = reader.get_destination_page_number(item_one)
        assert len(reader.pages) == first_paper + 2 + 1 + 1 + 1   # the late paper has its addendum page
        total = len(reader.pages)
        assert reader.page_labels == [str(n) for n in range(1, total + 1)]
        assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
        assert "Late update, page 1" in reader.pages[-1].extract_text()
        assert "ADDENDUM – late paper" in reader.pages[-2].extract_text()
        assert "Report on the applicants, page 2" in reader.pages[first_paper + 1].extract_text()
        # The pack's own pages; the papers keep whatever fonts they came with.
        assert fonts_used(out, slice(0, first_paper)) == {"DejaVuSans", "DejaVuSans-Bold"}

        damaged = tmp_path / "damaged.pdf"
        damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
        attach(second, damaged, "Health assessment")
        session.flush()
        with pytest.raises(PanelAppError) as refused:
            panel_pack_pdf(session, meeting, tmp_path / "broken.pdf")
        assert "item 2" in str(refused.value) and "Health assessment" in str(refused.value)
        assert "damaged.pdf" in str(refused.value)
        assert not (tmp_path / "broken.pdf").exists()


def one_meeting(doc: dict, ref: str) -> dict:
    """The fixture cut down to one meeting and the families it heard (a quick import)."""
    doc = copy.deepcopy(doc)
    doc["meetings"] = [m for m in doc["meetings"] if m["ref"] == ref]
    households = {h for i in doc["meetings"][0]["items"] for h in i.get("households", [])}
    children = {c for i in doc["meetings"][0]["items"] for c in i.get("children", [])}
    doc["households"] = [h for h in doc["households"] if h["ref"] in households]
    doc["children"] = [c for c in doc["children"] if c["ref"] in children]
    for child in doc["children"]:
        if child.get("matched_household") not in households:
            child.pop("matched_household", None)
    return doc


def test_accented_and_other_scripts_print_as_spelt(store, northshire_doc, tmp_path):
    doc = one_meeting(northshire_doc, "P20240411")
    names = {"M01": "Siân Nowak", "M03": "Łukasz Jones"}
    for member in doc["members"]:
        member["name"] = names.get(member["ref"], member["name"])
    household = doc["meetings"][0]["items"][0]["households"][0]
    for h in doc["households"]:
        if h["ref"] == household:
            h["applicants"][0]["name"] = "Zoë Okafor"
    with store.transaction() as session:
        import_document(session, doc, actor="test")
    with store.session() as session:
        meeting = meeting_by_name(session, "P20240411")
        text = text_of(minutes_pdf(session, meeting, tmp_path / "m.pdf"))
        assert "Siân Nowak" in text and "Łukasz Jones" in text and "Zoë Okafor" in text
        addressed(session, meeting.items[0])
        letter = text_of(decision_letter_pdf(session, meeting.items[0], tmp_path / "l.pdf"))
        assert "Dear Zoë Okafor" in letter


def test_command_line_names_meetings_and_items_and_refuses_in_words(store, northshire_doc, tmp_path):
    with store.transaction() as session:
        import_document(session, one_meeting(northshire_doc, "P20240411"), actor="test")
        session.add(Meeting(ref="P20240411-B", meeting_date=dt.date(2024, 4, 11), status="cancelled"))
    parser = argparse.ArgumentParser()
    documents_cmd.register(parser.add_subparsers())
    url = store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "out.pdf"

    def run(*argv):
        args = parser.parse_args([*argv, "--out", str(out)])
        args.db = url
        return args.func(args)

    for argv, message in [(["agenda", "P19990101"], "No meeting has ref 'P19990101'"),
                          (["minutes", "2030-01-01"], "No meeting is on 2030-01-01"),
                          (["decision", "I99999"], "No item has ref 'I99999'"),
                          (["decision", "2024-04-11/1"],
                           "2 meetings are on 2024-04-11: P20240411, P20240411-B"),
                          (["minutes", "P20240411-B"], "was cancelled: it has no minutes"),
                          (["minutes", "P20240411", "--item", "7"],
                           "has items 1 to 1; '7' is not one of them")]:
        with pytest.raises(PanelAppError, match=re.escape(message)):
            run(*argv)
        assert not out.exists()
    assert run("minutes", "P20240411", "--item", "1") == 0
    assert "Extract from the minutes: item 1" in text_of(out)
    with pytest.raises(PanelAppError, match="until the agency settings give the agency's address"):
        run("decision", "P20240411/1", "--letter")
    with store.transaction() as session:
        addressed(session, meeting_by_name(session, "P20240411").items[0])
    assert run("decision", "P20240411/1", "--letter") == 0
    assert "Dear " in text_of(out)
