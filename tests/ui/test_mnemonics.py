"""No Alt key is used twice on one screen: every section of the workspace, for each role,
with the menu bar's own Alt keys (File, Edit, View, Help) counted as part of every screen."""

import pprint
import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from panelapp.services.permissions import Actor

ROLES = [Actor("pat", "Pat Adviser", "adviser"), Actor("chloe", "Chloë Chair", "chair"),
         Actor("dee", "Dee Decider", "adm"), Actor("ada", "Ada Admin", "admin")]


def alt_key(text: str) -> str | None:
    found = re.search(r"&([^&\s])", (text or "").replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_keys(page: QWidget, window: QWidget) -> dict[str, list[str]]:
    """Each Alt key of what is on screen now in ``page`` (the tab shown, not the hidden ones)."""
    keys: dict[str, list[str]] = defaultdict(list)
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisibleTo(window):
            continue
        texts = []
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar) and isinstance(widget.parent(), QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            key = alt_key(text)
            if key:
                keys[key].append(text.replace("&", ""))
    return keys


def menu_keys(window) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        key = alt_key(action.text())
        if key:
            keys[key].append(action.text().replace("&", ""))
    return keys


def twice(page, window) -> dict[str, list[str]]:
    keys = menu_keys(window)
    for key, texts in alt_keys(page, window).items():
        keys[key] += texts
    return {key: texts for key, texts in keys.items() if len(texts) > 1}


@pytest.mark.parametrize("actor", ROLES, ids=lambda a: a.role)
def test_no_alt_key_twice_on_any_screen(qtbot, open_workspace, northshire_store, actor):
    window = open_workspace(northshire_store, actor)
    window.resize(1280, 680)
    clashes = {}
    for section in window.sections:
        window.show_section(section.key)
        qtbot.waitUntil(lambda s=section: getattr(s.page, "loading", None) is None, timeout=10_000)
        tabs = section.page.findChildren(QTabWidget)
        for tab_widget in tabs or [None]:
            for index in range(tab_widget.count() if tab_widget else 1):
                if tab_widget:
                    tab_widget.setCurrentIndex(index)
                found = twice(section.page, window)
                if found:
                    clashes[f"{section.title}{' / ' + tab_widget.tabText(index) if tab_widget else ''}"] = found
    assert clashes == {}, pprint.pformat(clashes)
