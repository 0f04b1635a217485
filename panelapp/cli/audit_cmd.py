"""``panelapp audit``: read the audit trail, verify it, and anchor its head outside the store."""

from pathlib import Path

from sqlmodel import select

from .. import audit, audit_seal
from ..db import open_store
from ..errors import PanelAppError
from ..models import AuditEvent, AuditHead
from .signin import add_as_option, signed_in_reader


def register(sub) -> None:
    p = sub.add_parser("audit", help="verify, anchor or list the audit trail",
                       description="The audit trail records every change and decision, chained by hash.")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION")
    actions.required = True
    v = actions.add_parser("verify", help="check that no event was edited or deleted",
                           description="Recompute the hash chain and its keyed seals; check the head and the "
                                       "number of events against the anchor kept outside the store, the "
                                       "store file's integrity, and every minutes and decision sign-off. "
                                       "Exit status 3 when anything does not fit.")
    v.add_argument("--anchor", type=Path, metavar="FILE",
                   help="an anchor written by 'audit anchor --to FILE' (default: this computer's own)")
    v.set_defaults(func=run_verify)
    a = actions.add_parser("anchor", help="record the trail's head and length outside the store",
                           description="Write the hash of the last event and the number of events to this "
                                       "computer's anchor (PanelApp also does after each change), and with "
                                       "--to to a file to keep elsewhere, e.g. with the annual report.")
    a.add_argument("--to", type=Path, metavar="FILE", help="also write the anchor to FILE")
    a.set_defaults(func=run_anchor)
    ls = actions.add_parser("list", help="show the latest events", description="Show the latest audit events.")
    ls.add_argument("--last", type=int, default=20, metavar="N", help="how many (default 20)")
    ls.set_defaults(func=run_list)
    from . import add_db_option
    for parser in (v, a, ls):
        add_db_option(parser)
        add_as_option(parser, who="an administrator, a panel adviser or the decision maker")


def run_verify(args) -> int:
    store = open_store(args.db)
    try:
        by = signed_in_reader(store, args.as_user, "audit.read")
        with store.snapshot() as session:
            report = audit.verify(session, by=by, anchor_file=args.anchor)
    finally:
        store.dispose()
    print(f"head:     {report.head} ({report.events} events, "
          f"{'sealed with this store key' if report.keyed else 'not yet sealed with a key'})")
    print("anchor:   " + (f"{report.anchored} events anchored" if report.anchored is not None else "none"))
    for note in report.notes:
        print(f"note:     {note}")
    if report.intact:
        print(f"audit trail intact: {report.events} events, chain unbroken")
        return 0
    print(f"audit trail BROKEN: {len(report.problems)} problem(s) in {report.events} events")
    for problem in report.problems:
        print(f"  {problem}")
    return 3


def run_anchor(args) -> int:
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "audit.read")
        with store.snapshot() as session:
            report = audit.verify(session)
            head = session.get(AuditHead, audit.HEAD_ID)
            where = audit.location(session)
    finally:
        store.dispose()
    if not report.intact or head is None:
        raise PanelAppError("The audit trail does not verify, so it was not anchored: run "
                            "'panelapp audit verify' to see why.")
    anchor = audit_seal.Anchor(head.store_uid, report.events, report.head, where)
    written = [audit_seal.write_anchor(anchor)]
    if args.to is not None:
        written.append(audit_seal.write_anchor(anchor, args.to))
    print(f"anchored {report.events} events, head {report.head}, in {', '.join(str(p) for p in written)}")
    return 0


def run_list(args) -> int:
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "audit.read")
        with store.snapshot() as session:
            events = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(args.last)).all()
    finally:
        store.dispose()
    for e in reversed(events):
        print(f"{e.id:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<16} {e.action:<14} {e.summary or e.entity}")
    return 0
