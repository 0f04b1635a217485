"""A panel pack sent by e-mail: the PDF encrypted with AES-256 (PDF 2.0 security handler)."""

import os
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ..errors import PanelAppError

MIN_PASSWORD = 10


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise PanelAppError(f"The pack's password must have at least {MIN_PASSWORD} characters.")


def lock_pdf(path: str | os.PathLike, password: str) -> Path:
    """Encrypt the PDF at ``path`` in place: opening it needs ``password``. Written beside it
    and renamed, so a failure leaves the unencrypted file, never half of either."""
    check_password(password)
    target = Path(path)
    writer = PdfWriter(clone_from=PdfReader(target))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            writer.write(fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def pack_password() -> str:
    """From $PANELAPP_PACK_PASSWORD (for scripts), else asked for twice without echo."""
    import getpass
    given = os.environ.get("PANELAPP_PACK_PASSWORD")
    if not given:
        given = getpass.getpass("Password for the pack: ")
        if getpass.getpass("Password again: ") != given:
            raise PanelAppError("The two passwords differ; nothing was written.")
    check_password(given)
    return given
