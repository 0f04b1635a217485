"""Start the desktop on a store and exit as soon as the first window has painted.

Run as a whole process by ``bench_startup``: ``python benchmarks/probe_signin.py STORE``
(PanelApp's sign-in window) or ``python benchmarks/probe_signin.py --bare`` (the
floor: a bare PySide6 window in a process that also imports sqlmodel).
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class QuitWhenPainted(QObject):
    """Quits the event loop once a window has painted: the user can see it."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and getattr(watched, "isWindow", lambda: False)():
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def main(argv: list[str]) -> int:
    app = QApplication([sys.argv[0]])
    watcher = QuitWhenPainted()
    app.installEventFilter(watcher)
    if argv == ["--bare"]:
        import sqlmodel  # noqa: F401  (the floor imports the ORM, as any store-backed app must)
        from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
        window = QWidget()
        column = QVBoxLayout(window)
        column.addWidget(QLabel("Sign in"))
        column.addWidget(QLineEdit())
        window.show()
        return app.exec()
    from ui.app import main as desk_main
    return desk_main(["--db", argv[0]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
