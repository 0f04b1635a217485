"""``panelapp import`` and ``panelapp export``: the JSON exchange format."""

import json
import os
import sys
import tempfile
from pathlib import Path

from ..db import open_store
from ..errors import ExchangeErrors, PanelAppError
from ..exchange import MODES, export_document, import_document
from ..exchange.validate import loads
from ..security import is_sealed, seal, unseal
from . import actor_name
from .signin import acting, add_as_option, signed_in_reader


def register(sub) -> None:
    p = sub.add_parser("import", help="read an exchange JSON file into the store (all or nothing)",
                       description="Validate FILE against the exchange format and write it in one "
                                   "transaction. Any error refuses the whole file: each is printed as "
                                   "PATH: message and the exit status is 2.")
    p.add_argument("file", metavar="FILE", help="the exchange document (.json)")
    p.add_argument("--mode", choices=MODES, default="upsert",
                   help="upsert (default): records with a known ref are updated; "
                        "insert: a ref already in the store is an error")
    add_as_option(p, who="an administrator")
    p.set_defaults(func=run_import)
    p = sub.add_parser("export", help="write the whole store as an exchange JSON file",
                       description="Write every record in the exchange format, version 1.")
    p.add_argument("file", metavar="FILE", help="where to write (.json); - for standard output")
    p.add_argument("--seal", action="store_true",
                   help="encrypt the file with a passphrase (asked for, or read from $PANELAPP_PASSPHRASE)")
    add_as_option(p, who="an administrator or a panel adviser")
    p.set_defaults(func=run_export)


def passphrase(confirm: bool) -> str:
    """From $PANELAPP_PASSPHRASE (for scripts), else asked for without echo."""
    import getpass
    given = os.environ.get("PANELAPP_PASSPHRASE")
    if given:
        return given
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise PanelAppError("The two passphrases differ; nothing was written.")
    return first


def read_document(path: str):
    try:
        raw = Path(path).read_bytes()
        if is_sealed(raw):
            raw = unseal(raw, passphrase(confirm=False))
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise PanelAppError(f"{path}: no such file") from None
    except OSError as exc:
        raise PanelAppError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ExchangeErrors([f"(document): {path} is not UTF-8 text"]) from None
    return loads(text)


def run_import(args) -> int:
    doc = read_document(args.file)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            by = acting(session, args.as_user, "exchange.import")
            result = import_document(session, doc, mode=args.mode, actor=actor_name(),
                                     source=os.path.basename(args.file), by=by)
        print(f"imported {args.file}: {result.summary()}")
    finally:
        store.dispose()
    return 0


def write_json_atomically(path: str, doc, seal_with: str | None = None) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if seal_with is not None:
        data = seal(data, seal_with)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_export(args) -> int:
    if args.seal and args.file == "-":
        raise PanelAppError("A sealed export goes to a file, not to standard output.")
    secret = passphrase(confirm=True) if args.seal else None
    store = open_store(args.db)
    try:
        by = signed_in_reader(store, args.as_user, "exchange.export")
        with store.snapshot() as session:
            doc = export_document(session, by=by)
    finally:
        store.dispose()
    if args.file == "-":
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        write_json_atomically(args.file, doc, seal_with=secret)
        print(("sealed " if secret else "") + f"exported {len(doc.get('meetings', []))} meetings, {len(doc.get('households', []))} households, "
              f"{len(doc.get('children', []))} children to {args.file}")
    return 0
