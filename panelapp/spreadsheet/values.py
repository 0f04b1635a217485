"""A cell's value read as the exchange format wants it: a date, a number, a yes or no,
one of a list of codes, or a list written in one cell ("chair; vice_chair")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..exchange.schema import Key
from .dates import NotADate, read_date, read_time

YES = ("yes", "y", "✓", "✔", "true", "1")
NO = ("no", "n", "✗", "✘", "false", "0")
LIST_SEPARATOR = re.compile(r"\s*[;\n]\s*")


class BadValue(ValueError):
    """The cell cannot be read as its field needs; the message says so in words."""


def shown(value) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normal(text: str) -> str:
    """How spellings are compared: case, spaces, hyphens, underscores, full stops and
    colons do not count ("Stage 2" is stage2, "Fast-track" is fast_track, "Case no." is "Case no")."""
    return re.sub(r"[\s_\-.:]+", "", str(text)).casefold()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class Spellings:
    """How a spreadsheet writes the codes: per field, extra spellings of each code, and
    the words for yes and no."""

    choices: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> spelling -> code
    yes: tuple[str, ...] = YES
    no: tuple[str, ...] = NO

    def code(self, field_name: str, value) -> str | None:
        return self.choices.get(field_name, {}).get(normal(shown(value)))


def read_value(value, key: Key, field_name: str = "", spellings: Spellings | None = None):
    """``value`` (never blank) as ``key`` wants it, or ``BadValue``."""
    spellings = spellings or Spellings()
    kind = key.kind
    try:
        if kind == "date":
            return read_date(value).isoformat()
        if kind == "time":
            return read_time(value).strftime("%H:%M")
    except NotADate as exc:
        raise BadValue(str(exc)) from None
    if kind == "str":
        return shown(value).strip() if not isinstance(value, str) else value.strip()
    if kind in ("int", "number"):
        return _number(value, whole=kind == "int")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        words = normal(shown(value))
        if words in {normal(w) for w in spellings.yes}:
            return True
        if words in {normal(w) for w in spellings.no}:
            return False
        raise BadValue(f"{shown(value)!r} is not yes or no (write Yes or No)")
    if kind == "choice":
        return _choice(value, key, field_name, spellings)
    if kind == "list" and key.item is not None:
        parts = [part for part in LIST_SEPARATOR.split(shown(value).strip()) if part]
        return [read_value(part, key.item, field_name, spellings) for part in parts]
    raise BadValue(f"{field_name} cannot be written in one cell")


def _number(value, whole: bool):
    if isinstance(value, bool):
        raise BadValue(f"{value} is not a number")
    if isinstance(value, (int, float)):
        number = value
    else:
        try:
            number = float(str(value).strip().replace(",", ""))
        except ValueError:
            raise BadValue(f"{shown(value)!r} is not a number") from None
    if whole:
        if float(number) != int(number):
            raise BadValue(f"{shown(value)} is not a whole number")
        return int(number)
    return int(number) if float(number).is_integer() else float(number)


def _choice(value, key: Key, field_name: str, spellings: Spellings) -> str:
    mapped = spellings.code(field_name, value)
    if mapped is not None:
        return mapped
    words = normal(shown(value))
    for code in key.choices:
        if words == normal(code):
            return code
    return_words = ", ".join(key.choices)
    raise BadValue(f"{shown(value)!r} is not one of: {return_words}")
