"""The `clinic` console command: a Flask click group for running and operating the system."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import Config, ConfigError
from crypto import CryptoError, KeyringError
from intake import audit, cases, keys, migrate, users
from intake.extensions import Services
from intake.models import ROLES, Matter, User
from intake.records import Vault

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "demo_matter.json"


class CliError(click.ClickException):
    """A command failed for a reason the operator can fix: one line, exit 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _create_app() -> Flask:
    from intake import create_app

    try:
        return create_app(Config.from_env())
    except (ConfigError, KeyringError) as exc:
        raise CliError(str(exc)) from exc


def _services() -> Services:
    svc: Services = current_app.extensions["clinic"]
    return svc


@contextmanager
def _transaction() -> Iterator[tuple[Session, Services]]:
    """A session that commits when the block succeeds and rolls back otherwise."""
    svc = _services()
    session = svc.sessions()
    try:
        yield session, svc
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


class ClinicGroup(FlaskGroup):
    """The `clinic` group: known operator errors become one line and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ConfigError, CryptoError) as exc:
            raise CliError(str(exc)) from exc


@click.group(cls=ClinicGroup, create_app=_create_app, add_default_commands=False,
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

    app = _create_app()
    click.echo(f"Serving on http://{host}:{port}", err=True)
    serve(app, host=host, port=port, threads=threads, ident="clinic")


@main.command("worker")
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run an export worker on the Redis queue (CLINIC_REDIS_URL); start as many as needed."""
    from intake.jobs import run_rq_worker
    from redaction.engine import RedactionEngine

    svc = _services()
    if not svc.config.redis_url:
        raise CliError("CLINIC_REDIS_URL is not set; without Redis the web app runs jobs itself")
    run_rq_worker(svc, RedactionEngine(svc.config.spacy_model), burst=burst)


@main.group("db")
def db_group() -> None:
    """Database migrations."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Migrate the database to the newest schema."""
    migrate.upgrade(_services().engine, revision)
    click.echo(f"database at {revision}")


