"""The ``.panelmeeting`` file: a payload sealed with a passphrase.

Layout (format version 1)::

    magic "PANELMTG" (8 bytes) | format version (1 byte) | salt (16) | nonce (12) | AES-256-GCM ciphertext

The key is the passphrase stretched with scrypt, its cost FIXED by the format
version (never read from the file, so a changed file cannot make the laptop
derive a weak key). The whole header is the associated data, so changing any
byte of the file, header or body, makes opening it fail.
"""

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import PanelAppError

MAGIC = b"PANELMTG"
FORMAT_VERSION = 1
SALT_BYTES, NONCE_BYTES, TAG_BYTES = 16, 12, 16
HEADER_BYTES = len(MAGIC) + 1 + SALT_BYTES + NONCE_BYTES
MIN_PASSPHRASE = 10
SUFFIX = ".panelmeeting"


@dataclass(frozen=True)
class Kdf:
    n: int
    r: int
    p: int


# One entry per format version; a new cost is a new version, so old files still open.
KDF_BY_VERSION = {1: Kdf(n=2**17, r=8, p=1)}


class MeetingFileError(PanelAppError):
    """A meeting file that cannot be opened: not one, too new, cut short, changed, or a wrong passphrase."""


def _key(passphrase: str, salt: bytes, kdf: Kdf) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise PanelAppError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")


def seal(payload: bytes, passphrase: str) -> bytes:
    check_passphrase(passphrase)
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = MAGIC + bytes([FORMAT_VERSION]) + salt + nonce
    key = _key(passphrase, salt, KDF_BY_VERSION[FORMAT_VERSION])
    return header + AESGCM(key).encrypt(nonce, payload, header)


def is_meeting_file(data: bytes) -> bool:
    return data.startswith(MAGIC)


def unseal(data: bytes, passphrase: str) -> bytes:
    if not is_meeting_file(data):
        raise MeetingFileError("This is not a PanelApp meeting file (.panelmeeting).")
    if len(data) < len(MAGIC) + 1:
        raise MeetingFileError("The meeting file is cut short: it ends inside its header.")
    version = data[len(MAGIC)]
    kdf = KDF_BY_VERSION.get(version)
    if kdf is None:
        known = ", ".join(str(v) for v in sorted(KDF_BY_VERSION))
        raise MeetingFileError(f"The meeting file is in format version {version}, which this PanelApp "
                               f"cannot read (it reads version {known}); open it with a newer PanelApp.")
    if len(data) < HEADER_BYTES + TAG_BYTES:
        raise MeetingFileError("The meeting file is cut short: it ends before its contents begin.")
    header = data[:HEADER_BYTES]
    salt = header[len(MAGIC) + 1:len(MAGIC) + 1 + SALT_BYTES]
    nonce = header[-NONCE_BYTES:]
    try:
        return AESGCM(_key(passphrase, salt, kdf)).decrypt(nonce, data[HEADER_BYTES:], header)
    except InvalidTag:
        raise MeetingFileError("The meeting file cannot be opened: the passphrase is not right, or the "
                               "file was changed or cut short after it was written.") from None
