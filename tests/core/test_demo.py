"""The demo agency: made up from a seed, valid, realistic, and loadable from the command line."""

import datetime as dt
import re
from collections import Counter

import holidays
import pytest
from sqlalchemy import func
from sqlmodel import select

from panelapp.cli import main
from panelapp.demo import DEMO_AGENCY_NAME, create_demo_agency, generate
from panelapp.enums import CHAIR_ROLES, ITEM_TYPES, MEMBER_ROLES
from panelapp.exchange import validate
from panelapp.models import AgendaItem, Household
from panelapp.rules.workdays import WorkingDays

TODAY = dt.date(2025, 6, 18)
LATER_TODAY = dt.date(2026, 2, 11)


@pytest.fixture(scope="module")
def three_years() -> dict:
    return generate(seed=1, years=3, scale=1, today=TODAY)


def held(doc):
    return [m for m in doc["meetings"] if m["status"] == "held"]


def items(doc):
    return [i for m in doc["meetings"] for i in m["items"]]


def quorate(present: list[dict]) -> bool:
    """domain.md, Quorum, with the default settings."""
    counted = [p for p in present if set(p["roles"]) & MEMBER_ROLES]
    return (len(counted) >= 5 and any(set(p["roles"]) & CHAIR_ROLES for p in counted)
            and any("social_worker" in p["roles"] and p.get("social_worker_pqe_years", 0) >= 3
                    for p in counted))


# -- made up from a seed --------------------------------------------------------

def test_the_same_seed_gives_the_same_agency_and_another_seed_another():
    first = generate(seed=7, years=1, today=TODAY)
    assert generate(seed=7, years=1, today=TODAY) == first
    assert generate(seed=8, years=1, today=TODAY) != first


@pytest.mark.parametrize("seed,years,scale,today", [
    (1, 1, 1, TODAY), (2, 1, 1, LATER_TODAY), (3, 1, 1, dt.date(2024, 12, 24)),
    (4, 2, 1, dt.date(2026, 3, 31)), (5, 1, 2, TODAY), (6, 1, 2, LATER_TODAY),
])
def test_every_demo_is_a_valid_exchange_document(seed, years, scale, today):
    doc = generate(seed=seed, years=years, scale=scale, today=today)
    assert doc["format"] == "panelapp-exchange" and doc["version"] == 1
    assert validate(doc) == []


def test_three_years_of_the_default_demo_are_valid(three_years):
    assert validate(three_years) == []


def test_bad_options_are_refused():
    with pytest.raises(ValueError):
        generate(years=0, today=TODAY)
    with pytest.raises(ValueError):
        generate(scale=0, today=TODAY)


# -- realistic ------------------------------------------------------------------

def test_the_agency_is_riverside(three_years):
    agency = dict(three_years["agency"])
    contact = {key: agency.pop(key) for key in ("address", "telephone", "email", "irm_contact")}
    assert agency == {"name": "Riverside Regional Adoption Agency", "kind": "regional_adoption_agency",
                      "panel_name": "Riverside Adoption Panel", "region": "england_and_wales"}
    assert contact["address"].endswith("RV1 1AA") and "(demo details)" in contact["irm_contact"]


def test_scale_one_is_a_medium_regional_agency_and_scale_grows_it(three_years):
    assert 1000 <= len(three_years["households"]) <= 1400
    assert 700 <= len(three_years["children"]) <= 900
    one = generate(seed=2, years=1, scale=1, today=TODAY)
    two = generate(seed=2, years=1, scale=2, today=TODAY)
    for kind in ("households", "children"):
        assert 1.9 <= len(two[kind]) / len(one[kind]) <= 2.1, kind
    for kind in ("meetings", "members"):  # a bigger agency runs more panels
        assert len(two[kind]) > 1.4 * len(one[kind]), kind


def test_the_central_list_mirrors_a_real_panel(three_years):
    members = three_years["members"]
    roles = Counter(r for m in members for r in m["roles"])
    for role in ("chair", "vice_chair", "social_worker", "independent", "adopter_member", "adoptee_member",
                 "elected_member", "medical_adviser", "legal_adviser", "agency_adviser", "minute_taker"):
        assert roles[role] >= 1, role
    pqe = [m["social_worker_pqe_years"] for m in members if "social_worker" in m["roles"]]
    assert min(pqe) < 3 <= max(pqe)
    assert any("left" in m for m in members) and any("term_ends" in m for m in members)


