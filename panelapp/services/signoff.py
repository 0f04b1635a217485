"""What every sign-off asks of the signer, whichever client asks it: the password again,
and a date that is today or earlier.

Opening a meeting, approving minutes, recording and signing a decision and the final
decision all lock something in a person's name. The signer's account password is asked
again so that a session left open cannot sign; the date defaults to today and can be
earlier (a paper signed last week entered today) but never later.
"""

import datetime as dt

from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from ..errors import PanelAppError
from ..models import UserAccount
from .permissions import Actor


class SignOffRefused(PanelAppError):
    """The signer could not be confirmed: nothing was signed."""


def confirm_signer(session: Session, actor: Actor, password: str | None, doing: str) -> None:
    """Check ``password`` against the actor's account. An actor with no account in this
    store (a store without accounts, or the system acting for an import) signs as before."""
    from . import accounts  # the hasher lives there (and tests make it quick)
    account = session.exec(select(UserAccount).where(UserAccount.username == actor.username)).first()
    if account is None:
        return
    if not account.active:
        raise SignOffRefused(f"{actor.display_name}'s account is switched off: it cannot {doing}.")
    if not password:
        raise SignOffRefused(f"Enter your password again to {doing}: nothing was signed.")
    try:
        accounts._hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise SignOffRefused(f"The password is not right, so you cannot {doing}: nothing was signed.") from None


def signing_date(day: dt.date | None, what: str, today: dt.date | None = None) -> dt.date:
    """``day``, or today when not given; refused when later than today."""
    today = today or dt.date.today()
    day = day or today
    if day > today:
        raise PanelAppError(f"{what} cannot be dated {day.day} {day:%B %Y}, later than today "
                            f"({today.day} {today:%B %Y}).")
    return day
