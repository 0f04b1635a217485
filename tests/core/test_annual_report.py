"""The chair's annual and half-year report (read back with pypdf), and the service
that keeps the texts and the service plan the chair writes for it."""

import datetime as dt
import json
import re

import pytest
from pypdf import PdfReader
from sqlmodel import select

from panelapp import audit
from panelapp.cli import main
from panelapp.db import open_store
from panelapp.enums import USER_ROLES
from panelapp.errors import PanelAppError
from panelapp.exchange import import_document
from panelapp.models import (Applicant, AuditEvent, Child, PanelMember, ReportText, ServicePlanPriority,
                             UserAccount)
from panelapp.reports.annual import annual_report_pdf, period_label
from panelapp.reports.annual.build import SECTION_TITLES
from panelapp.services import accounts
from panelapp.services.permissions import Actor, PermissionDenied, allowed
from panelapp.services.report_texts import (get_report_texts, get_service_plan, previous_service_plan,
                                            save_report_text, set_service_plan)
from panelapp.stats import compute_statistics, financial_year, half_year
from panelapp.stats.periods import Period

from ..conftest import FIXTURES

D = dt.date
CHAIR = Actor("chair1", "Chloë Chair", "chair")
FY2024 = financial_year(2024)
FY2023 = financial_year(2023)
H2 = half_year("2024H2")

COMMENTARY = """# The year in brief

The panel heard **more approvals** than the year before.

- Early permanence approvals rose to nine.
- Two decisions departed from the panel's recommendation.

Members gave their time generously to every meeting."""
QUALITY = "Prospective Adopter's Reports were thorough; two Child Permanence Reports came late."
PLAN = [
    {"priority": "Recruit adopters for sibling groups", "owner": "Head of Service", "due": "2026-03-31"},
    {"priority": "Papers to members five working days ahead", "owner": "Panel adviser", "due": "2025-09-30"},
]
LAST_YEARS_PLAN = [
    {"priority": "Start early permanence", "owner": "Family finding manager", "due": "2024-09-30",
     "progress": "Done: nine approvals in the year"},
]
H2_INTRODUCTION = "This half-year saw the panel settle into its new venue."


def text_of(path) -> str:
    """All the text, white space made single spaces (table cells wrap their words)."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def body_of(path) -> str:
    """The text after the front page (whose contents list every heading)."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages[1:]).split())


def said(words: str) -> str:
    return " ".join(words.split())


@pytest.fixture(scope="module")
def made(tmp_path_factory, northshire_doc):
    """The Northshire store with the chair's texts and plans, and both reports made from it once."""
    folder = tmp_path_factory.mktemp("annual")
    store = open_store(str(folder / "northshire.sqlite"))
    with store.transaction() as session:
        import_document(session, northshire_doc, actor="test")
        save_report_text(session, CHAIR, *FY2024, "chair_commentary", COMMENTARY)
        save_report_text(session, CHAIR, *FY2024, "quality_of_reports", QUALITY)
        set_service_plan(session, CHAIR, *FY2024, PLAN)
        set_service_plan(session, CHAIR, *FY2023, LAST_YEARS_PLAN)
        save_report_text(session, CHAIR, *H2, "introduction", H2_INTRODUCTION)
    with store.session() as session:
        annual_report_pdf(session, folder / "fy2024.pdf", date_from=FY2024[0], date_to=FY2024[1])
        annual_report_pdf(session, folder / "2024H2.pdf", date_from=H2[0], date_to=H2[1])
        names = {
            "children": [c for c in session.exec(select(Child.name))],
            "adopters": [a for a in session.exec(select(Applicant.name))],
            "members": [m for m in session.exec(select(PanelMember.name))],
        }
        statistics = {"fy": compute_statistics(session, *FY2024), "h2": compute_statistics(session, *H2)}
    yield {"store": store, "db": str(folder / "northshire.sqlite"), "folder": folder, "names": names,
           "stats": statistics,
           "fy": folder / "fy2024.pdf", "h2": folder / "2024H2.pdf",
           "fy_text": text_of(folder / "fy2024.pdf"), "h2_text": text_of(folder / "2024H2.pdf"),
           "fy_body": body_of(folder / "fy2024.pdf"), "h2_body": body_of(folder / "2024H2.pdf")}
    store.dispose()


