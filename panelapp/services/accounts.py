"""User accounts: passwords hashed with argon2, one role each."""

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, select

from .. import audit
from ..enums import USER_ROLES
from ..errors import PanelAppError
from ..models import UserAccount
from ..models.base import utcnow
from .permissions import ROLE_NAMES, Actor, require

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class SignInFailed(PanelAppError):
    pass


def actor_for(account: UserAccount) -> Actor:
    return Actor(account.username, account.display_name, account.role)


def _check_new(username: str, display_name: str, role: str, password: str) -> None:
    problems = []
    if not username.strip() or any(c.isspace() for c in username):
        problems.append("the user name must be one word")
    if not display_name.strip():
        problems.append("the name must not be empty")
    if role not in USER_ROLES:
        problems.append(f"{role!r} is not a role; choose one of: {', '.join(USER_ROLES)}")
    if len(password) < MIN_PASSWORD:
        problems.append(f"the password must have at least {MIN_PASSWORD} characters")
    if problems:
        raise PanelAppError("Cannot create the account: " + "; ".join(problems) + ".")


def create_account(session: Session, actor: Actor | None, *, username: str, display_name: str, role: str,
                   password: str, member_id: int | None = None) -> dict:
    """Create an account. With no accounts in the store yet, the first (an administrator)
    may be created without a signed-in actor, so that a new agency can be set up."""
    first = session.exec(select(func.count()).select_from(UserAccount)).one() == 0
    if not (first and actor is None and role == "admin"):
        if actor is None:
            raise PanelAppError("Sign in as an administrator to create accounts.")
        require(actor, "accounts.manage")
    _check_new(username, display_name, role, password)
    if session.exec(select(UserAccount).where(UserAccount.username == username)).first():
        raise PanelAppError(f"Cannot create the account: the user name {username!r} is taken.")
    account = UserAccount(username=username, display_name=display_name.strip(), role=role,
                          password_hash=_hasher.hash(password), member_id=member_id)
    session.add(account)
    session.flush()
    audit.record(session, actor.username if actor else username, "create", "user_account",
                 entity_uid=account.uid, summary=f"account {username} ({ROLE_NAMES[role]}) created",
                 after={"username": username, "display_name": display_name, "role": role})
    return {"username": username, "display_name": account.display_name, "role": role, "uid": account.uid}


def sign_in(session: Session, username: str, password: str) -> Actor:
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    try:
        if account is None or not account.active:
            raise VerificationError()
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise SignInFailed("The user name or password is not right.") from None
    account.last_sign_in = utcnow()
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    audit.record(session, account.username, "sign_in", "user_account", entity_uid=account.uid,
                 summary=f"{account.username} signed in")
    return actor_for(account)


def change_password(session: Session, actor: Actor, username: str, new_password: str) -> None:
    if actor.username != username:
        require(actor, "accounts.manage")
    if len(new_password) < MIN_PASSWORD:
        raise PanelAppError(f"The password must have at least {MIN_PASSWORD} characters.")
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise PanelAppError(f"No account is called {username!r}.")
    account.password_hash = _hasher.hash(new_password)
    audit.record(session, actor.username, "change_password", "user_account", entity_uid=account.uid,
                 summary=f"password of {username} changed")


def set_active(session: Session, actor: Actor, username: str, active: bool) -> None:
    require(actor, "accounts.manage")
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise PanelAppError(f"No account is called {username!r}.")
    if account.username == actor.username and not active:
        raise PanelAppError("You cannot switch off your own account.")
    before = account.active
    account.active = active
    audit.record(session, actor.username, "update", "user_account", entity_uid=account.uid,
                 summary=f"account {username} {'switched on' if active else 'switched off'}",
                 before={"active": before}, after={"active": active})


def list_accounts(session: Session, actor: Actor) -> list[dict]:
    require(actor, "read")
    return [{"username": a.username, "display_name": a.display_name, "role": a.role, "active": a.active,
             "last_sign_in": a.last_sign_in}
            for a in session.exec(select(UserAccount).order_by(UserAccount.username))]


