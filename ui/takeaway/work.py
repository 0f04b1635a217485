"""The workers behind the takeaway dialogs: each runs in the task runner with its own session,
reports progress, honours Cancel before anything is kept, and returns plain data. None touches
a widget."""

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from panelapp.audit import ChainReport
from panelapp.db import Store, open_store
from panelapp.errors import PanelAppError
from panelapp.invitations import calendar, invitations
from panelapp.models import Meeting
from panelapp.queries.audit import verify_chain
from panelapp.services.permissions import Actor, allowed
from panelapp.takeaway import (
    SUFFIX,
    Exported,
    MergeResult,
    Opened,
    Returned,
    export_meeting,
    merge_return,
    open_meeting_file,
    read_return,
    return_meeting,
)
from ui.common.tasks import Task
from ui.statistics.export import written_in_place


def read_file(path: str | Path, what: str = "The meeting file") -> bytes:
    file = Path(path)
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise PanelAppError(f"{what} {file} does not exist.") from None
    except OSError as exc:
        raise PanelAppError(f"{what} {file} cannot be read ({exc.strerror or exc}).") from None


def check_suffix(path: str | Path) -> None:
    if not str(path).endswith(SUFFIX):
        raise PanelAppError(f"{Path(path).name}: a meeting file is written as {SUFFIX}, not as another kind of file.")


# -- out -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TakenOut:
    exported: Exported
    path: Path


def take_away(task: Task, store: Store, actor: Actor, meeting_id: int, chair: str | None, passphrase: str,
              path: str | Path, papers_root: str | Path | None = None) -> TakenOut:
    """Seal the meeting and write it; the office remembers what went out only once the file is
    in place (a cancel or a failure rolls that back)."""
    check_suffix(path)
    task.progress(0.1, "Gathering the meeting, its agenda, papers and the people on it…")
    with store.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise PanelAppError("That meeting is no longer in the store; nothing was written.")
        task.progress(0.3, "Sealing the meeting file with the passphrase…")
        exported = export_meeting(session, actor, meeting, passphrase, chair=chair, papers_root=papers_root)
        task.progress(0.9, "Writing the meeting file…")
        written = written_in_place(task, path, lambda temporary: temporary.write_bytes(exported.data))
    return TakenOut(exported, written)


# -- on the laptop ---------------------------------------------------------------------------

@dataclass(frozen=True)
class OpenedHere:
    opened: Opened
    store_path: Path


def _remove_new_store(path: Path, papers: Path | None) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
    if papers is not None and papers.is_dir():
        for paper in papers.iterdir():
            paper.unlink(missing_ok=True)
        papers.rmdir()


def open_taken_away(task: Task, file: str | Path, passphrase: str, store_path: str | Path) -> OpenedHere:
    """A new store at ``store_path`` made from the meeting file. Whatever goes wrong (a wrong
    passphrase, a changed or cut file, a cancel), the store and its papers folder are removed
    again: nothing is left half made."""
    target = Path(store_path).expanduser().resolve()
    data = read_file(file)
    if target.exists():
        raise PanelAppError(f"{target} exists already: the meeting opens into a new store of its own, so "
                            "choose a file name not yet used.")
    if not target.parent.is_dir():
        raise PanelAppError(f"The folder {target.parent} does not exist; choose another place for the store.")
    papers = target.with_name(f"{target.stem}-papers")
    papers_existed = papers.exists()
    task.progress(0.1, "Making the store for the meeting…")
    store = None
    try:
        store = open_store(str(target))
        task.progress(0.4, "Opening the meeting file with the passphrase…")
        opened = open_meeting_file(store, data, passphrase, papers_dir=papers)
        task.check()
    except BaseException:
        if store is not None:
            store.dispose()
        _remove_new_store(target, None if papers_existed else papers)
        raise
    store.dispose()
    return OpenedHere(opened, target)


# -- back --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnedTo:
    returned: Returned
    path: Path


def return_to_agency(task: Task, store: Store, actor: Actor, passphrase: str, path: str | Path) -> ReturnedTo:
    check_suffix(path)
    task.progress(0.2, "Checking the audit trail and sealing what was recorded…")
    with store.transaction() as session:
        returned = return_meeting(session, actor, passphrase)
        task.progress(0.9, "Writing the return file…")
        written = written_in_place(task, path, lambda temporary: temporary.write_bytes(returned.data))
    return ReturnedTo(returned, written)


