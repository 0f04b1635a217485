"""Deadlines name whom they concern, and filter by kind of clock and by overdue."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.shots import SHOTS
from tests.ui.conftest import ADVISER
from tests.ui.test_deadlines_page import agency, deadlines_of, shown  # noqa: F401  (fixture)


def test_names_and_the_two_filters(qtbot, open_workspace, agency):  # noqa: F811
    window = open_workspace(agency, ADVISER)
    page = deadlines_of(qtbot, window)
    rows = shown(page)
    assert {d.overdue for d in rows} == {True, False}
    households = [d for d in rows if d.kind == "household"]
    assert households and all(d.name for d in households), "each household is named"
    column = next(c for c in range(page.model.columnCount())
                  if page.model.headerData(c, Qt.Orientation.Horizontal) == "Name")
    row = next(n for n, d in enumerate(rows) if d.kind == "household")
    assert page.proxy.index(row, column).data() == rows[row].name

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.overdue_only.setChecked(True)
    assert shown(page) and all(d.overdue for d in shown(page))

    kind = households[0].clock
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.kind.setCurrentIndex(page.kind.findData(kind))
    assert shown(page) and {d.clock for d in shown(page)} == {kind}
    assert all(d.overdue for d in shown(page))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.overdue_only.setChecked(False)
    assert {d.clock for d in shown(page)} == {kind}
    assert any(isinstance(w, QLabel) and w.buddy() is page.kind for w in page.findChildren(QLabel))
    window.grab().save(f"{SHOTS}/deadlines-filtered.png")
