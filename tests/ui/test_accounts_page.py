"""The administrator's accounts screen, through its real widgets: add an account linked to a
central-list member, change its role, reset a locked-out password, switch it off; and a chair
changing their own password from the File menu."""

from PySide6.QtCore import Qt

from panelapp.services import accounts
from panelapp.services.lookup import member_by_ref
from tests.shots import SHOTS
from tests.ui import test_meeting_room
from tests.ui.test_meeting_room import PASSWORDS
from ui.admin.accounts import AccountsPage, ask_own_password

people = test_meeting_room.people  # the agency, an account per role and a planned meeting

PNG = SHOTS


def open_page(qtbot, runner, store, actor) -> AccountsPage:
    page = AccountsPage(runner, store, actor)
    qtbot.addWidget(page)
    page.resize(1280, 680)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    return page


def admin_of(store):
    with store.transaction() as s:
        return accounts.sign_in(s, "admin", "admin-password")


def cells(page, username):
    row = next(n for n, r in enumerate(page.rows) if r.username == username)
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def test_the_administrator_adds_changes_resets_and_switches_off(qtbot, runner, store, people):
    page = open_page(qtbot, runner, store, admin_of(store))
    assert {r.username for r in page.rows} == {"admin", "adviser", "chair", "adm"}

    dialog = page.ask_add()
    qtbot.keyClicks(dialog.username, "victor")
    dialog.member.setCurrentIndex(dialog.member.findText("Victor Vice (VC)"))
    dialog.member.activated.emit(dialog.member.currentIndex())
    assert dialog.display_name.text() == "Victor Vice"
    dialog.role.setCurrentIndex(dialog.role.findData("member"))
    qtbot.keyClicks(dialog.password, "victor-password")
    qtbot.keyClicks(dialog.repeat, "victor-passwrd")
    dialog.accept()
    assert dialog.isVisible() and "The two passwords differ" in dialog.error.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "victor-password")
    dialog.grab().save(f"{PNG}/account-add.png")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert cells(page, "victor")[:5] == ["victor", "Victor Vice", "Panel member", "Victor Vice", "can sign in"]
    with store.session() as s:
        assert accounts._account(s, "victor").member_id == member_by_ref(s, "VC").id

    page.choose_account("victor")
    dialog = page.ask_change()
    assert dialog.username.isReadOnly() and dialog.password is None
    dialog.role.setCurrentIndex(dialog.role.findData("chair"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert cells(page, "victor")[2] == "Panel chair"

    # Locked out by wrong passwords: the administrator resets, and the lockout ends.
    with store.transaction() as s:
        accounts._account(s, "victor").failed_sign_ins = accounts.LOCKOUT_AFTER
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert cells(page, "victor")[4] == "locked out: reset the password"
    page.choose_account("victor")
    dialog = page.ask_reset()
    qtbot.keyClicks(dialog.password, "fresh-password")
    qtbot.keyClicks(dialog.repeat, "fresh-password")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with store.transaction() as s:
        assert accounts.sign_in(s, "victor", "fresh-password").role == "chair"

    page.choose_account("victor")
    assert page.switch_button.text() == "&Switch off"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.switch_button, Qt.MouseButton.LeftButton)
    assert cells(page, "victor")[4] == "switched off"
    page.choose_account("admin")
    assert not page.switch_button.isEnabled()  # one's own account stays on
    page.grab().save(f"{PNG}/accounts-1280x680.png")


def test_a_chair_changes_their_own_password_and_may_not_see_the_accounts(qtbot, runner, store, people):
    chair = people["chair"]
    page = AccountsPage(runner, store, chair)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: not page.message.isHidden(), timeout=10_000)
    assert "may not create and change user accounts" in page.message.text()
    assert page.rows == []

    told = []
    dialog = ask_own_password(page, store, chair, told.append)
    qtbot.keyClicks(dialog.current, "not-my-password")
    qtbot.keyClicks(dialog.password, "new-chair-password")
    qtbot.keyClicks(dialog.repeat, "new-chair-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "present password is not right" in dialog.error.text()
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSWORDS["chair"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and told == ["your password is changed"]
    with store.transaction() as s:
        assert accounts.sign_in(s, "chair", "new-chair-password").username == "chair"
