"""Who a command acts as. Once a store has accounts, a command that changes or reads
protected records names one (``--as USERNAME``) and signs in as it; a store with no
accounts yet (being set up, or used for a one-off import) is the machine operator's."""

import getpass
import os

from sqlalchemy import func
from sqlmodel import Session, select

from ..errors import PanelAppError
from ..models import UserAccount
from ..services import accounts
from ..services.permissions import Actor, require

PASSWORD_VARIABLE = "PANELAPP_PASSWORD"


def add_as_option(parser, *, required: bool = False, who: str = "an account allowed to do this") -> None:
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", required=required,
                        help=f"sign in as {who}; the password comes from ${PASSWORD_VARIABLE}, or is asked for"
                             + ("" if required else " (needed once the store has accounts)"))


def ask_secret(prompt: str, variable: str) -> str:
    """Asked for without echo; with no terminal to ask on (a script, a pipe), a sentence
    naming the variable to set instead of a bare end-of-file."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise PanelAppError(f"{prompt.rstrip(': ')} is needed and there is no terminal to ask for it on; "
                            f"set ${variable} instead.") from None


def password_for(username: str) -> str:
    given = os.environ.get(PASSWORD_VARIABLE)
    return given if given is not None else ask_secret(f"Password of {username}: ", PASSWORD_VARIABLE)


def signed_in(session: Session, username: str) -> Actor:
    return accounts.sign_in(session, username, password_for(username))


def signed_in_reader(store, as_user: str | None, action: str) -> Actor | None:
    """Sign in, when the store has accounts, in a short transaction of its own, so that the
    write lock a sign-in takes is not held while the command reads (in ``store.snapshot()``).
    A store open read-only is read without recording the sign-in."""
    if store.read_only:
        with store.session() as session:
            return acting(session, as_user, action, record=False)
    with store.transaction() as session:
        return acting(session, as_user, action)


def acting(session: Session, as_user: str | None, action: str, *, record: bool = True) -> Actor | None:
    """The signed-in actor allowed to do ``action``, or None on a store with no accounts.
    ``record``: False checks the password without writing (a store open read-only)."""
    has_accounts = session.exec(select(func.count()).select_from(UserAccount)).one() > 0
    if as_user is None:
        if has_accounts:
            raise PanelAppError("This store has user accounts: say who you are with --as USERNAME.")
        return None
    actor = (signed_in(session, as_user) if record
             else accounts.sign_in_to_read(session, as_user, password_for(as_user)))
    require(actor, action)
    return actor
