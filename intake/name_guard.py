"""Is a proposed pseudonym someone's real name? Answered from blind indexes, not plaintext.

Every name and alias of a matter's survivors and related people is indexed in its parts
(each word, every run of neighbouring words, with spaces and joined) under the matter's
scope (`BlindIndexer.index_in`), so the same first name in two matters gives unrelated
digests. A pseudonym is refused when any of its own parts has a digest among them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto import BlindIndexer, name_parts
from intake.models import PSEUDONYM_SCHEMES, BlindIndex, RelatedPerson, Subject
from intake.records import Vault

KIND = "name_part"
# The words of the pseudonym schemes ("Jane Doe 3") are not a giveaway on their own.
SCHEME_WORDS = frozenset(w.lower() for base in PSEUDONYM_SCHEMES.values() for w in base.split())


def digests(indexer: BlindIndexer, matter_id: str, names: Iterable[str]) -> set[str]:
    """The matter-scoped digests of every part of the given names and aliases."""
    found: set[str] = set()
    for name in names:
        for part in name_parts(name):
            digest = indexer.index_in(matter_id, KIND, part)
            if digest:
                found.add(digest)
    return found


def _pseudonym_digests(indexer: BlindIndexer, matter_id: str, pseudonym: str) -> set[str]:
    parts = {p for p in name_parts(pseudonym)
             if not (p in SCHEME_WORDS or p.isdigit())}
    return {d for p in parts if (d := indexer.index_in(matter_id, KIND, p))}


def _add(session: Session, matter_id: str, values: set[str], *, subject_id: str | None,
         related_id: str | None) -> None:
    for digest in values:
        session.add(BlindIndex(matter_id=matter_id, subject_id=subject_id,
                               related_person_id=related_id, kind=KIND, digest=digest))


def backfill(session: Session, vault: Vault, indexer: BlindIndexer, matter_id: str) -> int:
    """Index the name parts of people recorded before name parts were indexed; returns how
    many records were opened (zero once the matter is done)."""
    done_subjects = select(BlindIndex.subject_id).where(
        BlindIndex.matter_id == matter_id, BlindIndex.kind == KIND,
        BlindIndex.subject_id.is_not(None))
    done_related = select(BlindIndex.related_person_id).where(
        BlindIndex.matter_id == matter_id, BlindIndex.kind == KIND,
        BlindIndex.related_person_id.is_not(None))
    subjects = vault.load(select(Subject).where(
        Subject.matter_id == matter_id, Subject.deleted_at.is_(None),
        Subject.id.not_in(done_subjects)))
    related = vault.load(select(RelatedPerson).where(
        RelatedPerson.matter_id == matter_id, RelatedPerson.deleted_at.is_(None),
        RelatedPerson.id.not_in(done_related)))
    for subject in subjects:
        fields = vault.open(subject)
        _add(session, matter_id, digests(indexer, matter_id, fields["names"] + fields["aliases"]),
             subject_id=subject.id, related_id=None)
    for person in related:
        fields = vault.open(person)
        _add(session, matter_id, digests(indexer, matter_id, fields["names"]),
             subject_id=None, related_id=person.id)
    if subjects or related:
        session.flush()
    return len(subjects) + len(related)


def is_a_real_name(session: Session, vault: Vault, indexer: BlindIndexer, matter_id: str,
                   pseudonym: str) -> bool:
    """Whether the pseudonym, or any word or run of words of it, is a name or alias (or part
    of one) of anyone in the matter. The words of the pseudonym schemes and numbers alone
    do not count."""
    wanted = _pseudonym_digests(indexer, matter_id, pseudonym)
    if not wanted:
        return False
    backfill(session, vault, indexer, matter_id)
    hit = session.scalar(select(BlindIndex.id).where(
        BlindIndex.matter_id == matter_id, BlindIndex.kind == KIND,
        BlindIndex.digest.in_(sorted(wanted))).limit(1))
    return hit is not None
