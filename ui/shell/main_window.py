"""The panel adviser's workspace: sections down the side, the chosen one beside them."""

import datetime as dt

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.models import Meeting
from panelapp.queries.meetings import MeetingForm, meeting_form
from panelapp.services.meetings import create_meeting, update_meeting
from panelapp.services.permissions import Actor, allowed
from ui.admin.audit import AuditPage
from ui.agenda.page import AgendaPage
from ui.common import queries
from ui.common.change import change
from ui.common.commands import ServiceCommand
from ui.common.export import export_table
from ui.common.queries import AgencyInfo
from ui.common.tablepage import TablePage
from ui.common.tasks import TaskRunner
from ui.deadlines.links import open_concerned
from ui.deadlines.page import DeadlinesPage
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.page import MeetingsPage
from ui.records.central_list import CentralListPage
from ui.records.children import ChildrenPage
from ui.records.households import HouseholdsPage
from ui.shell import settings, theme
from ui.shell.icons import app_icon, icon
from ui.shell.room_sections import meeting_sections
from ui.shell.section import Section
from ui.statistics.page import StatisticsPage

READ_ONLY_BANNER = ("Read-only: this store's file or folder cannot be written here, so you can read, "
                    "print and export, but nothing can be changed. To change it, ask someone who may "
                    "write it, or open a copy kept where you may write (File > Open another store).")


