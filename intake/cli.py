"""The `clinic` console command: a Flask click group for running and operating the system."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import ConfigError
from crypto import CryptoError
from intake import audit, auth, cases, migrate, users
from intake.cli_common import CliError, create_cli_app, services, transaction
from intake.cli_ops import OPS_GROUPS
from intake.extensions import Services
from intake.models import ROLES, Matter, User
from intake.records import Vault
from redaction.cli import COMMANDS

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "demo_matter.json"


class ClinicGroup(FlaskGroup):
    """The `clinic` group: known operator errors become one line and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ConfigError, CryptoError) as exc:
            raise CliError(str(exc)) from exc


@click.group(cls=ClinicGroup, create_app=create_cli_app, add_default_commands=False,
             load_dotenv=False, set_debug_flag=False)
def main() -> None:
    """Case intake and anonymization for legal clinics."""


@main.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
def run_command(host: str, port: int, threads: int) -> None:
    """Serve the web app with the waitress production server."""
    from waitress import serve

    app = create_cli_app()
    click.echo(f"Serving on http://{host}:{port}", err=True)
    serve(app, host=host, port=port, threads=threads, ident="clinic")


@main.command("worker")
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run an export worker on the Redis queue (CLINIC_REDIS_URL); start as many as needed."""
    from intake.jobs import run_rq_worker
    from redaction.engine import RedactionEngine, default_processes

    svc = services()
    if not svc.config.redis_url:
        raise CliError("CLINIC_REDIS_URL is not set; without Redis the web app runs jobs itself")
    try:
        processes = default_processes()
    except ValueError as exc:
        raise CliError(str(exc)) from None
    # a worker serves one job at a time, so its model may use the machine's second core
    run_rq_worker(svc, RedactionEngine(svc.config.spacy_model, processes=processes),
                  burst=burst)


@main.group("db")
def db_group() -> None:
    """Database migrations."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Migrate the database to the newest schema."""
    migrate.upgrade(services().engine, revision)
    click.echo(f"database at {revision}")


@db_group.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION (use with care)."""
    migrate.downgrade(services().engine, revision)
    click.echo(f"database at {revision}")


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return str(click.prompt(prompt, hide_input=True, confirmation_prompt=True))
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CliError("no password on standard input")
    return line


@main.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--name", "display_name", default=None,
              help="The full name colleagues know them by (without it, they are shown by email).")
@with_appcontext
def create_user_command(email: str, role: str, display_name: str | None) -> None:
    """Create a staff account; the password is read from standard input when not a terminal."""
    password = _read_password("Password")
    with transaction() as (session, _svc):
        try:
            user = users.create_user(session, email, role, password, display_name=display_name)
        except users.UserError as exc:
            raise CliError(str(exc)) from exc
        audit.record(session, actor=audit.cli_actor(), action="user.create",
                     object_type="user", object_id=user.id, details={"role": role})
    click.echo(f"created {role} account {user.id}")


@main.command("unlock-user")
@click.argument("email")
@with_appcontext
def unlock_user_command(email: str) -> None:
    """End the lockout of an account after failed sign-ins (recorded in the audit log)."""
    with transaction() as (session, _svc):
        user = session.scalar(select(User).where(User.email == email.strip().lower()))
        if user is None:
            raise CliError("no account with that email")
        if not auth.unlock(user):
            raise CliError(f"account {user.id} is not locked")
        audit.record(session, actor=audit.cli_actor(), action="user.unlock",
                     object_type="user", object_id=user.id)
    click.echo(f"unlocked account {user.id}")


def _seed(session: Session, svc: Services, context: dict[str, Any], action: str) -> Matter:
    vault = Vault(session, svc.keyring)
    try:
        matter = cases.import_case_context(session, vault, svc.indexer, context)
    except cases.CaseError as exc:
        raise CliError(str(exc)) from exc
    audit.record(session, actor=audit.cli_actor(), action=action, object_type="matter",
                 object_id=matter.id, matter_id=matter.id,
                 details={"subjects": len(context.get("subjects") or []),
                          "related_people": len(context.get("related_people") or [])})
    return matter


def _load_context(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CliError(f"case file not readable: {path}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(f"case file is not valid JSON: {path}") from exc
    if not isinstance(data, dict):
        raise CliError(f"case file is not a JSON object: {path}")
    return data


@main.command("seed-demo")
@click.option("--from", "source", type=click.Path(path_type=Path),
              help="A case-context JSON file (see FORMAT.md) to import as a new matter.")
@with_appcontext
def seed_demo(source: Path | None) -> None:
    """Load the fictional demo matter, or import a matter from a case-context file."""
    context = _load_context(source or DEMO_FILE)
    with transaction() as (session, svc):
        matter = _seed(session, svc, context, "matter.import" if source else "demo.seed")
        pseudonyms = [s.pseudonym for s in matter.subjects]
    click.echo(f"matter {matter.id}: {len(pseudonyms)} subjects ({', '.join(pseudonyms)})")


@main.command("bootstrap")
@with_appcontext
def bootstrap() -> None:
    """First-run setup: migrate, load the demo matter once, create the admin account once."""
    svc = services()
    migrate.upgrade(svc.engine)
    with transaction() as (session, svc):
        if not session.scalar(select(func.count()).select_from(Matter)):
            matter = _seed(session, svc, _load_context(DEMO_FILE), "demo.seed")
            click.echo(f"loaded the fictional demo matter {matter.id}")
        if not session.scalar(select(func.count()).select_from(User)):
            password = users.generate_password()
            admin = users.create_user(session, "admin@clinic.local", "admin", password,
                                      must_change_password=True)
            audit.record(session, actor=audit.cli_actor(), action="user.create",
                         object_type="user", object_id=admin.id, details={"role": "admin"})
            click.echo("\nAdmin account: admin@clinic.local")
            click.echo(f"One-time password (shown only now): {password}\n")


for _group in OPS_GROUPS:
    main.add_command(_group)
for _command in COMMANDS:  # redact, redact-eval, profiles: no app or database needed
    main.add_command(_command)
