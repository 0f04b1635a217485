"""The user accounts. Who may sign in, and as what, is for the administrator alone
(``accounts.manage``): other roles are refused, not only kept from the window."""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from ..models import UserAccount
from ..services.permissions import Actor
from . import may_read


@dataclass(frozen=True, slots=True)
class AccountRow:
    username: str
    display_name: str
    role: str
    active: bool
    last_sign_in: dt.datetime | None


def account_rows(session: Session, actor: Actor) -> list[AccountRow]:
    may_read(actor, "accounts.manage")
    return [AccountRow(a.username, a.display_name, a.role, a.active, a.last_sign_in)
            for a in session.exec(select(UserAccount).order_by(UserAccount.username))]
