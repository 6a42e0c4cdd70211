"""Key management: status, rotation of key-encryption keys, retirement and verification."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crypto import CryptoError, FieldCipher, Keyring, KeyringError, unwrap_key, wrap_key
from intake.models import Consent, DataKey, Document, EncryptedRecord, RelatedPerson, Subject

ENCRYPTED_MODELS: tuple[type[EncryptedRecord], ...] = (Subject, RelatedPerson, Consent, Document)
REWRAP_BATCH = 500


class KeyInUseError(KeyringError):
    """A key version still wraps live data keys, or is the primary."""


@dataclass
class VerifyReport:
    """What `keys verify` found; failures name ids, never values."""

    data_keys_ok: int = 0
    data_keys_destroyed: int = 0
    fields_ok: int = 0
    fields_shredded: int = 0
    failures: list[str] = field(default_factory=list)


def status(session: Session, keyring: Keyring) -> dict[int, int]:
    """How many live data keys each key version wraps (every keyring version listed)."""
    counts: Counter[int] = Counter({v: 0 for v in keyring.versions})
    rows = session.execute(
        select(DataKey.kek_version, func.count())
        .where(DataKey.wrapped.is_not(None))
        .group_by(DataKey.kek_version)
    )
    for version, count in rows:
        counts[version] += count
    return dict(sorted(counts.items()))


def rotate(
    session: Session,
    keyring: Keyring,
    save: Callable[[Keyring], None],
    progress: Callable[[int], None] | None = None,
) -> tuple[Keyring, int, bool]:
    """Add a new primary key and re-wrap every data key under it, in committed batches.

    When an earlier rotation was interrupted (live data keys wrapped under an older
    version remain), no new key is added: the re-wrap resumes. Returns the keyring in
    force, how many data keys were re-wrapped and whether this call resumed.
    """
    stale = _stale_count(session, keyring.primary_version)
    resumed = stale > 0
    if not resumed:
        keyring = keyring.with_new_primary()
        save(keyring)  # the new key is safe on disk before anything depends on it
    done = 0
    while True:
        batch = list(session.scalars(
            select(DataKey)
            .where(DataKey.wrapped.is_not(None), DataKey.kek_version != keyring.primary_version)
            .order_by(DataKey.id)
            .limit(REWRAP_BATCH)
        ))
        if not batch:
            break
        for data_key in batch:
            assert data_key.wrapped is not None
            key = unwrap_key(keyring, data_key.kek_version, data_key.wrapped, data_key.id)
            data_key.kek_version, data_key.wrapped = wrap_key(keyring, key, data_key.id)
        session.commit()
        done += len(batch)
        if progress:
            progress(done)
    return keyring, done, resumed


def rekey(
    session: Session,
    keyring: Keyring,
    save: Callable[[Keyring], None],
    progress: Callable[[int], None] | None = None,
) -> tuple[Keyring, int, list[int]]:
    """After a deletion: a fresh primary key, every live data key re-wrapped under it, and
    every older key-encryption key destroyed.

    Backups hold data keys wrapped under the old keys, so once those keys are gone a backup
    taken before the deletion cannot bring the deleted survivor back (nor anything else:
    take a new backup afterwards). Returns the keyring, re-wrapped count, retired versions.
    """
    resumed = True
    done = 0
    while resumed:  # finish an interrupted rotation first, then always add a fresh key
        keyring, count, resumed = rotate(session, keyring, save, progress)
        done += count
    retired = [v for v in keyring.versions if v != keyring.primary_version]
    for version in retired:
        keyring = retire(session, keyring, version)
    save(keyring)
    return keyring, done, retired


def retire(session: Session, keyring: Keyring, version: int) -> Keyring:
    """The keyring without `version`; refused while any live data key depends on it."""
    if version == keyring.primary_version:
        raise KeyInUseError(f"key version {version} is the primary; rotate first")
    in_use = session.scalar(select(func.count()).select_from(DataKey).where(
        DataKey.wrapped.is_not(None), DataKey.kek_version == version)) or 0
    if in_use:
        raise KeyInUseError(
            f"key version {version} still wraps {in_use} data keys; run `clinic keys rotate`"
        )
    return keyring.without_version(version)


def verify(session: Session, keyring: Keyring) -> VerifyReport:
    """Unwrap every data key and decrypt every encrypted field."""
    report = VerifyReport()
    ciphers: dict[str, FieldCipher | None] = {}
    for data_key in session.scalars(select(DataKey).order_by(DataKey.id)):
        if data_key.wrapped is None:
            report.data_keys_destroyed += 1
            ciphers[data_key.id] = None
            continue
        try:
            key = unwrap_key(keyring, data_key.kek_version, data_key.wrapped, data_key.id)
        except CryptoError as exc:
            report.failures.append(f"data key {data_key.id}: {exc}")
            continue
        ciphers[data_key.id] = FieldCipher(key, data_key.id)
        report.data_keys_ok += 1
    for model in ENCRYPTED_MODELS:
        table: str = model.__tablename__  # type: ignore[attr-defined]
        for record in session.scalars(select(model)):
            cipher = ciphers.get(record.data_key_id, "missing")
            for name in record.ENCRYPTED:
                column = f"{name}_ct"
                blob = getattr(record, column)
                if blob is None:
                    continue
                if cipher is None:
                    report.fields_shredded += 1
                elif isinstance(cipher, FieldCipher):
                    try:
                        cipher.decrypt(table, column, record.id, blob)
                        report.fields_ok += 1
                    except CryptoError as exc:
                        report.failures.append(f"{table} {record.id} {column}: {exc}")
                else:
                    report.failures.append(
                        f"{table} {record.id} {column}: data key {record.data_key_id} unusable"
                    )
    return report


def keyring_saver(path: Path | None) -> Callable[[Keyring], None]:
    """A function that writes the keyring file, or refuses for an environment keyring."""

    def save(keyring: Keyring) -> None:
        if path is None:
            raise KeyringError(
                "the keyring comes from CLINIC_KEYRING; rotate with a keyring file instead"
            )
        keyring.save_file(path)

    return save


def _stale_count(session: Session, primary: int) -> int:
    return session.scalar(select(func.count()).select_from(DataKey).where(
        DataKey.wrapped.is_not(None), DataKey.kek_version != primary)) or 0