# -- the report ------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["fy_body", "h2_body"])
def test_every_section_heading_is_there_in_order(made, which):
    words = made[which]
    at = [words.find(f"{n}. {title}") for n, title in enumerate(SECTION_TITLES, start=1)]
    assert -1 not in at, [t for t, a in zip(SECTION_TITLES, at) if a == -1]
    assert at == sorted(at)


def test_the_year_and_the_two_before_it_are_side_by_side(made):
    words = made["fy_text"]
    expected = json.loads((FIXTURES / "northshire-fy2024.expected.json").read_text(encoding="utf-8"))
    assert expected["panel"]["meetings_held"] == 22
    assert "2024-25 2023-24 2022-23" in words
    years = [made["stats"]["fy"], *made["stats"]["fy"]["previous"]]
    held = " ".join(str(y["panel"]["meetings_held"]) for y in years)
    assert f"Meetings held {held}" in words and held.startswith("22 ")
    approvals = " ".join(str(y["adopters"]["approved"]) for y in years)
    assert f"Approvals {approvals}" in words
    assert f"Initial visits {' '.join(str(y['adopters']['initial_visits']) for y in years)}" in words
    waiting = " ".join(str(y["children"]["awaiting_match_by_gender"]["female"]) for y in years)
    assert f"Awaiting a match, female {waiting}" in words
    sibling_groups = " ".join(str(y["children"]["awaiting_match_sibling_groups"]) for y in years)
    assert f"Sibling groups awaiting a match {sibling_groups}" in words
    qds = " ".join(str(y["adm"]["qualifying_determinations"]) for y in years)
    assert f"Qualifying determinations {qds}" in words
    a2 = expected["scorecard"]["A2"]
    assert f"121 days {a2['days']} days {a2['children']} children" in words


def test_the_half_year_is_labelled_by_its_months(made):
    words = made["h2_text"]
    expected = json.loads((FIXTURES / "northshire-2024H2.expected.json").read_text(encoding="utf-8"))
    assert "Half-year report Oct 2024 – Mar 2025" in words
    assert "Oct 2024 – Mar 2025 Oct 2023 – Mar 2024 Oct 2022 – Mar 2023" in words
    held = [expected["panel"]["meetings_held"], *[p["panel"]["meetings_held"] for p in expected["previous"]]]
    assert f"Meetings held {' '.join(map(str, held))}" in words


def test_period_labels():
    assert period_label(Period(*FY2024)) == "2024-25"
    assert period_label(Period(*H2)) == "Oct 2024 – Mar 2025"
    assert period_label(Period(*half_year("2024H1"))) == "Apr 2024 – Sep 2024"
    assert period_label(Period(D(2024, 5, 1), D(2024, 5, 31))) == "May 2024"
    assert period_label(Period(D(2024, 5, 3), D(2024, 6, 2))) == "3 May 2024 – 2 Jun 2024"


def test_no_child_or_adopter_is_named_anywhere(made):
    """The required test: every child's and every applicant's name is absent from both reports."""
    people = made["names"]["children"] + made["names"]["adopters"]
    assert len(made["names"]["children"]) > 50 and len(made["names"]["adopters"]) > 50
    for which in ("fy_text", "h2_text"):
        words = made[which].casefold()
        named = sorted({name for name in people if said(name).casefold() in words})
        assert not named, f"{which} names {named}"


def test_members_appear_by_ref_and_role_not_by_name(made):
    words = made["fy_text"]
    assert "M01 Chair, Independent member" in words
    assert not [name for name in made["names"]["members"] if said(name) in words]


def test_the_chairs_texts_and_plans_appear(made):
    words = made["fy_text"]
    assert "The year in brief" in words
    assert "The panel heard more approvals than the year before." in words
    assert "• Early permanence approvals rose to nine." in words
    assert said(QUALITY) in words
    assert "The priorities for 2025-26" in words
    assert "Recruit adopters for sibling groups Head of Service 31 March 2026" in words
    assert "Panel adviser 30 September 2025" in words
    # The review shows last year's plan with the progress recorded on it.
    review = words[words.rindex("14. Review of last year's service plan"):]
    assert "The priorities set in the report for 2023-24" in review
    assert "Start early permanence Family finding manager 30 September 2024 Done: nine approvals" in review