@db_group.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION (use with care)."""
    migrate.downgrade(_services().engine, revision)
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
@with_appcontext
def create_user_command(email: str, role: str) -> None:
    """Create a staff account; the password is read from standard input when not a terminal."""
    password = _read_password("Password")
    with _transaction() as (session, _svc):
        try:
            user = users.create_user(session, email, role, password)
        except users.UserError as exc:
            raise CliError(str(exc)) from exc
        audit.record(session, actor=audit.cli_actor(), action="user.create",
                     object_type="user", object_id=user.id, details={"role": role})
    click.echo(f"created {role} account {user.id}")


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
    with _transaction() as (session, svc):
        matter = _seed(session, svc, context, "matter.import" if source else "demo.seed")
        pseudonyms = [s.pseudonym for s in matter.subjects]
    click.echo(f"matter {matter.id}: {len(pseudonyms)} subjects ({', '.join(pseudonyms)})")


@main.command("bootstrap")
@with_appcontext
def bootstrap() -> None:
    """First-run setup: migrate, load the demo matter once, create the admin account once."""
    svc = _services()
    migrate.upgrade(svc.engine)
    with _transaction() as (session, svc):
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


@main.group("keys")
def keys_group() -> None:
    """Key-encryption keys and data keys."""


@keys_group.command("status")
@with_appcontext
def keys_status() -> None:
    """Show key versions, the primary and how many data keys each wraps."""
    svc = _services()
    with svc.sessions() as session:
        counts = keys.status(session, svc.keyring)
    for version, count in counts.items():
        mark = " (primary)" if version == svc.keyring.primary_version else ""
        if version not in svc.keyring.versions:
            mark = " (MISSING from keyring)"
        click.echo(f"key v{version}{mark}: {count} data keys")


@keys_group.command("rotate")
@with_appcontext
def keys_rotate() -> None:
    """Add a new primary key and re-wrap every data key (resumes an interrupted rotation)."""
    svc = _services()
    save = keys.keyring_saver(svc.config.keyring_file)
    with svc.sessions() as session:
        def progress(done: int) -> None:
            click.echo(f"re-wrapped {done} data keys", err=True)

        keyring, done, resumed = keys.rotate(session, svc.keyring, save, progress)
        audit.record(session, actor=audit.cli_actor(), action="keys.rotate",
                     object_type="keyring", object_id=f"v{keyring.primary_version}",
                     details={"rewrapped": done, "resumed": resumed})
        session.commit()
    verb = "resumed rotation to" if resumed else "rotated to"
    click.echo(f"{verb} key v{keyring.primary_version}; re-wrapped {done} data keys")


@keys_group.command("retire")
@click.argument("version", type=int)
@with_appcontext
def keys_retire(version: int) -> None:
    """Remove key VERSION from the keyring; refused while any data key depends on it."""
    svc = _services()
    save = keys.keyring_saver(svc.config.keyring_file)
    with svc.sessions() as session:
        keyring = keys.retire(session, svc.keyring, version)
        save(keyring)
        audit.record(session, actor=audit.cli_actor(), action="keys.retire",
                     object_type="keyring", object_id=f"v{version}")
        session.commit()
    click.echo(f"retired key v{version}")


@keys_group.command("verify")
@with_appcontext
def keys_verify() -> None:
    """Unwrap every data key and decrypt every encrypted field; non-zero exit on any failure."""
    svc = _services()
    with svc.sessions() as session:
        report = keys.verify(session, svc.keyring)
    click.echo(f"data keys: {report.data_keys_ok} ok, {report.data_keys_destroyed} destroyed")
    click.echo(f"fields: {report.fields_ok} ok, {report.fields_shredded} shredded, "
               f"{len(report.failures)} failed")
    for failure in report.failures[:20]:
        click.echo(f"FAILED {failure}", err=True)
    if report.failures:
        raise SystemExit(1)


@main.group("subjects")
def subjects_group() -> None:
    """Survivor records."""


@subjects_group.command("delete")
@click.argument("subject_id")
@click.option("--yes", is_flag=True, help="Confirm: the survivor's data cannot be recovered.")
@with_appcontext
def subjects_delete(subject_id: str, yes: bool) -> None:
    """Crypto-shred a survivor (refused while the matter is on legal hold)."""
    from intake import lifecycle
    from intake.models import Subject

    if not yes:
        raise CliError("deleting destroys the survivor's data key for good; add --yes")
    with _transaction() as (session, svc):
        subject = session.get(Subject, subject_id)
        if subject is None or subject.deleted_at is not None:
            raise CliError(f"no survivor record {subject_id}")
        try:
            done = lifecycle.delete_subject(session, Vault(session, svc.keyring), subject,
                                            actor=audit.cli_actor(),
                                            blob_dir=svc.config.blob_dir)
        except lifecycle.LegalHoldError as exc:
            raise CliError(str(exc)) from exc
        pseudonym = subject.pseudonym
    click.echo(f"deleted {pseudonym} ({done.subject_id}); the pseudonym stays reserved")


@main.group("matters")
def matters_group() -> None:
    """Matters: legal holds and closing."""


def _matter(session: Session, matter_id: str) -> Matter:
    matter = session.get(Matter, matter_id)
    if matter is None:
        raise CliError(f"no matter {matter_id}")
    return matter


@matters_group.command("hold")
@click.argument("matter_id")
@click.option("--release", is_flag=True, help="Lift the hold instead.")
@with_appcontext
def matters_hold(matter_id: str, release: bool) -> None:
    """Put a matter on legal hold (nothing in it can be deleted), or lift the hold."""
    from intake import lifecycle

    with _transaction() as (session, _svc):
        lifecycle.set_legal_hold(session, _matter(session, matter_id), not release,
                                 actor=audit.cli_actor())
    click.echo(f"matter {matter_id} {'released from' if release else 'on'} legal hold")


@matters_group.command("close")
@click.argument("matter_id")
@with_appcontext
def matters_close(matter_id: str) -> None:
    """Close a matter; its retention period starts now."""
    from intake import lifecycle

    with _transaction() as (session, _svc):
        lifecycle.close_matter(session, _matter(session, matter_id), actor=audit.cli_actor())
    click.echo(f"matter {matter_id} closed")


@main.group("retention")
def retention_group() -> None:
    """Per-matter retention."""


@retention_group.command("run")
@click.option("--dry-run", is_flag=True, help="List what would be purged; change nothing.")
@with_appcontext
def retention_run(dry_run: bool) -> None:
    """Purge closed matters past their retention period (never those on legal hold)."""
    from intake import lifecycle

    with _transaction() as (session, svc):
        due = lifecycle.due_for_retention(session)
        for matter in due:
            if dry_run:
                click.echo(f"would purge matter {matter.id}")
                continue
            count = lifecycle.purge_matter(session, Vault(session, svc.keyring), matter,
                                           actor=audit.cli_actor(), blob_dir=svc.config.blob_dir)
            click.echo(f"purged matter {matter.id}: {count} survivors")
        if dry_run:
            session.rollback()
    click.echo(f"{len(due)} matters due for retention")


@main.group("audit")
def audit_group() -> None:
    """The tamper-evident audit log."""


def _audit_key() -> bytes:
    from intake.audit_verify import CheckpointError, read_key

    try:
        return read_key(_services().config.audit_key_file)
    except CheckpointError as exc:
        raise CliError(str(exc)) from exc


@audit_group.command("verify")
@click.option("--head", "head_file", type=click.Path(path_type=Path),
              help="A checkpoint file from `clinic audit checkpoint`; detects truncation.")
@with_appcontext
def audit_verify(head_file: Path | None) -> None:
    """Recompute the whole chain; exit 1 naming the first bad sequence number."""
    from intake.audit_verify import CheckpointError, read_checkpoint, verify, verify_against_head

    engine = _services().engine
    if head_file is not None:
        try:
            count, head_hash = read_checkpoint(head_file, _audit_key())
        except CheckpointError as exc:
            raise CliError(str(exc)) from exc
        result = verify_against_head(engine, count, head_hash)
    else:
        result = verify(engine)
    if not result.ok:
        click.echo(f"audit log FAILED at sequence {result.first_bad_seq}: {result.problem}",
                   err=True)
        raise SystemExit(1)
    when = result.last_time.isoformat() if result.last_time else "-"
    click.echo(f"audit log verified: {result.count} events, through {result.count} at {when}")


@audit_group.command("checkpoint")
@click.argument("path", type=click.Path(path_type=Path))
@with_appcontext
def audit_checkpoint(path: Path) -> None:
    """Verify the log and write its signed head (count and hash) to PATH."""
    from intake.audit_verify import verify, write_checkpoint

    key = _audit_key()
    with _transaction() as (session, _svc):
        audit.record(session, actor=audit.cli_actor(), action="audit.checkpoint")
    result = verify(_services().engine)
    if not result.ok:
        click.echo(f"audit log FAILED at sequence {result.first_bad_seq}: {result.problem}",
                   err=True)
        raise SystemExit(1)
    try:
        write_checkpoint(result, key, path)
    except OSError as exc:
        raise CliError(f"cannot write checkpoint: {path}") from exc
    click.echo(f"checkpoint written: {result.count} events, head {result.head_hash[:16]}...")


def _register_redaction() -> None:
    from redaction.cli import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


try:
    _register_redaction()
except ImportError:  # pragma: no cover - redaction package not built yet
    pass
