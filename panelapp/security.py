"""Files that leave the machine (an export, a panel pack, a meeting taken away on a
laptop) can be sealed with a passphrase.

Format: ``PANELAPP-SEALED-1\\n`` then a JSON header line (KDF parameters, salt,
nonce) then the AES-256-GCM ciphertext. The header is authenticated as
associated data, so changing any byte of the file makes opening it fail.
"""

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .errors import PanelAppError

MAGIC = b"PANELAPP-SEALED-1\n"
MIN_PASSPHRASE = 10
# scrypt cost: about a tenth of a second on a laptop, far more for a guesser.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def seal(data: bytes, passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise PanelAppError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                         "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
                         "cipher": "AES-256-GCM"}, sort_keys=True).encode() + b"\n"
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return MAGIC + header + AESGCM(key).encrypt(nonce, data, MAGIC + header)


def unseal(data: bytes, passphrase: str) -> bytes:
    if not is_sealed(data):
        raise PanelAppError("This file is not a sealed PanelApp file.")
    rest = data[len(MAGIC):]
    header, _, body = rest.partition(b"\n")
    try:
        params = json.loads(header)
        salt, nonce = base64.b64decode(params["salt"]), base64.b64decode(params["nonce"])
        key = _key(passphrase, salt, int(params["n"]), int(params["r"]), int(params["p"]))
    except (ValueError, KeyError, TypeError):
        raise PanelAppError("The sealed file's header is damaged.") from None
    try:
        return AESGCM(key).decrypt(nonce, body, MAGIC + header + b"\n")
    except InvalidTag:
        raise PanelAppError("The passphrase is not right, or the file was changed after it was sealed.") from None
