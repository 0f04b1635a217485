"""``panelapp demo``: load the made-up Riverside Regional Adoption Agency into a store."""

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..db import open_store
from ..config import data_dir
from ..demo import DEMO_AGENCY_NAME, create_demo_agency
from ..demo.accounts import DEMO_HINT, make_demo_accounts
from ..demo.load import StoreNotForDemo
from ..errors import PanelAppError
from . import actor_name

MOST_YEARS = 10
MOST_SCALE = 500


def _whole_number(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value
    return parse


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(sub) -> None:
    p = sub.add_parser(
        "demo", help="load the demo agency (made-up records) into the store",
        description=f"Make up {DEMO_AGENCY_NAME}, a fictional regional adoption agency, and load it "
                    "into the store in one transaction: its central list, households, children and "
                    "panel meetings over the last financial years, with recent meetings still waiting "
                    "for final minutes and decisions, and the next few weeks' meetings planned. Every "
                    "name is made up. The same options give the same agency. The store must be empty "
                    "or hold the same demo: use --db to name a store of its own. It also makes one "
                    "account for each role (as the desktop's demo does) and writes small made-up "
                    "papers for every item into the store's documents folder.")
    p.add_argument("--seed", type=int, default=1, help="which made-up agency (default 1)")
    p.add_argument("--years", type=_whole_number(1, MOST_YEARS), default=3, metavar="N",
                   help="financial years of records, ending with the one holding today (default 3)")
    p.add_argument("--scale", type=_whole_number(1, MOST_SCALE), default=1, metavar="N",
                   help="size: 1 is a medium regional agency, about 1,300 households and 750 children "
                        "over three years; N times that for larger (default 1)")
    p.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="the day the demo is seen from (default: today)")
    p.set_defaults(func=run_demo)


def _progress(fraction: float, message: str) -> None:
    print(f"  {fraction:>4.0%}  {message}", file=sys.stderr, flush=True)


def documents_dir(store) -> Path:
    """The store's document folder, as the desktop finds it: beside a SQLite file, else in
    the user's data folder."""
    return store.path.parent / "documents" if store.path is not None else data_dir() / "documents"


def run_demo(args) -> int:
    today = args.today or dt.date.today()
    store = open_store(args.db)
    try:
        try:
            with store.transaction() as session:
                result = create_demo_agency(session, seed=args.seed, years=args.years, scale=args.scale,
                                            today=today, actor=actor_name(), progress=_progress,
                                            documents_dir=documents_dir(store))
                made = make_demo_accounts(session)
        except StoreNotForDemo as exc:
            raise PanelAppError(f"{exc} To try the demo, give it a store of its own, for example: "
                                f"panelapp demo --db demo.sqlite") from None
        print(f"loaded {DEMO_AGENCY_NAME} (seed {args.seed}, {args.years} years to {today.isoformat()}, "
              f"scale {args.scale}) into {store.description}")
        print(f"  {result.summary()}")
        if made:
            print(f"  {DEMO_HINT}")
        print("  every name in it is made up; `panelapp info` shows what the store holds")
    finally:
        store.dispose()
    return 0
