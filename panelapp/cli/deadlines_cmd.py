"""``panelapp deadlines``: the open clocks, soonest first."""

import datetime as dt

from ..db import open_store
from ..errors import PanelAppError
from ..rules.clocks import open_deadlines
from .signin import add_as_option, signed_in_reader


def register(sub) -> None:
    p = sub.add_parser("deadlines", help="list what is due: papers, minutes, ADM decisions, letters, reviews...",
                       description="Every open clock (domain.md, 'Timescales PanelApp tracks'), soonest first, "
                                   "as it stood on --on (default today): due date, days left or overdue, what.")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day to look from (default: today)")
    p.add_argument("--overdue", action="store_true", help="only what is overdue")
    p.add_argument("--clock", action="append", metavar="NAME",
                   help="only these clocks (papers, minutes, adm_decision, decision_letter, "
                        "qualifying_determination, stage1, stage_gap, stage2, review, child_match, "
                        "child_journey, term_ends, quality_feedback); may repeat")
    add_as_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        on = dt.date.fromisoformat(args.on) if args.on else dt.date.today()
    except ValueError:
        raise PanelAppError(f"--on {args.on!r} is not a date (YYYY-MM-DD).") from None
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "read")
        with store.snapshot() as session:
            found = open_deadlines(session, on)
    finally:
        store.dispose()
    if args.overdue:
        found = [d for d in found if d.overdue]
    if args.clock:
        found = [d for d in found if d.clock in args.clock]
    print(f"Open deadlines on {on.isoformat()}: {len(found)} ({sum(d.overdue for d in found)} overdue)")
    for d in found:
        print(f"{d.clock:<25} {d.describe()}")
    return 0