def test_the_introduction_is_generated_only_when_none_is_written(made):
    fy, h2 = made["fy_text"], made["h2_text"]
    assert "PanelApp generated this one from the figures" in fy
    assert "In 2024-25 the panel met 22 times" in fy
    assert H2_INTRODUCTION in h2 and "generated" not in made["h2_body"].split("2. Panel activity")[0]


def test_the_charts_are_drawn(made):
    for which in ("fy", "h2"):
        words = made[f"{which}_text"]
        for title in ("Chart 1. Items heard by type", "Chart 2. The adopter journey",
                      "Chart 3. Assessments finished within the timescale", "Chart 4. Children awaiting a match",
                      "Chart 5. A2 and A10 against the national targets", "National target", "target 121"):
            assert title in words, (which, title)
        reader = PdfReader(str(made[which]))
        # Each chart's bars are filled rectangles in the page's content stream.
        rectangles = sum(len(re.findall(rb"\bre\b", page.get_contents().get_data())) for page in reader.pages)
        assert rectangles > 40


def test_house_style_on_every_page_and_no_marking_unless_chosen(made):
    reader = PdfReader(str(made["fy"]))
    pages = len(reader.pages)
    assert pages >= 4
    for number, page in enumerate(reader.pages, start=1):
        words = " ".join(page.extract_text().split())
        assert f"Page {number} of {pages}" in words
        assert "CONFIDENTIAL" not in words and "OFFICIAL" not in words
    assert reader.metadata.title == "Northshire Adoption Panel – Annual report 2024-25"
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"}


def test_a_text_naming_a_child_stops_the_report(made, tmp_path):
    """A name stored before the child was added (so never checked) is caught when the report is made."""
    with made["store"].session() as session:
        ref, name = session.exec(select(Child.ref, Child.name).order_by(Child.ref)).first()
        session.add(ReportText(period_from=D(2024, 4, 1), period_to=D(2024, 6, 30), section="chair_commentary",
                               text=f"We thank {name} for her courage."))
        session.flush()
        with pytest.raises(PanelAppError) as refused:
            annual_report_pdf(session, tmp_path / "q1.pdf", date_from=D(2024, 4, 1), date_to=D(2024, 6, 30))
        session.rollback()
    assert f"child {ref}" in str(refused.value) and name not in str(refused.value)
    assert not (tmp_path / "q1.pdf").exists()


# -- the service -----------------------------------------------------------------------------

@pytest.mark.parametrize("role", USER_ROLES)
def test_only_the_chair_adviser_and_administrator_write(store, role):
    who = Actor("someone", "Some One", role)
    may = role in ("chair", "adviser", "admin")
    assert allowed(who, "report.write") is may
    with store.transaction() as session:
        if may:
            save_report_text(session, who, *FY2024, "chair_commentary", "Written.")
            set_service_plan(session, who, *FY2024, PLAN)
        else:
            with pytest.raises(PermissionDenied):
                save_report_text(session, who, *FY2024, "chair_commentary", "Written.")
            with pytest.raises(PermissionDenied):
                set_service_plan(session, who, *FY2024, PLAN)
    with store.session() as session:
        stored = get_report_texts(session, FY2024, actor=Actor("v", "Vi", "viewer"))
        assert stored == ({"chair_commentary": "Written."} if may else {})


def test_every_write_is_audited(store):
    with store.transaction() as session:
        save_report_text(session, CHAIR, *FY2024, "quality_of_reports", "First words.")
        save_report_text(session, CHAIR, *FY2024, "quality_of_reports", "Better words.")
        set_service_plan(session, CHAIR, *FY2024, PLAN)
        set_service_plan(session, CHAIR, *FY2024, PLAN[:1])
    with store.session() as session:
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [(e.actor, e.action, e.entity) for e in events] == [
            ("chair1", "create", "report_text"), ("chair1", "update", "report_text"),
            ("chair1", "create", "service_plan"), ("chair1", "update", "service_plan")]
        assert json.loads(events[1].before)["text"] == "First words."
        assert json.loads(events[1].after)["text"] == "Better words."
        assert len(json.loads(events[3].before)["priorities"]) == 2
        assert json.loads(events[3].after)["priorities"][0]["due"] == "2026-03-31"
        assert audit.verify(session).intact
        assert get_report_texts(session, FY2024) == {"quality_of_reports": "Better words."}
        assert get_service_plan(session, Period(*FY2024)) == [
            {"priority": "Recruit adopters for sibling groups", "owner": "Head of Service",
             "due": D(2026, 3, 31), "progress": None}]
        assert session.exec(select(ReportText)).one().updated_by == "chair1"


