"""Signing in, signing out, and the first account of a store that has none."""

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp.models import UserAccount
from panelapp.services import accounts
from ui.onboarding.signin import FirstAccountScreen, SignInScreen
from ui.shell.main_window import MainWindow

PASSWORD = "correct horse"


@pytest.fixture
def with_accounts(northshire_store):
    with northshire_store.transaction() as session:
        admin = accounts.create_account(session, None, username="admin", display_name="Ada Admin",
                                        role="admin", password=PASSWORD)
        actor = accounts.Actor(admin["username"], admin["display_name"], admin["role"])
        accounts.create_account(session, actor, username="pat", display_name="Pat Adviser",
                                role="adviser", password=PASSWORD)
    return northshire_store


def sign_in(qtbot, screen, username, password):
    qtbot.keyClicks(screen.username, username)
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def test_a_store_with_accounts_asks_who_is_signing_in(qtbot, make_desk, with_accounts):
    desk = make_desk(with_accounts)
    screen = desk.window
    assert isinstance(screen, SignInScreen)
    assert not screen.button.isEnabled()
    sign_in(qtbot, screen, "pat", "not the password")
    qtbot.waitUntil(lambda: screen.error.isVisible())
    assert screen.error.text() == "The user name or password is not right."
    assert screen.password.text() == "" and desk.main is None

    screen.username.clear()
    sign_in(qtbot, screen, "pat", PASSWORD)
    qtbot.waitUntil(lambda: desk.main is not None)
    assert isinstance(desk.window, MainWindow)
    assert desk.main.user_label.text() == "Signed in as Pat Adviser (panel adviser)"
    assert with_accounts.description in desk.main.store_label.text()


def test_signing_out_returns_to_the_sign_in_screen(qtbot, make_desk, with_accounts):
    desk = make_desk(with_accounts)
    sign_in(qtbot, desk.window, "admin", PASSWORD)
    qtbot.waitUntil(lambda: desk.main is not None)
    desk.main.sign_out_requested.emit()
    assert desk.main is None and desk.actor is None
    assert isinstance(desk.window, SignInScreen)


def test_a_store_without_accounts_makes_the_first_one(qtbot, make_desk, northshire_store):
    desk = make_desk(northshire_store)
    screen = desk.window
    assert isinstance(screen, FirstAccountScreen)
    assert not screen.button.isEnabled()
    fields = screen.fields
    qtbot.keyClicks(fields.username, "two words")
    qtbot.keyClicks(fields.display_name, "Jo Smith")
    qtbot.keyClicks(fields.password, PASSWORD)
    qtbot.keyClicks(fields.repeat, PASSWORD + "!")
    assert screen.error.text() == "The user name must be one word."
    fields.username.clear()
    qtbot.keyClicks(fields.username, "jsmith")
    assert screen.error.text() == "The two passwords differ."
    qtbot.keyClick(fields.repeat, Qt.Key.Key_Backspace)
    assert screen.button.isEnabled()
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.main is not None)
    assert desk.actor.role == "admin"
    with northshire_store.session() as session:
        account = session.exec(select(UserAccount)).one()
        assert (account.username, account.display_name, account.role) == ("jsmith", "Jo Smith", "admin")
