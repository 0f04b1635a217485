"""The administrator's account services: change, reset (ending a lockout), switch off; and
anyone's change of their own password. Each audited; other roles refused."""

import pytest
from sqlmodel import select

from panelapp.errors import PanelAppError
from panelapp.models import AuditEvent
from panelapp.queries.accounts import account_rows, linkable_members
from panelapp.services import accounts
from panelapp.services.permissions import PermissionDenied


@pytest.fixture
def admin(store):
    with store.transaction() as s:
        accounts.create_account(s, None, username="admin", display_name="Ada Admin", role="admin",
                                password="admin-password")
        admin = accounts.sign_in(s, "admin", "admin-password")
        accounts.create_account(s, admin, username="chair", display_name="Chloë Chair", role="chair",
                                password="chair-password")
    return admin


def test_reset_ends_a_lockout_and_is_audited(store, admin):
    with store.transaction() as s:
        account = accounts._account(s, "chair")
        account.failed_sign_ins = accounts.LOCKOUT_AFTER
    with store.session() as s:
        assert next(r for r in account_rows(s, admin) if r.username == "chair").locked
    with store.transaction() as s, pytest.raises(PanelAppError, match="at least 8"):
        accounts.reset_account(s, admin, "chair", "short")
    with store.transaction() as s:
        accounts.reset_account(s, admin, "chair", "a-new-password")
    with store.transaction() as s:
        assert accounts.sign_in(s, "chair", "a-new-password").role == "chair"
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "reset_password")).one()


def test_own_password_needs_the_present_one(store, admin):
    with store.transaction() as s:
        chair = accounts.sign_in(s, "chair", "chair-password")
    with store.transaction() as s, pytest.raises(PanelAppError, match="present password is not right"):
        accounts.change_own_password(s, chair, "wrong-password", "another-password")
    with store.transaction() as s:
        accounts.change_own_password(s, chair, "chair-password", "another-password")
    with store.transaction() as s:
        assert accounts.sign_in(s, "chair", "another-password").username == "chair"


def test_change_role_and_member_but_not_ones_own_admin_role(store, admin):
    with store.transaction() as s:
        accounts.update_account(s, admin, "chair", display_name="Chloë C.", role="member", member_id=None)
        with pytest.raises(PanelAppError, match="administrator's role from your own account"):
            accounts.update_account(s, admin, "admin", display_name="Ada", role="viewer", member_id=None)
    with store.session() as s:
        row = next(r for r in account_rows(s, admin) if r.username == "chair")
        assert (row.display_name, row.role) == ("Chloë C.", "member")


def test_accounts_are_refused_to_other_roles(store, admin):
    with store.transaction() as s:
        chair = accounts.sign_in(s, "chair", "chair-password")
    with store.session() as s:
        for query in (account_rows, linkable_members):
            with pytest.raises(PermissionDenied):
                query(s, chair)
    with store.transaction() as s:
        for change in (lambda: accounts.reset_account(s, chair, "admin", "long-enough-1"),
                       lambda: accounts.update_account(s, chair, "chair", display_name="x", role="admin",
                                                       member_id=None),
                       lambda: accounts.set_active(s, chair, "admin", False)):
            with pytest.raises(PermissionDenied):
                change()
