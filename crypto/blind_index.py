"""Keyed blind indexes for exact-match lookup of encrypted values."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.keyring import KEY_BYTES, Keyring
from crypto.normalize import (
    normalize_dob,
    normalize_email,
    normalize_identifier,
    normalize_name,
    normalize_phone,
    normalize_text,
)

_INFO_PREFIX = b"clinic/blind-index/v1/"


def _normalize_handle(s: str) -> str:
    # "@Maria_88" and "maria_88" are the same account on every platform we see.
    return "".join(normalize_text(s).removeprefix("@").split())


NORMALIZERS: dict[str, Callable[[str], str | None]] = {
    "name": normalize_name,
    "name_part": normalize_name,  # a word or run of words of a name; only within a scope
    "dob": normalize_dob,
    "phone": normalize_phone,
    "email": normalize_email,
    "handle": _normalize_handle,
    "identifier": normalize_identifier,
}


class BlindIndexer:
    """Computes HMAC-SHA256 blind indexes under per-kind keys derived from the keyring."""

    __slots__ = ("_keys",)

    def __init__(self, keyring: Keyring):
        """Derive one key per kind from the keyring's blind-index secret (not from the KEKs)."""
        # Keys come from the blind-index secret so indexes survive KEK rotation, and one key
        # per kind keeps a phone's index from ever equalling an identifier's with the same text.
        secret = keyring.blind_index_key()
        self._keys = {
            kind: HKDF(
                algorithm=hashes.SHA256(),
                length=KEY_BYTES,
                salt=None,
                info=_INFO_PREFIX + kind.encode("ascii"),
            ).derive(secret)
            for kind in NORMALIZERS
        }

    def __repr__(self) -> str:
        return "BlindIndexer()"

    def index(self, kind: str, value: str) -> str | None:
        """Return the hex index of the normalized value, or None if it normalizes to nothing."""
        try:
            normalize = NORMALIZERS[kind]
        except KeyError:
            raise ValueError(f"unknown blind-index kind {kind!r}") from None
        normalized = normalize(value)
        if not normalized:
            return None
        return hmac.new(self._keys[kind], normalized.encode("utf-8"), hashlib.sha256).hexdigest()

    def index_in(self, scope: str, kind: str, value: str) -> str | None:
        """The index of a value within one scope (such as a matter id): the same value in
        another scope gives an unrelated digest, so common values (a first name) cannot be
        counted or linked across scopes."""
        if kind not in NORMALIZERS:
            raise ValueError(f"unknown blind-index kind {kind!r}")
        if not scope or "\x00" in scope:
            raise ValueError("a scope is a non-empty id without NUL")
        normalized = NORMALIZERS[kind](value)
        if not normalized:
            return None
        message = scope.encode("utf-8") + b"\x00" + normalized.encode("utf-8")
        return hmac.new(self._keys[kind], message, hashlib.sha256).hexdigest()
