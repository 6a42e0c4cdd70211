"""Shared fixtures: a fresh instance folder, real SQLite and PostgreSQL databases, cheaper
password hashing, and an app whose jobs go through RQ on a real Redis (the functional and the
fault tests use these; the web fixtures are in tests/functional/conftest.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher
from redis import Redis
from sqlalchemy import Engine

from config import Config
from intake import create_app, users
from intake.db import make_engine

PG_ADMIN_URL = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CLINIC_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
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


@pytest.fixture
def fast_passwords(monkeypatch):
    """Cheaper argon2id for the functional tests (the real parameters are tested on their own)."""
    monkeypatch.setattr(users, "PASSWORDS",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def queue_name(monkeypatch):
    name = f"clinic-test-{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("CLINIC_JOB_QUEUE", name)
    yield name
    redis = Redis.from_url(REDIS_URL)
    for key in redis.scan_iter(f"rq:*{name}*"):
        redis.delete(key)


@pytest.fixture
def rq_app(env, engine, fast_passwords, queue_name):
    env = dict(env, CLINIC_REDIS_URL=REDIS_URL, CLINIC_JOB_QUEUE=queue_name)
    app = create_app(Config.from_env(env), TESTING=True,
                     RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")
    yield app, env
    app.extensions["clinic"].engine.dispose()
