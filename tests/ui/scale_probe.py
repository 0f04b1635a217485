"""Run as a program (QT_SCALE_FACTOR must be set before the application starts): opens the
workspace of a store for each role at 1280x680 logical pixels, shows every section (and each
tab), and prints one JSON line per label or button whose text does not fit its size."""

import json
import sys

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget

from tests.shots import SHOTS


def clipped(window: QWidget, page: QWidget) -> list[str]:
    out = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if widget.width() < hint.width() or widget.height() < hint.height():
                out.append(f"button {widget.text()!r}: {widget.width()}x{widget.height()} < "
                           f"{hint.width()}x{hint.height()}")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    out.append(f"label {widget.text()[:50]!r}: height {widget.height()} < {needed}")
            elif widget.width() < widget.minimumSizeHint().width() or widget.height() < widget.sizeHint().height():
                hint = widget.sizeHint()
                out.append(f"label {widget.text()[:50]!r}: {widget.width()}x{widget.height()} < "
                           f"{hint.width()}x{hint.height()}")
    return out


def main(store_path: str, theme_choice: str) -> None:
    from panelapp.db import open_store
    from panelapp.services.permissions import Actor
    from ui.common.tasks import TaskRunner
    from ui.shell import settings, theme
    from ui.shell.desk import Desk

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings.name_application()
    theme.apply(app, theme_choice)
    store = open_store(store_path)
    runner = TaskRunner()
    found = {}
    for actor in (Actor("pat", "Pat Adviser", "adviser"), Actor("chloe", "Chloë Chair", "chair"),
                  Actor("dee", "Dee Decider", "adm"), Actor("ada", "Ada Admin", "admin")):
        desk = Desk(store, runner=runner)
        desk.start()
        desk.signed_in(actor)
        window = desk.main
        window.resize(1280, 680)
        window.show()
        for section in window.sections:
            window.show_section(section.key)
            for _ in range(50):
                app.processEvents()
                runner.pool.waitForDone(100)
            tabs = section.page.findChildren(QTabWidget)
            for tab_widget in tabs or [None]:
                for index in range(tab_widget.count() if tab_widget else 1):
                    if tab_widget:
                        tab_widget.setCurrentIndex(index)
                    app.processEvents()
                    name = f"{actor.role}: {section.title}" + (f" / {tab_widget.tabText(index)}" if tab_widget else "")
                    problems = clipped(window, section.page)
                    if problems:
                        found[name] = problems
            window.grab().save(f"{SHOTS}/scale15-{theme_choice}-{actor.role}-{section.key}.png")
        desk.shutdown()
    runner.shutdown(10_000)
    store.dispose()
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
