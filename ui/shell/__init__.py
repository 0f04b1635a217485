"""The workspace around the screens: the main window, its sections and menus, theme, icons, settings."""
