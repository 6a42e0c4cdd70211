"""Alembic migrations: head matches the models, and downgrade/upgrade round-trips."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from intake import migrate
from intake.models import Base, utcnow


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_empty_database_upgraded_to_head_matches_models(engine):
    assert _diff(engine) == []


def test_downgrade_then_upgrade_round_trips(engine):
    before = sorted(inspect(engine).get_table_names())
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert sorted(inspect(engine).get_table_names()) == before
    assert _diff(engine) == []


def test_accounts_made_before_0006_get_an_empty_name(engine):
    migrate.downgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (id, email, role, password_hash, failed_logins, disabled, "
            "must_change_password, created_at) VALUES ('u-1', 'old@clinic.test', 'advocate', "
            "'x', 0, :no, :no, :now)"), {"no": False, "now": utcnow()})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT display_name FROM users")).scalar_one() == ""
    migrate.downgrade(engine, "0005")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT email FROM users")).scalar_one() == "old@clinic.test"
