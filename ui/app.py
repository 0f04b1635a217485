"""``panelapp-desk``: the desktop application's entry point."""

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from panelapp import __version__
from panelapp.db import Store, open_store
from panelapp.errors import PanelAppError
from ui.common.errors import install_excepthook
from ui.shell import settings, theme
from ui.shell.icons import app_icon
from ui.shell.logs import configure_logging


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="panelapp-desk",
                                     description="PanelApp: adoption panel records, on the desktop.")
    parser.add_argument("--version", action="version", version=f"panelapp-desk {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", default=None,
                        help="the store: a SQLite file path or a database URL "
                             "(default: $PANELAPP_DB_URL, else panelapp.sqlite in your data folder)")
    parser.add_argument("--screenshots", metavar="DIR", default=None,
                        help="save a picture of every screen, light and dark, into DIR and exit "
                             "(runs without showing windows)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation in a temporary store (Qt, fonts, icons, migrations, "
                             "import, a PDF, the statistics) and exit; touches no store of yours")
    # Four years, so that the last complete financial year has its two before it.
    parser.add_argument("--demo-years", type=int, default=4, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def quiet_offscreen():
    """Install a message handler that drops the offscreen platform's warning that it
    cannot resize windows to fit (that is not news); returns the handler it replaced."""
    holder = {}

    def handler(mode, context, message):
        if mode == QtMsgType.QtWarningMsg and "propagateSizeHints" in message:
            return
        previous = holder.get("previous")
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    holder["previous"] = qInstallMessageHandler(handler)
    return holder["previous"]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "panelapp-desk", *(argv or [])])
    settings.name_application()
    app.setApplicationDisplayName("PanelApp")
    app.setWindowIcon(app_icon())
    theme.apply(app, settings.value("view/theme", "system"))
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: theme.current_choice() == "system" and theme.apply(app, "system"))
    return app


def open_or_explain(db: str | None, headless: bool) -> Store | None:
    """The store, or None after telling the user why it cannot be opened."""
    try:
        return open_store(db)
    except PanelAppError as exc:
        print(f"panelapp-desk: {exc}", file=sys.stderr)
        if not headless:
            box = QMessageBox(QMessageBox.Icon.Critical, "PanelApp cannot open the store", str(exc))
            box.exec()
        return None


def screenshot_tool() -> Callable[..., int] | None:
    """``tools.screenshots.take_screenshots``: a developers' tool, found in the source tree
    beside ``ui/`` when it is not importable already; None where the app is installed without it."""
    try:
        from tools.screenshots import take_screenshots
    except ImportError:
        root = Path(__file__).resolve().parents[1]
        if not (root / "tools" / "screenshots.py").is_file():
            return None
        sys.path.insert(0, str(root))
        from tools.screenshots import take_screenshots
    return take_screenshots


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        from .shell.self_test import run
        return run()
    if args.screenshots:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_logging()
    app = make_application()
    headless = app.platformName() in ("offscreen", "minimal")
    if headless:
        previous_handler = quiet_offscreen()
    store = open_or_explain(args.db, headless)
    if store is None:
        return 1
    previous_hook = install_excepthook()
    try:
        if args.screenshots:
            take_screenshots = screenshot_tool()
            if take_screenshots is None:
                print("panelapp-desk: --screenshots needs PanelApp's source tree (its tools/ folder); "
                      "this installation does not have it.", file=sys.stderr)
                return 2
            return take_screenshots(store, args.screenshots, demo_years=args.demo_years)
        from ui.shell.desk import Desk
        desk = Desk(store, demo_years=args.demo_years)
        desk.start()
        code = app.exec()
        desk.shutdown()
        return code
    finally:
        sys.excepthook = previous_hook
        store.dispose()
        if headless:
            qInstallMessageHandler(previous_handler)


if __name__ == "__main__":
    sys.exit(main())
