"""Editing households, children and the central list from their sections: each message beside its
field, nothing stored until the service accepts, and the list and detail pane showing what was saved."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QGroupBox, QLineEdit, QWidget
from sqlmodel import func, select

from panelapp.models import AuditEvent
from panelapp.services import records
from panelapp.services.permissions import Actor
from ui.common.tablepage import TablePage

ADVISER = Actor("pat", "Pat Adviser", "adviser")
CHAIR = Actor("cara", "Cara Chair", "chair")


def section(qtbot, window, key):
    window.show_section(key)
    page = window.section(key).page
    table = page if isinstance(page, TablePage) else page.table
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    return page, table


def choose(qtbot, table, ref):
    assert table.select_where(lambda row: row.ref == ref)
    assert table.current_object().ref == ref


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def cell(table, ref, title):
    column = next(n for n, c in enumerate(table.model.columns) if c.title == title)
    for r in range(table.proxy.rowCount()):
        if table.proxy.row_object(r).ref == ref:
            return table.proxy.index(r, column).data()
    return None


def audit_events(store) -> int:
    with store.session() as s:
        return s.exec(select(func.count()).select_from(AuditEvent)).one()


def stored(store, read, ref) -> dict:
    with store.session() as s:
        return read(s, ADVISER, ref)


def test_an_out_of_order_milestone_is_shown_beside_its_field_then_fixed(qtbot, open_workspace,
                                                                       northshire_store):
    window = open_workspace(northshire_store)
    page, table = section(qtbot, window, "households")
    choose(qtbot, table, "H0000")
    qtbot.waitUntil(lambda: "H0000" in page.detail.title.text())
    before, events = stored(northshire_store, records.read_household, "H0000"), audit_events(northshire_store)

    dialog = page.editing.edit()
    assert dialog.isVisible() and dialog.windowTitle() == "Household H0000"
    approved = dialog.milestones["approved"]
    assert approved.text() == "2025-01-03"
    approved.setText("2024-07-01")  # before stage 2 started on 2024-07-30
    save(qtbot, dialog)

    row = dialog.rows["milestones.approved"]
    assert dialog.isVisible(), "the form stays open with what was typed"
    assert approved.text() == "2024-07-01"
    assert row.error.isVisible()
    assert row.error.text() == "2024-07-01 is before stage 2 start 2024-07-30"
    # Directly under the field it is about, and nowhere else.
    assert row.error.parentWidget() is approved.parentWidget()
    assert row.error.geometry().top() >= approved.geometry().bottom()
    assert abs(row.error.geometry().left() - approved.geometry().left()) <= 2
    assert dialog.messages() == {"Approved": "2024-07-01 is before stage 2 start 2024-07-30"}
    assert approved.accessibleDescription() == row.error.text()
    assert dialog.focusWidget() is approved, "the first field to put right has the focus"
    assert stored(northshire_store, records.read_household, "H0000") == before
    assert audit_events(northshire_store) == events

    approved.setText("10/1/2025")  # put right, in the UK way of writing a date
    approved.editingFinished.emit()
    assert approved.text() == "2025-01-10"
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert not row.error.isVisible()
    assert stored(northshire_store, records.read_household, "H0000")["record"]["milestones"]["approved"] == \
        "2025-01-10"
    assert audit_events(northshire_store) == events + 1
    qtbot.waitUntil(lambda: cell(table, "H0000", "Approved") == "10 Jan 2025")
    qtbot.waitUntil(lambda: (dt.date(2025, 1, 10), "Approved", False) in page.detail.timeline.events)
    assert table.current_object().ref == "H0000"
    assert window.statusBar().currentMessage() == "Household H0000 saved"


def test_withdrawal_and_approval_terms_are_checked_field_by_field(qtbot, open_workspace, northshire_store):
    page, table = section(qtbot, open_workspace(northshire_store), "households")
    choose(qtbot, table, "H0001")
    dialog = page.editing.edit()
    dialog.withdrawal.setChecked(True)
    dialog.withdrawal_date.setText("2023-01-01")
    dialog.approval.setChecked(True)
    dialog.age_min.setValue(9)
    dialog.age_max.setValue(2)
    dialog.applicant_groups[1].setChecked(True)
    save(qtbot, dialog)
    assert dialog.messages() == {
        "Name": "must not be empty",  # the second applicant's, ticked but not named
        "Aged": "2 is below the youngest age 9",
        "Date": "2023-01-01 is before enquiry 2023-03-17",
        "By": "is required",
        "At stage": "is required",
        "Reason": "must not be empty",
    }
    assert dialog.rows["applicants[1].name"].error.isVisible()
    assert not dialog.rows["applicants[0].name"].error.isVisible()
    assert dialog.problem.text() == "Not saved: 6 things to put right, shown in red."
    dialog.reject()


def test_create_a_child(qtbot, open_workspace, northshire_store, northshire_doc):
    window = open_workspace(northshire_store)
    page, table = section(qtbot, window, "children")
    dialog = page.editing.new()
    assert dialog.windowTitle() == "New child"
    dialog.milestones["entered_care"].setText("2024-02-01")
    dialog.milestones["placed"].setText("2024-01-01")
    save(qtbot, dialog)
    assert dialog.messages() == {"Name": "must not be empty",
                                 "Placed": "2024-01-01 is before entered care 2024-02-01"}
    assert table.model.rowCount() == len(northshire_doc["children"])

    qtbot.keyClicks(dialog.name, "Ola Newchild")
    dialog.milestones["placed"].clear()
    dialog.gender.setCurrentIndex(dialog.gender.findData("female"))
    dialog.needs.setText("disability, complex_health")
    dialog.matched_household.setText("H0000")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    made = dialog.saved
    assert made["ref"].startswith("C") and made["record"]["needs"] == ["disability", "complex_health"]
    qtbot.waitUntil(lambda: table.model.rowCount() == len(northshire_doc["children"]) + 1)
    qtbot.waitUntil(lambda: table.current_object() is not None and table.current_object().ref == made["ref"])
    assert cell(table, made["ref"], "Name") == "Ola Newchild"
    assert cell(table, made["ref"], "Matched with") == "H0000"
    qtbot.waitUntil(lambda: page.detail.title.text() == f"Ola Newchild ({made['ref']})")


def test_edit_a_members_term_end(qtbot, open_workspace, northshire_store):
    page, table = section(qtbot, open_workspace(northshire_store), "central_list")
    choose(qtbot, table, "M06")
    dialog = page.editing.edit()
    assert dialog.term_ends.text() == "2024-12-31"
    assert [r for r, box in dialog.roles.items() if box.isChecked()] == ["independent", "adopter_member"]
    dialog.term_ends.setText("2021-03-31")
    save(qtbot, dialog)
    assert dialog.messages() == {"Term ends": "2021-03-31 is before appointed 2021-04-01"}
    dialog.term_ends.setText("2027-03-31")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: cell(table, "M06", "Term ends") == "31 Mar 2027")
    member = stored(northshire_store, records.read_member, "M06")
    assert member["record"]["term_ends"] == "2027-03-31" and member["version"] == 2
    with northshire_store.session() as s:
        event = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.actor, event.action, event.entity) == ("pat", "update", "member")
    assert json.loads(event.before)["term_ends"] == "2024-12-31"


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten(qtbot, open_workspace, northshire_store):
    page, table = section(qtbot, open_workspace(northshire_store), "central_list")
    choose(qtbot, table, "M13")
    dialog = page.editing.edit()
    with northshire_store.transaction() as s:
        records.update_member(s, ADVISER, "M13", name="Sam Evans-Jones")
    dialog.left.setText("2026-01-31")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("Someone else changed the member M13 since you opened it")
    assert stored(northshire_store, records.read_member, "M13")["record"].get("left") is None
    dialog.reject()


@pytest.mark.parametrize("key", ["households", "children", "central_list"])
def test_a_chair_does_not_see_the_edit_actions(qtbot, open_workspace, northshire_store, key):
    page, table = section(qtbot, open_workspace(northshire_store, CHAIR), key)
    assert page.editing.new_button.isHidden() and page.editing.edit_button.isHidden()
    table.select_where(lambda row: True)
    table.activated.emit(table.current_object())  # a double click opens nothing either
    assert page.editing.dialog is None
    assert page.editing.edit() is None and page.editing.new() is None


def test_an_adviser_sees_them_and_every_control_of_the_forms_has_a_name(qtbot, open_workspace,
                                                                         northshire_store):
    window = open_workspace(northshire_store)
    for key, ref in (("households", "H0012"), ("children", "C0002"), ("central_list", "M03")):
        page, table = section(qtbot, window, key)
        assert not page.editing.new_button.isHidden() and not page.editing.edit_button.isHidden()
        choose(qtbot, table, ref)
        for dialog in (page.editing.edit(), page.editing.new()):
            controls = [w for w in dialog.findChildren(QWidget)
                        if isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QGroupBox))
                        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]
            assert len(controls) > 10
            unnamed = [f"{type(w).__name__} {w.objectName()}" for w in controls if not w.accessibleName()]
            assert unnamed == [], dialog.windowTitle()
            dialog.reject()
