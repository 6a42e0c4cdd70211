import io
import os
from typing import BinaryIO, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import (
    ChunkedFileCipher,
    CryptoError,
    DecryptionError,
    decrypt_stream,
    encrypt_stream,
    new_data_key,
)

KEY_ID = "matter-3:dk1"
HEADER = 13
CHUNK = 16
SEALED = CHUNK + 16


def _encrypt(data_key: bytes, data: bytes, file_id: str = "doc-1", chunk_size: int = CHUNK):
    out = io.BytesIO()
    encrypt_stream(data_key, KEY_ID, file_id, io.BytesIO(data), out, chunk_size=chunk_size)
    return out.getvalue()


def _decrypt(data_key: bytes, blob: bytes, file_id: str = "doc-1", key_id: str = KEY_ID) -> bytes:
    out = io.BytesIO()
    decrypt_stream(data_key, key_id, file_id, io.BytesIO(blob), out)
    return out.getvalue()


def _chunks(blob: bytes) -> list[bytes]:
    body = blob[HEADER:]
    return [body[i : i + SEALED] for i in range(0, len(body), SEALED)]


class _TrickleReader(io.RawIOBase):
    """Returns at most 5 bytes per read, like a pipe."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 5) if size >= 0 else 5)


@pytest.mark.parametrize("length", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_round_trip_at_chunk_boundaries(data_key, length):
    data = os.urandom(length)

    blob = _encrypt(data_key, data)

    assert _decrypt(data_key, blob) == data
    # A run of 16 random bytes turning up by chance is negligible; one byte is not.
    assert len(data) < 16 or data not in blob


def test_default_chunk_size_round_trip_and_byte_counts(data_key):
    data = os.urandom(200_000)
    encrypted = io.BytesIO()
    cipher = ChunkedFileCipher(data_key, KEY_ID)

    written = cipher.encrypt("doc-1", io.BytesIO(data), encrypted)
    encrypted.seek(0)
    restored = io.BytesIO()
    read = cipher.decrypt("doc-1", encrypted, restored)

    assert written == read == len(data)
    assert restored.getvalue() == data
    assert len(encrypted.getvalue()) == HEADER + len(data) + 4 * 16


def test_short_reads_from_the_source_are_handled(data_key):
    data = os.urandom(5 * CHUNK + 3)
    out = io.BytesIO()

    src = cast(BinaryIO, _TrickleReader(data))
    encrypt_stream(data_key, KEY_ID, "doc-1", src, out, chunk_size=CHUNK)
    restored = io.BytesIO()
    sealed = cast(BinaryIO, _TrickleReader(out.getvalue()))
    decrypt_stream(data_key, KEY_ID, "doc-1", sealed, restored)

    assert restored.getvalue() == data


def test_truncated_stream_at_a_chunk_boundary_fails(data_key):
    blob = _encrypt(data_key, os.urandom(3 * CHUNK + 5))

    with pytest.raises(DecryptionError, match="chunk 2"):
        _decrypt(data_key, blob[: HEADER + 3 * SEALED])


def test_truncated_stream_mid_chunk_fails(data_key):
    blob = _encrypt(data_key, os.urandom(3 * CHUNK))

    with pytest.raises(DecryptionError):
        _decrypt(data_key, blob[:-5])


@pytest.mark.parametrize("length", [0, 5, HEADER])
def test_stream_without_chunks_fails(data_key, length):
    blob = _encrypt(data_key, b"")

    with pytest.raises(DecryptionError):
        _decrypt(data_key, blob[:length])


def test_reordered_chunks_fail(data_key):
    blob = _encrypt(data_key, os.urandom(3 * CHUNK + 1))
    first, second, *rest = _chunks(blob)

    with pytest.raises(DecryptionError, match="chunk 0"):
        _decrypt(data_key, blob[:HEADER] + second + first + b"".join(rest))


def test_dropped_middle_chunk_fails(data_key):
    blob = _encrypt(data_key, os.urandom(3 * CHUNK + 1))
    chunks = _chunks(blob)

    with pytest.raises(DecryptionError):
        _decrypt(data_key, blob[:HEADER] + b"".join(chunks[:1] + chunks[2:]))


def test_appended_data_after_final_chunk_fails(data_key):
    blob = _encrypt(data_key, os.urandom(2 * CHUNK))

    with pytest.raises(DecryptionError):
        _decrypt(data_key, blob + _chunks(blob)[0])


def test_chunk_swapped_in_from_another_file_fails(data_key):
    data = os.urandom(3 * CHUNK)
    one = _encrypt(data_key, data, file_id="doc-1")
    two = _encrypt(data_key, data, file_id="doc-2")
    spliced = one[:HEADER] + _chunks(one)[0] + _chunks(two)[1] + _chunks(one)[2]

    with pytest.raises(DecryptionError, match="chunk 1"):
        _decrypt(data_key, spliced)


def test_whole_file_fails_under_another_file_id(data_key):
    blob = _encrypt(data_key, b"statement", file_id="doc-1")

    with pytest.raises(DecryptionError, match="doc-2"):
        _decrypt(data_key, blob, file_id="doc-2")


def test_whole_file_fails_under_another_key(data_key):
    blob = _encrypt(data_key, b"statement")

    with pytest.raises(DecryptionError):
        _decrypt(new_data_key(), blob)
    with pytest.raises(DecryptionError, match="dk2"):
        _decrypt(data_key, blob, key_id="dk2")


@pytest.mark.parametrize("position", [0, 1, 4, 5, 12, HEADER, HEADER + SEALED - 1, -1])
def test_tampered_byte_in_stream_fails(data_key, position):
    blob = bytearray(_encrypt(data_key, os.urandom(2 * CHUNK + 3)))
    blob[position] ^= 0x01

    with pytest.raises(DecryptionError):
        _decrypt(data_key, bytes(blob))


def test_oversized_chunk_size_in_header_is_rejected_before_reading(data_key):
    blob = bytearray(_encrypt(data_key, b"x"))
    blob[1:5] = (2**31).to_bytes(4, "big")

    with pytest.raises(DecryptionError, match="chunk size"):
        _decrypt(data_key, bytes(blob))


def test_stream_errors_never_contain_the_plaintext(data_key):
    secret = b"Maria Esperanza Quispe, born 1990-05-01"
    blob = _encrypt(data_key, secret)

    for attempt in (blob[:-1], blob + b"x"):
        with pytest.raises(CryptoError) as excinfo:
            _decrypt(data_key, attempt)
        assert secret.decode() not in str(excinfo.value)


@pytest.mark.parametrize("chunk_size", [0, -1, 16 * 1024 * 1024 + 1])
def test_invalid_chunk_size_is_rejected(data_key, chunk_size):
    with pytest.raises(ValueError):
        _encrypt(data_key, b"x", chunk_size=chunk_size)


_PROPERTY_KEY = new_data_key()


@settings(max_examples=75)
@given(data=st.binary(max_size=2000), chunk_size=st.integers(min_value=1, max_value=300))
def test_stream_cipher_round_trips_any_bytes(data, chunk_size):
    blob = _encrypt(_PROPERTY_KEY, data, chunk_size=chunk_size)

    assert _decrypt(_PROPERTY_KEY, blob) == data
