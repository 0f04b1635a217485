"""The clocks on the Northshire fixture as they stood on 15 January 2025, checked by hand."""

import datetime as dt

from panelapp.cli import main
from panelapp.rules.clocks import add_months, open_deadlines


def by(deadlines, clock, subject):
    found = [d for d in deadlines if d.clock == clock and d.subject == subject]
    assert len(found) == 1, (clock, subject, found)
    return found[0]


def test_deadlines_on_15_january_2025(northshire):
    with northshire.session() as s:
        found = open_deadlines(s, dt.date(2025, 1, 15))
    # Minutes of 9 Jan 2025 (a Thursday): 10 working days later is Thursday 23 January.
    minutes = by(found, "minutes", "P20250109")
    assert (minutes.due, minutes.left, minutes.overdue) == (dt.date(2025, 1, 23), 6, False)
    # P20241212's minutes were final on Monday 30 Dec 2024; 7 working days, skipping New Year's Day,
    # run out on Thursday 9 January: four working days overdue on the 15th.
    late = by(found, "adm_decision", "I00233")
    assert (late.due, late.left, late.overdue) == (dt.date(2025, 1, 9), -4, True)
    # I00223 decided Monday 13 January; the letter is due 5 working days later, Monday 20 January.
    assert by(found, "decision_letter", "I00223").due == dt.date(2025, 1, 20)
    # The qualifying determination on I00086 was notified Tuesday 10 Dec 2024: 40 working days
    # beginning with that day (reg 30B(5)(c): it is day 1), skipping Christmas, Boxing Day and
    # New Year's Day, end on Thursday 6 February 2025.
    assert by(found, "qualifying_determination", "I00086").due == dt.date(2025, 2, 6)
    # Papers for 13 Feb 2025 (sent 4 Feb, after the 15th) are due 5 working days before: 6 February.
    assert by(found, "papers", "P20250213").due == dt.date(2025, 2, 6)
    # Sorted soonest first; nothing already done is listed.
    assert [d.due for d in found] == sorted(d.due for d in found)
    assert not any(d.clock == "minutes" and d.subject == "P20241212" for d in found)


def test_deadlines_command_prints_soonest_first(northshire, capsys):
    assert main(["--db", northshire.url, "deadlines", "--on", "2025-01-15", "--clock", "minutes",
                 "--clock", "adm_decision"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Open deadlines on 2025-01-15: 5 (4 overdue)")
    assert "2025-01-09  4 working days overdue" in lines[4]
    assert lines[5].startswith("minutes") and "2025-01-23  6 working days left" in lines[5]


def test_add_months_keeps_the_end_of_the_month():
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 12, 15), 2) == dt.date(2025, 2, 15)


def test_audit_verify_command(northshire, capsys):
    assert main(["--db", northshire.url, "audit", "verify"]) == 0
    assert "audit trail intact: 1 events" in capsys.readouterr().out


def test_quality_feedback_is_due_six_months_after_the_last(northshire):
    from panelapp.services.feedback import record_feedback
    from panelapp.services.permissions import Actor
    chair = Actor("chair", "Farah Nowak", "chair")
    with northshire.session() as s:
        first = by(open_deadlines(s, dt.date(2025, 1, 15)), "quality_feedback", "panel")
    assert first.started == dt.date(2022, 4, 28) and first.overdue  # the first meeting held, never any feedback
    with northshire.transaction() as s:
        record_feedback(s, chair, given_on=dt.date(2024, 11, 30), summary="PARs were thorough; CPRs late twice.")
    with northshire.session() as s:
        due = by(open_deadlines(s, dt.date(2025, 1, 15)), "quality_feedback", "panel")
    assert (due.due, due.overdue) == (dt.date(2025, 5, 30), False)


def test_stage_2_ends_at_the_adm_decision_whichever_way_it_went(northshire):
    """A household decided 'not suitable' is not left on the Stage 2 clock."""
    from sqlmodel import select
    from panelapp.models import AdmDecision, AgendaItem, Household, ItemHousehold
    with northshire.session() as s:
        refused = s.exec(select(Household.ref).join(ItemHousehold, ItemHousehold.household_id == Household.id)
                         .join(AgendaItem, ItemHousehold.item_id == AgendaItem.id)
                         .join(AdmDecision, AdmDecision.item_id == AgendaItem.id)
                         .where(AgendaItem.item_type == "adopter_approval", Household.approved.is_(None),
                                Household.stage2_start.is_not(None), Household.withdrawal_date.is_(None),
                                AdmDecision.decided_on <= dt.date(2025, 3, 31))).all()
        found = open_deadlines(s, dt.date(2025, 3, 31))
    assert refused, "the fixture has households refused at panel"
    assert not [d for d in found if d.clock == "stage2" and d.subject in set(refused)]