def test_an_empty_text_withdraws_it(store):
    with store.transaction() as session:
        save_report_text(session, CHAIR, *FY2024, "introduction", "Our year.")
        save_report_text(session, CHAIR, *FY2024, "introduction", "   \n")
        assert get_report_texts(session, FY2024) == {}


def test_the_plan_is_refused_with_every_problem_named(store):
    bad = [
        {"priority": "  ", "owner": "Head of Service", "due": "2026-03-31"},
        {"priority": "Recruit", "owner": "", "due": "2026-03-31"},
        {"priority": "Train", "owner": "Chair", "due": "next spring"},
        {"priority": "Review", "owner": "Chair"},
        {"priority": "Audit", "owner": "Chair", "due": "2026-01-01", "ownr": "x"},
        "a string",
    ]
    with pytest.raises(PanelAppError) as refused:
        with store.transaction() as session:
            set_service_plan(session, CHAIR, *FY2024, bad)
    message = str(refused.value)
    assert "priority 1: the priority is empty" in message
    assert "priority 2: the owner is missing" in message
    assert "priority 3: the due date: 'next spring' is not a date; write it as YYYY-MM-DD" in message
    assert "priority 4: the due date is missing" in message
    assert "priority 5: unknown field(s) ownr" in message
    assert "priority 6: must be an object" in message
    with pytest.raises(PanelAppError, match="must be a list of priorities"):
        with store.transaction() as session:
            set_service_plan(session, CHAIR, *FY2024, {"priority": "x"})
    with store.session() as session:
        assert session.exec(select(ServicePlanPriority)).all() == []
        assert session.exec(select(AuditEvent)).all() == []


def test_unknown_sections_and_bad_periods_are_refused(store):
    with store.transaction() as session:
        with pytest.raises(PanelAppError, match="'commentary' is not a section.*chair_commentary"):
            save_report_text(session, CHAIR, *FY2024, "commentary", "Words.")
        with pytest.raises(PanelAppError, match="ends .* before it starts"):
            save_report_text(session, CHAIR, D(2025, 3, 31), D(2024, 4, 1), "introduction", "Words.")
        with pytest.raises(PanelAppError, match="'April' is not a date"):
            set_service_plan(session, CHAIR, "April", "2025-03-31", PLAN)


def test_names_of_children_and_adopters_are_refused(made):
    with made["store"].session() as session:
        child = session.exec(select(Child).order_by(Child.ref)).first()
        applicant = session.exec(select(Applicant).order_by(Applicant.id)).first()
        with pytest.raises(PanelAppError) as refused:
            save_report_text(session, CHAIR, *FY2024, "chair_commentary",
                             f"We met {child.name.upper()} and her carers.")
        assert f"child {child.ref}" in str(refused.value) and child.name not in str(refused.value)
        with pytest.raises(PanelAppError, match="priority 1: names a child or adopter"):
            set_service_plan(session, CHAIR, *FY2024, [{"priority": f"Support {applicant.name}",
                                                        "owner": "Team", "due": "2026-01-01"}])
        # A surname alone is not a name.
        surname = child.name.split()[-1]
        save_report_text(session, CHAIR, *FY2024, "chair_commentary", f"The {surname} Room was warm.")
        session.rollback()


