"""PanelApp: the headless core of the adoption panel application.

Nothing in this package imports Qt; the desktop layer lives in ``ui``.
"""

__version__ = "0.1.0"
