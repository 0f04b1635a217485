"""Record listings read a window at a time: households and children, sorted and
searched in SQL, so a table of a million rows never holds more than it shows.

``household_window`` / ``child_window`` return up to ``limit`` rows from ``offset``
in the order asked for (ties broken by id, so windows never overlap or skip);
``household_count`` / ``child_count`` say how many rows a search matches.
Searching finds the rows where every word typed is part of the ref or a name
(SQLite: FTS5 trigram tables; PostgreSQL: ILIKE, indexed by pg_trgm).
"""

from .children import CHILD_SORTS, ChildRow, child_count, child_window
from .households import (
           HOUSEHOLD_SORTS,
           HouseholdRow,
           household_count,
           household_window,
)

__all__ = ["CHILD_SORTS", "HOUSEHOLD_SORTS", "ChildRow", "HouseholdRow", "child_count",
           "child_window", "household_count", "household_window"]
