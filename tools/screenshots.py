"""``panelapp-desk --screenshots DIR``: a picture of every screen, light and dark, then exit.

Runs offscreen. An empty store gets the demo agency first, so every screen has
something to show. Nothing is written to the store apart from that demo.
"""

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from panelapp.db import Store
from panelapp.queries.accounts import account_rows
from panelapp.queries.onboarding import account_count
from panelapp.services.permissions import SYSTEM, Actor
from tools.agenda_screens import shoot_agenda_builder
from tools.room_screens import shoot_meeting_day
from tools.shots import save, settle
from ui.common import queries
from ui.common.progress import TaskProgressDialog
from ui.common.tasks import TaskRunner
from ui.meetings.meeting_dialog import MeetingDialog
from ui.onboarding.signin import FirstAccountScreen, SignInScreen
from ui.onboarding.welcome import NewAgencyDialog, WelcomeScreen
from ui.shell import theme
from ui.shell.main_window import MainWindow

SIZE = (1280, 800)
def ensure_demo(store: Store, years: int) -> None:
    from panelapp.demo import create_demo_agency
    from ui.shell.desk import make_demo_accounts
    if queries.agency_info(store) is not None:
        return
    print("The store is empty: loading the demo agency first…", file=sys.stderr)
    with store.transaction() as session:
        create_demo_agency(session, seed=1, years=years, scale=1, actor="demo")
        if account_count(session) == 0:
            make_demo_accounts(session)


def shoot_workspace(store: Store, runner: TaskRunner, actor: Actor, folder: Path, suffix: str,
                    saved: list[Path]) -> None:
    window = MainWindow(store, runner, actor, queries.agency_info(store))
    window.resize(*SIZE)
    window.show()
    for section in window.sections:
        window.show_section(section.key)
        settle(runner)
        # Pick a row so the detail panes show something real.
        table = getattr(section.page, "table", None) or getattr(section.page, "items", None)
        if section.key in ("households", "children") and table is not None:
            table.select_where(lambda row: True)
        elif section.key == "agenda":
            table.select_where(lambda row: row.outcome is not None) or table.select_where(lambda row: True)
        settle(runner)
        save(window, folder, f"{section.key}-{suffix}", runner, saved)
    dialog = MeetingDialog("New meeting", date=dt.date.today() + dt.timedelta(days=28), parent=window)
    save(dialog, folder, f"new-meeting-{suffix}", runner, saved)
    dialog.close()
    for key in ("households", "children", "central_list"):  # each form with a message showing
        page = window.section(key).page
        form = page.editing.edit() if page.editing.table.select_where(lambda row: True) else None
        if form is not None:
            form.rows["applicants[0].name" if key == "households" else "name"].widget.clear()
            form.submit()  # refused by the service, so nothing is written
            save(form, folder, f"edit-{key}-{suffix}", runner, saved)
            form.reject()
    window.close()
    window.deleteLater()


def take_screenshots(store: Store, folder: str | Path, demo_years: int = 4) -> int:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    runner = TaskRunner()
    ensure_demo(store, demo_years)
    agency = queries.agency_info(store)
    with store.session() as session:
        every = account_rows(session, SYSTEM)
    account = next((a for a in every if a.role == "adviser"), every[0] if every else None)
    actor = Actor(account.username, account.display_name, account.role) if account else \
        Actor("screenshots", "Screenshots", "adviser")
    saved: list[Path] = []
    for suffix in ("light", "dark"):
        theme.apply(app, suffix)
        welcome = WelcomeScreen(store.description)
        welcome.resize(700, 520)
        save(welcome, folder, f"welcome-{suffix}", runner, saved)
        new_agency = NewAgencyDialog(welcome)
        save(new_agency, folder, f"new-agency-{suffix}", runner, saved)
        progress = TaskProgressDialog(welcome, "Opening the demo agency",
                                      "Writing 722 households, 527 children and 37 meetings to the store")
        progress.bar.setValue(420)
        save(progress, folder, f"progress-{suffix}", runner, saved)
        for widget in (new_agency, progress, welcome):
            widget.close()
            widget.deleteLater()
        from ui.shell.desk import DEMO_HINT
        sign_in = SignInScreen(agency.name, store.description, hint=DEMO_HINT)
        sign_in.resize(620, 480)
        sign_in.error.setText("The user name or password is not right.")
        sign_in.error.show()
        save(sign_in, folder, f"sign-in-{suffix}", runner, saved)
        first = FirstAccountScreen(agency.name)
        first.resize(660, 520)
        save(first, folder, f"first-account-{suffix}", runner, saved)
        for widget in (sign_in, first):
            widget.close()
            widget.deleteLater()
        shoot_workspace(store, runner, actor, folder, suffix, saved)
        shoot_meeting_day(runner, folder, suffix, saved, save, SIZE)
        shoot_agenda_builder(runner, folder, suffix, saved, save)
    runner.shutdown()
    for path in saved:
        print(path)
    return 0
