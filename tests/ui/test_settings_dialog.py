"""Edit the agency's settings: an administrator's, saved through the service, which
refuses a bad value in a sentence the dialog shows while keeping what was typed."""

from sqlmodel import select

from panelapp.models import Agency
from panelapp.services.agency import agency_settings, update_agency
from panelapp.services.permissions import Actor
from tests.ui.drive import unnamed_controls
from ui.admin.settings_dialog import AgencySettingsDialog, open_settings

ADMIN = Actor("ada", "Ada Admin", "admin")
ADVISER = Actor("pat", "Pat Adviser", "adviser")


def stored(store) -> dict:
    with store.session() as session:
        return {key: entry["value"] for key, entry in agency_settings(session).items()}


def test_change_the_panel_name_and_a_target(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store, ADMIN)
    assert window.settings_action.isVisible()
    window.settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, AgencySettingsDialog) and dialog.isVisible()
    assert dialog.name.text() == "Northshire Council Adoption Agency"
    assert dialog.panel_name.text() == "Northshire Adoption Panel"
    assert dialog.numbers["adm_working_days"].value() == 7  # the default, shown as the rules use it
    assert dialog.casting_vote.isChecked()

    dialog.panel_name.setText("Northshire and Borders Adoption Panel")
    dialog.name.setText("Northshire and Borders Adoption Agency")
    dialog.numbers["minutes_working_days"].setValue(12)
    assert dialog.changes() == {"name": "Northshire and Borders Adoption Agency",
                                "panel_name": "Northshire and Borders Adoption Panel",
                                "minutes_working_days": 12}
    assert dialog.save()
    assert not dialog.isVisible()
    now = stored(northshire_store)
    assert now["panel_name"] == "Northshire and Borders Adoption Panel"
    assert now["minutes_working_days"] == 12
    with northshire_store.session() as session:
        agency = session.exec(select(Agency)).one()
        assert agency.adm_working_days is None, "a default left alone stays a default"
    assert window.windowTitle() == "Northshire and Borders Adoption Agency — PanelApp"
    assert window.agency.panel_name == "Northshire and Borders Adoption Panel"

    window.settings_action.trigger()  # opened again, it shows what was saved
    assert window.dialog.numbers["minutes_working_days"].value() == 12


def test_a_bad_value_is_explained_and_the_input_kept(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store, ADMIN)
    dialog = open_settings(window)
    dialog.name.setText("   ")
    dialog.panel_name.setText("A new panel name")
    assert not dialog.save()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == "Settings not changed: the agency's name cannot be empty."
    assert dialog.panel_name.text() == "A new panel name"
    assert stored(northshire_store)["panel_name"] == "Northshire Adoption Panel", "nothing was saved"
    assert window.windowTitle() == "Northshire Council Adoption Agency — PanelApp"

    dialog.name.setText("Northshire Council Adoption Agency")
    assert dialog.save()
    assert stored(northshire_store)["panel_name"] == "A new panel name"


def test_settings_saved_by_someone_else_meanwhile_are_not_overwritten(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store, ADMIN)
    dialog = open_settings(window)
    with northshire_store.transaction() as session:  # another administrator, at another desk
        update_agency(session, Actor("bea", "Bea Admin", "admin"), panel_name="Northshire Panel B")
    dialog.panel_name.setText("Northshire Panel A")
    assert not dialog.save()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "Someone else changed the agency's settings since you opened it" in dialog.problem.text()
    assert dialog.panel_name.text() == "Northshire Panel A", "what was typed is kept"
    assert stored(northshire_store)["panel_name"] == "Northshire Panel B"

    dialog.reject()
    again = open_settings(window)  # opened again, it shows their change and saves over it knowingly
    assert again.panel_name.text() == "Northshire Panel B"
    again.panel_name.setText("Northshire Panel A")
    assert again.save()
    assert stored(northshire_store)["panel_name"] == "Northshire Panel A"


def test_only_an_administrator_sees_the_settings(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store, ADVISER)
    assert not window.settings_action.isVisible()
    assert open_settings(window) is None


def test_every_control_has_an_accessible_name(qtbot, northshire_store):
    dialog = AgencySettingsDialog(northshire_store, ADMIN)
    qtbot.addWidget(dialog)
    assert len(dialog.numbers) == 6
    assert unnamed_controls(dialog) == []