def test_names_include_letters_beyond_ascii(three_years):
    names = [a["name"] for h in three_years["households"] for a in h["applicants"]]
    names += [c["name"] for c in three_years["children"]] + [m["name"] for m in three_years["members"]]
    assert any(not n.isascii() for n in names)


def test_panels_sit_on_their_days_and_never_on_a_bank_holiday(three_years):
    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(2023, 2026))
    refs = [m["ref"] for m in three_years["meetings"]]
    assert len(refs) == len(set(refs))
    first_panel = [m for m in three_years["meetings"] if m["ref"].endswith("-1")]
    for m in three_years["meetings"]:
        assert dt.date.fromisoformat(m["date"]) not in bank
    for m in first_panel:
        day = dt.date.fromisoformat(m["date"])
        assert day.weekday() == 3 and (day.day - 1) // 7 + 1 in (2, 4)
    statuses = Counter(m["status"] for m in three_years["meetings"])
    assert statuses["cancelled"] >= 1 and statuses["held"] > 100


def test_meetings_are_mostly_quorate_and_each_item_keeps_its_quorum(three_years):
    members = {m["ref"]: m for m in three_years["members"]}
    quorate_meetings = 0
    for meeting in held(three_years):
        present = [members[a["member"]] for a in meeting["attendance"] if a["status"] == "present"]
        if quorate(present):
            quorate_meetings += 1
            for d in meeting.get("declarations", []):
                if d["action"] != "remained":
                    assert quorate([p for p in present if p["ref"] != d["member"]]), meeting["ref"]
        else:
            # An inquorate panel makes no recommendation: it defers what it has.
            assert {i["outcome"] for i in meeting["items"]} == {"deferred"}, meeting["ref"]
    assert quorate_meetings >= 0.95 * len(held(three_years))


def test_agendas_are_realistic_and_cover_every_kind_of_business(three_years):
    lengths = [len(m["items"]) for m in held(three_years)]
    assert min(lengths) >= 3 and max(lengths) <= 10
    assert 5 <= sum(lengths) / len(lengths) <= 9
    every = items(three_years)
    assert {i["type"] for i in every} == set(ITEM_TYPES)
    outcomes = Counter(i.get("outcome") for i in every)
    for outcome in ("recommended", "not_recommended", "deferred", "noted", "removed"):
        assert outcomes[outcome] >= 1, outcome
    assert any("votes" in i and i["dissent"] for i in every)
    assert any(d["action"] == "left_for_item" for m in held(three_years) for d in m.get("declarations", []))
    decisions = [i["adm"] for i in every if "adm" in i]
    assert any(d["decision"] == "qualifying_determination" and "final" in d for d in decisions)
    wd = WorkingDays("england_and_wales")
    notice = [wd.between(dt.date.fromisoformat(m["papers_sent"]), dt.date.fromisoformat(m["date"]))
              for m in held(three_years)]
    late = sum(1 for days in notice if days < 5)
    assert min(notice) >= 2 and max(notice) <= 8 and 0 < late < 0.2 * len(notice)


def test_deferred_items_come_back_at_a_later_meeting(three_years):
    heard = {}
    for m in three_years["meetings"]:
        for i in m["items"]:
            if i["type"] == "adopter_approval":
                heard.setdefault(i["households"][0], []).append((m["date"], i.get("outcome")))
    relisted = [h for h, hearings in heard.items() if hearings[0][1] == "deferred" and len(hearings) > 1]
    assert relisted
    for h in relisted:
        assert heard[h][1][0] > heard[h][0][0]


def test_decisions_and_milestones_agree(three_years):
    households = {h["ref"]: h for h in three_years["households"]}
    children = {c["ref"]: c for c in three_years["children"]}
    for m in held(three_years):
        for i in m["items"]:
            adm = i.get("adm")
            if adm is None:
                continue
            assert m["minutes_final"] <= adm["date"]
            if adm["decision"] != "positive":
                continue
            if i["type"] == "adopter_approval":
                assert households[i["households"][0]]["milestones"]["approved"] == adm["date"]
            if i["type"] == "match":
                for ref in i["children"]:
                    assert children[ref]["milestones"]["match_decision"] == adm["date"]
                    assert children[ref]["matched_household"] == i["households"][0]


