"""Backups: a consistent, still-encrypted snapshot of the database and document blobs.

A backup holds the database (every identifying field still encrypted, data keys still
wrapped) and the encrypted blobs, plus a manifest with the audit head and a SHA-256 of
each member. It never holds the keyring or the audit key: those are backed up apart.
Restoring writes into an empty database and then proves the result: every member's digest,
the audit chain and its head, and (with the keyring) every data key and field.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect

from intake.audit_verify import verify, verify_against_head
from intake.models import utcnow

FORMAT = 1


class BackupError(Exception):
    """A backup could not be made or restored; the message says why (no values)."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds and how to check it."""

    created_at: str
    dialect: str
    audit_count: int
    audit_head: str
    members: dict[str, str]  # name -> sha256


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_args(engine: Engine) -> tuple[list[str], dict[str, str]]:
    url = engine.url
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
            "-U", url.username or "postgres", "-d", url.database or ""]
    env = {"PGPASSWORD": url.password or ""} if url.password else {}
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    import os

    done = subprocess.run(command, env={**os.environ, **env}, capture_output=True,  # noqa: S603
                          text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed (exit {done.returncode})")


def create_backup(engine: Engine, blob_dir: Path, dest: Path) -> Manifest:
    """Write a consistent snapshot to `dest` (a .tar file), atomically."""
    dialect = engine.dialect.name
    with tempfile.TemporaryDirectory(prefix="clinic-backup-") as tmp:
        work = Path(tmp)
        if dialect == "sqlite":
            snapshot = work / "database.sqlite3"
            source = sqlite3.connect(str(engine.url.database))
            target = sqlite3.connect(str(snapshot))
            with target:
                source.backup(target)  # SQLite's online backup: one consistent snapshot
            source.close()
            target.close()
            db_member = snapshot
        elif dialect == "postgresql":
            db_member = work / "database.pgdump"
            args, env = _pg_args(engine)
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl",
                  "-f", str(db_member), *args], env)
        else:
            raise BackupError(f"no backup method for {dialect}")
        check = verify(_engine_for(db_member, engine))
        if not check.ok:
            raise BackupError(f"audit chain broken at event {check.first_bad_seq}; not backed up")
        members = {db_member.name: _sha256(db_member)}
        blobs = sorted(p for p in blob_dir.glob("*") if p.is_file()) if blob_dir.exists() else []
        for blob in blobs:
            members[f"blobs/{blob.name}"] = _sha256(blob)
        manifest = Manifest(utcnow().isoformat(), dialect, check.count, check.head_hash, members)
        partial = dest.with_name(dest.name + ".partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(db_member, arcname=db_member.name)
            for blob in blobs:
                tar.add(blob, arcname=f"blobs/{blob.name}")
            data = json.dumps(vars(manifest), indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial.chmod(0o600)
        partial.replace(dest)
    return manifest


def _engine_for(db_member: Path, engine: Engine) -> Engine:
    """The engine whose audit log the backup's head is read from."""
    if db_member.suffix == ".sqlite3":
        from intake.db import make_engine

        return make_engine(f"sqlite:///{db_member}")
    return engine


def restore_backup(source: Path, engine: Engine, blob_dir: Path) -> Manifest:
    """Restore a backup into an empty database and blob folder, then verify it."""
    if inspect(engine).get_table_names():
        raise BackupError("the target database is not empty")
    with tempfile.TemporaryDirectory(prefix="clinic-restore-") as tmp:
        work = Path(tmp)
        try:
            with tarfile.open(source) as tar:
                tar.extractall(work, filter="data")
            raw = json.loads((work / "manifest.json").read_text())
            manifest = Manifest(**raw)
        except (OSError, tarfile.TarError, ValueError, TypeError, KeyError) as exc:
            raise BackupError(f"backup not readable: {source}") from exc
        for name, digest in manifest.members.items():
            member = work / name
            if not member.is_file() or _sha256(member) != digest:
                raise BackupError(f"backup member {name} is missing or damaged")
        if manifest.dialect != engine.dialect.name:
            raise BackupError(f"backup is of {manifest.dialect}, target is {engine.dialect.name}")
        if manifest.dialect == "sqlite":
            engine.dispose()
            target = Path(str(engine.url.database))
            shutil.copyfile(work / "database.sqlite3", target)
            target.chmod(0o600)
        else:
            args, env = _pg_args(engine)
            _run(["pg_restore", "--no-owner", "--no-acl", "--exit-on-error",
                  *args, str(work / "database.pgdump")], env)
        blob_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for name in manifest.members:
            if name.startswith("blobs/"):
                shutil.copyfile(work / name, blob_dir / Path(name).name)
    check = verify_against_head(engine, manifest.audit_count, manifest.audit_head)
    if not check.ok:
        raise BackupError(f"restored audit chain fails at event {check.first_bad_seq}: "
                          f"{check.problem}")
    return manifest
