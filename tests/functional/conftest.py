"""Fixtures for the functional tests: an app per test, its services, and the redaction engine
shared by the export tests. Helpers stay in `web_support`, `export_support` and `cli_support`."""

from __future__ import annotations

import uuid

import pytest

from intake import create_app
from intake.extensions import Services


@pytest.fixture
def app(config, engine, fast_passwords):
    app = create_app(config, TESTING=True, RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")
    yield app
    app.extensions["clinic"].engine.dispose()


@pytest.fixture
def svc(app) -> Services:
    return app.extensions["clinic"]


@pytest.fixture(scope="session")
def shared_engine():
    """One redaction engine for the whole test session (it takes seconds to build)."""
    from redaction.engine import RedactionEngine

    return RedactionEngine()


@pytest.fixture
def engine_app(app, shared_engine):
    app.extensions["clinic.redaction"] = shared_engine
    return app
