"""User accounts: passwords hashed with argon2, one role each."""

import datetime as dt
import time
from collections.abc import Callable

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


# After a few wrong passwords each further one doubles the wait before the next try;
# after LOCKOUT_AFTER the account stays locked until an administrator unlocks it.
FREE_TRIES = 3
LOCKOUT_AFTER = 10
MAX_WAIT = dt.timedelta(minutes=15)
_dummy: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash made with the current settings, checked for unknown names so that they take
    as long to refuse as a wrong password does (the time says nothing about who exists)."""
    key = id(_hasher)
    if key not in _dummy:
        _dummy[key] = _hasher.hash("not anyone's password")
    return _dummy[key]


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def _refuse_locked(account: UserAccount) -> None:
    if account.failed_sign_ins >= LOCKOUT_AFTER:
        raise SignInFailed(f"This account is locked after {account.failed_sign_ins} wrong passwords: "
                           "ask an administrator to unlock it (panelapp user unlock).")
    if account.locked_until is not None:
        wait = _aware(account.locked_until) - utcnow()
        if wait > dt.timedelta(0):
            seconds = max(1, int(wait.total_seconds() + 0.999))
            raise SignInFailed(f"Too many wrong passwords for this account: try again in {seconds} second"
                               f"{'' if seconds == 1 else 's'}.")


def _failed(session: Session, account: UserAccount | None) -> None:
    """Count and audit the failure, and keep it even though the caller's work is abandoned."""
    if account is not None:
        account.failed_sign_ins += 1
        over = account.failed_sign_ins - FREE_TRIES
        if over >= 0:
            account.locked_until = utcnow() + min(MAX_WAIT, dt.timedelta(seconds=2 ** over))
        audit.record(session, account.username, "sign_in_failed", "user_account", entity_uid=account.uid,
                     summary=f"failed sign-in as {account.username} ({account.failed_sign_ins} in a row)")
    else:
        # The typed name is not recorded: people type a password into the wrong box.
        audit.record(session, "(unknown)", "sign_in_failed", "user_account",
                     summary="failed sign-in with a user name that has no account")
    session.commit()


def sign_in(session: Session, username: str, password: str) -> Actor:
    """Check the password. A failure is committed at once (counted, slowed, audited), so call
    this first in a transaction of its own; the refusal is then raised."""
    account = _checked_account(session, username, password, on_failure=lambda a: _failed(session, a))
    account.last_sign_in = utcnow()
    account.failed_sign_ins = 0
    account.locked_until = None
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    audit.record(session, account.username, "sign_in", "user_account", entity_uid=account.uid,
                 summary=f"{account.username} signed in")
    return actor_for(account)


# A wrong password on a read-only store cannot be counted, so each one waits this long instead.
READ_ONLY_WAIT = 1.0


def sign_in_to_read(session: Session, username: str, password: str) -> Actor:
    """Check the password on a store open read-only. Nothing can be written there, so a success
    is not recorded and a failure not counted; a lock an earlier count set still holds, and each
    wrong password waits a second, so that guessing stays slow."""
    return actor_for(_checked_account(session, username, password,
                                      on_failure=lambda _account: time.sleep(READ_ONLY_WAIT)))


def _checked_account(session: Session, username: str, password: str,
                     on_failure: Callable[[UserAccount | None], None]) -> UserAccount:
    """The account whose password this is; an unknown name costs the same hashing time as a
    known one, so the refusal does not tell which names exist."""
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is not None:
        _refuse_locked(account)
    try:
        if account is None or not account.active:
            _hasher.verify(_dummy_hash(), password + "\0")
            raise VerificationError()
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        on_failure(account)
        raise SignInFailed("The user name or password is not right.") from None
    return account


def unlock(session: Session, actor: Actor, username: str) -> None:
    """An administrator lets a locked-out account try again."""
    require(actor, "accounts.manage")
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise PanelAppError(f"No account is called {username!r}.")
    before = account.failed_sign_ins
    account.failed_sign_ins = 0
    account.locked_until = None
    audit.record(session, actor.username, "unlock", "user_account", entity_uid=account.uid,
                 summary=f"account {username} unlocked after {before} failed sign-in(s)",
                 before={"failed_sign_ins": before}, after={"failed_sign_ins": 0})


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




def _account(session: Session, username: str) -> UserAccount:
    account = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if account is None:
        raise PanelAppError(f"No account is called {username!r}.")
    return account


def reset_account(session: Session, actor: Actor, username: str, new_password: str) -> None:
    """An administrator gives an account a new password, to be passed on to its holder; a
    lockout ends with it."""
    require(actor, "accounts.manage")
    if len(new_password) < MIN_PASSWORD:
        raise PanelAppError(f"Cannot reset the password: it must have at least {MIN_PASSWORD} characters.")
    account = _account(session, username)
    before = account.failed_sign_ins
    account.password_hash = _hasher.hash(new_password)
    account.failed_sign_ins = 0
    account.locked_until = None
    audit.record(session, actor.username, "reset_password", "user_account", entity_uid=account.uid,
                 summary=f"password of {username} reset by an administrator",
                 before={"failed_sign_ins": before}, after={"failed_sign_ins": 0})


def change_own_password(session: Session, actor: Actor, current: str, new_password: str) -> None:
    """Anyone signed in changes their own password, giving the present one first."""
    account = _account(session, actor.username)
    try:
        _hasher.verify(account.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise PanelAppError("The present password is not right: the password was not changed.") from None
    if len(new_password) < MIN_PASSWORD:
        raise PanelAppError(f"The new password must have at least {MIN_PASSWORD} characters.")
    if new_password == current:
        raise PanelAppError("The new password is the same as the present one: choose another.")
    account.password_hash = _hasher.hash(new_password)
    audit.record(session, actor.username, "change_password", "user_account", entity_uid=account.uid,
                 summary=f"{actor.username} changed their own password")


def update_account(session: Session, actor: Actor, username: str, *, display_name: str, role: str,
                   member_id: int | None) -> None:
    """An administrator changes the name, the role or the central-list member an account is for."""
    require(actor, "accounts.manage")
    account = _account(session, username)
    problems = []
    if not display_name.strip():
        problems.append("the name must not be empty")
    if role not in USER_ROLES:
        problems.append(f"{role!r} is not a role; choose one of: {', '.join(USER_ROLES)}")
    if account.username == actor.username and role != "admin":
        problems.append("you cannot take the administrator's role from your own account")
    if problems:
        raise PanelAppError(f"Cannot change the account {username}: " + "; ".join(problems) + ".")
    before = {"display_name": account.display_name, "role": account.role, "member_id": account.member_id}
    account.display_name, account.role, account.member_id = display_name.strip(), role, member_id
    after = {"display_name": account.display_name, "role": role, "member_id": member_id}
    if after != before:
        audit.record(session, actor.username, "update", "user_account", entity_uid=account.uid,
                     summary=f"account {username} changed ({ROLE_NAMES[role]})", before=before, after=after)
