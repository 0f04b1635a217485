"""First start: the welcome screen, a new agency, and the demo agency."""

import threading

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from panelapp.exchange import import_document
from panelapp.models import Agency, AuditEvent
from ui.onboarding.welcome import WelcomeScreen


def test_an_empty_store_opens_on_the_welcome_screen(qtbot, make_desk, empty_store):
    desk = make_desk(empty_store)
    assert isinstance(desk.window, WelcomeScreen)
    assert desk.main is None
    assert desk.welcome.isVisible()
    assert desk.welcome.demo_button.accessibleName() == "Open the demo agency"
    assert desk.welcome.new_button.accessibleName() == "Start a new agency"


def fill_account(qtbot, fields, username="jsmith", name="Jo Smith", password="correct horse"):
    qtbot.keyClicks(fields.username, username)
    qtbot.keyClicks(fields.display_name, name)
    qtbot.keyClicks(fields.password, password)
    qtbot.keyClicks(fields.repeat, password)


def test_start_a_new_agency_creates_it_and_shows_the_workspace(qtbot, make_desk, empty_store):
    desk = make_desk(empty_store)
    qtbot.mouseClick(desk.welcome.new_button, Qt.MouseButton.LeftButton)
    dialog = desk.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled(), "an agency needs a name"
    qtbot.keyClicks(dialog.name, "Westmere Adoption Service")
    qtbot.keyClicks(dialog.panel_name, "Westmere Panel")
    dialog.kind.setCurrentIndex(dialog.kind.findData("voluntary_adoption_agency"))
    assert not dialog.ok_button.isEnabled(), "and the administrator's account"
    fill_account(qtbot, dialog.account, password="short")
    assert dialog.problem.text() == "The password needs at least 8 characters."
    dialog.account.password.clear()
    dialog.account.repeat.clear()
    qtbot.keyClicks(dialog.account.password, "correct horse")
    qtbot.keyClicks(dialog.account.repeat, "correct horse")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: desk.main is not None)
    assert desk.main.isVisible()
    assert "Westmere Adoption Service" in desk.main.windowTitle()
    assert desk.actor.username == "jsmith" and desk.actor.role == "admin"
    assert desk.main.user_label.text() == "Signed in as Jo Smith (administrator)"
    with empty_store.session() as session:
        agency = session.exec(select(Agency)).one()
        assert (agency.name, agency.panel_name, agency.kind, agency.region) == (
            "Westmere Adoption Service", "Westmere Panel", "voluntary_adoption_agency",
            "england_and_wales")
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [(e.actor, e.action, e.entity) for e in events] == [
            ("jsmith", "create", "agency"), ("jsmith", "create", "user_account"),
            ("jsmith", "sign_in", "user_account")]


def test_cancelling_the_new_agency_form_leaves_the_store_empty(qtbot, make_desk, empty_store):
    desk = make_desk(empty_store)
    qtbot.mouseClick(desk.welcome.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(desk.dialog.name, "Not this one")
    desk.dialog.reject()
    assert isinstance(desk.window, WelcomeScreen)
    with empty_store.session() as session:
        assert session.exec(select(Agency)).first() is None


@pytest.fixture
def fake_demo(monkeypatch, northshire_doc):
    """A stand-in for the demo generator, with the same interface: it imports the
    fixture into the caller's session and reports progress, waiting at a gate so a
    test can cancel it part way."""
    gate = threading.Event()
    reached = threading.Event()
    calls = []

    def create_demo_agency(session, *, seed, years, scale, actor, progress, documents_dir=None):
        calls.append((seed, years, scale, actor))
        progress(0.1, "Appointing the central list")
        reached.set()
        assert gate.wait(10), "the test never opened the gate"
        import_document(session, northshire_doc, actor="demo")
        progress(0.9, "Holding the meetings")
        progress(1.0, "Done")

    import panelapp.demo
    monkeypatch.setattr(panelapp.demo, "create_demo_agency", create_demo_agency, raising=False)
    return gate, reached, calls


def test_the_demo_agency_is_made_in_a_worker_with_progress(qtbot, make_desk, empty_store, fake_demo):
    gate, reached, calls = fake_demo
    desk = make_desk(empty_store, demo_years=2)
    qtbot.mouseClick(desk.welcome.demo_button, Qt.MouseButton.LeftButton)
    progress = desk.dialog
    assert reached.wait(10)
    qtbot.waitUntil(lambda: progress.bar.value() == 100)
    assert progress.message.text() == "Appointing the central list"
    gate.set()
    qtbot.waitUntil(lambda: desk.main is not None)
    assert calls == [(1, 2, 1, "demo")]
    assert "Northshire" in desk.main.windowTitle()
    assert desk.actor.username == "adviser" and desk.actor.role == "adviser"
    page = desk.main.section("meetings").page
    qtbot.waitUntil(lambda: page.model.rowCount() == 72)


def test_cancelling_the_demo_leaves_the_store_empty(qtbot, make_desk, empty_store, fake_demo):
    gate, reached, _calls = fake_demo
    desk = make_desk(empty_store)
    qtbot.mouseClick(desk.welcome.demo_button, Qt.MouseButton.LeftButton)
    progress = desk.dialog
    assert reached.wait(10)
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert progress.cancel_button.text() == "Cancelling…"
    assert progress.isVisible(), "the dialog stays until the worker has stopped"
    gate.set()
    qtbot.waitUntil(lambda: desk.dialog is None)
    assert isinstance(desk.window, WelcomeScreen)
    with empty_store.session() as session:
        assert session.exec(select(Agency)).first() is None, "the import was rolled back"


def test_a_failing_demo_says_so_and_writes_nothing(qtbot, make_desk, empty_store, monkeypatch):
    def broken(session, **_kwargs):
        session.add(Agency(name="half made"))
        session.flush()
        raise RuntimeError("ran out of made-up names")

    import panelapp.demo
    monkeypatch.setattr(panelapp.demo, "create_demo_agency", broken, raising=False)
    desk = make_desk(empty_store)
    qtbot.mouseClick(desk.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.message is not None)
    assert "ran out of made-up names" in desk.message.text()
    desk.message.close()
    with empty_store.session() as session:
        assert session.exec(select(Agency)).first() is None


def test_the_real_demo_agency_opens_signed_in_as_its_adviser(qtbot, make_desk, empty_store):
    from panelapp.demo import DEMO_AGENCY_NAME
    desk = make_desk(empty_store, demo_years=1)
    qtbot.mouseClick(desk.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.main is not None or desk.message is not None, timeout=60_000)
    assert desk.message is None, desk.message.text()
    assert desk.actor.username == "adviser" and desk.actor.role == "adviser"
    assert DEMO_AGENCY_NAME in desk.main.windowTitle()
    page = desk.main.section("meetings").page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    # The next start asks who is signing in, and says what the demo's accounts are.
    desk.sign_out()
    assert "adviser" in desk.window.hint.text() and desk.window.hint.isVisibleTo(desk.window)