def test_nothing_has_happened_after_today_but_the_adviser_has_work(three_years):
    today = TODAY.isoformat()
    for record in three_years["households"] + three_years["children"]:
        assert max(record["milestones"].values()) <= today, record["ref"]
    for m in three_years["meetings"]:
        assert m.get("minutes_final", "") <= today and m.get("papers_sent", "") <= today
        assert (m["status"] == "planned") == (m["date"] >= today)
    past = held(three_years)
    assert any("minutes_final" not in m for m in past)
    assert any(i.get("outcome") == "recommended" and "adm" not in i for m in past for i in m["items"])
    planned = [m for m in three_years["meetings"] if m["status"] == "planned"]
    assert len(planned) >= 3
    assert sum(len(m["items"]) for m in planned) >= 10
    assert not any("outcome" in i for m in planned for i in m["items"])


# -- loading it -----------------------------------------------------------------

def _info_counts(out: str) -> dict:
    return {label: int(n) for label, n in re.findall(r"^([a-zA-Z ()]+):\s+(\d+)$", out, re.M)}


def test_panelapp_demo_loads_a_store_that_info_describes(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "demo.sqlite")
    args = ["demo", "--db", db, "--years", "1", "--today", TODAY.isoformat()]
    assert main(args) == 0
    loaded = capsys.readouterr()
    assert DEMO_AGENCY_NAME in loaded.out and "100%" in loaded.err
    doc = generate(seed=1, years=1, today=TODAY)
    monkeypatch.setenv("PANELAPP_PASSWORD", "panel-demo")  # the demo has accounts, so info signs in
    assert main(["info", "--db", db, "--as", "viewer"]) == 0
    info = capsys.readouterr().out
    assert DEMO_AGENCY_NAME in info
    counts = _info_counts(info)
    assert counts["households"] == len(doc["households"])
    assert counts["children"] == len(doc["children"])
    assert counts["meetings"] == len(doc["meetings"])
    assert counts["agenda items"] == len(items(doc))
    # The same demo again changes nothing; a demo made with other options is refused.
    assert main(args) == 0
    assert "nothing to import" in capsys.readouterr().out
    assert main(["demo", "--db", db, "--years", "1", "--seed", "2", "--today", TODAY.isoformat()]) == 1
    assert "other options" in capsys.readouterr().err


