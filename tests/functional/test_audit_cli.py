"""`clinic audit verify` detects edits, deletions, swaps and truncation; on both databases."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from intake.db import make_engine
from tests.functional.cli_support import clinic, clinic_inproc


@pytest.fixture
def populated(env):
    """A database whose log holds the bootstrap events plus a few more."""
    assert clinic_inproc(env, "bootstrap").returncode == 0
    for _ in range(3):
        assert clinic_inproc(env, "seed-demo").returncode == 0
    return env


def tamper(env, *statements):
    engine = make_engine(env["CLINIC_DATABASE_URL"])
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # the table is append-only for the application; a superuser can still bypass it
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_intact_log_verifies(populated):
    result = clinic(populated, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert "audit log verified: 5 events" in result.stdout


def test_edited_row_is_named(populated):
    tamper(populated, "UPDATE audit_events SET actor = 'os:mallory' WHERE seq = 3")
    result = clinic(populated, "audit", "verify")
    assert result.returncode == 1
    assert "FAILED at sequence 3" in result.stderr


def test_deleted_row_is_named(populated):
    tamper(populated, "DELETE FROM audit_events WHERE seq = 2")
    result = clinic(populated, "audit", "verify")
    assert result.returncode == 1
    assert "FAILED at sequence 2: missing event" in result.stderr


def test_swapped_rows_are_named(populated):
    tamper(populated,
           "UPDATE audit_events SET seq = -3 WHERE seq = 3",
           "UPDATE audit_events SET seq = 3 WHERE seq = 4",
           "UPDATE audit_events SET seq = 4 WHERE seq = -3")
    result = clinic(populated, "audit", "verify")
    assert result.returncode == 1
    assert "FAILED at sequence 3" in result.stderr


def test_tail_cut_after_checkpoint_is_detected(populated, tmp_path):
    head = tmp_path / "head.json"
    made = clinic(populated, "audit", "checkpoint", str(head))
    assert made.returncode == 0, made.stderr
    assert json.loads(head.read_text())["count"] == 6
    assert clinic(populated, "audit", "verify", "--head", str(head)).returncode == 0
    tamper(populated, "DELETE FROM audit_events WHERE seq >= 5")
    assert clinic(populated, "audit", "verify").returncode == 0  # the rest still chains
    result = clinic(populated, "audit", "verify", "--head", str(head))
    assert result.returncode == 1
    assert "FAILED at sequence 5: log cut short" in result.stderr


def test_forged_checkpoint_is_refused(populated, tmp_path):
    head = tmp_path / "head.json"
    assert clinic(populated, "audit", "checkpoint", str(head)).returncode == 0
    data = json.loads(head.read_text())
    data["count"] = 2
    head.write_text(json.dumps(data))
    result = clinic(populated, "audit", "verify", "--head", str(head))
    assert result.returncode == 2
    assert "signature does not match" in result.stderr


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_refuses_update_and_delete_of_events(populated):
    engine = make_engine(populated["CLINIC_DATABASE_URL"])
    for statement in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events",
                      "TRUNCATE audit_events"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    engine.dispose()
