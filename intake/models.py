"""SQLAlchemy 2.0 typed models.

Identifying values never sit in a plain column: each lives in a `*_ct` column, encrypted
with AES-256-GCM under the owner's data key (see `intake.records`). Ids are random UUIDs
chosen before insert, because every ciphertext is bound to its row id.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "attorney", "advocate", "auditor")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
PSEUDONYM_SCHEMES = {"jane": "Jane Doe", "john": "John Doe", "doe": "Doe"}


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def epoch_us(moment: datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_epoch_us(value: int) -> datetime:
    """The aware UTC datetime of a microsecond epoch timestamp."""
    return _EPOCH + timedelta(microseconds=value)


def new_id() -> str:
    """A random row id (UUID4 text)."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, bytes: LargeBinary, dict[str, Any]: JSON}


Uuid = String(36)


class EncryptedRecord:
    """Mixin for models with encrypted fields: `ENCRYPTED` maps field name to its kind.

    Kinds: "text" (one string) and "list" (a list of strings, stored as JSON). The
    ciphertext of field `f` is in column `f_ct`.
    """

    ENCRYPTED: ClassVar[dict[str, str]] = {}
    id: Mapped[str]
    data_key_id: Mapped[str]


class DataKey(Base):
    """A data key, stored only wrapped by a key-encryption key of the keyring."""

    __tablename__ = "data_keys"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    owner_type: Mapped[str] = mapped_column(String(20))  # "subject" | "matter" | "system"
    owner_id: Mapped[str | None] = mapped_column(Uuid, index=True)
    kek_version: Mapped[int] = mapped_column(Integer, index=True)
    wrapped: Mapped[bytes | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    destroyed_at: Mapped[datetime | None]


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # The full name colleagues know them by; "" for accounts made before names were asked.
    display_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret_ct: Mapped[bytes | None]
    mfa_enrolled_at: Mapped[datetime | None]
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    memberships: Mapped[list[MatterMember]] = relationship(back_populates="user")


class Matter(Base):
    __tablename__ = "matters"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    caption: Mapped[str] = mapped_column(String(500))  # pseudonymous by design: "Doe v. X"
    court: Mapped[str] = mapped_column(String(300), default="")
    pseudonym_scheme: Mapped[str] = mapped_column(String(10), default="jane")
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    status: Mapped[str] = mapped_column(String(20), default="open")
    closed_at: Mapped[datetime | None]
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    retention_years: Mapped[int] = mapped_column(Integer, default=7)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Separation of duties: by default the attorney who approves an export did not review it.
    allow_self_approval: Mapped[bool] = mapped_column(Boolean, default=False,
                                                      server_default=false())

    members: Mapped[list[MatterMember]] = relationship(back_populates="matter")
    subjects: Mapped[list[Subject]] = relationship(back_populates="matter")


class MatterMember(Base):
    __tablename__ = "matter_members"
    __table_args__ = (UniqueConstraint("matter_id", "user_id"),)
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    matter: Mapped[Matter] = relationship(back_populates="members")
    user: Mapped[User] = relationship(back_populates="memberships")


class Subject(EncryptedRecord, Base):
    """A survivor: every identifying field encrypted under the survivor's own data key."""

    __tablename__ = "subjects"
    ENCRYPTED: ClassVar[dict[str, str]] = {
        "names": "list",  # the first is the legal name
        "aliases": "list",
        "date_of_birth": "text",  # ISO yyyy-mm-dd
        "phones": "list",
        "emails": "list",
        "addresses": "list",
        "handles": "list",
        "identifiers": "list",
        "narrative": "text",
        "safety_notes": "text",
        "guardian": "text",
    }
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    pseudonym: Mapped[str] = mapped_column(String(60))
    minor: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_to_call: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_to_text: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_to_email: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_to_mail: Mapped[bool] = mapped_column(Boolean, default=False)
    names_ct: Mapped[bytes | None]
    aliases_ct: Mapped[bytes | None]
    date_of_birth_ct: Mapped[bytes | None]
    phones_ct: Mapped[bytes | None]
    emails_ct: Mapped[bytes | None]
    addresses_ct: Mapped[bytes | None]
    handles_ct: Mapped[bytes | None]
    identifiers_ct: Mapped[bytes | None]
    narrative_ct: Mapped[bytes | None]
    safety_notes_ct: Mapped[bytes | None]
    guardian_ct: Mapped[bytes | None]
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]

    matter: Mapped[Matter] = relationship(back_populates="subjects")


