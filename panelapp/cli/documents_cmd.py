"""``panelapp agenda``, ``pack``, ``minutes`` and ``decision``: the panel's papers as PDF."""

from ..db import open_store
from ..errors import PanelAppError
from ..reports import (agenda_pdf, decision_letter_pdf, decision_record_pdf, minutes_extract_pdf,
                       minutes_pdf, panel_pack_pdf)
from ..services.lookup import item_by_name, meeting_by_name
from .signin import add_as_option, signed_in_reader

MEETING_HELP = "the meeting: its ref (P20240411) or its date (2024-04-11)"
ITEM_HELP = "the item: its ref (I00058), or DATE/N for item N of the meeting on DATE (2024-04-11/2)"


def register(sub) -> None:
    p = sub.add_parser("agenda", help="write a meeting's agenda as PDF",
                       description="The agenda: date, time, venue, chair, apologies so far, and the "
                                   "items in order with their time slots, families, presenters and papers.")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    _out(p)
    p.set_defaults(func=run_agenda)

    p = sub.add_parser("pack", help="write the members' panel pack as one PDF",
                       description="Cover, agenda, then every attached paper in agenda order, with "
                                   "bookmarks and page numbers; late papers are marked as addenda. "
                                   "A missing or damaged paper stops the pack and is named.")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--papers", metavar="FOLDER", default=None,
                   help="where papers stored with a relative path are (default: the current folder)")
    _out(p)
    p.set_defaults(func=run_pack)

    p = sub.add_parser("minutes", help="write a meeting's minutes, or one item's extract, as PDF",
                       description="The whole minutes of MEETING; with --item, the extract of that one "
                                   "item's minute for the family's file. Draft minutes are marked DRAFT.")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--item", metavar="ITEM",
                   help="the item's ref, or its number on MEETING (e.g. 2), for an extract")
    _out(p)
    p.set_defaults(func=run_minutes)

    p = sub.add_parser("decision", help="write the ADM's decision record (or the letter) as PDF",
                       description="The agency decision maker's decision on ITEM, with the panel's "
                                   "recommendation, agreement, dates and working days; --letter writes "
                                   "the letter telling the applicants instead.")
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--letter", action="store_true", help="write the letter to the applicants")
    _out(p)
    p.set_defaults(func=run_decision)


def _out(parser) -> None:
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    add_as_option(parser)


def _run(args, write) -> int:
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "read")
        with store.snapshot() as session:
            path = write(session)
    finally:
        store.dispose()
    print(f"wrote {path}")
    return 0


def run_agenda(args) -> int:
    return _run(args, lambda s: agenda_pdf(s, meeting_by_name(s, args.meeting), args.out))


def run_pack(args) -> int:
    return _run(args, lambda s: panel_pack_pdf(s, meeting_by_name(s, args.meeting), args.out,
                                               papers_root=args.papers))


def run_minutes(args) -> int:
    def write(session):
        meeting = meeting_by_name(session, args.meeting)
        if args.item is None:
            return minutes_pdf(session, meeting, args.out)
        # An item is named on its meeting: by number, or by a ref that must be on it.
        name = args.item if not args.item.isdigit() else f"{meeting.ref}/{args.item}"
        item = item_by_name(session, name)
        if item.meeting_id != meeting.id:
            raise PanelAppError(f"Item {args.item} is on the meeting {item.meeting.ref}, not {meeting.ref}.")
        return minutes_extract_pdf(session, item, args.out)
    return _run(args, write)


def run_decision(args) -> int:
    write = decision_letter_pdf if args.letter else decision_record_pdf
    return _run(args, lambda s: write(s, item_by_name(s, args.item), args.out))
