"""Alembic migrations: head matches the models, and downgrade/upgrade round-trips."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from intake import migrate
from intake.models import Base


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
