"""Which window the user sees: welcome on an empty store, then signing in, then the workspace."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from panelapp.db import Store
from panelapp.demo.accounts import DEMO_ACCOUNTS, DEMO_HINT, DEMO_PASSWORD, make_demo_accounts  # noqa: F401
from panelapp.errors import PanelAppError
from panelapp.first_screen import first_screen_facts
from panelapp.queries.onboarding import account_count
from panelapp.services import accounts
from panelapp.services.agency import ensure_agency
from panelapp.services.permissions import Actor
from ui.agenda.paper_list import documents_dir
from ui.common import queries
from ui.common.errors import said
from ui.common.progress import TaskProgressDialog
from ui.common.tasks import TaskRunner
from ui.onboarding.signin import FirstAccountScreen, SignInScreen
from ui.onboarding.welcome import NewAgencyDialog, WelcomeScreen
from ui.shell import settings, theme
from ui.shell.icons import app_icon

if TYPE_CHECKING:  # the workspace and its sections are imported after signing in
    from .main_window import MainWindow

DEMO_SEED = 1
# The demo store holds made-up records only; its accounts let people try each role
# (made by panelapp.demo.accounts, the same as `panelapp demo` makes them).




class Desk(QObject):
    """Owns the windows and the task runner for one run of the app."""

    main_window_shown = Signal(object)

    def __init__(self, store: Store, runner: TaskRunner | None = None, demo_years: int = 4):
        super().__init__()
        self.store = store
        self._first_store = store  # the application disposes this one; the desk, any opened later
        self.runner = runner or TaskRunner(self)
        self.demo_years = demo_years
        self.actor: Actor | None = None
        self.screen: QWidget | None = None  # welcome, sign-in or first-account screen
        self.main: MainWindow | None = None
        self.taken_away: str | None = None  # the meeting, when the store is a laptop's taken-away copy
        self.dialog = None  # the dialog now open, for tests and for closing on exit
        self.message: QMessageBox | None = None

    @property
    def window(self) -> QWidget | None:
        return self.main or self.screen

    @property
    def welcome(self) -> WelcomeScreen | None:
        return self.screen if isinstance(self.screen, WelcomeScreen) else None

    def start(self) -> None:
        facts = first_screen_facts(self.store)
        self.taken_away = facts.taken_away
        if facts.agency_name is None:
            self.show_screen(self._welcome_screen())
        elif facts.accounts == 0:
            self.show_screen(self._first_account_screen(facts.agency_name))
        else:
            self.show_screen(self._sign_in_screen(facts.agency_name))

    def show_screen(self, screen: QWidget) -> None:
        old = self.screen
        screen.setWindowIcon(app_icon())
        self.screen = screen
        screen.show()
        if old is not None:
            old.close()
            old.deleteLater()

    def _close_screen(self) -> None:
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None

    def _where(self) -> str:
        """The store as the first screens name it, saying when it is open read-only."""
        taken = self.taken_away
        return (self.store.description
                + (" (open read-only: nothing can be changed in it)" if self.store.read_only else "")
                + (f": the meeting {taken} taken away for its chair, who signs in here with their own "
                   "password" if taken else ""))

    # -- the welcome screen -------------------------------------------------
    def _welcome_screen(self) -> WelcomeScreen:
        welcome = WelcomeScreen(self._where())
        welcome.demo_requested.connect(self.open_demo)
        welcome.new_agency_requested.connect(self.ask_new_agency)
        return welcome

    def ask_new_agency(self) -> None:
        dialog = NewAgencyDialog(self.screen)
        dialog.accepted.connect(lambda: self.create_agency(dialog.values(), dialog.account_values()))
        self.dialog = dialog
        dialog.open()

    def create_agency(self, agency: dict, account: dict) -> None:
        """The agency and its administrator's account, in one transaction; then signed in."""
        store = self.store

        def work(_task):
            with store.transaction() as session:
                ensure_agency(session, agency["name"], actor=account["username"],
                              panel_name=agency.get("panel_name"), kind=agency.get("kind"),
                              region=agency.get("region"))
                accounts.create_account(session, None, role="admin", **account)
                return accounts.sign_in(session, account["username"], account["password"])

        self.runner.submit(work, name="new agency", on_done=self.signed_in,
                           on_error=lambda exc, _d: self.tell("The agency was not created",
                                                             said(exc, "creating the agency")))

    def open_demo(self) -> None:
        try:
            from panelapp.demo import create_demo_agency
        except ImportError:
            self.tell("The demo agency is not available",
                      "This installation of PanelApp has no demo generator. "
                      "Start a new agency instead.")
            return
        store, years = self.store, self.demo_years
        progress = TaskProgressDialog(self.screen, "Opening the demo agency",
                                      "Making up a demo agency: its panel, households and children…")

        def work(task):
            with store.transaction() as session:
                create_demo_agency(session, seed=DEMO_SEED, years=years, scale=1, actor="demo",
                                   progress=task.progress, documents_dir=documents_dir(store))
                if account_count(session) == 0:
                    make_demo_accounts(session)
                    return accounts.sign_in(session, "adviser", DEMO_PASSWORD)
            return None

        def done(actor):
            progress.finish()
            self.dialog = None
            if actor is None:
                self.start()
            else:
                self.signed_in(actor)

        def failed(exc, _details):
            progress.finish()
            self.dialog = None
            self.tell("The demo agency could not be made",
                      f"{exc}\n\nNothing was written to the store.")

        def cancelled():
            progress.finish()
            self.dialog = None

        task = self.runner.submit(work, name="demo agency", on_done=done, on_error=failed,
                                  on_progress=progress.report, on_cancelled=cancelled)
        self.dialog = progress
        progress.follow(task)

    # -- accounts -------------------------------------------------------------
    def _sign_in_screen(self, agency_name: str) -> SignInScreen:
        from panelapp.demo import DEMO_AGENCY_NAME
        screen = SignInScreen(agency_name, self._where(),
                              # a laptop's copy holds the chair's account only, not the demo's six
                              hint=DEMO_HINT if agency_name == DEMO_AGENCY_NAME and not self.taken_away else "")
        screen.sign_in_requested.connect(self.sign_in)
        return screen

    def sign_in(self, username: str, password: str) -> None:
        store, screen = self.store, self.screen

        def work(_task):
            if store.read_only:  # the password is checked; nothing is recorded where nothing can be
                with store.session() as session:
                    return accounts.sign_in_to_read(session, username, password)
            with store.transaction() as session:
                return accounts.sign_in(session, username, password)

        def failed(exc, _details):
            if isinstance(screen, SignInScreen):
                screen.refused(str(exc) if isinstance(exc, PanelAppError)
                               else f"Could not sign in: {said(exc, 'signing in')}")

        self.runner.submit(work, name="sign in", on_done=self.signed_in, on_error=failed)

    def _first_account_screen(self, agency_name: str) -> FirstAccountScreen:
        screen = FirstAccountScreen(agency_name)
        screen.create_requested.connect(self.create_first_account)
        return screen

    def create_first_account(self, account: dict) -> None:
        store, screen = self.store, self.screen

        def work(_task):
            with store.transaction() as session:
                accounts.create_account(session, None, role="admin", **account)
                return accounts.sign_in(session, account["username"], account["password"])

        self.runner.submit(work, name="first account", on_done=self.signed_in,
                           on_error=lambda exc, _d: screen.refused(said(exc, "creating the first account")))

    def signed_in(self, actor: Actor) -> None:
        self.actor = actor
        settings.use_account(actor.username)  # issue 14: what is remembered is the person's own
        self.show_main()

    def sign_out(self) -> None:
        self.sign_out_now()
        self.start()

    def sign_out_now(self) -> None:
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.actor = None
        settings.use_account(None)

    # -- the workspace -------------------------------------------------------
    def show_main(self) -> None:
        from .main_window import MainWindow
        agency = queries.agency_info(self.store)
        self.main = MainWindow(self.store, self.runner, self.actor, agency)
        self.main.theme_chosen.connect(self.choose_theme)
        self.main.sign_out_requested.connect(self.sign_out)
        self.main.store_requested.connect(self.switch_store)
        self.main.show()
        self._close_screen()
        self.main_window_shown.emit(self.main)

    def switch_store(self, path: str) -> bool:
        """Open the store at ``path`` in place of this one (signed out, to sign in there); a
        store that cannot be used is said in a sentence, and this one stays open."""
        from ui.shell.store_switch import open_other_store, remember_store
        try:
            store = open_other_store(path)
        except PanelAppError as exc:
            if self.main is not None:
                self.main.tell("That store cannot be opened", str(exc))
            return False
        current = self.store.engine.url
        if current.get_backend_name() == "sqlite" and current.database and current.database != ":memory:":
            remember_store(current.database)  # so the way back is in the list
        remember_store(path)
        self.sign_out_now()
        if self.store is not self._first_store:
            self.store.dispose()
        self.store = store
        self.start()
        return True

    def choose_theme(self, choice: str) -> None:
        settings.set_value("view/theme", choice)
        theme.apply(QApplication.instance(), choice)
        if self.main is not None:
            self.main.retheme()

    # -- messages and shutdown ----------------------------------------------
    def tell(self, title: str, text: str) -> None:
        """A message the user must see; open() rather than exec(), so nothing blocks."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setAccessibleName(title)
        self.message = box
        box.open()

    def shutdown(self) -> None:
        self.runner.shutdown()
        if self.store is not self._first_store:
            self.store.dispose()
        for window in (self.main, self.screen):
            if window is not None:
                window.close()
                window.deleteLater()
        self.main = self.screen = None
