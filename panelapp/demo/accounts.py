"""The demo agency's accounts, one for each role, made the same way by ``panelapp demo``
and by the desktop's "try the demo"."""

from sqlmodel import Session, select

from ..models import UserAccount
from ..services import accounts
from ..services.permissions import Actor

DEMO_PASSWORD = "panel-demo"
DEMO_ACCOUNTS = (
    ("admin", "Demo Administrator", "admin"),
    ("adviser", "Demo Panel Adviser", "adviser"),
    ("chair", "Demo Panel Chair", "chair"),
    ("adm", "Demo Decision Maker", "adm"),
    ("member", "Demo Panel Member", "member"),
    ("viewer", "Demo Viewer", "viewer"),
)
DEMO_HINT = (f"The demo agency's accounts are {', '.join(a[0] for a in DEMO_ACCOUNTS)}, "
             f"each with the password {DEMO_PASSWORD}.")


def make_demo_accounts(session: Session) -> list[str]:
    """Create the demo accounts the store lacks; returns the user names created. The first
    (the administrator's) is created with no one signed in, as any store's first account is;
    the administrator creates the rest."""
    taken = set(session.exec(select(UserAccount.username)).all())
    admin = Actor(*DEMO_ACCOUNTS[0])
    made = []
    for username, name, role in DEMO_ACCOUNTS:
        if username in taken:
            continue
        accounts.create_account(session, admin if taken or made else None, username=username,
                                display_name=name, role=role, password=DEMO_PASSWORD)
        made.append(username)
    return made
