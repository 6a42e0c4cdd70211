"""Shared fixtures: a fresh instance folder, and real SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine

from config import Config
from intake.db import make_engine

PG_ADMIN_URL = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def _pg_url(database: str) -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base}/{database}"


@pytest.fixture
def instance_dir(tmp_path: Path) -> Path:
    path = tmp_path / "instance"
    return path


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    name = f"clinic_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(name)
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def env(instance_dir: Path, database_url: str) -> dict[str, str]:
    """Environment variables for a CLI run against this test's instance and database."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
    out.update(CLINIC_INSTANCE_DIR=str(instance_dir), CLINIC_DATABASE_URL=database_url,
               CLINIC_ENV="test")
    return out


@pytest.fixture
def config(env: dict[str, str]) -> Config:
    return Config.from_env(env)


@pytest.fixture
def engine(config: Config) -> Iterator[Engine]:
    """A migrated database engine."""
    from intake import migrate

    eng = make_engine(config.database_url)
    migrate.upgrade(eng)
    yield eng
    eng.dispose()
