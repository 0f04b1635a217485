"""The adviser's agenda: the pickers offer only eligible cases (with "show all"), and the
agenda warns about a withdrawn household or a child whose plan changed."""

import datetime as dt

from PySide6.QtGui import QUndoStack

from panelapp.services.lookup import child_by_ref, household_by_ref
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from tests.ui.test_meeting_room import MEETING_DAY
from ui.agenda.item_dialog import ItemDialog
from ui.agenda.page import AgendaPage

people = test_meeting_room.people  # the agency, an account per role and a planned meeting

PNG = SHOTS


def open_agenda(qtbot, runner, store, actor) -> AgendaPage:
    page = AgendaPage(runner, store, actor, QUndoStack(), lambda *_: None)
    qtbot.addWidget(page)
    page.today = lambda: MEETING_DAY - dt.timedelta(days=30)
    page.resize(1280, 680)
    page.show()
    with qtbot.waitSignal(page.items.loaded, timeout=10_000):
        page.reload()
    return page


def test_the_pickers_offer_the_eligible_cases_and_show_all_overrides(qtbot, runner, store, people):
    page = open_agenda(qtbot, runner, store, people["adviser"])
    page.ask_add()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ItemDialog) and page.dialog.isVisible(), timeout=10_000)
    dialog = page.dialog
    dialog.choose_type("adopter_approval")
    # H1 and H3 are in Stage 2 with no decision; H2 and H4 are approved already.
    assert set(dialog.households.shown_refs()) == {"H1", "H3"}
    assert "households in Stage 2 with no decision yet" in dialog.offered.text()
    dialog.choose_type("match")
    assert set(dialog.households.shown_refs()) == {"H2", "H4"}
    assert dialog.children.shown_refs() == ["C1"]
    dialog.grab().save(f"{PNG}/item-dialog-match.png")
    dialog.show_all.click()
    assert set(dialog.households.shown_refs()) == {"H1", "H2", "H3", "H4"}
    assert not dialog.offered.isVisible()
    # A ticked case stays in view when the filter comes back.
    dialog.households.set_chosen("H1")
    dialog.show_all.click()
    assert set(dialog.households.shown_refs()) == {"H1", "H2", "H4"}
    dialog.reject()


def test_the_agenda_warns_about_a_withdrawn_household_and_a_changed_plan(qtbot, runner, store, people):
    with store.transaction() as s:
        household_by_ref(s, "H3").withdrawn = dt.date(2025, 5, 20)
        child_by_ref(s, "C1").plan_changed = dt.date(2025, 5, 28)
    page = open_agenda(qtbot, runner, store, people["adviser"])
    assert page.agenda.meeting_ref == "P20250612"
    text = page.warnings.text()
    assert "household H3 (Priya Shah) withdrew on 20 May 2025" in text
    assert "Amy Child&#x27;s plan changed on 28 May 2025" in text  # the label is rich text
    assert page.warnings.isVisible()
    page.grab().save(f"{PNG}/agenda-warnings-1280x680.png")
