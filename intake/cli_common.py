"""What the `clinic` commands share: the error type, the app's services, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from flask import Flask, current_app
from sqlalchemy.orm import Session

from config import Config, ConfigError
from crypto import KeyringError
from intake.extensions import Services


class CliError(click.ClickException):
    """A command failed for a reason the operator can fix: one line, exit 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def create_cli_app() -> Flask:
    from intake import create_app

    try:
        return create_app(Config.from_env())
    except (ConfigError, KeyringError) as exc:
        raise CliError(str(exc)) from exc


def services() -> Services:
    svc: Services = current_app.extensions["clinic"]
    return svc


@contextmanager
def transaction() -> Iterator[tuple[Session, Services]]:
    """A session that commits when the block succeeds and rolls back otherwise."""
    svc = services()
    session = svc.sessions()
    try:
        yield session, svc
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


