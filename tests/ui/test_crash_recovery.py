"""Never lose a word: the meeting room is killed (SIGKILL, as a flat battery would) right after
text was typed, and on restarting it is back at the same item with the text in the field."""

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlmodel import select

from panelapp.db import open_store
from panelapp.models import Draft
from panelapp.services import meetings
from panelapp.services.drafts import draft_key
from panelapp.services.lookup import meeting_by_name
from tests.ui.test_meeting_room import PASSWORDS, build_agency

ROOT = Path(__file__).resolve().parents[2]
TYPED = "That Amy Child should be placed for adoption with Zoe Adams, with contact twice a year."


def room(path, config, *extra, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PANELAPP_ROOM_")} | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
                                "PANELAPP_PASSWORD": PASSWORDS["chair"], **env}
    return subprocess.Popen([sys.executable, "-m", "ui.meeting_room", "--db", str(path), "--user", "chair",
                             *extra], cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_text_typed_survives_a_kill_and_comes_back_where_it_was(tmp_path):
    path, config = tmp_path / "room.sqlite", tmp_path / "config"
    store = open_store(str(path))
    people = build_agency(store)
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, "P20250612"))
        item_uid, item_ref = (lambda i: (i.uid, i.ref))(meeting_by_name(s, "P20250612").items[1])
    store.dispose()

    first = room(path, config, "--meeting", "P20250612", "--item", "2", PANELAPP_ROOM_TYPE=TYPED)
    watchdog = threading.Timer(60, first.kill)
    watchdog.start()
    said = []
    for line in first.stdout:
        said.append(line.strip())
        if line.strip() == "TYPED":
            break
    os.kill(first.pid, signal.SIGKILL)  # no chance to save anything on the way out
    first.wait()
    watchdog.cancel()
    assert said[-1:] == ["TYPED"], f"the room never typed: {said} {first.stderr.read()}"
    assert first.returncode == -signal.SIGKILL

    store = open_store(str(path))
    with store.session() as s:
        drafts = {d.key: d.text for d in s.exec(select(Draft)).all()}
    store.dispose()
    assert drafts == {draft_key(item_uid, "wording"): TYPED}

    # Started again with no meeting or item named: it opens where it was, the text restored.
    second = room(path, config, PANELAPP_ROOM_REPORT="1")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    lines = out.splitlines()
    assert f"ITEM {item_ref}" in lines
    wording = next(line for line in lines if line.startswith("WORDING "))
    assert json.loads(wording[len("WORDING "):]) == TYPED
