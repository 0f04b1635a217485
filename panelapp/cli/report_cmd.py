"""``panelapp report``: the chair's annual or half-year report as PDF, and the texts
and service plan the chair writes for it."""

from __future__ import annotations

import json
from pathlib import Path

from ..db import open_store
from ..errors import PanelAppError
from ..models import REPORT_SECTIONS
from ..services import report_texts
from .signin import PASSWORD_VARIABLE, add_as_option, signed_in, signed_in_reader
from .stats_cmd import chosen_period

SIGN_IN_HELP = (f"Writing needs a signed-in account of the panel chair, a panel adviser or an administrator: "
                f"--as USERNAME, with the password taken from ${PASSWORD_VARIABLE} when it is set, "
                "else asked for.")


def _period_options(parser) -> None:
    parser.add_argument("--year", metavar="YYYY",
                        help="the financial year starting in April of YYYY (2024: April 2024 to March 2025)")
    parser.add_argument("--half", metavar="YYYYH1|YYYYH2",
                        help="half of a financial year: 2024H1 is April to September 2024, "
                             "2024H2 October 2024 to March 2025")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day of the period")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day of the period")


def _sign_in_option(parser) -> None:
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", required=True,
                        help=f"the account writing it (chair, adviser or administrator); its password comes "
                             f"from ${PASSWORD_VARIABLE}, or is asked for")


def register(sub) -> None:
    p = sub.add_parser(
        "report", help="the chair's annual or half-year report as PDF, and the texts written for it",
        description="The panel chair's report for a period: every figure beside the same period one and "
                    "two years earlier, charts, the chair's texts and the service plan. Give the period one "
                    "way: --year (a financial year), --half, or --from and --to. " + SIGN_IN_HELP)
    actions = p.add_subparsers(dest="report_command", metavar="ACTION")
    actions.required = True

    annual = actions.add_parser(
        "annual", help="write the report as PDF",
        description="Write the report for a financial year (the annual report), a half year (the "
                    "six-monthly report) or any period. It shows no names of children or adopters. "
                    "For the figures as a spreadsheet use: panelapp stats --xlsx FILE.")
    _period_options(annual)
    annual.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    annual.add_argument("--title", help="the report's title (default: e.g. 'Annual report 2024-25')")
    add_as_option(annual)
    annual.set_defaults(func=run_annual)

    text = actions.add_parser(
        "text", help="store one section's text for a period's report",
        description="Store the text of one written section of the report (plain text or light Markdown: "
                    "a blank line between paragraphs, '- ' for a list). An empty file withdraws the "
                    "text. A text naming a child or adopter is refused. " + SIGN_IN_HELP)
    text.add_argument("section", choices=REPORT_SECTIONS, help="which section: " + ", ".join(REPORT_SECTIONS))
    _period_options(text)
    text.add_argument("--file", required=True, metavar="TEXT.md", help="the text, UTF-8 ('-' for standard input)")
    _sign_in_option(text)
    text.set_defaults(func=run_text)

    plan = actions.add_parser(
        "plan", help="store the service plan set in a period's report",
        description="Store the service plan priorities for the year after the period, replacing any "
                    'stored before: a JSON list of {"priority": ..., "owner": ..., "due": "YYYY-MM-DD", '
                    '"progress": ...} (progress is optional; record it on last year\'s plan for the '
                    "review). " + SIGN_IN_HELP)
    _period_options(plan)
    plan.add_argument("--file", required=True, metavar="PLAN.json", help="the plan as JSON ('-' for standard input)")
    _sign_in_option(plan)
    plan.set_defaults(func=run_plan)

    from . import add_db_option
    for action in (annual, text, plan):
        add_db_option(action)


def run_annual(args) -> int:
    from ..reports.annual import annual_report_pdf
    date_from, date_to = chosen_period(args)
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "stats.read")
        with store.snapshot() as session:
            path = annual_report_pdf(session, args.out, date_from=date_from, date_to=date_to, title=args.title)
    finally:
        store.dispose()
    print(f"wrote {path}")
    return 0


def _read(name: str) -> str:
    if name == "-":
        import sys
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise PanelAppError(f"{path}: is not UTF-8 text; save it as UTF-8 and try again") from None
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _signed_in(session, username: str):
    return signed_in(session, username)


def run_text(args) -> int:
    date_from, date_to = chosen_period(args)
    words = _read(args.file)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            actor = _signed_in(session, args.as_user)
            saved = report_texts.save_report_text(session, actor, date_from, date_to, args.section, words)
    finally:
        store.dispose()
    span = f"{saved['period']['from']} to {saved['period']['to']}"
    if saved["characters"]:
        print(f"stored the {report_texts.SECTION_WORDS[args.section]} for {span} ({saved['characters']} characters)")
    else:
        print(f"withdrew the {report_texts.SECTION_WORDS[args.section]} for {span}")
    return 0


def run_plan(args) -> int:
    date_from, date_to = chosen_period(args)
    source = args.file
    try:
        priorities = json.loads(_read(source))
    except json.JSONDecodeError as exc:
        raise PanelAppError(f"{source}: is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            actor = _signed_in(session, args.as_user)
            stored = report_texts.set_service_plan(session, actor, date_from, date_to, priorities)
    finally:
        store.dispose()
    print(f"stored the service plan for {date_from.isoformat()} to {date_to.isoformat()}: "
          f"{len(stored)} priorit{'y' if len(stored) == 1 else 'ies'}")
    return 0
