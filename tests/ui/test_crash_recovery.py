"""Never lose a word: the meeting room is killed (SIGKILL, as a flat battery would) right after
text was typed, and on restarting it is back at the same item with the text in the field; and
the same through the whole desktop application, killed in the middle of typing."""

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
from tests.builders import PASSWORDS, build_agency

ROOT = Path(__file__).resolve().parents[2]
TYPED = "That Amy Child should be placed for adoption with Zoe Adams, with contact twice a year."


def room(path, config, *extra, module="tools.meeting_room", **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PANELAPP_ROOM_")} | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
                                "PANELAPP_PASSWORD": PASSWORDS["chair"], **env}
    return subprocess.Popen([sys.executable, "-m", module, "--db", str(path), "--user", "chair",
                             *extra], cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def held_meeting(path) -> tuple[str, str]:
    """The agency, its meeting open; the uid and ref of its second item."""
    store = open_store(str(path))
    people = build_agency(store)
    with store.transaction() as s:
        meetings.start_meeting(s, people["chair"], meeting_by_name(s, "P20250612"), password=PASSWORDS["chair"])
        item = meeting_by_name(s, "P20250612").items[1]
        found = item.uid, item.ref
    store.dispose()
    return found


def test_text_typed_survives_a_kill_and_comes_back_where_it_was(tmp_path):
    path, config = tmp_path / "room.sqlite", tmp_path / "config"
    item_uid, item_ref = held_meeting(path)

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


# Long enough that typing it, a word every 150 ms, outlasts the kill by several seconds.
RECOMMENDATION = ("That Amy Child should be placed for adoption with Zoe Adams, who has shown throughout the "
                  "assessment that she understands Amy's early experiences, will keep her life story alive, "
                  "will support contact with her brother twice a year, and has a strong network of family "
                  "and friends ready to help in the first months after Amy moves in.")


def test_the_desktop_application_killed_while_typing_keeps_what_was_typed(tmp_path):
    """``panelapp-desk`` itself: signed in, the Meeting room section, the item chosen, typing
    steadily without a pause; killed once it has kept a draft, while the typing goes on."""
    path, config = tmp_path / "desk.sqlite", tmp_path / "config"
    item_uid, item_ref = held_meeting(path)

    first = room(path, config, "--meeting", "P20250612", "--item", "2", "--type", RECOMMENDATION,
                 module="tests.ui.desk_typist")
    watchdog = threading.Timer(60, first.kill)
    watchdog.start()
    said = []
    for line in first.stdout:
        said.append(line.strip())
        if line.startswith("KEPT ") or line.strip() == "DONE":
            break
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    watchdog.cancel()
    assert said and said[-1].startswith("KEPT "), f"nothing was kept while typing: {said} {first.stderr.read()}"
    kept = json.loads(said[-1][len("KEPT "):])
    assert kept and RECOMMENDATION.startswith(kept)

    store = open_store(str(path))
    with store.session() as s:
        draft = s.exec(select(Draft).where(Draft.key == draft_key(item_uid, "wording"))).one().text
    store.dispose()
    assert RECOMMENDATION.startswith(draft) and len(kept) <= len(draft) < len(RECOMMENDATION), \
        "killed in the middle of typing, with at least what it said it kept"

    second = room(path, config, "--report", module="tests.ui.desk_typist")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    lines = out.splitlines()
    assert f"ITEM {item_ref}" in lines
    wording = next(line for line in lines if line.startswith("WORDING "))
    assert json.loads(wording[len("WORDING "):]) == draft
