"""A section of the workspace: its key, its title and icon in the sidebar, and its page.

A module of its own so that the modules building sections (the meeting room's, for one)
need not import the main window that shows them.
"""

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass
class Section:
    key: str
    title: str
    icon: str
    page: QWidget
