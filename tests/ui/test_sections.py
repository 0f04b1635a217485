"""Deadlines, statistics and the audit trail, as the workspace shows them."""

import datetime as dt
import json
import shutil
from pathlib import Path

from PySide6.QtGui import QImage

from panelapp.rules.clocks import open_deadlines
from tools.screenshots import take_screenshots
from ui.common.export import export_table

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_deadlines_match_the_clocks(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    window.show_section("deadlines")
    page = window.section("deadlines").page
    with northshire_store.session() as session:
        expected = open_deadlines(session, dt.date.today())
    qtbot.waitUntil(lambda: page.model.rowCount() == len(expected) and page.loading is None)
    assert len(expected) > 0
    overdue = sum(d.overdue for d in expected)
    qtbot.keyClicks(page.search, "overdue")
    assert page.proxy.rowCount() == overdue


def test_statistics_show_the_fixture_figures(qtbot, open_workspace, northshire_store):
    expected = json.loads((FIXTURES / "northshire-fy2024.expected.json").read_text())
    window = open_workspace(northshire_store)
    window.show_section("statistics")
    page = window.section("statistics").page
    qtbot.waitUntil(lambda: page.chooser.count() > 0)
    page.chooser.setCurrentIndex(page.chooser.findData("2024"))
    qtbot.waitUntil(lambda: page.result is not None and page.result["period"]["from"] == "2024-04-01")
    figures = page.tree.model()
    panel = figures.index(0, 0)
    rows = {figures.index(n, 0, panel).data(): figures.index(n, 1, panel).data()
            for n in range(figures.rowCount(panel))}
    assert rows["Meetings held"] == str(expected["panel"]["meetings_held"])
    assert rows["Items heard"] == str(expected["panel"]["items_heard"])


def test_the_audit_chain_checks_out(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    window.show_section("audit")
    page = window.section("audit").page
    qtbot.waitUntil(lambda: page.table.model.rowCount() > 0)
    page.check.click()
    qtbot.waitUntil(lambda: page.check.isEnabled())
    assert page.verdict.text().startswith("The chain is intact")


def test_export_writes_the_rows_shown(qtbot, open_workspace, northshire_store, tmp_path):
    window = open_workspace(northshire_store)
    page = window.meetings
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtbot.keyClicks(page.search, "cancelled")
    shown = page.proxy.rowCount()
    assert export_table(page, tmp_path / "m.csv", "Meetings") == shown
    lines = (tmp_path / "m.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Date,Ref,Status,Items,Quorum forecast,Papers due,Papers sent,Minutes final,Venue"
    assert len(lines) == shown + 1 and all(",Cancelled," in line for line in lines[1:])
    assert export_table(page, tmp_path / "m.pdf", "Meetings") == shown
    assert (tmp_path / "m.pdf").read_bytes()[:5] == b"%PDF-"


def test_screenshots_of_every_screen(qtbot, northshire_template, tmp_path):
    from panelapp.db import open_store
    shutil.copyfile(northshire_template, tmp_path / "s.sqlite")
    store = open_store(str(tmp_path / "s.sqlite"))
    try:
        assert take_screenshots(store, tmp_path / "shots") == 0
    finally:
        store.dispose()
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    for screen in ("welcome", "sign-in", "meetings", "households", "children", "central_list",
                   "statistics", "audit"):
        assert f"{screen}-light.png" in names and f"{screen}-dark.png" in names
    dark, light = QImage(str(tmp_path / "shots" / "meetings-dark.png")), \
        QImage(str(tmp_path / "shots" / "meetings-light.png"))
    assert dark.width() == 1280 and light.width() == 1280
    assert dark.pixelColor(5, 400).lightness() < light.pixelColor(5, 400).lightness()
