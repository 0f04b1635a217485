"""``panelapp-desk``: the desktop application's entry point."""

import argparse
import os
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from panelapp import __version__
from panelapp.db import Store, open_store
from panelapp.errors import PanelAppError

from . import settings, theme
from .icons import app_icon


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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        from .self_test import run
        return run()
    if args.screenshots:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    headless = app.platformName() in ("offscreen", "minimal")
    if headless:
        previous_handler = quiet_offscreen()
    store = open_or_explain(args.db, headless)
    if store is None:
        return 1
    try:
        if args.screenshots:
            from .screenshots import take_screenshots
            return take_screenshots(store, args.screenshots, demo_years=args.demo_years)
        from .desk import Desk
        desk = Desk(store, demo_years=args.demo_years)
        desk.start()
        code = app.exec()
        desk.shutdown()
        return code
    finally:
        store.dispose()
        if headless:
            qInstallMessageHandler(previous_handler)


if __name__ == "__main__":
    sys.exit(main())
