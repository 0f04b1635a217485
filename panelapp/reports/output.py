"""Writing a finished document: all of it or nothing, never half a PDF."""

import os
import tempfile
from pathlib import Path

from ..errors import PanelAppError


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write beside the target and rename over it, so a reader never sees a partial file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PanelAppError(f"cannot write {target}: the folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise PanelAppError(f"cannot write {target}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise PanelAppError(f"cannot write {target}: {exc.strerror}") from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