class RelatedPerson(EncryptedRecord, Base):
    """Someone whose identity would point to a survivor; shown by label only."""

    __tablename__ = "related_people"
    ENCRYPTED: ClassVar[dict[str, str]] = {
        "names": "list",
        "phones": "list",
        "emails": "list",
        "addresses": "list",
        "relationship": "text",
    }
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    subject_id: Mapped[str | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    label: Mapped[str] = mapped_column(String(80))
    names_ct: Mapped[bytes | None]
    phones_ct: Mapped[bytes | None]
    emails_ct: Mapped[bytes | None]
    addresses_ct: Mapped[bytes | None]
    relationship_ct: Mapped[bytes | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]


class Pseudonym(Base):
    """The registry: a pseudonym is unique within its matter and never reused."""

    __tablename__ = "pseudonyms"
    __table_args__ = (
        UniqueConstraint("matter_id", "pseudonym"),
        UniqueConstraint("matter_id", "number", name="uq_pseudonyms_matter_number"),
    )
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    pseudonym: Mapped[str] = mapped_column(String(60))
    subject_id: Mapped[str | None] = mapped_column(ForeignKey("subjects.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_at: Mapped[datetime | None]  # the subject was deleted; the name stays reserved
    changed_reason: Mapped[str | None] = mapped_column(Text)


class BlindIndex(Base):
    """An HMAC of a normalized identifier, for exact-match look-ups such as conflict checks."""

    __tablename__ = "blind_indexes"
    __table_args__ = (Index("ix_blind_indexes_kind_digest", "kind", "digest"),)
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    subject_id: Mapped[str | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    related_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("related_people.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))


class Consent(EncryptedRecord, Base):
    """Informed, written, time-limited consent to share with one recipient (VAWA)."""

    __tablename__ = "consents"
    ENCRYPTED: ClassVar[dict[str, str]] = {"signer": "text", "guardian": "text", "notes": "text"}
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    subject_id: Mapped[str] = mapped_column(ForeignKey("subjects.id"), index=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    recipient: Mapped[str] = mapped_column(String(300))
    scope: Mapped[str] = mapped_column(String(500), default="")
    signed_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    signer_ct: Mapped[bytes | None]
    guardian_ct: Mapped[bytes | None]
    notes_ct: Mapped[bytes | None]
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))

    @property
    def last_day(self) -> date:
        """The last day the consent is in force (`expires_at` starts the day after)."""
        return (self.expires_at - timedelta(microseconds=1)).date()


class Document(EncryptedRecord, Base):
    """An uploaded file; its bytes are stored encrypted in chunks under the owner's data key."""

    __tablename__ = "documents"
    ENCRYPTED: ClassVar[dict[str, str]] = {"filename": "text"}
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    subject_id: Mapped[str | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    filename_ct: Mapped[bytes | None]
    kind: Mapped[str] = mapped_column(String(10))  # txt | docx | pdf
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    blob_name: Mapped[str] = mapped_column(String(80))
    uploaded_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]


class Export(Base):
    """A redacted version of a document prepared for one recipient under one profile."""

    __tablename__ = "exports"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    profile: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(300))
    consent_id: Mapped[str | None] = mapped_column(ForeignKey("consents.id"))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    leak_check_passed: Mapped[bool | None]
    decisions: Mapped[dict[str, Any] | None]  # reviewer decisions by redaction position
    output_blob_name: Mapped[str | None] = mapped_column(String(80))
    output_sha256: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    reviewed_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[str | None] = mapped_column(Uuid, index=True)
    # What the engine proposed: unit, start, end, category, detector, reason, replacement.
    proposals: Mapped[dict[str, Any] | None]
    # The redaction log of the final output (unit/page, category, detector, reason).
    log: Mapped[dict[str, Any] | None]
    consent_ids: Mapped[dict[str, Any] | None]  # {"ids": [...]} checked at approval
    reference_blob_name: Mapped[str | None] = mapped_column(String(80))
    reviewed_at: Mapped[datetime | None]


class AuditEvent(Base):
    """One entry of the hash-chained audit log. Never holds an identifying value."""

    __tablename__ = "audit_events"
    # Keyset pagination newest-first under each filter stays an index range scan.
    __table_args__ = (
        Index("ix_audit_events_actor_seq", "actor", "seq"),
        Index("ix_audit_events_action_seq", "action", "seq"),
        Index("ix_audit_events_matter_seq", "matter_id", "seq"),
        Index("ix_audit_events_outcome_seq", "outcome", "seq"),
    )
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    # UTC microseconds since the epoch: exact, portable, and cheap to hash when verifying.
    occurred_us: Mapped[int] = mapped_column(BigInteger, index=True)
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(64))
    matter_id: Mapped[str | None] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    request_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[str | None] = mapped_column(Text)  # canonical JSON, exactly as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    @property
    def occurred_at(self) -> datetime:
        """When the event happened, as an aware UTC datetime."""
        return from_epoch_us(self.occurred_us)


class UserSession(Base):
    """A server-side sign-in session; the browser holds only a random token for it.

    `stage` is how far sign-in got: "password" (password accepted, must change it),
    "mfa" (waiting for a TOTP code or enrolment) or "active". Only a hash of the token
    is stored, so a copy of this table cannot be replayed as cookies.
    """

    __tablename__ = "user_sessions"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    stage: Mapped[str] = mapped_column(String(10))
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(20))


class MfaState(Base):
    """Per-user TOTP bookkeeping: the last accepted time-step, so a code works only once."""

    __tablename__ = "mfa_states"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    last_step: Mapped[int] = mapped_column(BigInteger, default=0)


class SubjectRevision(EncryptedRecord, Base):
    """The state of a survivor record before an edit, sealed under the survivor's data key."""

    __tablename__ = "subject_revisions"
    ENCRYPTED: ClassVar[dict[str, str]] = {"snapshot": "text"}
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    subject_id: Mapped[str] = mapped_column(ForeignKey("subjects.id"), index=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    changed_fields: Mapped[dict[str, Any]]  # {"fields": [names of the changed fields]}
    snapshot_ct: Mapped[bytes | None]
    changed_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class FormDraft(EncryptedRecord, Base):
    """What a staff member typed into an intake form and submitted after the idle timeout
    had signed them out: sealed under the matter's data key, bound to that user, kept for
    minutes, and put back in the form once they sign in again."""

    __tablename__ = "form_drafts"
    ENCRYPTED: ClassVar[dict[str, str]] = {"payload": "text"}
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"))
    path: Mapped[str] = mapped_column(String(300))
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    payload_ct: Mapped[bytes | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class PseudonymMap(EncryptedRecord, Base):
    """The placeholders given to people unknown to the case file, one map per matter.

    Sealed under the matter's data key (it holds the names). `version` makes concurrent
    workers retry instead of giving two people the same placeholder.
    """

    __tablename__ = "pseudonym_maps"
    ENCRYPTED: ClassVar[dict[str, str]] = {"state": "text"}
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), unique=True)
    data_key_id: Mapped[str] = mapped_column(ForeignKey("data_keys.id"))
    state_ct: Mapped[bytes | None]
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExportJob(Base):
    """One document of a batch on the job queue; the row outlives any worker."""

    __tablename__ = "export_jobs"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True, default=new_id)
    export_id: Mapped[str] = mapped_column(ForeignKey("exports.id"), index=True)
    batch_id: Mapped[str] = mapped_column(Uuid, index=True)
    matter_id: Mapped[str] = mapped_column(ForeignKey("matters.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(300))  # never document text
    queue_job_id: Mapped[str | None] = mapped_column(String(80))
    worker: Mapped[str | None] = mapped_column(String(80))  # who claimed it, to resume
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
