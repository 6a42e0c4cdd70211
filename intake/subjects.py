"""Survivor records after intake: edits with history, pseudonym changes, conflict checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crypto import BlindIndexer
from intake import cases, name_guard
from intake.models import (
    BlindIndex,
    Matter,
    Pseudonym,
    Subject,
    SubjectRevision,
    new_id,
    utcnow,
)
from intake.records import Vault

SAFETY_FLAGS = ("call", "text", "email", "mail")
IDENTIFYING_FIELDS = ("names", "aliases", "date_of_birth", "phones", "emails", "addresses",
                      "handles", "identifiers", "narrative", "safety_notes", "guardian")
_PSEUDONYM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .'-]{1,59}$")
MIN_REASON = 10


class PseudonymChangeError(cases.CaseError):
    """A pseudonym change was refused; the message names the field."""


@dataclass
class Conflict:
    """Another matter holds someone who may be the same person (ids only)."""

    matter_id: str
    subject_id: str | None
    related_person_id: str | None
    kinds: set[str] = field(default_factory=set)


def safe_to(subject: Subject) -> frozenset[str]:
    """The ways the survivor said it is safe to contact them."""
    return frozenset(f for f in SAFETY_FLAGS if getattr(subject, f"safe_to_{f}"))


def derive_minor(date_of_birth: str | None, stated: bool | None) -> bool:
    """Minor status from the date of birth; the stated status only when the date is unknown."""
    derived = cases.is_minor(date_of_birth)
    return bool(stated) if derived is None else derived


def _values(data: cases.SubjectInput) -> dict[str, object]:
    def clean(values: Iterable[str]) -> list[str]:
        return [v.strip() for v in values if v and v.strip()]

    return {"names": clean(data.names), "aliases": clean(data.aliases),
            "date_of_birth": data.date_of_birth or None, "phones": clean(data.phones),
            "emails": clean(data.emails), "addresses": clean(data.addresses),
            "handles": clean(data.handles), "identifiers": clean(data.identifiers),
            "narrative": data.narrative or None, "safety_notes": data.safety_notes or None,
            "guardian": data.guardian or None}


def edit_subject(session: Session, vault: Vault, indexer: BlindIndexer, subject: Subject,
                 data: cases.SubjectInput, *, changed_by: str | None) -> list[str]:
    """Apply an edit, keeping the previous state as a sealed revision; returns changed fields."""
    after = _values(data)
    if not after["names"]:
        raise cases.InvalidIntakeError("names: at least one name is required")
    minor = derive_minor(data.date_of_birth, data.minor)
    before = vault.open(subject)
    changed = [name for name in IDENTIFYING_FIELDS if (before[name] or None) != after[name]]
    if safe_to(subject) != data.safe_to:
        changed.append("safe_to")
    if subject.minor != minor:
        changed.append("minor")
    if not changed:
        return []
    revision = SubjectRevision(id=new_id(), subject_id=subject.id,
                               data_key_id=subject.data_key_id,
                               changed_fields={"fields": changed}, changed_by=changed_by)
    snapshot = dict(before, safe_to=sorted(safe_to(subject)), minor=subject.minor)
    vault.seal(revision, snapshot=json.dumps(snapshot, ensure_ascii=False))
    session.add(revision)
    vault.seal(subject, **after)
    subject.minor = minor
    for flag in SAFETY_FLAGS:
        setattr(subject, f"safe_to_{flag}", flag in data.safe_to)
    subject.updated_at = utcnow()
    session.flush()
    session.execute(delete(BlindIndex).where(BlindIndex.subject_id == subject.id))
    cases.index_person(session, indexer, subject.matter_id, subject_id=subject.id,
                       related_id=None, names=after["names"],  # type: ignore[arg-type]
                       aliases=after["aliases"],  # type: ignore[arg-type]
                       dob=data.date_of_birth, phones=data.phones, emails=data.emails,
                       handles=data.handles, identifiers=data.identifiers)
    session.flush()
    return changed


def revisions(session: Session, subject: Subject) -> list[SubjectRevision]:
    """The edit history of a survivor record, newest first."""
    return list(session.scalars(select(SubjectRevision).where(
        SubjectRevision.subject_id == subject.id).order_by(SubjectRevision.changed_at.desc())))


@dataclass(frozen=True)
class PseudonymChange:
    """Registry rows of a pseudonym change (ids only: what an audit event may hold)."""

    released: list[str]
    registered: str


def change_pseudonym(session: Session, vault: Vault, indexer: BlindIndexer, matter: Matter,
                     subject: Subject, wanted: str, reason: str) -> PseudonymChange:
    """Give a survivor a new pseudonym; the old one stays reserved for good. A wanted
    pseudonym that is a name or alias (or part of one) of anyone in the matter is refused
    with cases.PseudonymIsANameError."""
    reason = reason.strip()
    wanted = " ".join(wanted.split())
    if len(reason) < MIN_REASON:
        raise PseudonymChangeError(f"reason: give a reason of at least {MIN_REASON} characters")
    if wanted and not _PSEUDONYM.match(wanted):
        raise PseudonymChangeError("pseudonym: letters, digits, spaces, . ' - only (2-60)")
    if wanted and name_guard.is_a_real_name(session, vault, indexer, matter.id, wanted):
        raise cases.PseudonymIsANameError(f"pseudonym: {cases.PSEUDONYM_IS_A_NAME}")
    number, new = cases.next_pseudonym(session, matter, wanted or None)
    now = utcnow()
    released = []
    for row in session.scalars(select(Pseudonym).where(
            Pseudonym.subject_id == subject.id, Pseudonym.released_at.is_(None))):
        row.released_at = now
        released.append(row.id)
    registered = Pseudonym(id=new_id(), matter_id=matter.id, number=number, pseudonym=new,
                           subject_id=subject.id, changed_reason=reason)
    session.add(registered)
    subject.pseudonym = new
    session.flush()
    return PseudonymChange(released=released, registered=registered.id)


def find_conflicts(session: Session, indexer: BlindIndexer, matter_id: str, *,
                   names: Iterable[str], date_of_birth: str | None, phones: Iterable[str],
                   emails: Iterable[str]) -> list[Conflict]:
    """People in other matters with the same name and birth date, phone, or email."""
    wanted: dict[str, set[str]] = {"name": set(), "dob": set(), "phone": set(), "email": set()}
    for kind, values in (("name", names), ("phone", phones), ("email", emails),
                         ("dob", [date_of_birth] if date_of_birth else [])):
        for value in values:
            digest = indexer.index(kind, value) if value and value.strip() else None
            if digest:
                wanted[kind].add(digest)
    digests = set().union(*wanted.values())
    if not digests:
        return []
    found: dict[tuple[str, str | None, str | None], set[str]] = {}
    for row in session.scalars(select(BlindIndex).where(
            BlindIndex.matter_id != matter_id, BlindIndex.digest.in_(sorted(digests)))):
        if row.digest in wanted.get(row.kind, set()):
            key = (row.matter_id, row.subject_id, row.related_person_id)
            found.setdefault(key, set()).add(row.kind)
    conflicts = []
    for (matter, subject_id, related_id), kinds in found.items():
        strong = {"phone", "email"} & kinds or {"name", "dob"} <= kinds
        if strong:
            conflicts.append(Conflict(matter, subject_id, related_id, kinds))
    return conflicts
