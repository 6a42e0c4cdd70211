"""The expensive collaborators, built once per app and kept in `app.extensions`."""

from __future__ import annotations

import os
from dataclasses import dataclass

from flask import Flask, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config import Config, ConfigError
from crypto import BlindIndexer, Keyring
from intake.db import make_engine, make_session_factory
from intake.records import Vault


class KeyringSource:
    """The keyring in force: re-read when its file changes (a rotation or a re-key by the
    `clinic` command while workers run), so no worker keeps a retired key."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._stamp: tuple[int, int] | None = None
        self._keyring = self._load()

    def _file_stamp(self) -> tuple[int, int] | None:
        path = self._config.keyring_file
        if path is None:
            return None
        info = os.stat(path)
        return info.st_mtime_ns, info.st_ino

    def _load(self) -> Keyring:
        self._stamp = self._file_stamp() if self._config.keyring_file else None
        return load_keyring(self._config)

    def current(self) -> Keyring:
        """The keyring, reloaded if its file was replaced since the last look."""
        if self._config.keyring_file is not None and self._file_stamp() != self._stamp:
            self._keyring = self._load()
        return self._keyring


@dataclass
class Services:
    """What every request and command shares: database, keyring and blind indexer."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    keyring_source: KeyringSource
    indexer: BlindIndexer

    @property
    def keyring(self) -> Keyring:
        """The keyring in force now."""
        return self.keyring_source.current()


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
    source = KeyringSource(config)
    return Services(config=config, engine=engine, sessions=make_session_factory(engine),
                    keyring_source=source, indexer=BlindIndexer(source.current()))


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
