"""The workspace's takeaway commands: the menu items, the banner of a laptop's store, and each
command's dialogs and task, one at a time, with progress and a sentence at the end.

``finished`` says how a command ended ("taken", "opened", "returned", "merged", "invited",
"failed", "cancelled") and what the user was told; tests wait on it."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QVBoxLayout, QWidget

from panelapp.errors import PanelAppError
from panelapp.queries.meetings import meeting_choices
from panelapp.queries.takeaway import next_meeting, store_taken_away, take_away_choices
from panelapp.services.permissions import allowed
from panelapp.takeaway import MergeResult, TakenAway
from ui.common.errors import said
from ui.common.progress import ProgressOwner, TaskProgressDialog
from ui.common.queries import read
from ui.shell import settings
from ui.statistics.export import sentence
from ui.takeaway import work
from ui.takeaway.conflicts import ConflictDialog
from ui.takeaway.dialogs import MergeFileDialog, OpenTakenAwayDialog, ReturnDialog, TakeAwayDialog
from ui.takeaway.invite import InvitationsDialog

FOLDER_KEY = "takeaway/folder"
SEPARATELY = "Give the chair the file and, by another way (a phone call, not the same e-mail), the passphrase."


def merged_counts(result: MergeResult) -> str:
    parts = [f"{result.inserted} records added", f"{result.updated} changed", f"{result.deleted} removed",
             f"{result.events_joined} audit events joined"]
    settled = [c for c in result.conflicts if c.taken]
    if settled:
        parts.append(f"{len(settled)} conflict{'s' if len(settled) != 1 else ''} settled as chosen")
    return ", ".join(parts)


class Takeaway(ProgressOwner):
    """One per workspace window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store, self.runner, self.actor = window.store, window.runner, window.actor
        self.dialog: QDialog | None = None  # the dialog now open, for tests
        self.here: TakenAway | None = read(self.store, self.actor, store_taken_away)

    # -- menus and banner -----------------------------------------------------------------
    def add_to_file_menu(self, menu: QMenu, before) -> None:
        self.open_action = self.window._action(
            "Open a meeting taken &away…", self.ask_open, None, None,
            "Make a store on this computer from a meeting file the panel adviser sent")
        self.merge_action = self.window._action(
            "&Merge a returned meeting…", self.ask_merge, None, None,
            "Bring what the chair recorded on the laptop into this store")
        self.merge_action.setVisible(self.here is None and allowed(self.actor, "meeting.plan"))
        menu.insertActions(before, [self.open_action, self.merge_action])
        menu.insertSeparator(before)

    def add_meeting_menu(self, bar, before) -> QMenu:
        menu = QMenu("Meetin&g", bar)
        self.take_action = self.window._action(
            "&Take away for the chair…", self.ask_take_away, None, None,
            "Seal a meeting in one file for the chair to record on a laptop with no network")
        self.take_action.setVisible(self.here is None and allowed(self.actor, "meeting.plan"))
        self.return_action = self.window._action(
            "&Return to the agency…", self.ask_return, None, None,
            "Seal what was recorded here for the panel adviser to merge at the office")
        self.return_action.setVisible(self.here is not None and allowed(self.actor, "meeting.record"))
        self.invite_action = self.window._action(
            "Send &invitations…", self.ask_invitations, None, None,
            "Write calendar invitations (.ics) for a meeting or a year's meetings")
        self.invite_action.setVisible(self.here is None and allowed(self.actor, "meeting.plan"))
        for action in (self.take_action, self.return_action, self.invite_action):
            menu.addAction(action)
        bar.insertMenu(before, menu)
        menu.menuAction().setVisible(any(a.isVisible() for a in menu.actions()))
        self.menu = menu
        return menu

    def add_banner(self) -> QLabel | None:
        """Above the sections, on a laptop's store: which meeting this is, and what to do with it."""
        if self.here is None:
            return None
        banner = QLabel(self.here.banner)
        banner.setObjectName("warning")
        banner.setWordWrap(True)
        banner.setAccessibleName("A meeting taken away")
        banner.setContentsMargins(12, 6, 12, 6)
        body = self.window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        column.addWidget(body, 1)
        self.window.setCentralWidget(holder)
        self.banner = banner
        return banner

    # -- helpers ----------------------------------------------------------------------
    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def _folder(self) -> str:
        return settings.value(FOLDER_KEY) or str(Path.home())

    def _remember_folder(self, path: str) -> None:
        settings.set_value(FOLDER_KEY, str(Path(path).parent))

    def _run(self, title: str, first: str, fn, *args, done: Callable, what: str, **kwargs) -> None:
        """``fn`` in the runner behind a progress dialog; a refusal or a fault is told in a sentence."""
        progress = TaskProgressDialog(self.window, title, first)
        self.progress = progress

        def finished(value) -> None:
            self._close_progress()
            done(value)

        def failed(exc: BaseException, _details: str) -> None:
            self._close_progress()
            text = sentence(str(exc)) if isinstance(exc, PanelAppError) else sentence(said(exc, what))
            self._tell("failed", QMessageBox.Icon.Warning, title, text)

        def cancelled() -> None:
            self._close_progress()
            self._tell("cancelled", QMessageBox.Icon.Information, title, "Cancelled: nothing was written.")

        task = self.runner.submit(fn, *args, name=what, on_done=finished, on_error=failed,
                                  on_progress=progress.report, on_cancelled=cancelled, owner=self, **kwargs)
        progress.follow(task)

    def _meeting_in_view(self, choices) -> int | None:
        window = self.window
        section = window.current_section()
        key = section.key if section is not None else None
        wanted = None
        if key == "agenda":
            wanted = window.agenda.meeting_id
        elif key == "meetings":
            row = window.meetings.current_object()
            wanted = row.id if row is not None else None
        if wanted is not None and any(c.id == wanted for c in choices):
            return wanted
        return next_meeting(choices, dt.date.today())

    def _busy(self) -> bool:
        return self.progress is not None

    # -- out --------------------------------------------------------------------------
    def ask_take_away(self) -> None:
        if not self.take_action.isVisible() or self._busy():
            return
        choices = read(self.store, self.actor, take_away_choices)
        dialog = TakeAwayDialog(choices, self._meeting_in_view(choices.meetings), self._folder(), self.window)
        self._open(dialog, lambda: self.take_away(dialog.values()))

    def take_away(self, values: dict) -> None:
        self._remember_folder(values["path"])

        def done(out: work.TakenOut) -> None:
            self._tell("taken", QMessageBox.Icon.Information, "Meeting taken away",
                       f"Took away {out.exported.summary()}.\n\nThe file is at {out.path}.\n\n{SEPARATELY}")

        self._run("Taking the meeting away", "Gathering the meeting…", work.take_away, self.store, self.actor,
                  values["meeting_id"], values["chair"], values["passphrase"], values["path"], done=done,
                  what="taking a meeting away")

    # -- on the laptop ---------------------------------------------------------------
    def ask_open(self) -> None:
        if self._busy():
            return
        dialog = OpenTakenAwayDialog(parent=self.window)
        self._open(dialog, lambda: self.open_file(dialog.values()))

    def open_file(self, values: dict) -> None:
        def done(here: work.OpenedHere) -> None:
            o = here.opened
            papers = f", {o.papers} papers in {o.papers_dir}" if o.papers_dir else ""
            text = (f"Opened the meeting {o.meeting} of {o.meeting_date:%d %B %Y} into a store of its own at "
                    f"{here.store_path}: {o.records} records{papers}.\n\nPanelApp now switches to that store: "
                    f"{o.chair} signs in there with their own password, records the meeting, then returns it "
                    "with Meeting > Return to the agency….")
            self._tell("opened", QMessageBox.Icon.Information, "Meeting opened", text)
            assert self.message is not None
            # The window is replaced by the new store's sign-in once the user has read this.
            self.message.finished.connect(lambda *_: self.window.store_requested.emit(str(here.store_path)))

        self._run("Opening the meeting", "Reading the meeting file…", work.open_taken_away, values["file"],
                  values["passphrase"], values["store"], done=done, what="opening a meeting taken away")

    # -- back -------------------------------------------------------------------------
    def ask_return(self) -> None:
        if not self.return_action.isVisible() or self._busy() or self.here is None:
            return
        dialog = ReturnDialog(self.here.meeting_ref, self._folder(), self.window)
        self._open(dialog, lambda: self.return_meeting(dialog.values()))

    def return_meeting(self, values: dict) -> None:
        self._remember_folder(values["path"])

        def done(out: work.ReturnedTo) -> None:
            r = out.returned
            self._tell("returned", QMessageBox.Icon.Information, "Meeting returned",
                       f"Returned the meeting {r.meeting}: {r.records} records and {r.events} audit events, in "
                       f"{out.path}.\n\nSend the file to the panel adviser and, by another way, the passphrase. "
                       "Keep this store until the adviser says the meeting is merged.")

        self._run("Returning the meeting", "Sealing what was recorded…", work.return_to_agency, self.store,
                  self.actor, values["passphrase"], values["path"], done=done, what="returning a meeting")

    # -- merging --------------------------------------------------------------------
    def ask_merge(self) -> None:
        if not self.merge_action.isVisible() or self._busy():
            return
        dialog = MergeFileDialog(parent=self.window)
        self._open(dialog, lambda: self.try_merge(dialog.values()))

    def try_merge(self, values: dict) -> None:
        def tried(trial: work.Trial) -> None:
            result = trial.result
            if not result.conflicts:
                self.merge(trial.document, result.meeting, {})
                return
            would = MergeResult(result.meeting, result.inserted, result.updated, result.deleted,
                                result.events_joined)
            dialog = ConflictDialog(result.meeting, result.conflicts, merged_counts(would), self.window)
            self._open(dialog, lambda: self.merge(trial.document, result.meeting, dict(dialog.chosen)))

        self._run("Merging a returned meeting", "Reading the return…", work.try_merge, self.store, self.actor,
                  values["file"], values["passphrase"], done=tried, what="reading a returned meeting")

    def merge(self, document: dict, meeting: str, choices: dict[str, str]) -> None:
        def done(merged: work.Merged) -> None:
            result = merged.result
            if not result.changed and not result.held:
                self._tell("merged", QMessageBox.Icon.Information, "Nothing changed",
                           f"The office already has everything in this return of the meeting {meeting}: "
                           "nothing changed.")
                return
            text = f"Merged the meeting {meeting}: {merged_counts(result)}."
            if result.held:
                text += (f"\n\n{len(result.held)} record(s) changed again since the return was checked and "
                         "were left as the office has them: merge the file again to choose.")
            if merged.chain is not None:
                text += ("\n\nThe audit trail verifies: " + f"{merged.chain.events} events, unbroken."
                         if merged.chain.intact else
                         f"\n\nThe audit trail does NOT verify: {merged.chain.problems[0]}.")
            self.window.reload_all()
            self._tell("merged", QMessageBox.Icon.Information, "Meeting merged", text)

        self._run("Merging a returned meeting", "Merging…", work.merge, self.store, self.actor, document, choices,
                  done=done, what="merging a returned meeting")

    # -- invitations ---------------------------------------------------------------
    def ask_invitations(self) -> None:
        if not self.invite_action.isVisible() or self._busy():
            return
        choices = read(self.store, self.actor, meeting_choices)
        dialog = InvitationsDialog(choices, self._meeting_in_view([c for c in choices if c.status != "cancelled"]),
                                   self._folder(), self.window)
        self._open(dialog, lambda: self.invite(dialog.values()))

    def invite(self, values: dict) -> None:
        def done(written: list[work.Written]) -> None:
            lines = []
            for w in written:
                what = "cancellation" if w.method == "CANCEL" else "invitation"
                lines.append(f"{w.meetings} {what}{'s' if w.meetings != 1 else ''} "
                             f"({w.people} people invited) in {w.path}")
            self._tell("invited", QMessageBox.Icon.Information, "Invitations written",
                       "Wrote " + "; ".join(lines) + ".\n\nSend the file to everyone invited; a later one "
                       "replaces it in their calendars.")

        self._run("Writing invitations", "Writing the invitations…", work.write_invitations, self.store,
                  self.actor, values["meeting_ids"], values["target"], one_file=values["one_file"],
                  organizer=values["organizer"], addresses=values["addresses"], done=done,
                  what="writing invitations")


def install(window, file_menu: QMenu, before) -> Takeaway:
    """The takeaway commands in ``window``'s menus (File items before ``before``, the Meeting menu
    before Help) and its banner on a laptop's store."""
    commands = Takeaway(window)
    commands.add_to_file_menu(file_menu, before)
    bar = window.menuBar()
    commands.add_meeting_menu(bar, bar.actions()[-1])  # before Help
    commands.add_banner()
    return commands
