"""Fields of an exchange record named by path, as the exchange format's errors name
them: ``name``, ``milestones.approved``, ``applicants[1].dob``, ``adm.final.date``."""

from __future__ import annotations

import re
from typing import Any

from ..exchange import schema
from ..exchange.schema import Key

_STEP = re.compile(r"([A-Za-z_0-9]+)|\[(\d+)\]")
Steps = list  # of str (a key) and int (a place in a list)

RECORDS = {"members": schema.MEMBER, "households": schema.HOUSEHOLD, "children": schema.CHILD}


def steps(path: str) -> Steps:
    """``applicants[1].dob`` -> ["applicants", 1, "dob"]; ValueError for anything else."""
    out: Steps = []
    at = 0
    for match in _STEP.finditer(path):
        gap = path[at:match.start()]
        if gap not in ("", ".") or (gap == "." and not out) or (gap == "" and out and match[1]):
            raise ValueError(path)
        out.append(match[1] if match[1] is not None else int(match[2]))
        at = match.end()
    if at != len(path) or not out or isinstance(out[0], int):
        raise ValueError(path)
    return out


def key_at(shape: dict, path: Steps) -> Key | None:
    """The exchange key a path ends on, or None when the record has no such field."""
    key = Key("object", shape=shape)
    for step in path:
        if isinstance(step, int):
            if key.kind != "list" or not key.shape:
                return None
            key = Key("object", shape=key.shape)
        else:
            if key.kind != "object" or step not in key.shape:
                return None
            key = key.shape[step]
    return key


def key_of(shape: dict, path: Steps) -> Key:
    """The key of a field already known to be in ``shape`` (mapped or laid out)."""
    key = key_at(shape, path)
    if key is None:
        raise KeyError(path)
    return key


def put(record: dict, path: Steps, value) -> None:
    """Set ``value`` at ``path``, making the objects and list places on the way."""
    holder: Any = record
    for step, following in zip(path, path[1:], strict=False):
        empty: dict | list = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(holder) <= step:
                holder.append(None)
            if holder[step] is None:
                holder[step] = empty
            holder = holder[step]
        else:
            holder = holder.setdefault(step, empty)
    last = path[-1]
    if isinstance(last, int):
        while len(holder) <= last:
            holder.append(None)
    holder[last] = value


def get(record: dict, path: Steps):
    value = record
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def compact(value):
    """Drop the list places a sheet left empty (applicant 2 of a single adopter)."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [compact(v) for v in value if v is not None]
    return value


def exchange_path(kind: str, index: int, path: Steps) -> str:
    text = f"{kind}[{index}]"
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text
