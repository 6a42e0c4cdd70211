"""Data keys and their wrapping under the keyring's key-encryption keys."""

from __future__ import annotations

import functools
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto._encoding import lp
from crypto.errors import DecryptionError
from crypto.keyring import KEY_BYTES, Keyring

_DOMAIN = b"clinic/datakey/v1"
_FORMAT = b"\x01"
_NONCE_BYTES = 12
_WRAPPED_BYTES = len(_FORMAT) + _NONCE_BYTES + KEY_BYTES + 16
_DOMAIN_LP = lp(_DOMAIN)
_pack_len = struct.Struct(">I").pack
# lp(version as 4 bytes) for the few KEK versions a keyring ever has.
_VERSION_LP: dict[int, bytes] = {}


def new_data_key() -> bytes:
    """Return a fresh random 256-bit data key."""
    return os.urandom(KEY_BYTES)


@functools.lru_cache(maxsize=16)
def _kek_aead(kek: bytes) -> AESGCM:
    # Building an AESGCM runs the key schedule; intake wraps one data key per survivor.
    return AESGCM(kek)


def _aad(key_id: str, kek_version: int) -> bytes:
    # lp(domain) lp(key id) lp(version): one data key is wrapped per survivor at intake.
    version = _VERSION_LP.get(kek_version)
    if version is None:
        version = _VERSION_LP.setdefault(kek_version, lp(kek_version.to_bytes(4, "big")))
    key = key_id.encode("utf-8")
    return b"".join((_DOMAIN_LP, _pack_len(len(key)), key, version))


def wrap_key(keyring: Keyring, data_key: bytes, key_id: str) -> tuple[int, bytes]:
    """Encrypt a data key under the primary KEK; return (kek_version, wrapped blob)."""
    if len(data_key) != KEY_BYTES:
        raise ValueError(f"data key {key_id!r} must be {KEY_BYTES} bytes")
    version = keyring.primary_version
    nonce = os.urandom(_NONCE_BYTES)
    sealed = _kek_aead(keyring.kek(version)).encrypt(nonce, data_key, _aad(key_id, version))
    return version, _FORMAT + nonce + sealed


def unwrap_key(keyring: Keyring, kek_version: int, blob: bytes, key_id: str) -> bytes:
    """Decrypt a wrapped data key; KeyNotFoundError or DecryptionError naming key_id and version."""
    kek = keyring.kek(kek_version)
    if len(blob) != _WRAPPED_BYTES or blob[:1] != _FORMAT:
        raise DecryptionError(
            f"wrapped data key {key_id!r} (KEK version {kek_version}) is malformed"
        )
    view = memoryview(blob)
    try:
        return _kek_aead(kek).decrypt(
            view[1 : 1 + _NONCE_BYTES], view[1 + _NONCE_BYTES :], _aad(key_id, kek_version)
        )
    except InvalidTag:
        raise DecryptionError(
            f"cannot unwrap data key {key_id!r} with KEK version {kek_version}: "
            "wrong key, tampered blob, or blob belongs to another key id"
        ) from None
