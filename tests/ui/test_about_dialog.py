"""Help > About lists every component PanelApp ships with its version and licence, and
shows the chosen one's licence text; `panelapp-desk --self-test` passes unfrozen."""

from PySide6.QtWidgets import QApplication

from panelapp.licences import components
from ui.app import main
from ui.shell.about_dialog import AboutDialog


def about_from_the_help_menu(window) -> AboutDialog:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About PanelApp").trigger()
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())


def test_help_about_lists_each_component_with_version_and_licence(qtbot, open_workspace, northshire_store):
    window = open_workspace(northshire_store)
    dialog = about_from_the_help_menu(window)
    model = dialog.table.model()
    shown = [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]
    expected = [(c.name, c.version, c.kind, c.licence) for c in components()]
    assert shown == expected
    assert ("Qt", shown[2][1], "toolkit, inside the PySide6 wheels", "LGPL-3.0-only") == shown[2]
    assert {"reportlab", "SQLAlchemy", "DejaVu Sans fonts", "Python"} <= {row[0] for row in shown}

    # PanelApp's own row is chosen first; choosing Qt shows the LGPL, the fonts their licence.
    assert "licence agreement" in dialog.text.toPlainText()
    dialog.table.selectRow(2)
    assert dialog.text.toPlainText().startswith("==== LGPL-3.0.txt ====")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert "==== GPL-3.0.txt ====" in dialog.text.toPlainText()
    dialog.table.selectRow(3)
    assert "Bitstream Vera" in dialog.text.toPlainText()
    dialog.close()


def test_desktop_self_test_passes_unfrozen(qtbot, capsys):
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ok     Qt started on the offscreen platform and finds fonts")
    assert lines[1].startswith("ok     the app's icon draws (QtSvg)")
    assert lines[2].startswith("ok     Help > About lists the components and their licences")
    assert lines[-2].startswith("ok     statistics of the year 2024 equal")
    assert lines[-1] == "self-test passed"
