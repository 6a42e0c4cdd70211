"""Encrypted file blobs: documents, redacted outputs and reference lists, never on disk in clear.

Each blob is encrypted in chunks (AES-256-GCM, `crypto.stream`) under its owner's data key,
bound to its blob name, and written through a temporary file and a rename.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from crypto import ChunkedFileCipher, KeyDestroyedError, unwrap_key
from intake.models import DataKey, new_id
from intake.records import Vault


class BlobError(Exception):
    """A blob is missing or does not match its recorded digest; the message carries ids."""


class _Hashing(io.RawIOBase):
    """Reads from a stream while counting bytes and hashing them (SHA-256)."""

    def __init__(self, src: BinaryIO) -> None:
        self._src = src
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._src.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def file_cipher(vault: Vault, data_key_id: str) -> ChunkedFileCipher:
    """The chunked file cipher of a data key (unwrapped with the vault's keyring)."""
    vault.session.flush()
    row = vault.session.execute(
        select(DataKey.kek_version, DataKey.wrapped).where(DataKey.id == data_key_id)
    ).first()
    if row is None or row.wrapped is None:
        raise KeyDestroyedError(f"data key {data_key_id} has been destroyed")
    key = unwrap_key(vault.keyring, row.kek_version, row.wrapped, data_key_id)
    return ChunkedFileCipher(key, data_key_id)


class BlobStore:
    """Encrypted blobs in one folder, named by random ids."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, name: str) -> Path:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise BlobError("invalid blob name")
        return self.root / name

    def put(self, vault: Vault, data_key_id: str, src: BinaryIO) -> tuple[str, int, str]:
        """Encrypt a stream into a new blob; return its name, plaintext size and SHA-256."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = new_id()
        cipher = file_cipher(vault, data_key_id)
        reader = _Hashing(src)
        fd, tmp = tempfile.mkstemp(prefix=".blob.", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out:
                cipher.encrypt(name, reader, out)  # type: ignore[arg-type]
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self._path(name))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return name, reader.size, reader.digest.hexdigest()

    def put_bytes(self, vault: Vault, data_key_id: str, data: bytes) -> tuple[str, str]:
        """Encrypt bytes into a new blob; return its name and SHA-256."""
        name, _size, digest = self.put(vault, data_key_id, io.BytesIO(data))
        return name, digest

    def get(self, vault: Vault, data_key_id: str, name: str,
            sha256: str | None = None) -> bytes:
        """Decrypt a blob into memory, checking its SHA-256 when one was recorded."""
        cipher = file_cipher(vault, data_key_id)
        out = io.BytesIO()
        try:
            with self._path(name).open("rb") as src:
                cipher.decrypt(name, src, out)
        except FileNotFoundError:
            raise BlobError(f"blob {name} is missing") from None
        data = out.getvalue()
        if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
            raise BlobError(f"blob {name} does not match its recorded digest")
        return data

    def delete(self, name: str) -> None:
        """Remove a blob file (its ciphertext; the data key is what protects it)."""
        self._path(name).unlink(missing_ok=True)