# -- merging -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trial:
    """A return read and tried against the store, everything rolled back: what would happen."""

    document: dict
    result: MergeResult


def try_merge(task: Task, store: Store, actor: Actor, file: str | Path, passphrase: str) -> Trial:
    data = read_file(file, "The return file")
    task.progress(0.2, "Opening the return with the passphrase…")
    document = read_return(data, passphrase)
    task.progress(0.6, "Comparing the laptop's records with the office's…")
    session = store.session()
    try:
        result = merge_return(session, actor, document)
    finally:
        session.rollback()
        session.close()
    return Trial(document, result)


@dataclass(frozen=True)
class Merged:
    result: MergeResult
    chain: ChainReport | None  # None when this user may not read the audit trail


def merge(task: Task, store: Store, actor: Actor, document: dict, choices: dict[str, str]) -> Merged:
    task.progress(0.2, "Merging the return in one transaction…")
    with store.transaction() as session:
        result = merge_return(session, actor, document, choices=choices)
        task.check()  # the last moment to cancel: the whole merge rolls back
    chain = None
    if allowed(actor, "audit.read"):
        task.progress(0.8, "Verifying the audit trail…")
        with store.session() as session:
            chain = verify_chain(session, actor)
    return Merged(result, chain)


# -- invitations ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Written:
    path: Path
    method: str
    meetings: int
    people: int


def read_addresses(path: str | Path | None) -> dict[str, str]:
    """Rows of member ref (or presenter's name), e-mail address; rows without an address are skipped."""
    if not path:
        return {}
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return {row[0].strip(): row[1].strip() for row in csv.reader(fh) if len(row) >= 2 and "@" in row[1]}
    except OSError as exc:
        raise PanelAppError(f"The addresses file {path} cannot be read ({exc.strerror or exc}).") from None
    except (UnicodeDecodeError, csv.Error):
        raise PanelAppError(f"The addresses file {path} is not a CSV file of UTF-8 text.") from None


def write_invitations(task: Task, store: Store, actor: Actor, meeting_ids: list[int], target: str | Path,
                      *, one_file: bool, organizer: str | None = None,
                      addresses: str | Path | None = None) -> list[Written]:
    """One meeting: ``target`` is a folder, REF.ics written in it. Several (a year): ``target`` is a
    .ics file of the requests, with the cancellations beside it in NAME-cancelled.ics."""
    target = Path(target)
    if one_file and target.suffix != ".ics":
        raise PanelAppError(f"{target.name}: the year's invitations are written as one .ics file.")
    if not one_file and not target.is_dir():
        raise PanelAppError(f"The folder {target} does not exist; choose a folder for the invitation.")
    found_addresses = read_addresses(addresses)
    task.progress(0.2, "Writing the invitations…")
    out: list[Written] = []
    with store.transaction() as session:
        meetings = [m for m in (session.get(Meeting, i) for i in meeting_ids) if m is not None]
        found = invitations(session, actor, meetings, organizer=organizer or None, addresses=found_addresses)
        if not found:
            raise PanelAppError("No meeting to invite to (a cancelled meeting never invited needs no cancellation).")
        if one_file:
            targets = {"REQUEST": target, "CANCEL": target.with_name(f"{target.stem}-cancelled.ics")}
        else:
            targets = {found[0].method: target / f"{found[0].meeting}.ics"}
        for method, path in targets.items():
            chosen = [i for i in found if i.method == method]
            if not chosen:
                continue
            people = sum(len(_attendees(i.event)) for i in chosen)
            written = written_in_place(task, path, _writer(calendar(found, method)))
            out.append(Written(written, method, len(chosen), people))
    return out


def _writer(content: bytes) -> Callable[[Path], int]:
    return lambda temporary: temporary.write_bytes(content)


def _attendees(event) -> list:
    found = event.get("attendee")
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def year_meetings(choices, year: int) -> list[int]:
    """The ids of ``choices`` (MeetingChoice) that fall in ``year``, in date order."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [c.id for c in sorted(choices, key=lambda c: (c.meeting_date, c.ref)) if first <= c.meeting_date <= last]
