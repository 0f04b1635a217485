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
