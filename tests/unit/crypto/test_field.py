import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto import (
    CryptoError,
    DecryptionError,
    FieldCipher,
    decrypt_field,
    encrypt_field,
    new_data_key,
)
from tests.unit.crypto.conftest import SECRET_NAME

TABLE, COLUMN, ROW = "subjects", "legal_name", "row-1"


def _tampered(blob: bytes, position: int) -> bytes:
    changed = bytearray(blob)
    changed[position] ^= 0x01
    return bytes(changed)


def test_round_trip(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    assert cipher.decrypt(TABLE, COLUMN, ROW, blob) == SECRET_NAME


def test_ciphertext_layout_is_version_nonce_then_sealed_text(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    assert blob[0] == 1
    assert len(blob) == 1 + 12 + len(SECRET_NAME.encode()) + 16
    assert SECRET_NAME.encode() not in blob


def test_empty_string_still_produces_a_ciphertext(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, "")

    assert len(blob) == 1 + 12 + 16
    assert cipher.decrypt(TABLE, COLUMN, ROW, blob) == ""


def test_same_value_encrypts_differently_each_time(cipher):
    assert cipher.encrypt(TABLE, COLUMN, ROW, "x") != cipher.encrypt(TABLE, COLUMN, ROW, "x")


def test_copied_ciphertext_fails_in_other_row(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, "row-1", SECRET_NAME)

    with pytest.raises(DecryptionError, match="row-2"):
        cipher.decrypt(TABLE, COLUMN, "row-2", blob)


def test_copied_ciphertext_fails_in_other_column(cipher):
    blob = cipher.encrypt(TABLE, "legal_name", ROW, SECRET_NAME)

    with pytest.raises(DecryptionError, match="subjects.preferred_name"):
        cipher.decrypt(TABLE, "preferred_name", ROW, blob)


def test_copied_ciphertext_fails_in_other_table(cipher):
    blob = cipher.encrypt("subjects", COLUMN, ROW, SECRET_NAME)

    with pytest.raises(DecryptionError, match="contacts"):
        cipher.decrypt("contacts", COLUMN, ROW, blob)


def test_copied_ciphertext_fails_under_other_key(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)
    other = FieldCipher(new_data_key(), "subject-8:dk1")

    with pytest.raises(DecryptionError, match="subject-8:dk1"):
        other.decrypt(TABLE, COLUMN, ROW, blob)


def test_same_key_bytes_under_other_key_id_fails(data_key):
    blob = FieldCipher(data_key, "dk1").encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    with pytest.raises(DecryptionError):
        FieldCipher(data_key, "dk2").decrypt(TABLE, COLUMN, ROW, blob)


def test_context_boundaries_cannot_be_shifted(cipher):
    # Without length prefixes ("ab", "c") and ("a", "bc") would bind the same context.
    blob = cipher.encrypt("ab", "c", ROW, SECRET_NAME)

    with pytest.raises(DecryptionError):
        cipher.decrypt("a", "bc", ROW, blob)


@pytest.mark.parametrize("position", [1, 12, 13, -1])
def test_tampered_byte_fails(cipher, position):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    with pytest.raises(DecryptionError):
        cipher.decrypt(TABLE, COLUMN, ROW, _tampered(blob, position))


def test_unknown_format_version_fails(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    with pytest.raises(DecryptionError, match="format"):
        cipher.decrypt(TABLE, COLUMN, ROW, _tampered(blob, 0))


@pytest.mark.parametrize("length", [0, 1, 13, 28])
def test_truncated_ciphertext_fails(cipher, length):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)

    with pytest.raises(DecryptionError):
        cipher.decrypt(TABLE, COLUMN, ROW, blob[:length])


def test_bytes_round_trip_and_non_text_fails_as_text(cipher):
    data = b"\xff\xfe" + os.urandom(30)
    blob = cipher.encrypt_bytes(TABLE, "photo", ROW, data)

    assert cipher.decrypt_bytes(TABLE, "photo", ROW, blob) == data
    with pytest.raises(DecryptionError, match="not UTF-8") as excinfo:
        cipher.decrypt(TABLE, "photo", ROW, blob)
    assert "0xff" not in str(excinfo.value)


def test_errors_never_contain_the_plaintext(cipher):
    blob = cipher.encrypt(TABLE, COLUMN, ROW, SECRET_NAME)
    attempts = [
        lambda: cipher.decrypt(TABLE, COLUMN, "row-2", blob),
        lambda: cipher.decrypt(TABLE, COLUMN, ROW, _tampered(blob, -1)),
        lambda: cipher.decrypt(TABLE, COLUMN, ROW, blob[:20]),
        lambda: FieldCipher(new_data_key(), "dk").decrypt(TABLE, COLUMN, ROW, blob),
    ]

    for attempt in attempts:
        with pytest.raises(CryptoError) as excinfo:
            attempt()
        assert SECRET_NAME not in str(excinfo.value)
        assert SECRET_NAME not in repr(excinfo.value)
        assert excinfo.value.__cause__ is None


def test_repr_does_not_show_the_key(data_key):
    assert data_key.hex() not in repr(FieldCipher(data_key, "dk1"))
    assert "dk1" in repr(FieldCipher(data_key, "dk1"))


def test_short_data_key_is_rejected():
    with pytest.raises(ValueError):
        FieldCipher(b"\x00" * 16, "dk1")


def test_convenience_wrappers_interoperate_with_field_cipher(data_key):
    blob = encrypt_field(data_key, SECRET_NAME, table=TABLE, column=COLUMN, row_id=ROW, key_id="k")

    assert FieldCipher(data_key, "k").decrypt(TABLE, COLUMN, ROW, blob) == SECRET_NAME
    assert (
        decrypt_field(data_key, blob, table=TABLE, column=COLUMN, row_id=ROW, key_id="k")
        == SECRET_NAME
    )
    with pytest.raises(DecryptionError):
        decrypt_field(data_key, blob, table=TABLE, column=COLUMN, row_id="row-2", key_id="k")


_PROPERTY_CIPHER = FieldCipher(new_data_key(), "property-dk")
_ids = st.text(min_size=0, max_size=40)


@given(table=_ids, column=_ids, row_id=_ids, plaintext=st.text())
def test_field_cipher_round_trips_any_text(table, column, row_id, plaintext):
    blob = _PROPERTY_CIPHER.encrypt(table, column, row_id, plaintext)

    assert _PROPERTY_CIPHER.decrypt(table, column, row_id, blob) == plaintext


@given(data=st.binary(max_size=4096))
def test_field_cipher_round_trips_any_bytes(data):
    blob = _PROPERTY_CIPHER.encrypt_bytes("documents", "blob", "r", data)

    assert _PROPERTY_CIPHER.decrypt_bytes("documents", "blob", "r", blob) == data
