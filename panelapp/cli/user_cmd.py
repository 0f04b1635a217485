"""``panelapp user``: named accounts, each with a role."""

import getpass

from sqlmodel import select

from ..db import open_store
from ..enums import USER_ROLES
from ..errors import PanelAppError
from ..models import UserAccount
from ..services import accounts


def register(sub) -> None:
    p = sub.add_parser("user", help="create and list user accounts",
                       description="Every person acts under a named account with one role. The first account "
                                   "of a store must be an administrator; later ones are created by signing in "
                                   "as one (--as).")
    actions = p.add_subparsers(dest="user_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="create an account", description="Create an account; asks for the password.")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's name, as documents show it")
    add.add_argument("--role", required=True, choices=USER_ROLES)
    add.add_argument("--as", dest="as_user", metavar="ADMIN", help="the administrator creating it")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new password (and then the administrator's) from standard input, one a line")
    add.set_defaults(func=run_add)
    ls = actions.add_parser("list", help="list the accounts", description="List every account and its role.")
    from .signin import add_as_option
    add_as_option(ls)
    ls.set_defaults(func=run_list)
    unlock = actions.add_parser("unlock", help="let a locked-out account sign in again",
                                description="Clear the count of failed sign-ins that locked an account.")
    unlock.add_argument("username")
    add_as_option(unlock, required=True, who="an administrator")
    unlock.set_defaults(func=run_unlock)
    from . import add_db_option
    add_db_option(add)
    add_db_option(ls)
    add_db_option(unlock)


def _secret(prompt: str, from_stdin: bool) -> str:
    if from_stdin:
        import sys
        line = sys.stdin.readline()
        if not line:
            raise PanelAppError(f"Expected {prompt.lower().rstrip(': ')} on standard input.")
        return line.rstrip("\n")
    return getpass.getpass(prompt)


def run_add(args) -> int:
    password = _secret("Password for the new account: ", args.password_stdin)
    store = open_store(args.db)
    try:
        with store.transaction() as session:
            actor = None
            if args.as_user:
                actor = accounts.sign_in(session, args.as_user,
                                         _secret(f"Password of {args.as_user}: ", args.password_stdin))
            made = accounts.create_account(session, actor, username=args.username, display_name=args.name,
                                           role=args.role, password=password)
    finally:
        store.dispose()
    print(f"account {made['username']} created ({made['role']})")
    return 0


def run_list(args) -> int:
    from .signin import signed_in_reader
    store = open_store(args.db)
    try:
        signed_in_reader(store, args.as_user, "read")
        with store.snapshot() as session:
            rows = session.exec(select(UserAccount).order_by(UserAccount.username)).all()
    finally:
        store.dispose()
    for a in rows:
        print(f"{a.username:<16} {a.role:<8} {'active' if a.active else 'switched off':<13} {a.display_name}")
    return 0


def run_unlock(args) -> int:
    from .signin import signed_in_reader
    store = open_store(args.db)
    try:
        actor = signed_in_reader(store, args.as_user, "accounts.manage")
        with store.transaction() as session:
            accounts.unlock(session, actor, args.username)
    finally:
        store.dispose()
    print(f"account {args.username} unlocked")
    return 0
