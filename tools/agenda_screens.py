"""Screenshots of the adviser's planning: the meetings list with a quorum at risk, an agenda
with its warnings and papers, and the dialogs that build them.

They need an agenda with papers and with something to warn of, which the store being
photographed may not have, and the screenshots never write to it: so they are taken on
a demo agency in a temporary store of their own, planned forward through the services
as a panel adviser would. They are taken at 1366 by 768, the smallest common laptop
screen, where text is likeliest to be cut off.
"""

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate
from sqlmodel import select

from panelapp.db import Store, open_store
from panelapp.models import AgendaItem, Child, Household, ItemHousehold, Meeting, PanelMember
from panelapp.queries.agenda import item_choices
from panelapp.queries.meetings import cancel_choices
from panelapp.rules.workdays import WorkingDays
from panelapp.services.agenda import add_item, attach_paper
from panelapp.services.common import agency_of
from panelapp.services.meetings import create_meeting, schedule_meetings
from panelapp.services.permissions import Actor
from panelapp.services.recording import record_attendance
from tools.shots import settle
from ui.agenda.item_dialog import ItemDialog
from ui.agenda.paper_list import documents_dir
from ui.common import queries
from ui.common.tasks import TaskRunner
from ui.meetings.cancel_dialog import CancelDialog
from ui.meetings.schedule_dialog import ScheduleDialog
from ui.shell.main_window import MainWindow

LAPTOP = (1366, 768)
ADVISER = Actor("adviser", "Demo Panel Adviser", "adviser")
SCHEDULE = {"pattern": "1st and last Monday, 13:30", "venue": "Town Hall, Room 2", "capacity": 6}
_scene: dict = {}


