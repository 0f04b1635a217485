"""Screenshots of the meeting day: the meeting room, the minutes, the decision maker's queue
and the PDF preview, mid-way through real work.

They need a meeting in progress, minutes just approved and decisions waiting,
which the store being photographed may not have, and the screenshots never
write to it: so they are taken on a demo agency in a temporary store of their
own, played forward through the services as a chair and an ADM would.
"""

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from sqlmodel import select

from panelapp.db import Store, open_store
from panelapp.models import Meeting, PanelMember
from panelapp.rules.wording import Terms, fill
from panelapp.services import accounts
from panelapp.services.meetings import start_meeting
from panelapp.services.minutes import approve_minutes
from panelapp.services.permissions import Actor
from panelapp.services.recording import declare_interest, record_attendance, record_recommendation
from ui.common.documents import minutes_document, open_preview
from ui.common.tasks import TaskRunner
from ui.decisions.queue import AdmQueuePage
from ui.meeting_room import MeetingRoom
from ui.minutes.view import MinutesView

_scene: dict = {}


def _actors(session) -> dict[str, Actor]:
    from ui.shell.desk import DEMO_PASSWORD, make_demo_accounts
    make_demo_accounts(session)
    return {name: accounts.sign_in(session, name, DEMO_PASSWORD) for name in ("chair", "adm")}


def _play(store: Store) -> dict:
    """Minutes of the last held meeting approved; the next meeting opened and under way."""
    from panelapp.demo import create_demo_agency
    from panelapp.demo.accounts import DEMO_PASSWORD
    with store.transaction() as session:
        create_demo_agency(session, seed=1, years=1, scale=1, actor="demo")
        people = _actors(session)
    chair = people["chair"]
    with store.transaction() as session:
        held = session.exec(select(Meeting).where(Meeting.status == "held", Meeting.minutes_final.is_(None))
                            .order_by(Meeting.meeting_date.desc())).first()
        approve_minutes(session, chair, held, on=held.meeting_date + dt.timedelta(days=1), password=DEMO_PASSWORD)
        done = held.id
        meeting = session.exec(select(Meeting).where(Meeting.status == "planned")
                               .order_by(Meeting.meeting_date)).first()
        start_meeting(session, chair, meeting, password=DEMO_PASSWORD, today=meeting.meeting_date)
        day = meeting.meeting_date
        listed = [m for m in session.exec(select(PanelMember).order_by(PanelMember.name)).all() if m.on_list(day)]
        in_chair = next(m for m in listed if "chair" in m.role_names)
        worker = next(m for m in listed if m is not in_chair and "social_worker" in m.role_names
                      and (m.social_worker_pqe_years or 0) >= 3)
        others = [m for m in listed if m not in (in_chair, worker) and "social_worker" not in m.role_names
                  and "chair" not in m.role_names and "vice_chair" not in m.role_names][:5]
        entries = [{"member": in_chair.ref, "status": "present", "acting_as": "chair"},
                   {"member": worker.ref, "status": "present"}]
        entries += [{"member": m.ref, "status": "present", "arrived_at": dt.time(10, 20) if n == 2 else None}
                    for n, m in enumerate(others)]
        entries += [{"member": m.ref, "status": "apologies"} for m in listed
                    if m not in (in_chair, worker, *others)][:3]
        record_attendance(session, chair, meeting, entries)
        first, second = meeting.items[0], meeting.items[1]
        declare_interest(session, chair, meeting, member=worker.ref, item=second, action="left_for_item",
                         interest="supervised the assessing social worker")
        applicants = [a.name for link in first.household_links for a in link.household.applicants]
        children = [link.child.name for link in first.child_links]
        terms = {"children_max": 2, "age_min_years": 0, "age_max_years": 5, "early_permanence": False}
        record_recommendation(
            session, chair, first, outcome="recommended",
            wording=fill(first.item_type, "recommended", applicants, children, Terms(2, 0, 5)),
            reasons="A thorough assessment: the applicants understand the impact of early trauma, and their "
                    "support network is strong.",
            discussion="The panel asked about the applicants' support network and their plans for "
                       "returning to work; the assessing social worker answered fully.",
            approval_terms=terms)
        return {"done": done, "meeting": meeting.id, "item": second.id, "people": people}


def scene() -> tuple[Store, dict]:
    """The played-forward demo store, made once for every theme's pictures."""
    if not _scene:
        folder = Path(tempfile.mkdtemp(prefix="panelapp-screens-"))
        store = open_store(str(folder / "meeting-day.sqlite"))
        _scene.update(store=store, facts=_play(store))
        atexit.register(lambda: (store.dispose(), shutil.rmtree(folder, ignore_errors=True)))
    return _scene["store"], _scene["facts"]


def shoot_meeting_day(runner: TaskRunner, folder: Path, suffix: str, saved: list[Path], save, size) -> None:
    """``save(widget, folder, name, runner, saved)`` is the screenshots module's own."""
    store, facts = scene()
    chair, adm = facts["people"]["chair"], facts["people"]["adm"]

    room = MeetingRoom(runner, store, chair)
    room.resize(*size)
    room.meeting_id = facts["meeting"]
    room.item_id = facts["item"]
    room.reload()
    save(room, folder, f"meeting-room-{suffix}", runner, saved)
    room.pane.outcome.setCurrentIndex(room.pane.outcome.findData("recommended"))
    room.pane.fill_template()
    room.pane.discussion.setPlainText("The panel heard from the assessing social worker about the "
                                      "applicants' experience of caring for children.")
    save(room, folder, f"meeting-room-typing-{suffix}", runner, saved)
    room.tabs.setCurrentIndex(1)
    save(room, folder, f"meeting-room-attendance-{suffix}", runner, saved)
    room.tabs.setCurrentIndex(2)
    save(room, folder, f"meeting-room-declarations-{suffix}", runner, saved)
    room.tabs.setCurrentIndex(0)
    room.keeper.dirty.clear()  # the pictures' typing is not kept
    room.close()

    minutes = MinutesView(runner, store, chair)
    minutes.resize(*size)
    minutes.meeting_id = facts["done"]
    minutes.reload()
    save(minutes, folder, f"minutes-final-{suffix}", runner, saved)
    minutes.parts.setCurrentRow(1)
    save(minutes, folder, f"minutes-item-{suffix}", runner, saved)
    preview = open_preview(runner, minutes, "Minutes", minutes_document(store, facts["done"]))
    preview.resize(860, size[1])
    save(preview, folder, f"pdf-preview-{suffix}", runner, saved)
    preview.done(0)
    minutes.close()

    queue = AdmQueuePage(runner, store, adm)
    queue.resize(*size)
    queue.reload()
    save(queue, folder, f"adm-queue-{suffix}", runner, saved)
    queue.table.select_where(lambda row: True)
    save(queue, folder, f"adm-decision-{suffix}", runner, saved)
    queue.form.choices["negative"].setChecked(True)
    save(queue, folder, f"adm-decision-departs-{suffix}", runner, saved)
    queue.close()
    for widget in (room, minutes, queue):
        widget.deleteLater()
