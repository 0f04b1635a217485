"""PanelApp's desktop application: the only package that imports Qt (PySide6).

It reads through the core's read layer (``panelapp.queries``) and changes the store
only through ``panelapp.services``; slow work runs off the GUI thread through
``ui.common.tasks``. One folder per screen family; docs/architecture.md says which.
"""
