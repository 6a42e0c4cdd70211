"""Verifying the chain in parallel ranges finds the same first bad event as one pass."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from intake import audit
from intake.audit_verify import verify
from intake.db import make_session_factory


@pytest.fixture
def log(engine):
    with make_session_factory(engine)() as session:
        for i in range(60):
            audit.record(session, actor=f"user:{i % 3}", action="subject.view",
                         object_type="subject", object_id=f"s{i}",
                         details={"n": i} if i % 2 else None)
        session.commit()
    return engine


def _tamper(engine, statement):
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        conn.execute(text(statement))


def _both(engine):
    one = verify(engine, workers=1)
    many = verify(engine, workers=3, parallel_from=10)
    return one, many


def test_parallel_and_single_pass_agree_on_an_intact_log(log):
    one, many = _both(log)
    assert one.ok and many.ok
    assert (one.count, one.head_hash) == (many.count, many.head_hash) == (60, one.head_hash)


@pytest.mark.parametrize("seq", [1, 20, 21, 40, 60])
def test_parallel_names_the_edited_event(log, seq):
    _tamper(log, f"UPDATE audit_events SET object_id = 'x' WHERE seq = {seq}")
    one, many = _both(log)
    assert one.first_bad_seq == many.first_bad_seq == seq


def test_relinked_boundary_is_caught(log):
    # rewrite event 21 to claim a different predecessor: its own hash no longer matches
    _tamper(log, "UPDATE audit_events SET prev_hash = "
                 "(SELECT hash FROM audit_events WHERE seq = 5) WHERE seq = 21")
    one, many = _both(log)
    assert one.first_bad_seq == many.first_bad_seq == 21


def test_deleted_event_is_named_either_way(log):
    _tamper(log, "DELETE FROM audit_events WHERE seq = 33")
    one, many = _both(log)
    assert one.first_bad_seq == many.first_bad_seq == 33
    assert many.problem == "missing event"
