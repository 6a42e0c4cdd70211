"""The `clinic` command on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.functional.cli_support import clinic, clinic_inproc

UNSEEN_CASE = {
    "matter": "Doe v. Lanternfish Suites, Inc.",
    "subjects": [
        {
            "pseudonym": "Jane Doe 7",
            "names": ["Perpetua Ximena Vandergriff", "Perpetua Vandergriff"],
            "aliases": ["Petty", "Moonbeam"],
            "date_of_birth": "2007-10-05",
            "minor": True,
            "phones": ["(312) 555-0199"],
            "emails": ["petty.vgriff@example.com"],
            "addresses": ["5519 N Quintessa Blvd, Apt 12, Chicago, IL 60640"],
            "handles": ["@moonbeam_pv"],
            "identifiers": ["SSN 611-42-9087", "IL DL V53120077421"],
        }
    ],
    "related_people": [
        {"label": "Family Member 1", "names": ["Octavia Vandergriff"],
         "phones": ["(312) 555-0144"], "addresses": []}
    ],
    "keep": ["Lanternfish Suites, Inc."],
}




def identifying_strings(case: dict) -> list[str]:
    out: list[str] = []
    for person in case["subjects"] + case["related_people"]:
        for key in ("names", "aliases", "phones", "emails", "addresses", "handles",
                    "identifiers"):
            out += person.get(key, [])
        if person.get("date_of_birth"):
            out.append(person["date_of_birth"])
    # the single tokens of names and the digits of phones and identifiers too
    extra: list[str] = []
    for value in out:
        extra += [tok for tok in value.replace(",", " ").split() if len(tok) >= 5
                  and not tok.isdigit() and tok not in ("Chicago", "Blvd,")]
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) >= 7:
            extra.append(digits)
    return out + extra


def encodings(value: str) -> list[bytes]:
    forms = {value, value.lower(), value.upper()}
    out: list[bytes] = []
    for form in forms:
        out += [form.encode("utf-8"), form.encode("utf-16-le"), form.encode("utf-16-be")]
    return out


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_seeded_case_leaves_no_identifier_in_sqlite_file_or_wal(env, tmp_path):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(UNSEEN_CASE))
    assert clinic_inproc(env, "db", "upgrade").returncode == 0
    result = clinic(env, "seed-demo", "--from", str(case_file))
    assert result.returncode == 0, result.stderr
    assert "Jane Doe 7" in result.stdout
    db_file = Path(env["CLINIC_DATABASE_URL"].removeprefix("sqlite:///"))
    # the database and whatever WAL or shared-memory file SQLite left beside it
    files = [p for p in db_file.parent.iterdir() if p.name.startswith(db_file.name)]
    assert db_file in files
    blob = b"".join(p.read_bytes() for p in files)
    assert b"Jane Doe 7" in blob  # the pseudonym is stored in clear; the check can see text
    for value in identifying_strings(UNSEEN_CASE):
        for encoded in encodings(value):
            assert encoded not in blob, "an identifier was found in the database files"


def test_keys_verify_rotate_retire_verify(env):
    assert clinic_inproc(env, "bootstrap").returncode == 0
    status = clinic(env, "keys", "status")
    assert "key v1 (primary): " in status.stdout
    verify = clinic(env, "keys", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "0 failed" in verify.stdout and "data keys: 4 ok" in verify.stdout
    refused = clinic(env, "keys", "retire", "1")
    assert refused.returncode == 2 and "primary" in refused.stderr
    rotated = clinic(env, "keys", "rotate")
    assert rotated.returncode == 0, rotated.stderr
    assert "rotated to key v2; re-wrapped 4 data keys" in rotated.stdout
    retired = clinic(env, "keys", "retire", "1")
    assert retired.returncode == 0, retired.stderr
    keyring = json.loads((Path(env["CLINIC_INSTANCE_DIR"]) / "keyring.json").read_text())
    assert list(keyring["keys"]) == ["2"]
    again = clinic(env, "keys", "verify")
    assert again.returncode == 0 and "0 failed" in again.stdout
    assert "v2 (primary): 4 data keys" in clinic(env, "keys", "status").stdout


def test_retire_refused_while_data_keys_depend_on_version(env):
    assert clinic_inproc(env, "bootstrap").returncode == 0
    keyring_path = Path(env["CLINIC_INSTANCE_DIR"]) / "keyring.json"
    from crypto import Keyring

    # add v2 as primary without re-wrapping: v1 still wraps every data key
    Keyring.load_file(keyring_path).with_new_primary().save_file(keyring_path)
    refused = clinic(env, "keys", "retire", "1")
    assert refused.returncode == 2
    assert "still wraps 4 data keys" in refused.stderr
    resumed = clinic(env, "keys", "rotate")
    assert "resumed rotation to key v2; re-wrapped 4 data keys" in resumed.stdout
    assert clinic(env, "keys", "retire", "1").returncode == 0


def test_bootstrap_creates_instance_secrets_0600_and_prints_password_once(env, instance_dir):
    first = clinic(env, "bootstrap")
    assert first.returncode == 0, first.stderr
    assert "One-time password" in first.stdout
    for name in ("secret_key", "keyring.json", "audit_head.key"):
        mode = stat.S_IMODE(os.stat(instance_dir / name).st_mode)
        assert mode == 0o600, name
    second = clinic(env, "bootstrap")
    assert second.returncode == 0
    assert "One-time password" not in second.stdout
    assert "demo matter" not in second.stdout


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_create_user_reads_password_from_stdin(env):
    assert clinic_inproc(env, "db", "upgrade").returncode == 0
    ok = clinic(env, "create-user", "Advocate@Clinic.example", "--role", "advocate",
                stdin="a long enough passphrase\n")
    assert ok.returncode == 0, ok.stderr
    dup = clinic(env, "create-user", "advocate@clinic.example", "--role", "advocate",
                 stdin="a long enough passphrase\n")
    assert dup.returncode == 2
    assert dup.stderr.strip() == "error: an account with that email already exists"
    short = clinic(env, "create-user", "x@clinic.example", "--role", "admin", stdin="short\n")
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    bad_role = clinic(env, "create-user", "y@clinic.example", "--role", "janitor",
                      stdin="a long enough passphrase\n")
    assert bad_role.returncode == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_create_user_takes_an_optional_full_name(env, engine):
    from sqlalchemy import select

    from intake.db import make_session_factory
    from intake.models import AuditEvent, User

    named = clinic_inproc(env, "create-user", "named@clinic.example", "--role", "attorney",
                          "--name", "  Ifeoma Chukwu ", stdin="a long enough passphrase\n")
    assert named.returncode == 0, named.stderr
    unnamed = clinic_inproc(env, "create-user", "unnamed@clinic.example", "--role", "advocate",
                            stdin="a long enough passphrase\n")
    assert unnamed.returncode == 0, unnamed.stderr
    empty = clinic_inproc(env, "create-user", "empty@clinic.example", "--role", "advocate",
                          "--name", " ", stdin="a long enough passphrase\n")
    assert empty.returncode == 2 and "error: the full name is required" in empty.stderr
    with make_session_factory(engine)() as session:
        names = dict(session.execute(select(User.email, User.display_name)).tuples().all())
        assert names == {"named@clinic.example": "Ifeoma Chukwu", "unnamed@clinic.example": ""}
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.create"))
        assert all("Ifeoma" not in (e.details or "") for e in events)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_unlock_user_ends_a_lockout_and_is_audited(env, engine):
    from datetime import timedelta

    from sqlalchemy import select

    from intake.db import make_session_factory
    from intake.models import AuditEvent, User, utcnow

    ok = clinic_inproc(env, "create-user", "locked@clinic.example", "--role", "advocate",
                       stdin="a long enough passphrase\n")
    assert ok.returncode == 0, ok.stderr
    sessions = make_session_factory(engine)
    not_locked = clinic_inproc(env, "unlock-user", "locked@clinic.example")
    assert not_locked.returncode == 2 and "is not locked" in not_locked.stderr
    with sessions() as session:
        user = session.scalars(select(User)).one()
        user.locked_until, user.failed_logins = utcnow() + timedelta(minutes=15), 3
        session.commit()
    done = clinic_inproc(env, "unlock-user", "Locked@Clinic.example")
    assert done.returncode == 0 and "locked@" not in done.stdout
    unknown = clinic_inproc(env, "unlock-user", "nobody@clinic.example")
    assert unknown.returncode == 2 and "nobody" not in unknown.stderr
    with sessions() as session:
        user = session.scalars(select(User)).one()
        assert user.locked_until is None and user.failed_logins == 0
        (event,) = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "user.unlock")).all()
        assert event.object_id == user.id and event.actor.startswith("os:")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_seed_from_bad_file_fails_with_one_line_and_writes_nothing(env, tmp_path):
    assert clinic_inproc(env, "db", "upgrade").returncode == 0
    missing = clinic(env, "seed-demo", "--from", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert missing.stderr.strip().startswith("error: case file not readable")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"subjects": [{"pseudonym": "Jane Doe 1", "names": []}]}))
    result = clinic(env, "seed-demo", "--from", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "0 data keys" in clinic(env, "keys", "status").stdout


def test_production_mode_refuses_missing_secrets_and_names_them(env):
    prod = {k: v for k, v in env.items() if k != "CLINIC_DATABASE_URL"}
    prod["CLINIC_ENV"] = "production"
    result = clinic(prod, "keys", "status")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("error: production mode needs CLINIC_DATABASE_URL, CLINIC_SECRET_KEY")
    assert "CLINIC_KEYRING_FILE" in line and "CLINIC_AUDIT_KEY_FILE" in line
    assert not (Path(env["CLINIC_INSTANCE_DIR"]) / "secret_key").exists()


def test_instances_live_side_by_side(env, tmp_path):
    other = dict(env, CLINIC_INSTANCE_DIR=str(tmp_path / "other"))
    other.pop("CLINIC_DATABASE_URL")
    assert clinic_inproc(env, "bootstrap").returncode == 0
    assert clinic(other, "bootstrap").returncode == 0
    assert (tmp_path / "other" / "clinic.sqlite3").exists()
    first = json.loads((Path(env["CLINIC_INSTANCE_DIR"]) / "keyring.json").read_text())
    second = json.loads((tmp_path / "other" / "keyring.json").read_text())
    assert first["keys"] != second["keys"]
