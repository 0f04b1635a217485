"""The workspace: sections, menus and shortcuts, the status bar, remembered settings, themes."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
)

from panelapp.services.permissions import Actor
from ui.shell import theme

SECTIONS = ["Meetings", "Agenda", "Households", "Children", "Central list", "Deadlines", "Statistics"]


def test_the_sidebar_offers_every_section_the_role_may_see(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    shown = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    # Other sections (the meeting room's) may sit between these; these keep their order.
    assert [title for title in shown if title in SECTIONS] == SECTIONS
    assert shown[-1] == "Audit"
    member = open_workspace(northshire_store, Actor("sam", "Sam Member", "member"))
    assert "Audit" not in [s.title for s in member.sections], "members may not read the audit trail"
    assert not member.new_meeting_action.isEnabled()


def test_the_status_bar_names_the_user_role_and_store(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    assert window.user_label.text() == "Signed in as Pat Adviser (panel adviser)"
    assert window.store_label.text() == f"Store: {northshire_store.description}"


def test_shortcuts(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.new_meeting_action.shortcut().toString() == "Ctrl+N"
    assert window.export_action.shortcut().toString() == "Ctrl+P"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    window.show_section("households")
    page = window.section("households").page
    window.find_action.trigger()
    assert window.focusWidget() is page.table.search


def test_geometry_and_last_section_are_remembered(qtbot, open_workspace, northshire_store, private_settings):
    window = open_workspace(northshire_store)
    window.show_section("central_list")
    window.resize(760, 560)  # inside the offscreen screen (800 by 600), or near its minimum
    size = window.size()
    window.close()
    assert list(private_settings.rglob("*.ini")), "QSettings wrote to the test's own folder"
    again = open_workspace(northshire_store)
    assert again.current_section().key == "central_list"
    assert again.size() == size


def test_choosing_a_theme_applies_and_remembers_it(qtbot, open_workspace, northshire_store, make_desk):
    window = open_workspace(northshire_store)
    dark = next(a for a in window.theme_actions.actions() if a.data() == "dark")
    dark.trigger()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert QSettings().value("view/theme") == "dark"
    assert theme.current_choice() == "dark" and dark.isChecked()
    light = next(a for a in window.theme_actions.actions() if a.data() == "light")
    light.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def named_controls(root):
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit) + \
            root.findChildren(QComboBox) + root.findChildren(QAbstractItemView):
        parent = widget.parentWidget()
        # Parts of a compound control are named by the control itself.
        if isinstance(widget, QHeaderView) or isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue
        if widget.metaObject().className() in ("QTableCornerButton", "QLineEditIconButton",
                                               "QComboBoxListView") or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts
        if isinstance(widget, QAbstractItemView) and isinstance(widget.parentWidget(), QComboBox):
            continue
        yield widget


def test_every_control_has_an_accessible_name_and_takes_the_keyboard(qtbot, open_workspace,
                                                                     northshire_store):
    window = open_workspace(northshire_store)
    for section in window.sections:
        window.show_section(section.key)
    qtbot.waitUntil(lambda: window.runner.active == 0, timeout=30_000)  # every section loads at once
    # A button's own text is its accessible name when it has no other.
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in named_controls(window)
               if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text().strip())]
    assert unnamed == []
    unreachable = [w.accessibleName() for w in named_controls(window)
                   if not w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert unreachable == []
