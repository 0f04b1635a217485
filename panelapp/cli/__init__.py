"""The ``panelapp`` command line.

Each command lives in its own module with a ``register(subparsers)`` function;
``COMMAND_MODULES`` lists them in the order ``--help`` shows them.
"""

import argparse
import importlib
import os
import sys

from .. import __version__
from ..errors import ExchangeErrors, PanelAppError
from ..logfile import log_failure
from ..store_faults import explain

COMMAND_MODULES = [
    "panelapp.cli.store_cmds",
    "panelapp.cli.exchange_cmds",
    "panelapp.cli.stats_cmd",
    "panelapp.cli.report_cmd",
    "panelapp.cli.demo_cmd",
    "panelapp.cli.documents_cmd",
    "panelapp.cli.deadlines_cmd",
    "panelapp.cli.audit_cmd",
    "panelapp.cli.user_cmd",
]

# Only these make a store where there is none; any other command given a path that does not
# exist is refused, so that a mistyped --db never silently starts an empty store.
CREATING_COMMANDS = {"init", "demo"}

EXIT_REFUSED = 1
EXIT_INVALID = 2


def add_db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--db", metavar="PATH|URL", default=None if top else argparse.SUPPRESS,
        help="the store: a SQLite file path or a database URL "
             "(default: $PANELAPP_DB_URL, else panelapp.sqlite in your data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="panelapp",
        description="PanelApp: adoption panel records, from the command line.")
    parser.add_argument("--version", action="version", version=f"panelapp {__version__}")
    add_db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    for choice in sub.choices.values():
        add_db_option(choice)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        try:
            if args.command not in CREATING_COMMANDS:
                require_existing_store(getattr(args, "db", None))
            return int(args.func(args) or 0)
        except Exception as exc:
            sentence = explain(exc)
            if sentence is None or sentence is exc:
                raise
            raise sentence from exc
    except ExchangeErrors as exc:
        for line in exc.errors:
            print(line, file=sys.stderr)
        print(f"panelapp: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except PanelAppError as exc:
        print(f"panelapp: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("panelapp: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 130
    except Exception as exc:  # the user sees a sentence, not a traceback
        if os.environ.get("PANELAPP_DEBUG"):
            raise
        # The exception's own text may quote records (a name in a failed value), so only
        # its kind is shown; where it happened goes to the log, without any message.
        logged = log_failure(exc)
        print(f"panelapp: unexpected error ({type(exc).__name__}); nothing more is shown because the "
              "details could name people" + (f"; where it happened is in {logged}" if logged else "")
              + " (set PANELAPP_DEBUG=1 to see everything)", file=sys.stderr)
        return EXIT_REFUSED


def require_existing_store(db: str | None) -> None:
    from sqlalchemy.engine import make_url

    from ..config import resolve_db_url
    try:
        url = make_url(resolve_db_url(db))
    except Exception:
        return  # open_store says what is wrong with the URL
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        from pathlib import Path
        if not Path(url.database).exists():
            raise PanelAppError(f"There is no store at {url.database}. Check the path, or create a store "
                                "there with: panelapp init --db PATH")


def actor_name() -> str:
    """Who the command line acts as, for the audit trail, until it signs in to an account."""
    import getpass
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


if __name__ == "__main__":
    sys.exit(main())
