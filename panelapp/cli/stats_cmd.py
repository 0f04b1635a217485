"""``panelapp stats``: the panel statistics of statistics.md for a period."""

from __future__ import annotations

import json
import sys

from ..db import open_store
from ..errors import PanelAppError
from ..stats import compute_statistics, explain, export_xlsx, financial_year, half_year
from ..stats.periods import parse_day
from ..stats.text import render_table
from .signin import add_as_option, signed_in_reader


def register(sub) -> None:
    p = sub.add_parser(
        "stats", help="the panel's statistics for a period, with the two years before",
        description="Every figure of the annual and six-monthly reports for one period, beside the "
                    "same period one and two years earlier. Give the period one way: --from and --to, "
                    "--year (a financial year, April to March) or --half.")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day of the period")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day of the period")
    p.add_argument("--year", metavar="YYYY",
                   help="the financial year starting in April of YYYY (2024: April 2024 to March 2025)")
    p.add_argument("--half", metavar="YYYYH1|YYYYH2",
                   help="half of a financial year: 2024H1 is April to September 2024, "
                        "2024H2 October 2024 to March 2025")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--explain", metavar="KEY",
                   help="list the refs of the records behind one figure, one a line "
                        "(e.g. adm.late, panel.items_by_type.match)")
    p.add_argument("--xlsx", metavar="FILE", help="write the figures to an Excel workbook, a sheet per section")
    add_as_option(p)
    p.set_defaults(func=run_stats)


def chosen_period(args):
    """The period the options name, refusing anything but exactly one way of naming it."""
    ways = [name for name, given in (("--from/--to", args.date_from or args.date_to),
                                     ("--year", args.year), ("--half", args.half)) if given]
    if len(ways) != 1:
        raise PanelAppError(
            "give the period one way: --from D --to D, --year 2024 or --half 2024H2"
            + (f" (you gave {' and '.join(ways)})" if ways else ""))
    if args.year:
        return financial_year(args.year)
    if args.half:
        return half_year(args.half)
    if not (args.date_from and args.date_to):
        raise PanelAppError("--from and --to go together: give both dates")
    return parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to")


def run_stats(args) -> int:
    date_from, date_to = chosen_period(args)
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "stats.read")
        with store.snapshot() as session:
            if args.explain:
                for ref in explain(session, date_from, date_to, args.explain):
                    print(ref)
                return 0
            result = compute_statistics(session, date_from, date_to)
    finally:
        store.dispose()
    if args.xlsx:
        path = export_xlsx(result, args.xlsx)
        print(f"wrote {path}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(result, indent=1))
    elif not args.xlsx:
        sys.stdout.write(render_table(result))
    return 0
