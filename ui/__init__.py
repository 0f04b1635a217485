"""PanelApp's desktop application: the only package that imports Qt (PySide6).

It reads the store directly for what it shows and changes it only through
``panelapp.services``; slow work runs off the GUI thread through ``ui.tasks``.
"""
