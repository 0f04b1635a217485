"""Files that leave the machine (an export, a panel pack, a meeting taken away on a
laptop) can be sealed with a passphrase.

Format 2: ``PANELAPP-SEALED-2\\n``, a JSON header line holding only the salt and the
nonce, then the AES-256-GCM ciphertext. The key comes from scrypt with parameters fixed
by the format version (N=2^17, r=8, p=1: 128 MiB and about half a second on a laptop,
much more for a guesser), never read from the file, so a crafted header cannot make
opening it cost gigabytes. The header is authenticated as associated data, so changing
any byte of the file makes opening it fail.

Format 1 files (parameters in the header) are still read when they hold exactly the
parameters PanelApp wrote in them; anything else is refused as damaged.
"""

import base64
import binascii
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .errors import PanelAppError

MAGIC = b"PANELAPP-SEALED-2\n"
MAGIC_V1 = b"PANELAPP-SEALED-1\n"
MIN_PASSPHRASE = 10
SCRYPT = {MAGIC: (2**17, 8, 1), MAGIC_V1: (2**15, 8, 1)}
SALT_BYTES, NONCE_BYTES = 16, 12
MAX_HEADER = 512

DAMAGED = "The sealed file's header is damaged (or the file was not made by PanelApp), so it cannot be opened."


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC) or data.startswith(MAGIC_V1)


def seal(data: bytes, passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise PanelAppError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = json.dumps({"salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode()},
                        sort_keys=True).encode() + b"\n"
    key = _key(passphrase, salt, *SCRYPT[MAGIC])
    return MAGIC + header + AESGCM(key).encrypt(nonce, data, MAGIC + header)


def _field(params: dict, name: str, size: int) -> bytes:
    value = params.get(name)
    if not isinstance(value, str):
        raise ValueError(name)
    raw = base64.b64decode(value, validate=True)
    if len(raw) != size:
        raise ValueError(name)
    return raw


def unseal(data: bytes, passphrase: str) -> bytes:
    magic = MAGIC if data.startswith(MAGIC) else MAGIC_V1 if data.startswith(MAGIC_V1) else None
    if magic is None:
        raise PanelAppError("This file is not a sealed PanelApp file.")
    rest = data[len(magic):]
    newline = rest.find(b"\n", 0, MAX_HEADER)
    if newline < 0:
        raise PanelAppError(DAMAGED)
    header, body = rest[:newline], rest[newline + 1:]
    try:
        params = json.loads(header)
        if not isinstance(params, dict):
            raise ValueError("header")
        salt, nonce = _field(params, "salt", SALT_BYTES), _field(params, "nonce", NONCE_BYTES)
        if magic == MAGIC_V1 and (params.get("n"), params.get("r"), params.get("p")) != SCRYPT[MAGIC_V1]:
            raise ValueError("kdf")  # a cost PanelApp never wrote: refused, never computed
    except (ValueError, binascii.Error, RecursionError):
        raise PanelAppError(DAMAGED) from None
    key = _key(passphrase, salt, *SCRYPT[magic])
    try:
        return AESGCM(key).decrypt(nonce, body, magic + header + b"\n")
    except InvalidTag:
        raise PanelAppError("The passphrase is not right, or the file was changed after it was sealed.") from None