def test_panelapp_demo_refuses_a_store_with_another_agency(tmp_path, capsys):
    db = str(tmp_path / "real.sqlite")
    assert main(["init", "--db", db, "--agency", "Northshire Council Adoption Agency"]) == 0
    capsys.readouterr()
    assert main(["demo", "--db", db, "--years", "1", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "Northshire Council Adoption Agency" in err and "--db" in err
    assert main(["info", "--db", db]) == 0
    assert _info_counts(capsys.readouterr().out)["households"] == 0


def test_a_load_stopped_from_its_progress_report_leaves_nothing(store):
    heard = []

    def progress(fraction, message):
        heard.append(fraction)
        if fraction >= 0.45:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        with store.transaction() as session:
            create_demo_agency(session, years=1, today=TODAY, progress=progress)
    assert heard == sorted(heard) and heard[0] == 0.0
    with store.session() as session:
        assert session.exec(select(func.count()).select_from(Household)).one() == 0
        assert session.exec(select(func.count()).select_from(AgendaItem)).one() == 0


# -- a demo a user would believe ---------------------------------------------------

def test_presenters_are_named_once_and_no_family_shares_a_workers_name(three_years):
    members = {m["name"] for m in three_years["members"]}
    family = {a["name"] for h in three_years["households"] for a in h["applicants"]}
    family |= {c["name"] for c in three_years["children"]}
    workers = members | {p for i in items(three_years) for p in i.get("presenters", [])}
    assert not family & workers
    households = {h["ref"]: h for h in three_years["households"]}
    children = {c["ref"]: c for c in three_years["children"]}
    for item in items(three_years):
        presenters = item.get("presenters", [])
        assert len(presenters) == len(set(presenters)), item["ref"]
        names = [a["name"] for ref in item.get("households", []) for a in households[ref]["applicants"]]
        names += [children[ref]["name"] for ref in item.get("children", [])]
        assert not {p.split()[-1] for p in presenters} & {n.split()[-1] for n in names}, item["ref"]


def test_no_couple_is_two_people_of_one_name(three_years):
    couples = [[a["name"] for a in h["applicants"]] for h in three_years["households"] if len(h["applicants"]) > 1]
    assert len(couples) > 100
    assert [names for names in couples if len(set(names)) < len(names)] == []


def words_of(item: dict) -> list[str]:
    """Everything the demo writes about an item: what the minutes, the record and the letter print."""
    adm = item.get("adm", {})
    return [w for w in (item.get("recommendation"), item.get("reasons"), item.get("discussion"),
                        *item.get("advice", {}).values(), *(d["view"] for d in item.get("dissent", [])),
                        adm.get("reasons"), adm.get("final", {}).get("reasons"),
                        adm.get("irm", {}).get("recommendation")) if w]


def test_the_words_fit_the_item_they_are_about(three_years):
    households = {h["ref"]: h for h in three_years["households"]}
    declared = {d["item"]: d["interest"] for m in held(three_years) for d in m.get("declarations", [])}
    singles = siblings = 0
    for item in items(three_years):
        applicants = sum(len(households[ref]["applicants"]) for ref in item.get("households", []))
        said = " ".join(words_of(item) + [declared.get(item["ref"], "")])
        if applicants == 1 and said:
            singles += 1
            assert not re.search(r"\b(applicants|adopters)\b", said, re.I), (item["ref"], said)
        if len(item.get("children", [])) > 1:
            siblings += 1
            assert "the child's" not in said.lower(), (item["ref"], said)
        if not item.get("children"):
            # An approval or review has no child to speak of: no child's health, carer or guardian.
            assert not re.search(r"the child's|child's foster carer|guardian", said, re.I), (item["ref"], said)
        if item["ref"] in declared and not item.get("households"):
            assert "applicant" not in declared[item["ref"]], item["ref"]
    assert singles > 50 and siblings > 10


def test_heard_items_have_discussion_and_decisions_their_reasons(three_years):
    heard = [i for m in held(three_years) for i in m["items"] if i.get("outcome") in ("recommended",
                                                                                    "not_recommended")]
    assert heard and all(i.get("discussion") for i in heard)
    decided = [i["adm"] for i in heard if "adm" in i]
    assert decided and all(d.get("reasons") and d.get("documents") for d in decided)
    assert not any("The agency decision maker proposes" in d["reasons"] for d in decided)
    finals = [d["final"] for d in decided if "final" in d]
    assert finals and all(f.get("reasons") for f in finals)
    assert all(m.get("end") for m in held(three_years))


def test_panelapp_demo_makes_accounts_papers_and_signed_records(tmp_path, capsys):
    from panelapp import audit
    from panelapp.db import open_store
    from panelapp.models import AdmDecision, ItemPaper, Meeting
    from panelapp.reports import panel_pack_pdf
    from panelapp.services import accounts
    from pypdf import PdfReader
    db = str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", db, "--years", "1", "--today", TODAY.isoformat()]) == 0
    assert "each with the password panel-demo" in capsys.readouterr().out
    store = open_store(db)
    try:
        with store.transaction() as s:
            assert accounts.sign_in(s, "chair", "panel-demo").role == "chair"
        with store.session() as s:
            unsigned = s.exec(select(func.count()).select_from(AdmDecision)
                              .where(AdmDecision.signoff_hash.is_(None))).one()
            assert unsigned == 0
            assert s.exec(select(func.count()).select_from(ItemPaper)).one() > 0
            planned = s.exec(select(Meeting).where(Meeting.status == "planned")
                             .order_by(Meeting.meeting_date)).first()
            pack = panel_pack_pdf(s, planned, tmp_path / "pack.pdf")
            papers = sum(len(i.papers) for i in planned.items)
        assert papers > 0 and len(PdfReader(str(pack)).pages) >= 2 * papers + 2
        # The signed minutes list each item's papers, so the demo's papers must already be
        # there when its minutes are signed, or every signature reads as tampered with.
        with store.session() as s:
            report = audit.verify(s)
        assert report.problems == []
    finally:
        store.dispose()
