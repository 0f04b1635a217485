"""``panelapp invite``: calendar invitations (.ics) for a meeting, or for a year's meetings."""

import csv
import datetime as dt
from pathlib import Path

from sqlmodel import select

from ..db import open_store
from ..errors import PanelAppError
from ..invitations import calendar, invitations
from ..models import Meeting
from ..services.lookup import meeting_by_name
from .documents_cmd import MEETING_HELP
from .takeaway_cmd import _operator, _write


def register(sub) -> None:
    from .signin import add_as_option
    p = sub.add_parser("invite", help="write calendar invitations (.ics) for meetings",
                       description="One invitation per meeting for the members on the central list that day "
                                   "and the presenters, for Outlook and Thunderbird. Run it again after a "
                                   "change: the invitation keeps its UID with a higher SEQUENCE and replaces "
                                   "the earlier one; a cancelled meeting gets its cancellation.")
    p.add_argument("meeting", metavar="MEETING", nargs="?", help=MEETING_HELP)
    p.add_argument("--year", type=int, choices=range(1990, 2101), metavar="YEAR",
                   help="every meeting of this calendar year, in one file")
    p.add_argument("--out", required=True, metavar="DIR|FILE.ics",
                   help="a folder for MEETING (REF.ics in it); a .ics file for --year")
    p.add_argument("--organizer", metavar="EMAIL", help="the panel adviser's address the replies go to")
    p.add_argument("--addresses", metavar="FILE.csv",
                   help="e-mail addresses: rows of member ref (or presenter's name), address")
    add_as_option(p, who="an administrator or a panel adviser")
    p.set_defaults(func=run_invite)


def _addresses(path: str | None) -> dict[str, str]:
    if path is None:
        return {}
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return {row[0].strip(): row[1].strip() for row in csv.reader(fh) if len(row) >= 2 and "@" in row[1]}
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be read ({exc.strerror})") from None


def run_invite(args) -> int:
    if (args.meeting is None) == (args.year is None):
        raise PanelAppError("Name one meeting, or give --year, not both.")
    if args.year is not None and not args.out.endswith(".ics"):
        raise PanelAppError(f"{args.out}: the year's invitations are written as one .ics file.")
    if args.meeting is not None and args.out.endswith(".ics"):
        raise PanelAppError(f"{args.out}: a meeting's invitation goes into a folder (--out DIR).")
    addresses = _addresses(args.addresses)
    store = open_store(args.db)
    written = []
    try:
        with store.transaction() as session:
            by = _operator(session, args.as_user, "meeting.plan")
            if args.meeting is not None:
                meetings = [meeting_by_name(session, args.meeting)]
            else:
                first, last = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
                meetings = list(session.exec(select(Meeting).where(Meeting.meeting_date >= first,
                                                                   Meeting.meeting_date <= last)
                                             .order_by(Meeting.meeting_date)))
            found = invitations(session, by, meetings, organizer=args.organizer, addresses=addresses)
            if not found:
                raise PanelAppError("No meeting to invite to (a cancelled meeting never invited needs no "
                                    "cancellation).")
            if args.meeting is not None:
                invitation = found[0]
                target = Path(args.out) / f"{invitation.meeting}.ics"
                _write(str(target), calendar(found, invitation.method))
                written.append(f"{target} ({invitation.method}, SEQUENCE {invitation.sequence})")
            else:
                if any(i.method == "REQUEST" for i in found):
                    _write(args.out, calendar(found, "REQUEST"))
                    written.append(f"{args.out} ({sum(i.method == 'REQUEST' for i in found)} meetings)")
                if any(i.method == "CANCEL" for i in found):
                    cancelled = args.out[:-4] + "-cancelled.ics"
                    _write(cancelled, calendar(found, "CANCEL"))
                    written.append(f"{cancelled} ({sum(i.method == 'CANCEL' for i in found)} cancellations)")
    finally:
        store.dispose()
    for line in written:
        print(f"wrote {line}")
    return 0
