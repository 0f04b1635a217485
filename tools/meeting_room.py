"""``python -m tools.meeting_room``: the meeting room alone, on a given store and meeting.

For the chair's laptop on the day, and for the crash-recovery test, which
types into the room through the ``PANELAPP_ROOM_TYPE`` hook, kills the process,
and starts it again with ``PANELAPP_ROOM_REPORT`` to see what came back.
"""

import argparse
import json
import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from panelapp.db import open_store
from panelapp.errors import PanelAppError
from panelapp.queries.meetings import meeting_id_by_ref
from panelapp.services import accounts
from ui.app import make_application, quiet_offscreen
from ui.common import queries
from ui.common.tasks import TaskRunner
from ui.meeting_room.view import MeetingRoom


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m tools.meeting_room",
                                     description="The meeting room for one meeting, on its own.")
    parser.add_argument("--db", required=True, metavar="PATH|URL", help="the store")
    parser.add_argument("--user", required=True, help="your user name")
    parser.add_argument("--password", default=os.environ.get("PANELAPP_PASSWORD"),
                        help="your password (default: $PANELAPP_PASSWORD)")
    parser.add_argument("--meeting", metavar="REF", help="the meeting (default: where you were last)")
    parser.add_argument("--item", type=int, metavar="N", help="item N of the meeting")
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, flush=True)


def type_then_say(room: MeetingRoom, text: str) -> None:
    """Type ``text`` into the wording field, and say TYPED once the pause's autosave has written it."""
    field = room.pane.wording
    room.keeper.saved.connect(lambda _n: say("TYPED"), Qt.ConnectionType.SingleShotConnection)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    QTest.keyClicks(field, text)


def report(room: MeetingRoom) -> None:
    item = room.state.item(room.item_id) if room.state else None
    say(f"ITEM {item.ref if item else '-'}")
    say("WORDING " + json.dumps(room.pane.wording.toPlainText()))
    app = QApplication.instance()
    if app is not None:
        app.quit()


def main(argv=None) -> int:
    args = parse_args(argv)
    app = make_application()
    if app.platformName() in ("offscreen", "minimal"):
        quiet_offscreen()
    try:
        store = open_store(args.db)
        with store.transaction() as session:
            actor = accounts.sign_in(session, args.user, args.password or "")
    except PanelAppError as exc:
        print(f"meeting room: {exc}", file=sys.stderr)
        return 1
    runner = TaskRunner()
    room = MeetingRoom(runner, store, actor)
    room.setWindowTitle("Meeting room — PanelApp")
    room.resize(1100, 760)
    if args.meeting:
        meeting_id = queries.read(store, actor, meeting_id_by_ref, args.meeting)
        if meeting_id is None:
            print(f"meeting room: no meeting has ref {args.meeting!r}", file=sys.stderr)
            return 1
        room.meeting_id = meeting_id
    hook_type, hook_report = os.environ.get("PANELAPP_ROOM_TYPE"), os.environ.get("PANELAPP_ROOM_REPORT")

    def first_load():
        if args.item:
            room.select_item(args.item)
        say("READY")
        if hook_type:
            QTimer.singleShot(0, lambda: type_then_say(room, hook_type))
        elif hook_report:
            QTimer.singleShot(0, lambda: report(room))

    room.loaded.connect(first_load, Qt.ConnectionType.SingleShotConnection)
    room.show()
    room.reload()
    code = app.exec()
    room.keeper.flush()
    runner.shutdown()
    store.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
