"""``panelapp import`` and ``panelapp export``: the JSON exchange format, the whole store
as an Excel workbook, and agencies' trackers (.xlsx or .csv) read through a mapping file."""

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
from ..spreadsheet import TRACKER_TYPES, export_workbook, import_tracker, import_workbook, load_mapping
from . import actor_name
from .outputs import file_type
from .signin import acting, add_as_option, signed_in_reader


def register(sub) -> None:
    p = sub.add_parser("import", help="read an exchange file, a workbook or a tracker into the store "
                                      "(all or nothing)",
                       description="Validate FILE against the exchange format and write it in one "
                                   "transaction. FILE is an exchange document (.json, or sealed), a "
                                   "workbook written by panelapp export (.xlsx), or an agency's tracker "
                                   "(.xlsx or .csv) read as --mapping says (docs/spreadsheets.md). Any "
                                   "error refuses the whole file: each is printed as PATH: message (for a "
                                   "spreadsheet SHEET!CELL: message) and the exit status is 2.")
    p.add_argument("file", metavar="FILE", help="the exchange document (.json), workbook (.xlsx) or tracker (.csv)")
    p.add_argument("--mapping", metavar="MAP.toml",
                   help="read FILE as an agency's tracker: which sheet and column hold which field")
    p.add_argument("--mode", choices=MODES, default=None,
                   help="upsert (the default for exchange files and workbooks): records with a known ref are "
                        "updated; insert (the default for a tracker, whose blank cells would otherwise blank "
                        "what was recorded since): a ref already in the store is an error")
    add_as_option(p, who="an administrator")
    p.set_defaults(func=run_import)
    p = sub.add_parser("export", help="write the whole store as an exchange JSON file",
                       description="Write every record in the exchange format, version 1.")
    p.add_argument("file", metavar="FILE",
                   help="where to write: .json (the exchange format), .xlsx (a workbook, a sheet per kind "
                        "of record); - for JSON on standard output")
    p.add_argument("--seal", action="store_true",
                   help="encrypt the file with a passphrase (asked for, or read from $PANELAPP_PASSPHRASE)")
    add_as_option(p, who="an administrator or a panel adviser")
    p.set_defaults(func=run_export)


def passphrase(confirm: bool) -> str:
    """From $PANELAPP_PASSPHRASE (for scripts), else asked for without echo."""
    from .signin import ask_secret
    given = os.environ.get("PANELAPP_PASSPHRASE")
    if given:
        return given
    first = ask_secret("Passphrase: ", "PANELAPP_PASSPHRASE")
    if confirm and ask_secret("Passphrase again: ", "PANELAPP_PASSPHRASE") != first:
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


IMPORT_TYPES = (".json", ".sealed", ".xlsx", ".csv")
EXPORT_TYPES = (".json", ".sealed", ".xlsx")


def _importer(args):
    """How FILE is read, chosen from its type (and --mapping) before the store is opened."""
    suffix = Path(args.file).suffix.lower()
    if args.mapping is not None:
        if suffix not in TRACKER_TYPES:
            raise PanelAppError(f"{Path(args.file).name}: --mapping reads a tracker, which is an .xlsx "
                                "or .csv file")
        mapping = load_mapping(args.mapping)
        return lambda session, by: import_tracker(session, args.file, mapping, mode=args.mode or "insert",
                                                  by=by, actor=actor_name())
    if suffix == ".csv":
        raise PanelAppError(f"{Path(args.file).name}: a CSV tracker is read through a mapping file: "
                            "give --mapping MAP.toml (docs/spreadsheets.md)")
    if suffix == ".xlsx":
        return lambda session, by: import_workbook(session, args.file, mode=args.mode or "upsert", by=by,
                                                   actor=actor_name())
    if suffix and suffix not in IMPORT_TYPES:
        raise PanelAppError(f"{Path(args.file).name}: import reads .json (or sealed) exchange files, .xlsx "
                            "workbooks and, with --mapping, .xlsx or .csv trackers")
    doc = read_document(args.file)
    return lambda session, by: import_document(session, doc, mode=args.mode or "upsert", actor=actor_name(),
                                               source=os.path.basename(args.file), by=by)


def run_import(args) -> int:
    write = _importer(args)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            result = write(session, acting(session, args.as_user, "exchange.import"))
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
    suffix = "-" if args.file == "-" else file_type(args.file, EXPORT_TYPES, "the export")
    if suffix == ".xlsx":
        if args.seal:
            raise PanelAppError("A workbook cannot be sealed: export to a .json file with --seal, "
                                "or to .xlsx without it. Nothing was written.")
        return _export_workbook(args)
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


def _export_workbook(args) -> int:
    store = open_store(args.db)
    try:
        by = signed_in_reader(store, args.as_user, "exchange.export")
        with store.snapshot() as session:
            path, doc = export_workbook(session, args.file, by=by)
    finally:
        store.dispose()
    print(f"exported {len(doc.get('meetings', []))} meetings, {len(doc.get('households', []))} households, "
          f"{len(doc.get('children', []))} children to {path} (a workbook)")
    return 0