def test_the_review_finds_last_years_plan(store):
    with store.transaction() as session:
        set_service_plan(session, CHAIR, *financial_year(2022), [dict(PLAN[0], due="2023-09-30")])
        assert previous_service_plan(session, FY2024) is None  # more than a year before
        set_service_plan(session, CHAIR, *half_year("2023H2"), [dict(PLAN[0], priority="Half-year plan")])
        set_service_plan(session, CHAIR, *FY2023, [dict(PLAN[0], priority="Annual plan")])
        earlier, plan = previous_service_plan(session, FY2024)
        assert (earlier.start, earlier.end) == FY2023 and plan[0]["priority"] == "Annual plan"
        earlier, plan = previous_service_plan(session, H2)
        assert (earlier.start, earlier.end) == FY2023
        set_service_plan(session, CHAIR, *half_year("2024H1"), [dict(PLAN[0], priority="Spring plan")])
        earlier, plan = previous_service_plan(session, H2)
        assert plan[0]["priority"] == "Spring plan"


# -- the command line ------------------------------------------------------------------------

def test_the_command_line_stores_texts_and_plans_and_writes_the_report(made, tmp_path, monkeypatch, capsys):
    db = made["db"]
    with made["store"].transaction() as session:
        if not session.exec(select(UserAccount)).first():
            accounts.create_account(session, None, username="ada", display_name="Ada", role="admin",
                                    password="admin-password")
        admin = Actor("ada", "Ada", "admin")
        accounts.create_account(session, admin, username="cc", display_name="Chloë Chair", role="chair",
                                password="chair-password")
        accounts.create_account(session, admin, username="mm", display_name="Mem Ber", role="member",
                                password="member-password")
    text = tmp_path / "commentary.md"
    text.write_text("The first half of the year was busy.", encoding="utf-8")
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps([{"priority": "Halve the wait for a match", "owner": "Team manager",
                                 "due": "2025-06-30"}]), encoding="utf-8")
    monkeypatch.setenv("PANELAPP_PASSWORD", "chair-password")
    assert main(["--db", db, "report", "text", "chair_commentary", "--half", "2024H1", "--file", str(text),
                 "--as", "cc"]) == 0
    assert main(["--db", db, "report", "plan", "--half", "2024H1", "--file", str(plan), "--as", "cc"]) == 0
    out = tmp_path / "h1.pdf"
    assert main(["--db", db, "report", "annual", "--half", "2024H1", "--out", str(out), "--as", "cc"]) == 0
    assert "stored the chair's commentary for 2024-04-01 to 2024-09-30" in capsys.readouterr().out
    words = text_of(out)
    assert "Half-year report Apr 2024 – Sep 2024" in words
    assert "The first half of the year was busy." in words and "Team manager 30 June 2025" in words

    monkeypatch.setenv("PANELAPP_PASSWORD", "member-password")
    assert main(["--db", db, "report", "text", "introduction", "--half", "2024H1", "--file", str(text),
                 "--as", "mm"]) == 1
    assert "may not write the chair's texts" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", "wrong")
    assert main(["--db", db, "report", "plan", "--half", "2024H1", "--file", str(plan), "--as", "cc"]) == 1
    assert "user name or password is not right" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", "chair-password")
    plan.write_text("[{\"priority\": ", encoding="utf-8")
    assert main(["--db", db, "report", "plan", "--half", "2024H1", "--file", str(plan), "--as", "cc"]) == 1
    assert "is not JSON (line 1" in capsys.readouterr().err
    assert main(["--db", db, "report", "annual", "--year", "2024", "--half", "2024H2", "--out", str(out)]) == 1
    assert "give the period one way" in capsys.readouterr().err


# -- a published document (issue 12) and the new figures (issue 18) ---------------------------

def test_published_document_metadata_language_and_bookmarks(made):
    reader = PdfReader(str(made["fy"]))
    metadata = {key: str(value) for key, value in reader.metadata.items()}
    assert metadata["/Author"] == "Northshire Adoption Panel, Northshire Council Adoption Agency"
    people = made["names"]["members"] + made["names"]["children"] + made["names"]["adopters"] + [CHAIR.display_name]
    assert not [name for name in people for value in metadata.values() if name in value]
    assert "CONFIDENTIAL" not in metadata.get("/Keywords", "")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    outline = [entry["/Title"] for entry in reader.outline if not isinstance(entry, list)]
    assert outline == [f"{n}. {title}" for n, title in enumerate(SECTION_TITLES, start=1)]
    # Sub-headings sit under their section; each bookmark opens the page its heading is on.
    nested = [entry for entry in reader.outline if isinstance(entry, list)]
    assert any("Withdrawals by stage" in [e["/Title"] for e in group] for group in nested)
    for entry in reader.outline:
        if not isinstance(entry, list):
            page = reader.get_destination_page_number(entry)
            assert entry["/Title"] in " ".join(reader.pages[page].extract_text().split())


