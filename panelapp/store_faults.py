"""Database failures turned into sentences.

A driver's message may quote the SQL, its parameters or the values of a duplicate key
(an applicant's name, an account's password hash), so none of it reaches a user or a
log: only the kind of failure, and for a broken rule the table and column it concerns.
"""

import errno
import re

from sqlalchemy.exc import DBAPIError, IntegrityError

from .errors import PanelAppError, StoreBusy, StoreConflict, StoreDamaged, StoreError, StoreFull, StoreReadOnly

BUSY = ("Another PanelApp is saving to the store, and it did not finish in time; nothing of yours "
        "was saved. Try again in a moment.")
FULL = ("The disk that holds the store is full, so nothing was saved. Free some space, then try again.")
DAMAGED = ("The store is damaged (the database reports a corrupt or unreadable file). Nothing was "
           "changed. Restore it from the latest backup, or ask your IT support to.")
READ_ONLY = ("The store cannot be written (its file or folder is read-only, or the database refuses "
             "writes); nothing was saved.")
OPEN_READ_ONLY = ("This store is open read-only (its file or its folder cannot be written here), so nothing "
                  "can be changed in it; nothing was saved. Ask someone who may write it, or open a copy "
                  "kept where you may write.")

_SQLITE_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY",
                "SQLITE_LOCKED_SHAREDCACHE", "SQLITE_BUSY_TIMEOUT"}
_SQLITE_FULL = {"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC"}
_SQLITE_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE",
                   "SQLITE_CORRUPT_VTAB"}
_PG_BUSY = {"55P03", "40P01", "40001", "57014"}  # lock timeout, deadlock, serialisation, cancelled
_PG_FULL = {"53100", "53200"}
_PG_DAMAGED = {"XX001", "XX002"}
# What SQLite and PostgreSQL say about a broken rule, reduced to the table and column.
_SQLITE_RULE = re.compile(r"(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?:: ([\w.]+))?")


def _sqlite_name(orig: BaseException) -> str:
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig)
    if not name or name == "SQLITE_ERROR":
        if "locked" in text:
            return "SQLITE_BUSY"
        if "readonly database" in text:
            return "SQLITE_READONLY"
        if "disk is full" in text:
            return "SQLITE_FULL"
        if "malformed" in text or "not a database" in text:
            return "SQLITE_CORRUPT"
    return name


def _rule(exc: IntegrityError) -> str:
    orig = exc.orig
    diag = getattr(orig, "diag", None)
    if diag is not None and getattr(diag, "constraint_name", None):
        return f"the rule {diag.constraint_name}"
    found = _SQLITE_RULE.search(str(orig))
    if found:
        kind, where = found.group(1).lower(), found.group(2)
        if where and "," not in where:
            return f"the {kind} rule on {where}"
        return f"a {kind} rule"
    return "one of its rules"


def explain(exc: BaseException) -> PanelAppError | None:
    """The sentence for a database failure, or None when ``exc`` is not one."""
    if isinstance(exc, PanelAppError):
        return exc
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return StoreFull(FULL)
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    if isinstance(exc, IntegrityError):
        return StoreConflict(f"The store refused the change because it breaks {_rule(exc)} (a duplicate, "
                             "a missing link or a value out of range); nothing was saved.")
    code = getattr(orig, "sqlstate", None)
    if code is not None:
        if code in _PG_BUSY:
            return StoreBusy(BUSY)
        if code in _PG_FULL:
            return StoreFull(FULL)
        if code in _PG_DAMAGED:
            return StoreDamaged(DAMAGED)
        if code == "25006":
            return StoreReadOnly(READ_ONLY)
        return StoreError(f"The database refused the request (error {code}); nothing was saved.")
    name = _sqlite_name(orig) if orig is not None else ""
    if name in _SQLITE_BUSY or name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return StoreBusy(BUSY)
    if name in _SQLITE_FULL:
        return StoreFull(FULL)
    if name in _SQLITE_DAMAGED or name.startswith("SQLITE_CORRUPT"):
        return StoreDamaged(DAMAGED)
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnly(READ_ONLY)
    if name.startswith("SQLITE_IOERR"):
        return StoreError("The store's file could not be read or written (a disk or file-system error); "
                          "nothing was saved.")
    return StoreError(f"The database refused the request ({name or type(exc).__name__}); nothing was saved.")
