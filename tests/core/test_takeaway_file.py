"""The sealed meeting file: a wrong passphrase, a changed byte, a cut-short file or an unknown
format version is refused with a sentence, never opened half-way."""

import pytest

from panelapp.takeaway.payload import pack, unpack
from panelapp.takeaway.sealed import (
    HEADER_BYTES,
    KDF_BY_VERSION,
    MAGIC,
    MeetingFileError,
    seal,
    unseal,
)

PASSPHRASE = "correct horse battery"
PAYLOAD = pack({"payload_format": 1, "kind": "takeaway", "tables": {}}, {"ab": b"a paper"})


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return seal(PAYLOAD, PASSPHRASE)


def test_the_right_passphrase_opens_it(sealed):
    assert unseal(sealed, PASSPHRASE) == PAYLOAD
    document, papers = unpack(unseal(sealed, PASSPHRASE), "takeaway")
    assert document["kind"] == "takeaway" and papers == {"ab": b"a paper"}


def test_the_header_is_magic_version_salt_and_nonce_only(sealed):
    assert sealed.startswith(MAGIC) and sealed[len(MAGIC)] == 1
    assert HEADER_BYTES == len(MAGIC) + 1 + 16 + 12
    # The cost is fixed by the version, memory-hard: 128 * n * r bytes = 128 MiB.
    assert KDF_BY_VERSION[1].n == 2**17 and KDF_BY_VERSION[1].r == 8 and KDF_BY_VERSION[1].p == 1
    assert PASSPHRASE.encode() not in sealed and b"a paper" not in sealed


def test_a_wrong_passphrase_is_refused(sealed):
    with pytest.raises(MeetingFileError, match="the passphrase is not right"):
        unseal(sealed, "wrong horse battery")


@pytest.mark.parametrize("where", [len(MAGIC) + 3, HEADER_BYTES - 1, HEADER_BYTES + 5, -1])
def test_a_changed_byte_is_refused(sealed, where):
    changed = bytearray(sealed)
    changed[where] ^= 0x01
    with pytest.raises(MeetingFileError, match="changed or cut short"):
        unseal(bytes(changed), PASSPHRASE)


@pytest.mark.parametrize("keep, says", [(len(MAGIC), "ends inside its header"),
                                         (HEADER_BYTES + 3, "ends before its contents"),
                                         (-10, "changed or cut short")])
def test_a_truncated_file_is_refused(sealed, keep, says):
    with pytest.raises(MeetingFileError, match=says):
        unseal(sealed[:keep], PASSPHRASE)


def test_an_unknown_format_version_is_refused(sealed):
    newer = sealed[:len(MAGIC)] + bytes([2]) + sealed[len(MAGIC) + 1:]
    with pytest.raises(MeetingFileError, match="format version 2, which this PanelApp cannot read"):
        unseal(newer, PASSPHRASE)


def test_another_file_is_not_a_meeting_file():
    with pytest.raises(MeetingFileError, match="not a PanelApp meeting file"):
        unseal(b"%PDF-1.7 something else", PASSPHRASE)


def test_a_return_is_not_opened_as_a_meeting_taken_away():
    payload = pack({"payload_format": 1, "kind": "return"})
    with pytest.raises(MeetingFileError, match="is a meeting returned from the laptop"):
        unpack(payload, "takeaway")


def test_a_short_passphrase_is_refused():
    with pytest.raises(Exception, match="at least 10 characters"):
        seal(PAYLOAD, "short")
