"""`clinic backup` and `clinic restore`: a still-encrypted snapshot that restores and verifies."""

from __future__ import annotations

import tarfile
import uuid

import psycopg
import pytest

from tests.conftest import PG_ADMIN_URL, _pg_url
from tests.functional.cli_support import clinic, clinic_inproc
from tests.functional.test_cli import UNSEEN_CASE, encodings, identifying_strings


@pytest.fixture
def empty_target(env, tmp_path):
    """A second, empty database of the same kind, with the same keyring."""
    target = dict(env)
    if env["CLINIC_DATABASE_URL"].startswith("sqlite"):
        target["CLINIC_DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield target
        return
    name = f"clinic_r_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    target["CLINIC_DATABASE_URL"] = _pg_url(name)
    try:
        yield target
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_verified_and_still_encrypted(env, empty_target, tmp_path):
    import json

    case = tmp_path / "case.json"
    case.write_text(json.dumps(UNSEEN_CASE))
    assert clinic_inproc(env, "bootstrap").returncode == 0
    assert clinic_inproc(env, "seed-demo", "--from", str(case)).returncode == 0
    archive = tmp_path / "clinic.backup.tar"
    made = clinic(env, "backup", str(archive))
    assert made.returncode == 0, made.stderr
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        blob = b"".join(f.read() for m in tar.getmembers()
                        if m.isfile() and (f := tar.extractfile(m)) is not None)
    assert "manifest.json" in names and not any("keyring" in n for n in names)
    for value in identifying_strings(UNSEEN_CASE):
        for encoded in encodings(value):
            assert encoded not in blob
    restored = clinic(empty_target, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "restored and verified" in restored.stdout
    assert clinic(empty_target, "keys", "verify").returncode == 0
    assert clinic(empty_target, "audit", "verify").returncode == 0
    again = clinic(empty_target, "restore", str(archive))
    assert again.returncode == 2 and "not empty" in again.stderr


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_damaged_backup_is_refused(env, empty_target, tmp_path):
    assert clinic_inproc(env, "bootstrap").returncode == 0
    archive = tmp_path / "b.tar"
    assert clinic_inproc(env, "backup", str(archive)).returncode == 0
    data = bytearray(archive.read_bytes())
    data[2000] ^= 0xFF
    archive.write_bytes(bytes(data))
    result = clinic_inproc(empty_target, "restore", str(archive))
    assert result.returncode == 2
    assert "damaged" in result.stderr or "not readable" in result.stderr


def test_backup_taken_before_a_deletion_cannot_bring_the_survivor_back(env, empty_target,
                                                                        tmp_path):
    from sqlalchemy import select

    from intake.db import make_engine, make_session_factory
    from intake.models import Subject

    assert clinic_inproc(env, "bootstrap").returncode == 0
    before = tmp_path / "before.tar"
    assert clinic_inproc(env, "backup", str(before)).returncode == 0
    engine = make_engine(env["CLINIC_DATABASE_URL"])
    with make_session_factory(engine)() as session:
        subject_id = session.scalars(select(Subject.id).order_by(Subject.pseudonym)).first()
    engine.dispose()
    deleted = clinic(env, "subjects", "delete", str(subject_id), "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert "re-keyed to key v2" in deleted.stdout
    assert clinic(env, "keys", "verify").returncode == 0  # the live system still reads
    old = clinic_inproc(empty_target, "restore", str(before))
    assert old.returncode == 2
    assert "do not decrypt with this keyring" in old.stderr


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_backup_after_a_deletion_restores(env, empty_target, tmp_path):
    from sqlalchemy import select

    from intake.db import make_engine, make_session_factory
    from intake.models import Subject

    assert clinic_inproc(env, "bootstrap").returncode == 0
    engine = make_engine(env["CLINIC_DATABASE_URL"])
    with make_session_factory(engine)() as session:
        subject_id = session.scalars(select(Subject.id)).first()
    engine.dispose()
    assert clinic_inproc(env, "subjects", "delete", str(subject_id), "--yes").returncode == 0
    after = tmp_path / "after.tar"
    assert clinic_inproc(env, "backup", str(after)).returncode == 0
    restored = clinic_inproc(empty_target, "restore", str(after))
    assert restored.returncode == 0, restored.stderr
    verify = clinic_inproc(empty_target, "keys", "verify")
    assert verify.returncode == 0 and "1 destroyed" in verify.stdout
