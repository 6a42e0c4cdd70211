"""Per-field authenticated encryption bound to (table, column, row id, data key id)."""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto._encoding import lp
from crypto.errors import DecryptionError
from crypto.keyring import KEY_BYTES

_DOMAIN = b"clinic/field/v1"
_FORMAT = b"\x01"
_FORMAT_BYTE = _FORMAT[0]
_NONCE_BYTES = 12
_HEADER_BYTES = len(_FORMAT) + _NONCE_BYTES
_MIN_BYTES = _HEADER_BYTES + 16
_DOMAIN_LP = lp(_DOMAIN)
# (table, column) -> lp(domain) lp(table) lp(column). Shared by all ciphers because services
# build one FieldCipher per data key (often per record); the set of columns is small and fixed.
_AAD_HEADS: dict[tuple[str, str], bytes] = {}
_MAX_CACHED_HEADS = 1024
_pack_len = struct.Struct(">I").pack


def _head(table: str, column: str) -> bytes:
    """lp(domain) lp(table) lp(column), cached for the app's fixed set of columns."""
    head = _AAD_HEADS.get((table, column))
    if head is None:
        head = _DOMAIN_LP + lp(table.encode("utf-8")) + lp(column.encode("utf-8"))
        # Bounded so that callers passing unusual names cannot grow it without limit.
        if len(_AAD_HEADS) < _MAX_CACHED_HEADS:
            _AAD_HEADS[(table, column)] = head
    return head


class FieldCipher:
    """Encrypts and decrypts column values under one data key."""

    __slots__ = ("_aead", "_key_id", "_aad_suffix", "_row", "_row_part")

    def __init__(self, data_key: bytes, key_id: str):
        """Bind the cipher to a 256-bit data key and the id under which it is stored."""
        if len(data_key) != KEY_BYTES:
            raise ValueError(f"data key {key_id!r} must be {KEY_BYTES} bytes")
        self._aead = AESGCM(data_key)
        self._key_id = key_id
        self._aad_suffix = lp(key_id.encode("utf-8"))
        # A record's fields are sealed one after another with the same row id: keep its
        # encoded AAD part (row id and key id) for the next field.
        self._row = ""
        self._row_part = b""

    def __repr__(self) -> str:
        return f"FieldCipher(key_id={self._key_id!r})"

    def _aad(self, table: str, column: str, row_id: str) -> bytes:
        # AAD = lp(domain) lp(table) lp(column) lp(row_id) lp(key_id)
        return _head(table, column) + self._row_aad(row_id)

    def _row_aad(self, row_id: str) -> bytes:
        if row_id != self._row:
            row = row_id.encode("utf-8")
            self._row_part = _pack_len(len(row)) + row + self._aad_suffix
            self._row = row_id
        return self._row_part

    def encrypt_bytes(self, table: str, column: str, row_id: str, data: bytes) -> bytes:
        """Encrypt bytes for one cell: version byte, 12-byte nonce, ciphertext and tag."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, self._aad(table, column, row_id))
        return b"".join((_FORMAT, nonce, sealed))

    def encrypt_row(self, table: str, row_id: str,
                    cells: Sequence[tuple[str, str]]) -> list[bytes]:
        """Encrypt the (column, text) cells of one row, as `encrypt` would, in one pass.

        The hot path of intake: one CSPRNG call for every nonce of the row, and the row's
        part of the associated data built once.
        """
        nonces = os.urandom(_NONCE_BYTES * len(cells))
        seal = self._aead.encrypt
        row_part = self._row_aad(row_id)
        heads = _AAD_HEADS
        out: list[bytes] = []
        append = out.append
        start = 0
        for column, text in cells:
            end = start + _NONCE_BYTES
            nonce = nonces[start:end]
            start = end
            head = heads.get((table, column)) or _head(table, column)
            append(b"".join((_FORMAT, nonce, seal(nonce, text.encode(), head + row_part))))
        return out

    def decrypt_row(self, table: str, row_id: str,
                    cells: Sequence[tuple[str, bytes]]) -> list[str]:
        """Decrypt the (column, ciphertext) cells of one row, as `decrypt` would."""
        unseal = self._aead.decrypt
        row_part = self._row_aad(row_id)
        heads = _AAD_HEADS
        out: list[str] = []
        append = out.append
        for column, blob in cells:
            head = heads.get((table, column)) or _head(table, column)
            try:
                if blob[0] != _FORMAT_BYTE:
                    raise ValueError
                append(unseal(blob[1:_HEADER_BYTES], blob[_HEADER_BYTES:],
                              head + row_part).decode())
            except (InvalidTag, ValueError, IndexError):
                # the one-cell path raises the DecryptionError with the right wording
                append(self.decrypt(table, column, row_id, blob))
        return out

    def decrypt_bytes(self, table: str, column: str, row_id: str, ciphertext: bytes) -> bytes:
        """Decrypt one cell; DecryptionError if the key or any bound context differs."""
        if len(ciphertext) < _MIN_BYTES or ciphertext[:1] != _FORMAT:
            raise DecryptionError(
                f"{table}.{column} row {row_id!r} (data key {self._key_id!r}): "
                "ciphertext is malformed or of an unknown format"
            )
        # Plain slices, not a memoryview: for cell-sized values the copy is cheaper than the view.
        try:
            return self._aead.decrypt(
                ciphertext[1:_HEADER_BYTES],
                ciphertext[_HEADER_BYTES:],
                self._aad(table, column, row_id),
            )
        except InvalidTag:
            raise DecryptionError(
                f"cannot decrypt {table}.{column} row {row_id!r} with data key "
                f"{self._key_id!r}: wrong key, tampered, or copied from elsewhere"
            ) from None

    def encrypt(self, table: str, column: str, row_id: str, plaintext: str) -> bytes:
        """Encrypt a text value for one cell (an empty string still yields a ciphertext)."""
        return self.encrypt_bytes(table, column, row_id, plaintext.encode("utf-8"))

    def decrypt(self, table: str, column: str, row_id: str, ciphertext: bytes) -> str:
        """Decrypt a text value for one cell."""
        data = self.decrypt_bytes(table, column, row_id, ciphertext)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            # The codec's message quotes the offending byte; keep it out of logs.
            raise DecryptionError(
                f"{table}.{column} row {row_id!r} (data key {self._key_id!r}) is not UTF-8 text"
            ) from None


def encrypt_field(
    data_key: bytes, plaintext: str, *, table: str, column: str, row_id: str, key_id: str
) -> bytes:
    """Encrypt one text value; prefer a cached FieldCipher on hot paths."""
    return FieldCipher(data_key, key_id).encrypt(table, column, row_id, plaintext)


def decrypt_field(
    data_key: bytes, ciphertext: bytes, *, table: str, column: str, row_id: str, key_id: str
) -> str:
    """Decrypt one text value; prefer a cached FieldCipher on hot paths."""
    return FieldCipher(data_key, key_id).decrypt(table, column, row_id, ciphertext)