class MainWindow(QMainWindow):
    theme_chosen = Signal(str)
    sign_out_requested = Signal()
    store_requested = Signal(str)  # the path of another store to open (issue 14)

    def __init__(self, store: Store, runner: TaskRunner, actor: Actor,
                 agency: AgencyInfo | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.runner, self.actor, self.agency = store, runner, actor, agency
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        title = f"{agency.name} — PanelApp" if agency else "PanelApp"
        self.setWindowTitle(f"{title} (read-only)" if store.read_only else title)
        self.setAccessibleName("PanelApp")
        self.undo_stack = QUndoStack(self)
        self.sections: list[Section] = []
        self._loaded: set[str] = set()
        self._iconed: list[tuple[QAction, str]] = []
        self.dialog = None
        self.message: QMessageBox | None = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Section content")
        self.sidebar.currentRowChanged.connect(self._show_section)

        for section in self._build_sections():
            self.add_section(section)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(12, 12, 12, 8)
        self.read_only_banner: QLabel | None = None
        if store.read_only:
            self.read_only_banner = QLabel(READ_ONLY_BANNER)
            self.read_only_banner.setObjectName("read_only_banner")
            self.read_only_banner.setAccessibleName("This store is read-only")
            self.read_only_banner.setWordWrap(True)
            content_layout.addWidget(self.read_only_banner)
        content_layout.addWidget(self.stack, 1)
        row.addWidget(content, 1)
        self.setCentralWidget(body)

        self._build_menus()
        self._build_status_bar()
        self._fit_sidebar()
        self.resize(1180, 740)
        self.restore_state()

    # -- sections -----------------------------------------------------------
    def _build_sections(self) -> list[Section]:
        store, runner = self.store, self.runner
        self.meetings = MeetingsPage(runner, store, self.actor, self.tell)
        self.agenda = AgendaPage(runner, store, self.actor, self.undo_stack, self.tell)
        self.meetings.activated.connect(self.open_agenda)
        self.meetings.plan_requested.connect(self.new_meeting)
        self.meetings.changed.connect(self.agenda.reload)
        self.agenda.changed.connect(self.meetings.reload)
        self.deadlines = DeadlinesPage(runner, store, actor=self.actor)
        self.deadlines.activated.connect(self.open_deadline)
        sections = [
            Section("meetings", "Meetings", "meetings", self.meetings),
            Section("agenda", "Agenda", "agenda", self.agenda),
            Section("households", "Households", "households", HouseholdsPage(runner, store, actor=self.actor)),
            Section("children", "Children", "children", ChildrenPage(runner, store, actor=self.actor)),
            Section("central_list", "Central list", "central_list",
                    CentralListPage(runner, store, actor=self.actor)),
            Section("deadlines", "Deadlines", "deadlines", self.deadlines),
            Section("statistics", "Statistics", "statistics", StatisticsPage(runner, store, actor=self.actor)),
        ]
        sections[2:2] = meeting_sections(self)
        if allowed(self.actor, "audit.read"):
            sections.append(Section("audit", "Audit", "audit", AuditPage(runner, store, self.actor)))
        if allowed(self.actor, "accounts.manage"):  # issue 14
            from ui.admin.accounts import AccountsPage
            sections.append(Section("accounts", "Accounts", "central_list", AccountsPage(runner, store, self.actor)))
        return sections

    def open_agenda(self, meeting_row) -> None:
        self.show_section("agenda")
        self.agenda.show_meeting(meeting_row.id)

    def open_deadline(self, deadline) -> None:
        open_concerned(self, deadline)

    def add_section(self, section: Section) -> None:
        self.sections.append(section)
        item = QListWidgetItem(icon(section.icon, theme.icon_colour()), section.title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, section.title)
        self.sidebar.addItem(item)
        self.stack.addWidget(section.page)

    def _fit_sidebar(self) -> None:
        widest = max((self.fontMetrics().horizontalAdvance(s.title) for s in self.sections), default=80)
        self.sidebar.setFixedWidth(widest + 90)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.sections.index(self.section(key)))

    def current_section(self) -> Section | None:
        row = self.sidebar.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def _show_section(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        section = self.sections[row]
        self.stack.setCurrentWidget(section.page)
        if section.key not in self._loaded and hasattr(section.page, "reload"):
            self._loaded.add(section.key)
            section.page.reload()

    def reload_all(self) -> None:
        """After the store changed under every section: the one shown is read again now,
        the others when next shown."""
        self._loaded.clear()
        section = self.current_section()
        if section is not None and hasattr(section.page, "reload"):
            self._loaded.add(section.key)
            section.page.reload()

    def reload_current(self) -> None:
        section = self.current_section()
        if section is not None and hasattr(section.page, "reload"):
            section.page.reload()

    def find(self) -> None:
        section = self.current_section()
        if section is not None and hasattr(section.page, "focus_search"):
            section.page.focus_search()

    # -- menus and status ---------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            self._iconed.append((action, icon_name))
            action.setIcon(icon(icon_name, theme.icon_colour()))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_meeting_action = self._action("&New meeting…", self.new_meeting, QKeySequence.StandardKey.New,
                                               "new", "Plan a panel meeting")
        self.new_meeting_action.setEnabled(allowed(self.actor, "meeting.plan"))
        self.edit_meeting_action = self._action("&Change meeting…", self.edit_meeting, "Ctrl+E", None,
                                                "Change the chosen meeting's date, time, venue or capacity")
        self.edit_meeting_action.setEnabled(allowed(self.actor, "meeting.plan"))
        self.export_action = self._action("&Print or export this list…", self.export_current,
                                          QKeySequence.StandardKey.Print, "export",
                                          "Save the rows shown, as PDF to print or as CSV for a spreadsheet")
        file_menu.addAction(self.new_meeting_action)
        file_menu.addAction(self.edit_meeting_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        self.reload_action = self._action("&Reload", self.reload_current, QKeySequence.StandardKey.Refresh,
                                          "reload", "Read this section again from the store")
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        from ui.admin.exchange import exchange_files  # import, export and agency settings (audit issues 2-3)
        from ui.admin.settings_dialog import open_settings
        self.import_action = self._action("&Import an exchange file…", lambda: exchange_files(self).ask_import(),
                                          None, None, "Read records from an exchange file (JSON, plain or sealed)")
        self.import_action.setVisible(allowed(self.actor, "exchange.import"))
        self.exchange_export_action = self._action("E&xport…", lambda: exchange_files(self).ask_export(), None,
                                                   None, "Write every record to an exchange file")
        self.exchange_export_action.setVisible(allowed(self.actor, "exchange.export"))
        self.settings_action = self._action("Agency &settings…", lambda: open_settings(self), None, None,
                                            "The agency's names, working-day targets, quorum and casting vote")
        self.settings_action.setVisible(allowed(self.actor, "agency.edit"))
        from ui.admin.spreadsheet_import import open_spreadsheet_import
        self.spreadsheet_import_action = self._action(
            "Import a &spreadsheet…", lambda: open_spreadsheet_import(self), None, None,
            "Read an agency tracker (.xlsx or .csv) into the store, column by column")
        self.spreadsheet_import_action.setVisible(allowed(self.actor, "exchange.import"))
        for action in (self.import_action, self.spreadsheet_import_action, self.exchange_export_action,
                       self.settings_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        from ui.admin.accounts import ask_own_password  # issue 14: everyone changes their own password
        self.own_password_action = self._action(
            "Change my pass&word…", lambda: ask_own_password(self, self.store, self.actor,
                                                   lambda done: self.statusBar().showMessage(f"Done: {done}.", 8000)),
            None, None,
            "Change the password you sign in with")
        file_menu.addAction(self.own_password_action)
        from ui.shell.store_switch import add_to_menu
        add_to_menu(file_menu, self, self.store_requested.emit)
        file_menu.addAction(self._action("Sign &out", self.sign_out_requested.emit, None, "sign_out"))
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self._iconed.append((self.undo_action, "undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._iconed.append((self.redo_action, "redo"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action("&Find", self.find, QKeySequence.StandardKey.Find, "search",
                                        "Search the rows of this section")
        edit_menu.addAction(self.find_action)

        view_menu = bar.addMenu("&View")
        for number, section in enumerate(self.sections, start=1):
            view_menu.addAction(self._action(
                section.title, lambda _=False, key=section.key: self.show_section(key),
                f"Ctrl+{number}" if number < 10 else None))
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions = QActionGroup(self)
        current = theme.current_choice()
        for choice, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(label, self, checkable=True)
            action.setData(choice)
            action.setChecked(choice == current)
            action.triggered.connect(lambda _=False, c=choice: self.theme_chosen.emit(c))
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)

        if self.store.read_only:
            for action in (self.new_meeting_action, self.edit_meeting_action, self.import_action,
                           self.spreadsheet_import_action, self.settings_action, self.own_password_action):
                action.setEnabled(False)
                action.setStatusTip("The store is open read-only: nothing can be changed in it")
        self.retheme()
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About PanelApp", self.about))
        from ui.takeaway.actions import install  # issue 13: a meeting out to the chair's laptop and back
        self.takeaway = install(self, file_menu, self.own_password_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel(f"Signed in as {self.actor.label}")
        self.user_label.setAccessibleName("Signed-in user and role")
        self.store_label = QLabel(f"Store: {self.store.description}")
        self.store_label.setAccessibleName("Store")
        self.store_label.setToolTip(self.store.description)
        if self.store.read_only:
            read_only = QLabel("Read-only")
            read_only.setObjectName("read_only_status")
            read_only.setAccessibleName("The store is open read-only")
            read_only.setToolTip(READ_ONLY_BANNER)
            status.addPermanentWidget(read_only)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.store_label)

    def retheme(self) -> None:
        """Redraw the icons in the theme's text colour, after the theme changed."""
        colour = theme.icon_colour()
        for row, section in enumerate(self.sections):
            self.sidebar.item(row).setIcon(icon(section.icon, colour))
            for page in (section.page, getattr(section.page, "table", None),
                         getattr(section.page, "items", None)):
                if isinstance(page, TablePage):
                    page.retheme()
        for action, name in self._iconed:
            action.setIcon(icon(name, colour))
        current = theme.current_choice()
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == current)

    # -- planning meetings ----------------------------------------------------
    def new_meeting(self) -> None:
        if not allowed(self.actor, "meeting.plan"):
            return
        dialog = MeetingDialog("New meeting", date=dt.date.today() + dt.timedelta(days=28), parent=self,
                               region=self.agency.region if self.agency else None)
        dialog.accepted.connect(lambda: self.create_meeting(dialog.values()))
        self.dialog = dialog
        dialog.open()

    def create_meeting(self, values: dict) -> dict | None:
        def planned(made: dict) -> None:
            self.meetings.reload()
            self.statusBar().showMessage(f"Meeting {made['ref']} planned", 5000)

        return change(self.store, self.actor, create_meeting, date=values["meeting_date"],
                      start=values.get("start_time"), venue=values.get("venue"),
                      capacity=values.get("capacity"),
                      refused=lambda text: self.tell("The meeting was not planned", text), done=planned).value

    def edit_meeting(self) -> None:
        row = self.meetings.current_object()
        if row is None:
            self.tell("Choose a meeting", "Choose the meeting to change in the Meetings list first.")
            return
        # Read again as the form opens: the list may be older than someone else's change.
        form = queries.read(self.store, self.actor, meeting_form, row.id)
        dialog = MeetingDialog(f"Change the meeting {form.ref}", date=form.meeting_date, start=form.start_time,
                               venue=form.venue, capacity=form.capacity, parent=self,
                               region=self.agency.region if self.agency else None)
        dialog.accepted.connect(lambda: self.change_meeting(form, dialog.values()))
        self.dialog = dialog
        dialog.open()

    def change_meeting(self, form: MeetingForm, after: dict) -> None:
        """Undoable: undo puts back what the form showed. Each step sends the version the
        last one left, so neither overwrites a change someone else made in between."""
        before = {key: getattr(form, key) for key in after}
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        if not changed:
            return
        version = [form.version]

        def put(values):
            def step(session, actor):
                done = update_meeting(session, actor, session.get(Meeting, form.id),
                                      expected_version=version[0], **values)
                version[0] = done["version"]
                return done
            return step

        self.undo_stack.push(ServiceCommand(
            self.store, self.actor, f"Change the meeting {form.ref}", put(changed),
            put({k: before[k] for k in changed}),
            self.meetings.reload, self.tell))

    # -- printing and exporting -------------------------------------------------
    def export_target(self) -> TablePage | None:
        section = self.current_section()
        if section is None:
            return None
        page = section.page
        for candidate in (page, getattr(page, "table", None), getattr(page, "items", None)):
            if isinstance(candidate, TablePage):
                return candidate
        return None

    def export_current(self) -> None:
        page, section = self.export_target(), self.current_section()
        if page is None:
            self.tell("Nothing to export here", "Choose a section with a list: meetings, households, "
                      "children, the central list, deadlines or the audit trail.")
            return
        from PySide6.QtWidgets import QFileDialog
        suggested = f"{section.key}-{dt.date.today():%Y-%m-%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, f"Print or export {section.title.lower()}", suggested,
                                              "PDF, to print (*.pdf);;CSV, for a spreadsheet (*.csv)")
        if path:
            try:
                count = export_table(page, path, f"{self.agency.name if self.agency else 'PanelApp'}: "
                                     f"{section.title}")
            except PanelAppError as exc:
                self.tell("Nothing was written", str(exc))
                return
            self.statusBar().showMessage(f"{count:,} rows written to {path}", 8000)

    def tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setAccessibleName(title)
        self.message = box
        box.open()

    def about(self) -> None:
        from ui.shell.about_dialog import AboutDialog
        AboutDialog(self).open()

    # -- remembered between runs -------------------------------------------
    def restore_state(self) -> None:
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        last = settings.value("main_window/section", self.sections[0].key if self.sections else "")
        keys = [s.key for s in self.sections]
        self.sidebar.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        settings.set_value("main_window/geometry", self.saveGeometry())
        section = self.current_section()
        if section is not None:
            settings.set_value("main_window/section", section.key)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

