"""Chunked AES-256-GCM for documents: streaming, with truncation and reordering detected."""

from __future__ import annotations

import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto._encoding import length_prefixed
from crypto.errors import CryptoError, DecryptionError
from crypto.keyring import KEY_BYTES

# Layout: header = format (1) | chunk size (4, big-endian) | nonce prefix (8), then chunks, each
# ciphertext||tag. Chunk i uses nonce = prefix | i (4, big-endian); its AAD binds the domain,
# file id, key id, the whole header, i and a final-chunk flag.
_DOMAIN = b"clinic/file/v1"
_FORMAT = b"\x01"
_PREFIX_BYTES = 8
_HEADER_BYTES = len(_FORMAT) + 4 + _PREFIX_BYTES
_TAG_BYTES = 16
_MAX_CHUNKS = 2**32
DEFAULT_CHUNK_SIZE = 64 * 1024
# The chunk size is read from the file before anything is authenticated; bound the allocation.
MAX_CHUNK_SIZE = 16 * 1024 * 1024


def _read_exact(src: BinaryIO, size: int) -> bytes:
    # A single read() may return less than asked before EOF (pipes, sockets, raw files).
    data = src.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    remaining = size - len(data)
    while remaining:
        more = src.read(remaining)
        if not more:
            break
        parts.append(more)
        remaining -= len(more)
    return b"".join(parts)


class ChunkedFileCipher:
    """Encrypts and decrypts whole files under one data key, one chunk in memory at a time."""

    __slots__ = ("_aead", "_key_id")

    def __init__(self, data_key: bytes, key_id: str):
        """Bind the cipher to a 256-bit data key and the id under which it is stored."""
        if len(data_key) != KEY_BYTES:
            raise ValueError(f"data key {key_id!r} must be {KEY_BYTES} bytes")
        self._aead = AESGCM(data_key)
        self._key_id = key_id

    def __repr__(self) -> str:
        return f"ChunkedFileCipher(key_id={self._key_id!r})"

    def _base_aad(self, file_id: str, header: bytes) -> bytes:
        return length_prefixed(
            _DOMAIN, file_id.encode("utf-8"), self._key_id.encode("utf-8"), header
        )

    def encrypt(
        self, file_id: str, src: BinaryIO, dst: BinaryIO, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> int:
        """Encrypt src into dst; return the number of plaintext bytes read."""
        if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
            raise ValueError(f"chunk_size must be between 1 and {MAX_CHUNK_SIZE}")
        prefix = os.urandom(_PREFIX_BYTES)
        header = _FORMAT + chunk_size.to_bytes(4, "big") + prefix
        base = self._base_aad(file_id, header)
        dst.write(header)
        total = 0
        index = 0
        chunk = _read_exact(src, chunk_size)
        while True:
            # Read one chunk ahead: the last chunk must be sealed as final before it is written.
            following = _read_exact(src, chunk_size) if len(chunk) == chunk_size else b""
            final = not following
            if index >= _MAX_CHUNKS:
                raise CryptoError(f"file {file_id!r} is too large for chunk size {chunk_size}")
            counter = index.to_bytes(4, "big")
            aad = base + counter + (b"\x01" if final else b"\x00")
            dst.write(self._aead.encrypt(prefix + counter, chunk, aad))
            total += len(chunk)
            if final:
                return total
            chunk = following
            index += 1

    def decrypt(self, file_id: str, src: BinaryIO, dst: BinaryIO) -> int:
        """Decrypt src into dst; return the plaintext length.

        Each chunk is authenticated before it is written, but on DecryptionError dst already
        holds the chunks before the failing one: the caller must discard dst.
        """
        header = _read_exact(src, _HEADER_BYTES)
        if len(header) != _HEADER_BYTES or header[:1] != _FORMAT:
            raise DecryptionError(
                f"file {file_id!r} (data key {self._key_id!r}): missing or unknown header"
            )
        chunk_size = int.from_bytes(header[1:5], "big")
        if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
            raise DecryptionError(
                f"file {file_id!r} (data key {self._key_id!r}): invalid chunk size in header"
            )
        prefix = header[5:]
        base = self._base_aad(file_id, header)
        sealed_size = chunk_size + _TAG_BYTES
        total = 0
        index = 0
        chunk = _read_exact(src, sealed_size)
        while True:
            following = _read_exact(src, sealed_size) if len(chunk) == sealed_size else b""
            final = not following
            if len(chunk) < _TAG_BYTES or index >= _MAX_CHUNKS:
                raise DecryptionError(
                    f"file {file_id!r} (data key {self._key_id!r}): truncated at chunk {index}"
                )
            counter = index.to_bytes(4, "big")
            aad = base + counter + (b"\x01" if final else b"\x00")
            try:
                plaintext = self._aead.decrypt(prefix + counter, chunk, aad)
            except InvalidTag:
                raise DecryptionError(
                    f"file {file_id!r} (data key {self._key_id!r}): chunk {index} failed "
                    "authentication: tampered, truncated, reordered, or from another file"
                ) from None
            dst.write(plaintext)
            total += len(plaintext)
            if final:
                return total
            chunk = following
            index += 1


def encrypt_stream(
    data_key: bytes,
    key_id: str,
    file_id: str,
    src: BinaryIO,
    dst: BinaryIO,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> int:
    """Encrypt a file stream chunk by chunk; return the plaintext length."""
    return ChunkedFileCipher(data_key, key_id).encrypt(file_id, src, dst, chunk_size)


def decrypt_stream(data_key: bytes, key_id: str, file_id: str, src: BinaryIO, dst: BinaryIO) -> int:
    """Decrypt a file stream chunk by chunk; discard dst if DecryptionError is raised."""
    return ChunkedFileCipher(data_key, key_id).decrypt(file_id, src, dst)
