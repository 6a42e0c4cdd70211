"""The expensive collaborators, built once per app and kept in `app.extensions`."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config import Config, ConfigError
from crypto import BlindIndexer, Keyring
from intake.db import make_engine, make_session_factory
from intake.records import Vault


@dataclass
class Services:
    """What every request and command shares: database, keyring and blind indexer."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    keyring: Keyring
    indexer: BlindIndexer


def load_keyring(config: Config) -> Keyring:
    """The keyring from CLINIC_KEYRING or the keyring file."""
    if config.keyring_json:
        return Keyring.from_json(config.keyring_json)
    if config.keyring_file is None:
        raise ConfigError("no keyring configured (CLINIC_KEYRING_FILE)")
    return Keyring.load_file(config.keyring_file)


def build_services(config: Config) -> Services:
    """Connect to the database and load the keyring."""
    engine = make_engine(config.database_url)
    keyring = load_keyring(config)
    return Services(config=config, engine=engine, sessions=make_session_factory(engine),
                    keyring=keyring, indexer=BlindIndexer(keyring))


def init_extensions(app: Flask, config: Config) -> None:
    """Attach the services to the app and give each request its own session."""
    services = build_services(config)
    app.extensions["clinic"] = services

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


def services() -> Services:
    """The services of the current app."""
    from flask import current_app

    svc: Services = current_app.extensions["clinic"]
    return svc


def db_session() -> Session:
    """The request's database session (opened on first use)."""
    if "db_session" not in g:
        g.db_session = services().sessions()
    session: Session = g.db_session
    return session


def vault() -> Vault:
    """The request's vault over its session."""
    if "vault" not in g:
        g.vault = Vault(db_session(), services().keyring)
    v: Vault = g.vault
    return v
