"""Files that hold records are readable by their owner alone: a council laptop is often
shared, and any other local account could otherwise read the store, its backups or logs."""

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path, *, ours: bool = False) -> Path:
    """Create ``path`` if needed, the owner's alone. An existing folder is tightened only when
    it is PanelApp's own (``ours``): a store kept in a shared folder the user chose is left be."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        for folder in missing + ([path] if ours else []):
            if stat.S_IMODE(folder.stat().st_mode) & 0o077:
                folder.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file the owner's alone (no-op where modes mean nothing)."""
    if os.name == "posix" and path.exists():
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            path.chmod((current & 0o700) or FILE_MODE)
