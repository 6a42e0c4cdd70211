"""Versioned key-encryption keys plus the blind-index secret, and their storage."""

from __future__ import annotations

import base64
import binascii
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from crypto.errors import KeyNotFoundError, KeyringError

KEY_BYTES = 32
FORMAT_VERSION = 1
ENV_VAR = "CLINIC_KEYRING"
_FIELDS = frozenset({"format", "primary", "keys", "blind_index_key"})


class Keyring:
    """Immutable set of versioned 256-bit KEKs with one primary, plus a blind-index secret."""

    __slots__ = ("_keys", "_blind_index_key", "primary_version", "versions")

    _keys: Mapping[int, bytes]
    _blind_index_key: bytes
    primary_version: int
    versions: tuple[int, ...]

    def __init__(self, keys: Mapping[int, bytes], primary_version: int, blind_index_key: bytes):
        """Build a keyring; prefer generate(), from_json() or load_file()."""
        if not keys:
            raise KeyringError("keyring has no key-encryption keys")
        for version, key in keys.items():
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise KeyringError("key versions must be positive integers")
            if not isinstance(key, bytes) or len(key) != KEY_BYTES:
                raise KeyringError(f"key version {version} is not {KEY_BYTES} bytes")
        if primary_version not in keys:
            raise KeyNotFoundError(f"primary key version {primary_version} is not in the keyring")
        if not isinstance(blind_index_key, bytes) or len(blind_index_key) != KEY_BYTES:
            raise KeyringError(f"blind-index key is not {KEY_BYTES} bytes")
        object.__setattr__(self, "_keys", MappingProxyType(dict(sorted(keys.items()))))
        object.__setattr__(self, "_blind_index_key", blind_index_key)
        object.__setattr__(self, "primary_version", primary_version)
        object.__setattr__(self, "versions", tuple(self._keys))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Keyring is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("Keyring is immutable")

    def __repr__(self) -> str:
        # Never include key bytes: keyrings end up in logs and tracebacks.
        return f"Keyring(primary_version={self.primary_version}, versions={self.versions})"

    def __reduce__(self) -> NoReturn:
        # Pickling would copy key material into caches, job queues or crash dumps.
        raise TypeError("Keyring cannot be pickled")

    @classmethod
    def generate(cls) -> Keyring:
        """Create a keyring with a fresh version-1 primary and a fresh blind-index secret."""
        return cls({1: os.urandom(KEY_BYTES)}, 1, os.urandom(KEY_BYTES))

    @classmethod
    def from_json(cls, text: str) -> Keyring:
        """Parse the JSON keyring format; KeyringError (without key material) when malformed."""
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            # `from None`: the decode error keeps the whole document on `.doc`.
            raise KeyringError(
                f"keyring is not valid JSON (line {exc.lineno}, column {exc.colno})"
            ) from None
        except (TypeError, ValueError):
            raise KeyringError("keyring is not valid JSON text") from None
        if not isinstance(doc, dict):
            raise KeyringError("keyring JSON must be an object")
        unknown = set(doc) - _FIELDS
        missing = _FIELDS - set(doc)
        if unknown or missing:
            raise KeyringError(
                f"keyring fields wrong: missing {sorted(missing)}, unexpected {sorted(unknown)}"
            )
        if _strict_int(doc["format"]) != FORMAT_VERSION:
            raise KeyringError(f"unsupported keyring format (expected {FORMAT_VERSION})")
        primary = _strict_int(doc["primary"])
        if primary is None:
            raise KeyringError("keyring 'primary' must be an integer")
        raw_keys = doc["keys"]
        if not isinstance(raw_keys, dict):
            raise KeyringError("keyring 'keys' must be an object")
        keys: dict[int, bytes] = {}
        for name, value in raw_keys.items():
            if not (name.isascii() and name.isdigit()) or name != str(int(name)):
                raise KeyringError("keyring key versions must be decimal integers")
            keys[int(name)] = _decode_key(value, f"key version {name}")
        blind = _decode_key(doc["blind_index_key"], "blind-index key")
        return cls(keys, primary, blind)

    def to_json(self) -> str:
        """Serialize to the JSON keyring format (contains secrets: store it 0600)."""
        return json.dumps(
            {
                "format": FORMAT_VERSION,
                "primary": self.primary_version,
                "keys": {str(v): _b64(k) for v, k in self._keys.items()},
                "blind_index_key": _b64(self._blind_index_key),
            }
        )

    @classmethod
    def load_file(cls, path: str | Path) -> Keyring:
        """Read a keyring file, refusing it unless it is a regular file readable only by owner."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise KeyringError(f"cannot open keyring file {str(path)!r}: {exc.strerror}") from None
        try:
            # fstat on the open descriptor: checking the path first would race with a swap.
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise KeyringError(f"keyring file {str(path)!r} is not a regular file")
            if info.st_mode & 0o077:
                raise KeyringError(
                    f"keyring file {str(path)!r} has mode {stat.S_IMODE(info.st_mode):04o}; "
                    "it must allow no group or other access (chmod 600)"
                )
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read()
        except OSError as exc:
            raise KeyringError(f"cannot read keyring file {str(path)!r}: {exc.strerror}") from None
        finally:
            os.close(fd)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise KeyringError(f"keyring file {str(path)!r} is not UTF-8") from None
        return cls.from_json(text)

    def save_file(self, path: str | Path) -> None:
        """Write the keyring atomically: 0600 temp file in the same directory, fsync, rename."""
        target = Path(path)
        directory = target.parent
        tmp_name: str | None = None
        try:
            # mkstemp creates the file 0600 from the start, so the secret is never exposed.
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
            with os.fdopen(fd, "wb") as fh:
                fh.write(self.to_json().encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, target)
            tmp_name = None
            # fsync the directory so the rename itself survives a crash.
            dir_fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise KeyringError(f"cannot write keyring file {str(path)!r}: {exc.strerror}") from None
        finally:
            if tmp_name is not None:
                try:
                    os.unlink(tmp_name)
                except FileNotFoundError:
                    pass

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Keyring | None:
        """Parse CLINIC_KEYRING (the keyring JSON itself) if it is set, else return None."""
        text = environ.get(ENV_VAR)
        if text is None:
            return None
        # A set-but-empty variable is a misconfiguration, not "no keyring": it raises.
        return cls.from_json(text)

    def with_new_primary(self) -> Keyring:
        """Return a keyring with a new random key at version max+1, made primary."""
        version = max(self.versions) + 1
        return Keyring(
            {**self._keys, version: os.urandom(KEY_BYTES)}, version, self._blind_index_key
        )

    def without_version(self, version: int) -> Keyring:
        """Return a keyring without `version`; refuses to drop the primary or the last key."""
        if version not in self._keys:
            raise KeyNotFoundError(f"key version {version} is not in the keyring")
        if version == self.primary_version:
            raise KeyringError(f"refusing to remove primary key version {version}")
        keys = {v: k for v, k in self._keys.items() if v != version}
        return Keyring(keys, self.primary_version, self._blind_index_key)

    def kek(self, version: int) -> bytes:
        """Return the key-encryption key for `version`."""
        try:
            return self._keys[version]
        except KeyError:
            raise KeyNotFoundError(
                f"key version {version} is not in the keyring (have {list(self.versions)})"
            ) from None

    def blind_index_key(self) -> bytes:
        """Return the blind-index secret (independent of KEK rotation)."""
        return self._blind_index_key


def _strict_int(value: Any) -> int | None:
    # bool is an int subclass; `"primary": true` must not mean version 1.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _decode_key(value: Any, label: str) -> bytes:
    if not isinstance(value, str):
        raise KeyringError(f"{label} must be a base64 string")
    try:
        key = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise KeyringError(f"{label} is not valid base64") from None
    if len(key) != KEY_BYTES:
        raise KeyringError(f"{label} is not {KEY_BYTES} bytes")
    return key


def _b64(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")
