"""The ``panelapp`` command line.

Each command lives in its own module with a ``register(subparsers)`` function;
``COMMAND_MODULES`` lists them in the order ``--help`` shows them. Importing a
command's module can cost a second (statistics, PDFs, the demo generator), so
the parser imports only the module of the command asked for; ``COMMANDS`` names
every command and its one-line help for ``panelapp --help`` without importing
the rest (``tests/core/test_lazy_start.py`` keeps it in step with the modules).
A module listed in ``COMMAND_MODULES`` with no entry in ``COMMANDS`` is still
imported every time, so a new command works before it is added there.
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
    "panelapp.cli.takeaway_cmd",
    "panelapp.cli.invite_cmd",
    "panelapp.cli.installation_cmds",
]

# Only these make a store where there is none; any other command given a path that does not
# exist is refused, so that a mistyped --db never silently starts an empty store.
CREATING_COMMANDS = {"init", "demo"}
# These use no store of the user's at all.
STORELESS_COMMANDS = {"self-test", "licences"}
# command: (its module, its one-line help), in the order each module registers them.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("panelapp.cli.store_cmds", "create an empty store (or bring an old one up to date)"),
    "info": ("panelapp.cli.store_cmds", "say what the store holds"),
    "import": ("panelapp.cli.exchange_cmds",
        "read an exchange file, a workbook or a tracker into the store (all or nothing)"),
    "export": ("panelapp.cli.exchange_cmds", "write the whole store as an exchange JSON file"),
    "stats": ("panelapp.cli.stats_cmd", "the panel's statistics for a period, with the two years before"),
    "report": ("panelapp.cli.report_cmd",
               "the chair's annual or half-year report as PDF, and the texts written for it"),
    "demo": ("panelapp.cli.demo_cmd", "load the demo agency (made-up records) into the store"),
    "agenda": ("panelapp.cli.documents_cmd", "write a meeting's agenda as PDF"),
    "pack": ("panelapp.cli.documents_cmd", "write the members' panel pack as one PDF"),
    "minutes": ("panelapp.cli.documents_cmd", "write a meeting's minutes, or one item's extract, as PDF"),
    "decision": ("panelapp.cli.documents_cmd",
        "show the ADM's decision on an item, or write its record (or the letter) as PDF"),
    "deadlines": ("panelapp.cli.deadlines_cmd",
                  "list what is due: papers, minutes, ADM decisions, letters, reviews..."),
    "audit": ("panelapp.cli.audit_cmd",
        "verify, anchor or list the audit trail"),
    "user": ("panelapp.cli.user_cmd",
        "create and list user accounts"),
    "takeaway": ("panelapp.cli.takeaway_cmd",
        "take a meeting away to the chair's laptop, and merge it back"),
    "invite": ("panelapp.cli.invite_cmd",
        "write calendar invitations (.ics) for meetings"),
    "self-test": ("panelapp.cli.installation_cmds", "check this installation in a temporary store"),
    "licences": ("panelapp.cli.installation_cmds", "the components PanelApp ships, their versions and licences"),
}

EXIT_REFUSED = 1
EXIT_INVALID = 2


def add_db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--db", metavar="PATH|URL", default=None if top else argparse.SUPPRESS,
        help="the store: a SQLite file path or a database URL "
             "(default: $PANELAPP_DB_URL, else panelapp.sqlite in your data folder)")


def command_word(argv: list[str]) -> str | None:
    """The command ``argv`` asks for: its first word that is neither an option of
    ``panelapp`` itself nor the value of ``--db``."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def modules_needed(argv: list[str] | None) -> set[str]:
    """The command modules to import for ``argv``: the asked-for command's, and any
    module ``COMMANDS`` does not describe; every module when ``argv`` is None."""
    if argv is None:
        return set(COMMAND_MODULES)
    described = {module for module, _help in COMMANDS.values()}
    needed = {name for name in COMMAND_MODULES if name not in described}
    asked = COMMANDS.get(command_word(argv) or "")
    if asked is not None:
        needed.add(asked[0])
    return needed


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (only the asked-for command's module imported; the
    others stand in by name and help), or with ``argv`` None the whole parser."""
    needed = modules_needed(argv)
    parser = argparse.ArgumentParser(
        prog="panelapp",
        description="PanelApp: adoption panel records, from the command line.")
    parser.add_argument("--version", action="version", version=f"panelapp {__version__}")
    add_db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        if name in needed:
            importlib.import_module(name).register(sub)
            continue
        for command, (module, help_text) in COMMANDS.items():
            if module == name and command not in sub.choices:
                sub.add_parser(command, help=help_text)
    for choice in sub.choices.values():
        add_db_option(choice)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        try:
            # `takeaway open` makes the laptop's store from the meeting file.
            creating = args.command in CREATING_COMMANDS | STORELESS_COMMANDS or (
                args.command == "takeaway" and getattr(args, "takeaway_command", None) == "open")
            if not creating:
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
