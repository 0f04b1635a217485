"""What each command can write: a file name whose type a command cannot write is
refused with a sentence before anything is read or written."""

from __future__ import annotations

from pathlib import Path

from ..errors import PanelAppError


def file_type(path: str, allowed: tuple[str, ...], what: str) -> str:
    """The suffix of ``path`` (".pdf"), when ``allowed`` has it; else a refusal that
    names what the command writes. Never writes one type under another's name."""
    suffix = Path(path).suffix.lower()
    if suffix in allowed:
        return suffix
    named = f"a {suffix} file" if suffix else "a file with no extension"
    choices = " or ".join(allowed)
    raise PanelAppError(f"cannot write {named} ({Path(path).name}): {what} is written as {choices}; "
                        f"give a file name ending in {choices}. Nothing was written.")
