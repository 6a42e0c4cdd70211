"""Operating commands: keys, the audit log, survivor deletion, legal holds and retention."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from crypto import Keyring
from intake import audit, keys
from intake.audit_verify import VerifyResult
from intake.cli_common import CliError, services, transaction
from intake.models import Matter
from intake.records import Vault


@click.group("keys")
def keys_group() -> None:
    """Key-encryption keys and data keys."""


@keys_group.command("status")
@with_appcontext
def keys_status() -> None:
    """Show key versions, the primary and how many data keys each wraps."""
    svc = services()
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
    svc = services()
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
    svc = services()
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
    svc = services()
    with svc.sessions() as session:
        report = keys.verify(session, svc.keyring)
    click.echo(f"data keys: {report.data_keys_ok} ok, {report.data_keys_destroyed} destroyed")
    click.echo(f"fields: {report.fields_ok} ok, {report.fields_shredded} shredded, "
               f"{len(report.failures)} failed")
    for failure in report.failures[:20]:
        click.echo(f"FAILED {failure}", err=True)
    if report.failures:
        raise SystemExit(1)


@click.group("subjects")
def subjects_group() -> None:
    """Survivor records."""


@subjects_group.command("delete")
@click.argument("subject_id")
@click.option("--yes", is_flag=True, help="Confirm: the survivor's data cannot be recovered.")
@with_appcontext
def subjects_delete(subject_id: str, yes: bool) -> None:
    """Crypto-shred a survivor (refused while the matter is on legal hold), then re-key."""
    from intake import lifecycle
    from intake.models import Subject

    if not yes:
        raise CliError("deleting destroys the survivor's data key for good; add --yes")
    svc = services()
    save = keys.keyring_saver(svc.config.keyring_file)
    if svc.config.keyring_file is None:
        raise CliError("deleting needs a keyring file to re-key (CLINIC_KEYRING_FILE)")
    with transaction() as (session, svc):
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
    _rekey(save)


def _rekey(save: Callable[[Keyring], None]) -> None:
    """Re-key after a deletion so that older backups cannot restore the deleted data."""
    svc = services()
    with svc.sessions() as session:
        keyring, count, retired = keys.rekey(session, svc.keyring, save)
        audit.record(session, actor=audit.cli_actor(), action="keys.rekey",
                     object_type="keyring", object_id=f"v{keyring.primary_version}",
                     details={"rewrapped": count, "retired": retired})
        session.commit()
    click.echo(f"re-keyed to key v{keyring.primary_version} ({count} data keys re-wrapped); "
               "backups taken before now cannot be restored with this keyring: "
               "take a new backup (`clinic backup FILE`)")


@click.group("matters")
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

    with transaction() as (session, _svc):
        lifecycle.set_legal_hold(session, _matter(session, matter_id), not release,
                                 actor=audit.cli_actor())
    click.echo(f"matter {matter_id} {'released from' if release else 'on'} legal hold")


@matters_group.command("close")
@click.argument("matter_id")
@with_appcontext
def matters_close(matter_id: str) -> None:
    """Close a matter; its retention period starts now."""
    from intake import lifecycle

    with transaction() as (session, _svc):
        lifecycle.close_matter(session, _matter(session, matter_id), actor=audit.cli_actor())
    click.echo(f"matter {matter_id} closed")


@click.group("retention")
def retention_group() -> None:
    """Per-matter retention."""


@retention_group.command("run")
@click.option("--dry-run", is_flag=True, help="List what would be purged; change nothing.")
@with_appcontext
def retention_run(dry_run: bool) -> None:
    """Purge closed matters past their retention period (never those on legal hold)."""
    from intake import lifecycle

    if not dry_run and services().config.keyring_file is None:
        raise CliError("purging needs a keyring file to re-key (CLINIC_KEYRING_FILE)")

    with transaction() as (session, svc):
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
    if due and not dry_run:
        _rekey(keys.keyring_saver(services().config.keyring_file))


@click.group("audit")
def audit_group() -> None:
    """The tamper-evident audit log."""


def _audit_key() -> bytes:
    from intake.audit_verify import CheckpointError, read_key

    try:
        return read_key(services().config.audit_key_file)
    except CheckpointError as exc:
        raise CliError(str(exc)) from exc


@audit_group.command("verify")
@click.option("--head", "head_file", type=click.Path(path_type=Path),
              help="A checkpoint file from `clinic audit checkpoint`; detects truncation.")
@with_appcontext
def audit_verify(head_file: Path | None) -> None:
    """Recompute the whole chain; exit 1 naming the first bad sequence number."""
    from intake.audit_verify import CheckpointError, read_checkpoint, verify, verify_against_head

    engine = services().engine
    if head_file is not None:
        try:
            count, head_hash = read_checkpoint(head_file, _audit_key())
        except CheckpointError as exc:
            raise CliError(str(exc)) from exc
        result = verify_against_head(engine, count, head_hash)
    else:
        result = verify(engine)
    _fail_if_broken(result)
    when = result.last_time.isoformat() if result.last_time else "-"
    click.echo(f"audit log verified: {result.count} events, through {result.count} at {when}")


def _fail_if_broken(result: VerifyResult) -> None:
    """Exit 1 naming the first bad sequence number when the chain does not verify."""
    if not result.ok:
        click.echo(f"audit log FAILED at sequence {result.first_bad_seq}: {result.problem}",
                   err=True)
        raise SystemExit(1)


@audit_group.command("checkpoint")
@click.argument("path", type=click.Path(path_type=Path))
@with_appcontext
def audit_checkpoint(path: Path) -> None:
    """Verify the log and write its signed head (count and hash) to PATH."""
    from intake.audit_verify import verify, write_checkpoint

    key = _audit_key()
    with transaction() as (session, _svc):
        audit.record(session, actor=audit.cli_actor(), action="audit.checkpoint")
    result = verify(services().engine)
    _fail_if_broken(result)
    try:
        write_checkpoint(result, key, path)
    except OSError as exc:
        raise CliError(f"cannot write checkpoint: {path}") from exc
    click.echo(f"checkpoint written: {result.count} events, head {result.head_hash[:16]}...")


@click.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@with_appcontext
def backup_command(dest: Path) -> None:
    """Write a consistent, still-encrypted snapshot (database and blobs) to DEST."""
    from intake.backup import BackupError, create_backup

    svc = services()
    try:
        manifest = create_backup(svc.engine, svc.config.blob_dir, dest)
    except (BackupError, OSError) as exc:
        raise CliError(str(exc) if isinstance(exc, BackupError) else
                       f"cannot write backup: {dest}") from exc
    with transaction() as (session, _svc):
        audit.record(session, actor=audit.cli_actor(), action="backup.create",
                     details={"audit_events": manifest.audit_count,
                              "members": len(manifest.members)})
    click.echo(f"backup written: {dest} ({len(manifest.members)} members, "
               f"audit through event {manifest.audit_count})")


@click.command("restore")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@with_appcontext
def restore_command(source: Path) -> None:
    """Restore SOURCE into the configured (empty) database, then verify it."""
    from intake.backup import BackupError, restore_backup

    svc = services()
    try:
        manifest = restore_backup(source, svc.engine, svc.config.blob_dir)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    with transaction() as (session, _svc):
        report = keys.verify(session, svc.keyring)
        audit.record(session, actor=audit.cli_actor(), action="backup.restore",
                     outcome="ok" if not report.failures else "failed",
                     details={"audit_events": manifest.audit_count})
    if report.failures:
        raise CliError(f"restored, but {len(report.failures)} fields do not decrypt with this "
                       "keyring")
    click.echo(f"restored and verified: audit chain through event {manifest.audit_count}, "
               f"{report.data_keys_ok} data keys and {report.fields_ok} fields decrypt")


OPS_GROUPS = (backup_command, restore_command, keys_group, subjects_group, matters_group,
              retention_group, audit_group)
