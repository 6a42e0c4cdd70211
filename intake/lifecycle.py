"""Deleting survivors (crypto-shredding), legal holds and per-matter retention."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from intake import audit
from intake.blobstore import BlobStore
from intake.cases import CaseError
from intake.models import (
    BlindIndex,
    Consent,
    Document,
    EncryptedRecord,
    Export,
    ExportJob,
    FormDraft,
    Matter,
    Pseudonym,
    RelatedPerson,
    Subject,
    utcnow,
)
from intake.records import Vault


class LegalHoldError(CaseError):
    """The matter is on legal hold: nothing in it may be deleted."""


@dataclass(frozen=True)
class Deletion:
    """What a deletion destroyed (counts and ids only)."""

    subject_id: str
    related_people: int
    consents: int
    documents: int


def delete_subject(session: Session, vault: Vault, subject: Subject, *, actor: str,
                   blob_dir: Path | None = None, request_id: str | None = None) -> Deletion:
    """Crypto-shred a survivor: destroy the data key, clear ciphertexts, drop blind indexes.

    The pseudonym stays reserved in the registry and an audit event records the deletion.
    """
    matter = session.get(Matter, subject.matter_id)
    if matter is not None and matter.legal_hold:
        raise LegalHoldError(f"matter {matter.id} is on legal hold")
    now = utcnow()
    related = list(session.scalars(select(RelatedPerson).where(
        RelatedPerson.subject_id == subject.id)))
    consents = list(session.scalars(select(Consent).where(Consent.subject_id == subject.id)))
    documents = list(session.scalars(select(Document).where(Document.subject_id == subject.id)))
    session.execute(delete(BlindIndex).where(or_(
        BlindIndex.subject_id == subject.id,
        BlindIndex.related_person_id.in_([p.id for p in related]),
    )))
    records: list[EncryptedRecord] = [subject, *related, *consents, *documents]
    for record in records:
        _clear(record)
    subject.deleted_at = now
    for person in related:
        person.deleted_at = now
    for document in documents:
        document.deleted_at = now
    if blob_dir is not None:
        _remove_blobs(session, BlobStore(blob_dir), documents)
    session.execute(update(Pseudonym).where(Pseudonym.subject_id == subject.id)
                    .values(released_at=now))
    vault.shred(subject.data_key_id)
    audit.record(session, actor=actor, action="subject.delete", object_type="subject",
                 object_id=subject.id, matter_id=subject.matter_id, request_id=request_id,
                 details={"related_people": len(related), "consents": len(consents),
                          "documents": len(documents)})
    return Deletion(subject.id, len(related), len(consents), len(documents))


def delete_document(session: Session, document: Document, *, actor: str,
                    request_id: str | None = None) -> list[str]:
    """Remove an uploaded document and withdraw every export made from it.

    Its encrypted file name is cleared and its exports can no longer be reviewed or
    downloaded. Returns the names of the encrypted files to delete once the transaction
    has committed (deleting them first would lose the files if the commit failed).
    """
    matter = session.get(Matter, document.matter_id)
    if matter is not None and matter.legal_hold:
        raise LegalHoldError(f"matter {matter.id} is on legal hold")
    exports = list(session.scalars(select(Export).where(Export.document_id == document.id)))
    running = session.scalar(select(ExportJob.id).where(
        ExportJob.export_id.in_([e.id for e in exports]),
        ExportJob.status.in_(("queued", "running"))).limit(1))
    if running is not None:
        raise CaseError(f"document {document.id} is being exported; wait for the job to end")
    names = _blob_names([document], exports)
    for export in exports:
        export.output_blob_name = export.reference_blob_name = None
        export.status = "withdrawn"
    _clear(document)
    document.deleted_at = utcnow()
    audit.record(session, actor=actor, action="document.delete", object_type="document",
                 object_id=document.id, matter_id=document.matter_id, request_id=request_id,
                 details={"exports_withdrawn": len(exports)})
    return names


def _remove_blobs(session: Session, store: BlobStore, documents: list[Document]) -> None:
    """Delete the encrypted files of documents and of every export made from them."""
    if not documents:
        return
    exports = session.scalars(select(Export).where(
        Export.document_id.in_([d.id for d in documents])))
    for name in _blob_names(documents, exports):
        store.delete(name)


def _blob_names(documents: Iterable[Document], exports: Iterable[Export]) -> list[str]:
    """The encrypted files of documents and of the exports made from them."""
    names = [d.blob_name for d in documents]
    for export in exports:
        names += [n for n in (export.output_blob_name, export.reference_blob_name) if n]
    return names


def _clear(record: EncryptedRecord) -> None:
    for name in record.ENCRYPTED:
        setattr(record, f"{name}_ct", None)


def set_legal_hold(session: Session, matter: Matter, on: bool, *, actor: str) -> None:
    """Put a matter on legal hold, or lift the hold."""
    matter.legal_hold = on
    audit.record(session, actor=actor, action="matter.hold" if on else "matter.release",
                 object_type="matter", object_id=matter.id, matter_id=matter.id)


def close_matter(session: Session, matter: Matter, *, actor: str,
                 when: datetime | None = None) -> None:
    """Close a matter; its retention period starts now (or at `when`)."""
    matter.status = "closed"
    matter.closed_at = when or utcnow()
    audit.record(session, actor=actor, action="matter.close", object_type="matter",
                 object_id=matter.id, matter_id=matter.id)


def due_for_retention(session: Session, now: datetime | None = None) -> list[Matter]:
    """Closed matters past their retention period and not on hold."""
    now = now or utcnow()
    closed = session.scalars(select(Matter).where(
        Matter.status == "closed", Matter.legal_hold.is_(False), Matter.closed_at.is_not(None)))
    return [m for m in closed
            if m.closed_at is not None
            and m.closed_at + timedelta(days=365 * m.retention_years) <= now]


def purge_matter(session: Session, vault: Vault, matter: Matter, *, actor: str,
                 blob_dir: Path | None = None) -> int:
    """Delete every survivor of a matter and shred the matter's own key; returns the count."""
    if matter.legal_hold:
        raise LegalHoldError(f"matter {matter.id} is on legal hold")
    subjects = list(session.scalars(select(Subject).where(
        Subject.matter_id == matter.id, Subject.deleted_at.is_(None))))
    for subject in subjects:
        delete_subject(session, vault, subject, actor=actor, blob_dir=blob_dir)
    leftovers = list(session.scalars(select(RelatedPerson).where(
        RelatedPerson.matter_id == matter.id, RelatedPerson.deleted_at.is_(None))))
    documents = list(session.scalars(select(Document).where(
        Document.matter_id == matter.id, Document.deleted_at.is_(None))))
    session.execute(delete(BlindIndex).where(BlindIndex.matter_id == matter.id))
    session.execute(delete(FormDraft).where(FormDraft.matter_id == matter.id))
    for person in leftovers:
        _clear(person)
        person.deleted_at = utcnow()
    for document in documents:
        _clear(document)
        document.deleted_at = utcnow()
    if blob_dir is not None:
        _remove_blobs(session, BlobStore(blob_dir), documents)
    vault.shred(matter.data_key_id)
    matter.status = "purged"
    audit.record(session, actor=actor, action="matter.purge", object_type="matter",
                 object_id=matter.id, matter_id=matter.id, details={"subjects": len(subjects)})
    return len(subjects)
