"""``panelapp takeaway export|open|return|merge``: a meeting out to the chair's laptop and back."""

import json
import os
import tempfile
from pathlib import Path

from ..db import open_store
from ..errors import PanelAppError
from ..services.lookup import meeting_by_name
from ..services.permissions import Actor
from ..takeaway import (
    SUFFIX,
    export_meeting,
    merge_return,
    open_meeting_file,
    read_return,
    return_meeting,
)
from ..takeaway.merge import MergeResult, show_value
from . import actor_name
from .documents_cmd import MEETING_HELP
from .exchange_cmds import passphrase
from .signin import acting, add_as_option

EXIT_HELD = 4


def register(sub) -> None:
    p = sub.add_parser("takeaway", help="take a meeting away to the chair's laptop, and merge it back",
                       description="A meeting goes out to the chair's laptop in one file sealed with a "
                                   "passphrase ($PANELAPP_PASSPHRASE, or asked for), is recorded there with no "
                                   "network, comes back in a return file and is merged record by record.")
    actions = p.add_subparsers(dest="takeaway_command", metavar="ACTION")
    actions.required = True
    from . import add_db_option

    e = actions.add_parser("export", help="seal a meeting for the chair's laptop",
                           description="Write MEETING, its agenda, papers, the central list, the households "
                                       "and children on its agenda and the chair's account, sealed.")
    e.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    e.add_argument("--out", metavar=f"FILE{SUFFIX}", required=True)
    e.add_argument("--chair", metavar="USERNAME", help="the chair's account (default: the only chair's account, "
                                                       "or the one chairing the meeting)")
    e.add_argument("--papers", metavar="FOLDER", help="where papers stored with a relative path are")
    add_as_option(e, who="an administrator or a panel adviser")
    e.set_defaults(func=run_export)

    o = actions.add_parser("open", help="make this (new) store the laptop's copy of a meeting",
                           description="On the laptop: --db names a new store; the meeting file fills it, and "
                                       "the chair signs in to it with their own password.")
    o.add_argument("file", metavar=f"FILE{SUFFIX}")
    o.add_argument("--papers", metavar="FOLDER", help="where to put the meeting's papers "
                                                     "(default: a folder beside the store)")
    o.set_defaults(func=run_open)

    r = actions.add_parser("return", help="seal what was recorded on the laptop for the agency",
                           description="Attendance, declarations, drafts, recommendations, minutes and their "
                                       "versions, and the audit trail of the laptop, in one sealed file.")
    r.add_argument("--out", metavar=f"FILE{SUFFIX}", required=True)
    add_as_option(r, required=True, who="the chair")
    r.set_defaults(func=run_return)

    m = actions.add_parser("merge", help="merge a returned meeting into this store",
                           description="In one transaction: what changed only on the laptop goes in, what "
                                       "changed only here stays; what changed on both sides is printed side by "
                                       f"side and held (exit status {EXIT_HELD}) until chosen with --take. "
                                       "Merging the same return twice changes nothing.")
    m.add_argument("file", metavar=f"FILE{SUFFIX}")
    m.add_argument("--meeting", metavar="MEETING", help="refuse the file unless it is this meeting's return")
    m.add_argument("--take", metavar="NAME=SIDE", action="append", default=[],
                   help="settle one conflict: NAME as printed, SIDE laptop or office (repeatable)")
    m.add_argument("--take-all", choices=("laptop", "office"), help="settle every conflict one way")
    m.add_argument("--resolutions", metavar="FILE.json", help='a JSON object {"NAME": "laptop"|"office"}')
    m.add_argument("--dry-run", action="store_true", help="show what would be merged; change nothing")
    add_as_option(m, who="an administrator or a panel adviser")
    m.set_defaults(func=run_merge)
    for parser in (e, o, r, m):
        add_db_option(parser)


def _check_suffix(path: str) -> None:
    if not path.endswith(SUFFIX):
        raise PanelAppError(f"{path}: a meeting file is written as {SUFFIX}, not as another kind of file.")


def _write(path: str, data: bytes) -> None:
    """Beside the target then renamed, so a failure never leaves half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be read ({exc.strerror})") from None


def _operator(session, as_user: str | None, action: str) -> Actor:
    return acting(session, as_user, action) or Actor(actor_name(), actor_name(), "admin")


def run_export(args) -> int:
    _check_suffix(args.out)
    secret = passphrase(confirm=True)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            by = _operator(session, args.as_user, "meeting.plan")
            out = export_meeting(session, by, meeting_by_name(session, args.meeting), secret, chair=args.chair,
                                 papers_root=args.papers)
            _write(args.out, out.data)
    finally:
        store.dispose()
    print(f"took away {out.summary()} to {args.out}")
    print("  give the chair the file and, separately, the passphrase")
    return 0


def run_open(args) -> int:
    data = _read(args.file)
    store = open_store(args.db)
    try:
        opened = open_meeting_file(store, data, passphrase(confirm=False), papers_dir=args.papers)
    finally:
        store.dispose()
    print(f"opened the meeting {opened.meeting} of {opened.meeting_date:%d %B %Y} into {store.description}: "
          f"{opened.records} records, {opened.papers} papers" + (f" in {opened.papers_dir}" if opened.papers_dir else ""))
    print(f"  {opened.chair} signs in with their own password; return it with: panelapp takeaway return")
    return 0


def run_return(args) -> int:
    _check_suffix(args.out)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            by = _operator(session, args.as_user, "meeting.record")
            out = return_meeting(session, by, passphrase(confirm=True))
            _write(args.out, out.data)
    finally:
        store.dispose()
    print(f"returned the meeting {out.meeting} to {args.out}: {out.records} records, {out.events} audit events")
    return 0


def _choices(args) -> dict[str, str]:
    chosen: dict[str, str] = {}
    if args.resolutions:
        try:
            loaded = json.loads(_read(args.resolutions).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise PanelAppError(f"{args.resolutions}: not a JSON object of NAME: laptop|office") from None
        if not isinstance(loaded, dict):
            raise PanelAppError(f"{args.resolutions}: not a JSON object of NAME: laptop|office")
        chosen.update({str(k): str(v) for k, v in loaded.items()})
    for given in args.take:
        name, sep, side = given.rpartition("=")
        if not sep or not name:
            raise PanelAppError(f"--take {given}: write it as NAME=laptop or NAME=office")
        chosen[name] = side
    return chosen


def print_result(result: MergeResult) -> None:
    for conflict in result.conflicts:
        state = f"settled: the {conflict.taken}'s kept" if conflict.taken else "HELD: choose with --take"
        print(f"conflict {conflict.key}  {conflict.label}  [{state}]")
        for row in conflict.rows:
            print(f"  {row.table}: {row.why}")
            width = max([len(f.name) for f in row.fields] + [5])
            print(f"    {'':<{width}}  {'office':<40}  laptop")
            for f in row.fields:
                print(f"    {f.name:<{width}}  {show_value(f.office):<40}  {show_value(f.laptop)}")
    print(result.summary())


def run_merge(args) -> int:
    data = _read(args.file)
    document = read_return(data, passphrase(confirm=False))
    choices = _choices(args)
    store = open_store(args.db)
    try:
        session = store.session()
        try:
            by = _operator(session, args.as_user, "meeting.plan")
            meeting = meeting_by_name(session, args.meeting) if args.meeting else None
            result = merge_return(session, by, document, choices=choices, take_all=args.take_all,
                                  meeting=meeting)
            if args.dry_run:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
    finally:
        store.dispose()
    if args.dry_run:
        print("dry run: nothing was changed")
    print_result(result)
    return EXIT_HELD if result.held else 0
