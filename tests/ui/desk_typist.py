"""``python -m tests.ui.desk_typist``: run ``panelapp-desk`` (ui.app.main, which the installed
script calls) and use it as a chair would, for the crash-recovery test: sign in on the sign-in
screen, open the Meeting room section, choose the meeting and the item, then type the
recommendation a few words at a time, saying ``KEPT <text as JSON>`` each time the room keeps
a draft, and ``DONE`` when all is typed (the test kills it long before). With ``--report`` it
only opens the Meeting room and says ``ITEM <ref>`` and ``WORDING <text as JSON>``.

Nothing here reaches inside the application: it finds the windows the user would see.
"""

import argparse
import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import main as panelapp_desk
from ui.onboarding.signin import SignInScreen
from ui.shell.main_window import MainWindow

POLL_MS = 50
WORD_EVERY_MS = 150  # a steady typist: never the half-second pause that saves a draft


def say(text: str) -> None:
    print(text, flush=True)


def visible(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


class Chair:
    """Each step waits, polled, until what it needs is on screen, then does it."""

    def __init__(self, args):
        self.args = args
        self.room = None
        self.steps = [(lambda: visible(SignInScreen), self.sign_in),
                      (lambda: visible(MainWindow), self.open_room),
                      (self.room_shown, self.choose_meeting if args.type else self.report)]
        if args.type:
            self.steps += [(self.meeting_shown, self.choose_item), (self.item_shown, self.type)]
        self.poll = QTimer()
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.step)
        self.poll.start()

    def step(self) -> None:
        ready, act = self.steps[0]
        if ready():
            self.steps.pop(0)
            if not self.steps:
                self.poll.stop()
            act()

    def sign_in(self) -> None:
        screen = visible(SignInScreen)
        QTest.keyClicks(screen.username, self.args.user)
        QTest.keyClicks(screen.password, os.environ["PANELAPP_PASSWORD"])
        screen.button.click()

    def open_room(self) -> None:
        window = visible(MainWindow)
        window.sidebar.setCurrentRow([s.key for s in window.sections].index("meeting_room"))
        self.room = window.section("meeting_room").page

    def room_shown(self) -> bool:
        return self.room.state is not None and self.room.pane.item is not None

    def choose_meeting(self) -> None:
        chooser = self.room.chooser
        chooser.setCurrentIndex(next(n for n in range(chooser.count()) if self.args.meeting in chooser.itemText(n)))

    def meeting_shown(self) -> bool:
        return self.room.state.ref == self.args.meeting

    def choose_item(self) -> None:
        self.room.items.setCurrentRow(self.args.item - 1)

    def item_shown(self) -> bool:
        return self.room.pane.item is not None and self.room.pane.item.number == self.args.item

    def type(self) -> None:
        field, keeper = self.room.pane.wording, self.room.keeper
        keeper.saved.connect(lambda _n: say("KEPT " + json.dumps(field.toPlainText())))
        field.setFocus()
        words = self.args.type.split(" ")

        def next_word():
            QTest.keyClicks(field, words.pop(0) + (" " if words else ""))
            if words:
                QTimer.singleShot(WORD_EVERY_MS, next_word)
            else:
                say("DONE")

        next_word()

    def report(self) -> None:
        item = self.room.state.item(self.room.item_id)
        say(f"ITEM {item.ref}")
        say("WORDING " + json.dumps(self.room.pane.wording.toPlainText()))
        QApplication.instance().quit()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ui.desk_typist")
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--meeting")
    parser.add_argument("--item", type=int, default=1)
    parser.add_argument("--type", help="the words to type")
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args(argv)
    QApplication([sys.argv[0]])  # the desk's own start-up takes this application over
    chair = Chair(args)  # noqa: F841 (kept alive while the desk runs)
    return panelapp_desk(["--db", args.db])


if __name__ == "__main__":
    sys.exit(main())
