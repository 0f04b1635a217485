"""What the desktop's first window needs to know about the store, and no more.

Whether the store has an agency (and its name) and whether anyone has an account
decide between the welcome, first-account and sign-in windows. Two plain counts
answer that without the ORM's model classes, whose building is a good part of a
start-up's cost; the models load after signing in, when the workspace needs them.
"""

from dataclasses import dataclass

from sqlalchemy import column, func, select, table

from .db import Store


@dataclass(frozen=True)
class FirstScreenFacts:
    agency_name: str | None  # None: no agency set up yet
    accounts: int
    taken_away: str | None = None  # the meeting's ref, in a laptop's store of a meeting taken away


def first_screen_facts(store: Store) -> FirstScreenFacts:
    with store.engine.connect() as connection:
        name = connection.execute(select(column("name")).select_from(table("agency")).limit(1)).scalar()
        accounts = connection.execute(select(func.count()).select_from(table("user_account"))).scalar_one()
        taken = connection.execute(select(column("meeting_ref")).select_from(table("takeaway"))
                                   .where(column("side") == "laptop").limit(1)).scalar()
    return FirstScreenFacts(agency_name=name, accounts=accounts, taken_away=taken)
