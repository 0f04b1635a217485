"""``panelapp audit``: read the audit trail and verify its hash chain."""

from sqlmodel import select

from .. import audit
from ..db import open_store
from ..models import AuditEvent
from .signin import acting, add_as_option


def register(sub) -> None:
    p = sub.add_parser("audit", help="verify or list the audit trail",
                       description="The audit trail records every change and decision, chained by hash.")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION")
    actions.required = True
    v = actions.add_parser("verify", help="check that no event was edited or deleted",
                           description="Recompute the hash chain; name every event that no longer fits. "
                                       "Exit status 3 when the chain is broken.")
    v.set_defaults(func=run_verify)
    ls = actions.add_parser("list", help="show the latest events", description="Show the latest audit events.")
    ls.add_argument("--last", type=int, default=20, metavar="N", help="how many (default 20)")
    ls.set_defaults(func=run_list)
    from . import add_db_option
    for parser in (v, ls):
        add_db_option(parser)
        add_as_option(parser, who="an administrator, a panel adviser or the decision maker")


def run_verify(args) -> int:
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            report = audit.verify(session, by=acting(session, args.as_user, "audit.read"))
    finally:
        store.dispose()
    if report.intact:
        print(f"audit trail intact: {report.events} events, chain unbroken")
        return 0
    print(f"audit trail BROKEN: {len(report.problems)} problem(s) in {report.events} events")
    for problem in report.problems:
        print(f"  {problem}")
    return 3


def run_list(args) -> int:
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            acting(session, args.as_user, "audit.read")
            events = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(args.last)).all()
    finally:
        store.dispose()
    for e in reversed(events):
        print(f"{e.id:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<16} {e.action:<14} {e.summary or e.entity}")
    return 0
