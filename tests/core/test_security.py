"""Sealing files with a passphrase."""

import pytest

from panelapp.errors import PanelAppError
from panelapp.security import is_sealed, seal, unseal


def test_seal_and_unseal():
    data = "Zoë's minutes".encode() * 100
    sealed = seal(data, "a long passphrase")
    assert is_sealed(sealed) and b"minutes" not in sealed
    assert unseal(sealed, "a long passphrase") == data


def test_wrong_passphrase_or_a_changed_byte_is_refused():
    sealed = seal(b"panel record", "a long passphrase")
    with pytest.raises(PanelAppError, match="passphrase is not right"):
        unseal(sealed, "another passphrase")
    tampered = bytearray(sealed)
    tampered[-3] ^= 1
    with pytest.raises(PanelAppError, match="changed after it was sealed"):
        unseal(bytes(tampered), "a long passphrase")


def test_short_passphrase_is_refused():
    with pytest.raises(PanelAppError, match="at least 10 characters"):
        seal(b"x", "short")


def _v1(data: bytes, passphrase: str, **header) -> bytes:
    """A file in format 1, as PanelApp wrote them before (parameters in the header)."""
    import base64
    import json
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from panelapp.security import MAGIC_V1, _key
    salt, nonce = os.urandom(16), os.urandom(12)
    fields = {"kdf": "scrypt", "n": 2**15, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode(),
              "nonce": base64.b64encode(nonce).decode(), "cipher": "AES-256-GCM"} | header
    line = json.dumps(fields, sort_keys=True).encode() + b"\n"
    key = _key(passphrase, salt, 2**15, 8, 1)
    return MAGIC_V1 + line + AESGCM(key).encrypt(nonce, data, MAGIC_V1 + line)


def test_the_kdf_cost_is_fixed_by_the_format_and_at_least_2_17():
    import json

    from panelapp.security import MAGIC, SCRYPT
    sealed = seal(b"record", "a long passphrase")
    assert sealed.startswith(MAGIC)
    header = json.loads(sealed[len(MAGIC):].split(b"\n", 1)[0])
    assert set(header) == {"salt", "nonce"}
    assert SCRYPT[MAGIC][0] >= 2**17


def test_old_sealed_files_still_open():
    assert unseal(_v1(b"old record", "a long passphrase"), "a long passphrase") == b"old record"


@pytest.mark.parametrize("header", [
    {"n": 2**32},  # a crafted cost: 4 TiB of memory, refused before any is spent
    {"n": 2**20, "r": 64},
    {"nonce": ""},  # a zero-length nonce
    {"salt": "not base64!"},
    {"nonce": ["a list"]},
])
def test_malformed_headers_are_refused_with_a_sentence(header):
    import base64
    import json

    from panelapp.security import MAGIC_V1
    fields = {"n": 2**15, "r": 8, "p": 1, "salt": base64.b64encode(b"s" * 16).decode(),
              "nonce": base64.b64encode(b"n" * 12).decode()} | header
    crafted = MAGIC_V1 + json.dumps(fields).encode() + b"\n" + b"\0" * 32
    with pytest.raises(PanelAppError, match="header is damaged"):
        unseal(crafted, "a long passphrase")


def test_a_header_without_an_end_is_refused():
    from panelapp.security import MAGIC
    with pytest.raises(PanelAppError, match="header is damaged"):
        unseal(MAGIC + b"{" * 5000, "a long passphrase")