def _papers(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in ("Prospective Adopters Report", "Adoption Placement Report", "Child Permanence Report",
                 "Medical report summary"):
        path = folder / f"{name}.pdf"
        path.write_bytes(f"%PDF-1.4 made-up paper for the screenshots: {name}\n".encode())
        out[name] = path
    return out


def _plan(store: Store, folder: Path) -> dict:
    """A meeting three days off (its papers late), over capacity, a household listed twice,
    a match outside the approval's terms, papers attached; a later meeting short of a chair."""
    from panelapp.demo import create_demo_agency
    with store.transaction() as session:
        create_demo_agency(session, seed=1, years=1, scale=1, actor="demo")
    today = dt.date.today()
    papers = _papers(folder / "papers")
    with store.transaction() as session:
        day = WorkingDays.for_agency(agency_of(session)).add(today, 3)
        ref = create_meeting(session, ADVISER, date=day, start=dt.time(10, 0), venue="Riverside House, Room 1",
                             capacity=4)["ref"]
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        elsewhere = session.exec(
            select(Household.ref).join(ItemHousehold).join(AgendaItem).join(Meeting)
            .where(Meeting.status == "planned", AgendaItem.outcome.is_(None))).first()
        listed = set(session.exec(select(Household.ref).join(ItemHousehold)).all())
        free = [h for h in session.exec(select(Household).where(Household.approved.is_not(None),
                                                                Household.approval_age_max_years.is_not(None),
                                                                Household.withdrawn.is_(None))
                                        .order_by(Household.ref)).all() if h.ref not in listed]
        matched = free[1]
        too_old = next(c for c in session.exec(select(Child).where(Child.dob.is_not(None)).order_by(Child.ref))
                       if (day - c.dob).days // 366 > matched.approval_age_max_years)
        child = session.exec(select(Child.ref).order_by(Child.ref.desc())).first()
        items = [
            add_item(session, ADVISER, meeting, item_type="adopter_approval", households=[elsewhere],
                     presenters=["Lena Smith"], duration_minutes=45),
            add_item(session, ADVISER, meeting, item_type="match", households=[matched.ref],
                     children=[too_old.ref], presenters=["Kofi Nowak", "Gus Fitzgerald"], duration_minutes=60),
            add_item(session, ADVISER, meeting, item_type="adopter_review", households=[free[0].ref],
                     duration_minutes=20),
            add_item(session, ADVISER, meeting, item_type="child_plan", children=[child],
                     presenters=["Tomasz Walker"]),
            add_item(session, ADVISER, meeting, item_type="other", presenters=["Panel adviser"],
                     duration_minutes=15),
        ]
        by_ref = {i.ref: i for i in meeting.items}
        folder_for_papers = documents_dir(store)
        for number, title, kind in ((0, "Prospective Adopters Report", "prospective_adopters_report"),
                                    (1, "Adoption Placement Report", "adoption_placement_report"),
                                    (1, "Child Permanence Report", "child_permanence_report"),
                                    (1, "Medical report summary", "medical_report")):
            attach_paper(session, ADVISER, by_ref[items[number]["item"]["ref"]], papers[title], title=title,
                         kind=kind, documents_dir=folder_for_papers, on=today)
        match_ref = items[1]["item"]["ref"]

        # The next planned demo meeting: its chair and vice chairs have sent apologies.
        later = session.exec(select(Meeting).where(Meeting.status == "planned", Meeting.id != meeting.id,
                                                   Meeting.meeting_date > day)
                             .order_by(Meeting.meeting_date)).first()
        chairs = [m.ref for m in session.exec(select(PanelMember)).all()
                  if m.on_list(later.meeting_date) and {"chair", "vice_chair"} & set(m.role_names)]
        record_attendance(session, ADVISER, later, [{"member": r, "status": "apologies"} for r in chairs])
        # Next year's diary, from a pattern: the schedule dialog shows what it made.
        first = dt.date(today.year + 1, 1, 1)
        schedule = schedule_meetings(session, ADVISER, first=first, last=dt.date(first.year, 12, 31), **SCHEDULE)
    return {"meeting": meeting.id, "ref": ref, "label": f"{day:%-d %b %Y} ({ref})", "match": match_ref,
            "at_risk": later.ref, "household": matched.ref, "surname": matched.applicants[0].name.split()[-1],
            "child": too_old.ref, "schedule": schedule, "first": first}


def scene() -> tuple[Store, dict]:
    """The planned demo store, made once for every theme's pictures."""
    if not _scene:
        folder = Path(tempfile.mkdtemp(prefix="panelapp-agenda-screens-"))
        store = open_store(str(folder / "planning.sqlite"))
        _scene.update(store=store, facts=_plan(store, folder))
        atexit.register(lambda: (store.dispose(), shutil.rmtree(folder, ignore_errors=True)))
    return _scene["store"], _scene["facts"]


def shoot_agenda_builder(runner: TaskRunner, folder: Path, suffix: str, saved: list[Path], save) -> None:
    """``save(widget, folder, name, runner, saved)`` is the screenshots module's own."""
    store, facts = scene()
    window = MainWindow(store, runner, ADVISER, queries.agency_info(store))
    window.resize(*LAPTOP)
    window.show()

    window.show_section("meetings")
    window.meetings.show_year(dt.date.today().year)  # this year's, not next year's new diary
    settle(runner)
    window.meetings.select_where(lambda row: row.ref == facts["at_risk"])
    save(window, folder, f"meetings-planning-{suffix}", runner, saved)

    window.show_section("agenda")
    window.agenda.show_meeting(facts["meeting"])
    settle(runner)
    window.agenda.items.select_where(lambda row: row.ref == facts["match"])
    save(window, folder, f"agenda-builder-{suffix}", runner, saved)

    dialog = ItemDialog(facts["label"], queries.read(store, ADVISER, item_choices), parent=window)
    dialog.choose_type("match")
    dialog.households.search.setText(facts["surname"])
    dialog.households.set_chosen(facts["household"])
    dialog.children.set_chosen(facts["child"])
    dialog.presenters.setText("Kofi Nowak, Gus Fitzgerald")
    dialog.minutes.setValue(60)
    save(dialog, folder, f"add-item-{suffix}", runner, saved)
    dialog.close()

    schedule = ScheduleDialog(queries.agency_info(store).region, dt.date.today(), parent=window)
    first = facts["first"]
    schedule.pattern.setText(SCHEDULE["pattern"])
    schedule.first.setDate(QDate(first.year, 1, 1))
    schedule.last.setDate(QDate(first.year, 12, 31))
    schedule.venue.setText(SCHEDULE["venue"])
    schedule.capacity.setValue(SCHEDULE["capacity"])
    save(schedule, folder, f"schedule-preview-{suffix}", runner, saved)
    schedule.show_result(facts["schedule"])
    save(schedule, folder, f"schedule-done-{suffix}", runner, saved)
    schedule.close()

    cancel = CancelDialog(queries.read(store, ADVISER, cancel_choices, facts["meeting"]), parent=window)
    cancel.reason.setText("The chair is ill and no vice chair is free")
    save(cancel, folder, f"cancel-meeting-{suffix}", runner, saved)
    cancel.close()
    window.close()
    for widget in (dialog, schedule, cancel, window):
        widget.deleteLater()