def test_contents_statutory_basis_and_sign_off(made):
    reader = PdfReader(str(made["fy"]))
    front = " ".join(reader.pages[0].extract_text().split())
    assert "Adoption National Minimum Standards 2011 (standard 25.6)" in front
    assert "one six-monthly and one annual. This is the annual report" in front
    assert "Contents" in front
    # Laid out as printed, so each page number stays on its entry's line.
    contents = reader.pages[0].extract_text(extraction_mode="layout")
    for number, title in enumerate(SECTION_TITLES, start=1):
        entry = re.search(rf"^\s*{number}\. {re.escape(title)}[. ]*(\d+)\s*$", contents, re.MULTILINE)
        assert entry, title
        page = int(entry.group(1))
        assert f"{number}. {title}" in " ".join(reader.pages[page - 1].extract_text().split())
    h2 = made["h2_text"]
    assert "This is the six-monthly report" in h2
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Sign-off by the panel chair" in last and "Chair of the Northshire Adoption Panel" in last
    assert re.search(r"Date \w+day \d+ \w+ \d{4}", last)


def test_the_new_figures_stand_in_the_report(made):
    words = made["fy_body"]
    years = [made["stats"]["fy"], *made["stats"]["fy"]["previous"]]
    shares = " ".join("–" if y["children"]["adopted_ethnic_minority"]["percent"] is None
                      else f"{y['children']['adopted_ethnic_minority']['percent']}%" for y in years)
    assert f"Share from Black and minority ethnic groups {shares}" in words
    with_needs = " ".join(str(y["children"]["awaiting_match_with_needs"]) for y in years)
    assert f"With one or more additional needs {with_needs}" in words
    disability = " ".join(str(y["children"]["awaiting_match_by_need"].get("disability", 0)) for y in years)
    assert f"With disability {disability}" in words
    over_five = " ".join(str(y["children"]["awaiting_match_aged_5_or_over"]) for y in years)
    assert f"Aged five or over {over_five}" in words
    stage1 = " ".join(str(y["adopters"]["stage1_within_2_months"]) for y in years)
    assert f"Completed within two months of starting {stage1}" in words
    stage2 = " ".join(str(y["adopters"]["stage2_within_4_months"]) for y in years)
    assert f"Approved within four months of Stage 2 starting {stage2}" in words
    in_stage1 = " ".join(str(y["adopters"]["withdrawals_by_stage"]["stage1"]) for y in years)
    assert f"Withdrew during Stage 1 {in_stage1}" in words
    final_negative = " ".join(str(y["adm"]["qd_outcomes"]["final_negative"]) for y in years)
    assert f"Final decision not to approve {final_negative}" in words


def test_a_year_before_the_store_began_says_no_records(made, tmp_path):
    with made["store"].session() as session:
        annual_report_pdf(session, tmp_path / "fy2023.pdf", date_from=FY2023[0], date_to=FY2023[1],
                          made_on=D(2024, 6, 3), marking="OFFICIAL")
    reader = PdfReader(str(tmp_path / "fy2023.pdf"))
    words = body_of(tmp_path / "fy2023.pdf")
    # The meetings begin in April 2022: 2021-22 has no panel records, while the children's
    # and households' histories reach back before it.
    assert "Meetings held 21 22 no records" in words
    assert "Qualifying determinations made 2 5 no records" in words
    assert "M01 Chair, Independent member 18 of 21 (85.7%) 18 of 22 (81.8%) no records" in words
    assert "2021-22: no records" in words  # the legend of the chart of items
    assert re.search(r"Placement orders 29 31 \d+", words)
    front = said(reader.pages[0].extract_text())
    assert "so a year before the first meeting may still have children's figures" in front  # says why
    assert "against 79 in 2022-23" in words
    assert "Date Monday 3 June 2024" in words
    # A marking chosen for this copy is on every page.
    assert all("OFFICIAL" in page.extract_text() for page in reader.pages)
