"""What keeps the audit trail honest from outside the store.

- The chain key: events are sealed with HMAC-SHA256 under a random key kept in the
  user's config folder (readable by that user alone), one file per store. Someone who
  can edit the store but not that folder cannot recompute the chain after an edit,
  nor append an event that verifies.
- The anchor: after every commit that adds events, the head hash and the number of
  events are written beside the key. A store whose trail was cut short, emptied or
  swapped for another no longer matches its anchor.

Several computers sharing one PostgreSQL store need the same key file: copy it (or
point ``PANELAPP_KEY_DIR`` at a folder they share).
"""

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path

from .config import APP_NAME
from .privacy import private_dir, private_file

ENV_KEY_DIR = "PANELAPP_KEY_DIR"


def seal_dir() -> Path:
    given = os.environ.get(ENV_KEY_DIR)
    return Path(given) if given else user_config_path(APP_NAME, appauthor=False) / "audit"


def _write_private(path: Path, text: str) -> None:
    """Written whole or not at all, and never readable by anyone else, not even for a moment."""
    own = os.environ.get(ENV_KEY_DIR) is None and path.parent in (seal_dir(), seal_dir() / "anchors")
    private_dir(path.parent, ours=own)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    private_file(path)


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"panelapp-audit-key:" + key).hexdigest()[:16]


def key_path(store_uid: str) -> Path:
    return seal_dir() / f"{store_uid}.key"


def load_key(store_uid: str) -> bytes | None:
    try:
        return bytes.fromhex(json.loads(key_path(store_uid).read_text(encoding="utf-8"))["key"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def create_key(store_uid: str) -> bytes:
    """This store's key; made on first use, then kept (a rolled-back first write reuses it)."""
    existing = load_key(store_uid)
    if existing is not None:
        return existing
    key = secrets.token_bytes(32)
    _write_private(key_path(store_uid), json.dumps({"store": store_uid, "key": key.hex()}) + "\n")
    return key


@dataclass(frozen=True)
class Anchor:
    store_uid: str
    events: int
    head: str
    location: str


def anchor_path(location: str) -> Path:
    return seal_dir() / "anchors" / (hashlib.sha256(location.encode("utf-8")).hexdigest()[:24] + ".json")


def read_anchor(path: Path) -> Anchor | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Anchor(str(data["store"]), int(data["events"]), str(data["head"]), str(data["location"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_anchor(anchor: Anchor, path: Path | None = None) -> Path:
    """Record the head; an anchor never moves back (a slower writer's older head is dropped)."""
    path = path or anchor_path(anchor.location)
    current = read_anchor(path)
    if current is not None and current.store_uid == anchor.store_uid and current.events >= anchor.events:
        return path
    _write_private(path, json.dumps({"store": anchor.store_uid, "events": anchor.events, "head": anchor.head,
                                     "location": anchor.location}, indent=1) + "\n")
    return path
