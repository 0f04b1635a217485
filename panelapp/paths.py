"""Where the shipped resources (fonts, icons, stylesheets, sample data) are."""

from pathlib import Path


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
