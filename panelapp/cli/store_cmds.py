"""``panelapp init`` and ``panelapp info``: create a store, and say what is in it."""

from sqlalchemy import column, func, select, table

from ..db import current_revision, head_revision, open_store


def register(sub) -> None:
    p = sub.add_parser("init", help="create an empty store (or bring an old one up to date)",
                       description="Create the store if it does not exist and apply every migration. "
                                   "An existing SQLite store is backed up before it is migrated.")
    p.add_argument("--agency", metavar="NAME", help="the agency's name, for a new store")
    p.set_defaults(func=run_init)
    p = sub.add_parser("info", help="say what the store holds",
                       description="Counts of each kind of record, the schema revision and where the store is.")
    from .signin import add_as_option
    add_as_option(p)
    p.set_defaults(func=run_info)


def run_init(args) -> int:
    from ..services.agency import ensure_agency
    store = open_store(args.db)
    try:
        if args.agency:
            with store.transaction() as session:
                ensure_agency(session, args.agency)
        print(f"store ready: {store.description} (schema {current_revision(store.engine)})")
        if store.backup:
            print(f"backup of the previous store: {store.backup}")
    finally:
        store.dispose()
    return 0


# Counted by table name, so that saying what the store holds does not build the ORM's
# models (a quarter of a second) only to count rows.
COUNTED = (
    ("members (central list)", "panel_member"), ("households", "household"), ("children", "child"),
    ("meetings", "meeting"), ("agenda items", "agenda_item"), ("ADM decisions", "adm_decision"),
    ("audit events", "audit_event"),
)


def run_info(args) -> int:
    from .signin import signed_in_reader
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "read")
        with store.engine.connect() as connection:
            agency = connection.execute(select(column("name"), column("panel_name"))
                                        .select_from(table("agency")).limit(1)).first()
            print(f"store:    {store.description}")
            print(f"schema:   {current_revision(store.engine)} (this PanelApp: {head_revision()})")
            print(f"agency:   {agency.name if agency else '(not set up yet)'}")
            if agency and agency.panel_name:
                print(f"panel:    {agency.panel_name}")
            for label, name in COUNTED:
                count = connection.execute(select(func.count()).select_from(table(name))).scalar_one()
                print(f"{label + ':':<24}{count:>8}")
    finally:
        store.dispose()
    return 0
