"""``panelapp-desk --self-test``: the core's self-test (panelapp.selftest), after checking
what only the desktop app carries: Qt starts on a platform plugin, finds fonts, draws
the SVG icons and builds the About dialog with its component list. Prints a line a
step; the exit status is 0 when all passed."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable


def _qt_checks() -> list[tuple[str, Callable[[], str]]]:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from ui.shell.about_dialog import AboutDialog
    from ui.shell.icons import app_icon

    def fonts() -> str:
        return "" if QFontDatabase.families() else "Qt finds no fonts (fontconfig has none installed?)"

    def icon() -> str:
        image = app_icon().pixmap(64, 64).toImage()
        drawn = any(image.pixelColor(x, y).alpha()
                    for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
        return "" if drawn else "the app's SVG icon draws nothing (QtSvg or the resources are missing)"

    def about() -> str:
        dialog = AboutDialog()
        try:
            names = {c.name for c in dialog.components}
            lacking = {"Python", "Qt", "DejaVu Sans fonts"} - names
            if lacking:
                return f"Help > About lists no {', '.join(sorted(lacking))}"
            if not dialog.text.toPlainText().strip():
                return "Help > About shows no licence text"
            return ""
        finally:
            dialog.deleteLater()

    platform = QApplication.instance().platformName()  # type: ignore[union-attr]
    return [(f"Qt started on the {platform} platform and finds fonts", fonts),
            ("the app's icon draws (QtSvg)", icon),
            ("Help > About lists the components and their licences", about)]


def run(write: Callable[[str], None] = print) -> int:
    from ui.app import make_application

    # With no display to open (a server, a CI job), draw offscreen; on a desktop the
    # real platform plugin is part of what is tested.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_application()
    passed = True
    for name, check in _qt_checks():
        started = time.perf_counter()
        try:
            problem = check()
        except Exception as exc:  # a sentence a line, as the core's steps report
            problem = f"{type(exc).__name__}: {exc}"
        write(f"{'ok' if not problem else 'FAILED':6} {name} ({time.perf_counter() - started:.2f} s)"
              + (f": {problem}" if problem else ""))
        if problem:
            passed = False
    if not passed:
        write("self-test failed")
        return 1
    from panelapp.selftest import report_self_test
    return 0 if report_self_test(write) else 1
