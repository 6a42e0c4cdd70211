import pytest

from crypto import (
    DecryptionError,
    FieldCipher,
    KeyNotFoundError,
    new_data_key,
    unwrap_key,
    wrap_key,
)


def test_new_data_key_is_32_random_bytes():
    assert len(new_data_key()) == 32
    assert new_data_key() != new_data_key()


def test_wrapped_key_unwraps_to_the_same_key(keyring, data_key):
    version, blob = wrap_key(keyring, data_key, "subject-7:dk1")

    assert version == 1
    assert data_key not in blob
    assert unwrap_key(keyring, version, blob, "subject-7:dk1") == data_key


def test_wrapping_twice_gives_different_blobs(keyring, data_key):
    assert wrap_key(keyring, data_key, "k")[1] != wrap_key(keyring, data_key, "k")[1]


def test_wrapped_key_fails_under_another_key_id(keyring, data_key):
    version, blob = wrap_key(keyring, data_key, "subject-7:dk1")

    with pytest.raises(DecryptionError, match="subject-8:dk1") as excinfo:
        unwrap_key(keyring, version, blob, "subject-8:dk1")
    assert "version 1" in str(excinfo.value)


def test_wrapped_key_fails_when_relabelled_with_another_kek_version(keyring, data_key):
    rotated = keyring.with_new_primary()
    version, blob = wrap_key(rotated, data_key, "k")

    with pytest.raises(DecryptionError):
        unwrap_key(rotated, version - 1, blob, "k")


def test_wrapped_key_fails_under_another_keyring(keyring, data_key):
    version, blob = wrap_key(keyring, data_key, "k")

    with pytest.raises(DecryptionError):
        unwrap_key(type(keyring).generate(), version, blob, "k")


@pytest.mark.parametrize("position", [0, 1, 12, 13, -1])
def test_tampered_byte_in_wrapped_key_fails(keyring, data_key, position):
    version, blob = wrap_key(keyring, data_key, "k")
    tampered = bytearray(blob)
    tampered[position] ^= 0x01

    with pytest.raises(DecryptionError):
        unwrap_key(keyring, version, bytes(tampered), "k")


def test_truncated_wrapped_key_fails(keyring, data_key):
    version, blob = wrap_key(keyring, data_key, "k")

    with pytest.raises(DecryptionError, match="malformed"):
        unwrap_key(keyring, version, blob[:-1], "k")


def test_rotation_keeps_data_readable_after_rewrap_and_old_version_removal(keyring, data_key):
    key_id = "subject-7:dk1"
    stored = FieldCipher(data_key, key_id).encrypt("subjects", "legal_name", "7", "Ana")
    old_version, old_blob = wrap_key(keyring, data_key, key_id)

    rotated = keyring.with_new_primary()
    assert unwrap_key(rotated, old_version, old_blob, key_id) == data_key
    new_version, new_blob = wrap_key(
        rotated, unwrap_key(rotated, old_version, old_blob, key_id), key_id
    )
    pruned = rotated.without_version(1)

    assert (old_version, new_version) == (1, 2)
    unwrapped = unwrap_key(pruned, new_version, new_blob, key_id)
    assert FieldCipher(unwrapped, key_id).decrypt("subjects", "legal_name", "7", stored) == "Ana"


def test_unwrap_with_removed_version_raises_key_not_found_naming_the_version(keyring, data_key):
    version, blob = wrap_key(keyring, data_key, "k")
    pruned = keyring.with_new_primary().without_version(1)

    with pytest.raises(KeyNotFoundError, match="version 1"):
        unwrap_key(pruned, version, blob, "k")


def test_wrap_rejects_a_short_data_key(keyring):
    with pytest.raises(ValueError):
        wrap_key(keyring, b"\x00" * 16, "k")


def test_wrapped_key_format_is_stable(keyring, data_key):
    """Blobs wrapped by any release stay readable: version byte, nonce, AES-GCM under the KEK
    with associated data lp("clinic/datakey/v1") lp(key id) lp(KEK version, 4 bytes)."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    def lp(part: bytes) -> bytes:
        return len(part).to_bytes(4, "big") + part

    key_id = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    aad = lp(b"clinic/datakey/v1") + lp(key_id.encode()) + lp((1).to_bytes(4, "big"))
    nonce = os.urandom(12)
    by_hand = b"\x01" + nonce + AESGCM(keyring.kek(1)).encrypt(nonce, data_key, aad)
    assert unwrap_key(keyring, 1, by_hand, key_id) == data_key
    version, blob = wrap_key(keyring, data_key, key_id)
    assert AESGCM(keyring.kek(version)).decrypt(blob[1:13], blob[13:], aad) == data_key
