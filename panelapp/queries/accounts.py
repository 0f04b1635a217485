"""The user accounts. Who may sign in, and as what, is for the administrator alone
(``accounts.manage``): other roles are refused, not only kept from the window."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from ..models import PanelMember, UserAccount
from ..services.accounts import LOCKOUT_AFTER
from ..services.permissions import Actor
from . import may_read


@dataclass(frozen=True, slots=True)
class AccountRow:
    username: str
    display_name: str
    role: str
    active: bool
    last_sign_in: dt.datetime | None
    member_id: int | None = None
    member: str | None = None  # the central-list member the account is for, by name
    locked: bool = False  # locked out by wrong passwords until an administrator resets it


@dataclass(frozen=True, slots=True)
class MemberChoice:
    id: int
    ref: str
    name: str


def account_rows(session: Session, actor: Actor) -> list[AccountRow]:
    may_read(actor, "accounts.manage")
    names = dict(session.exec(select(PanelMember.id, PanelMember.name)).all())
    now = dt.datetime.now(dt.UTC)
    return [AccountRow(a.username, a.display_name, a.role, a.active, a.last_sign_in, a.member_id,
                       names.get(a.member_id), a.failed_sign_ins >= LOCKOUT_AFTER
                       or (a.locked_until is not None and _aware(a.locked_until) > now))
            for a in session.exec(select(UserAccount).order_by(UserAccount.username))]


def linkable_members(session: Session, actor: Actor) -> list[MemberChoice]:
    """The central list, for linking an account to the member who holds it."""
    may_read(actor, "accounts.manage")
    return [MemberChoice(m.id, m.ref, m.name)
            for m in session.exec(select(PanelMember).order_by(PanelMember.name))]


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
