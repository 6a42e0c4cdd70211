"""Matters, survivors and related people: intake, the pseudonym registry and case contexts.

Services take a SQLAlchemy session and a `Vault`; they flush but never commit (the caller
owns the transaction boundary) and raise named errors that carry ids, not values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crypto import BlindIndexer
from intake import name_guard
from intake.models import (
    PSEUDONYM_SCHEMES,
    BlindIndex,
    Matter,
    Pseudonym,
    RelatedPerson,
    Subject,
    new_id,
)
from intake.records import Vault


class CaseError(Exception):
    """Base for intake errors; messages carry ids and field names only."""


class PseudonymTakenError(CaseError):
    """The pseudonym is already registered in this matter (it is never reused)."""


class PseudonymIsANameError(CaseError):
    """The pseudonym is, or holds, a name or alias of someone in the matter."""


PSEUDONYM_IS_A_NAME = ("it matches a name or alias, or part of one, of someone in this "
                       "matter; choose a pseudonym that is not a real name")


class InvalidIntakeError(CaseError):
    """An intake value is malformed; the message names the field."""


@dataclass(frozen=True)
class SubjectInput:
    """What intake knows about one survivor (every value identifying)."""

    names: Sequence[str]
    aliases: Sequence[str] = ()
    date_of_birth: str | None = None
    minor: bool | None = None
    phones: Sequence[str] = ()
    emails: Sequence[str] = ()
    addresses: Sequence[str] = ()
    handles: Sequence[str] = ()
    identifiers: Sequence[str] = ()
    narrative: str | None = None
    safety_notes: str | None = None
    guardian: str | None = None
    safe_to: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RelatedInput:
    """A person whose identity would point to a survivor."""

    names: Sequence[str]
    label: str | None = None
    phones: Sequence[str] = ()
    emails: Sequence[str] = ()
    addresses: Sequence[str] = ()
    relationship: str | None = None


def is_minor(date_of_birth: str | None, today: date | None = None) -> bool | None:
    """Whether someone born on an ISO date is under 18 today; None when the date is unknown."""
    if not date_of_birth:
        return None
    try:
        born = date.fromisoformat(date_of_birth)
    except ValueError as exc:
        raise InvalidIntakeError("date_of_birth must be YYYY-MM-DD") from exc
    today = today or date.today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age < 18


def create_matter(
    session: Session, vault: Vault, *, caption: str, court: str = "", scheme: str = "jane"
) -> Matter:
    """Open a matter with its own data key."""
    if scheme not in PSEUDONYM_SCHEMES:
        raise InvalidIntakeError("pseudonym_scheme is not one of jane, john, doe")
    matter = Matter(id=new_id(), caption=caption.strip(), court=court.strip(),
                    pseudonym_scheme=scheme)
    matter.data_key_id = vault.create_data_key("matter", matter.id)
    session.add(matter)
    session.flush()
    return matter


def next_pseudonym(session: Session, matter: Matter, wanted: str | None = None) -> tuple[int, str]:
    """The next free number and pseudonym of the matter's scheme (or `wanted`, if free)."""
    # Two intakes in one matter at once must not pick the same number: lock the matter row
    # until the transaction ends (SQLite transactions already hold the write lock).
    session.execute(select(Matter.id).where(Matter.id == matter.id).with_for_update())
    taken = set(session.scalars(select(Pseudonym.pseudonym).where(
        Pseudonym.matter_id == matter.id)))
    last = session.scalar(select(func.max(Pseudonym.number)).where(
        Pseudonym.matter_id == matter.id)) or 0
    number = last + 1
    if wanted:
        if wanted in taken:
            raise PseudonymTakenError(f"pseudonym already registered in matter {matter.id}")
        return number, wanted
    base = PSEUDONYM_SCHEMES[matter.pseudonym_scheme]
    while f"{base} {number}" in taken:
        number += 1
    return number, f"{base} {number}"


def add_subject(
    session: Session,
    vault: Vault,
    indexer: BlindIndexer,
    matter: Matter,
    data: SubjectInput,
    *,
    pseudonym: str | None = None,
    created_by: str | None = None,
) -> Subject:
    """Take a survivor in: encrypt every identifying field, assign a pseudonym, index."""
    names = [n.strip() for n in data.names if n.strip()]
    if not names:
        raise InvalidIntakeError("names: at least one name is required")
    minor = data.minor if data.minor is not None else bool(is_minor(data.date_of_birth))
    if data.date_of_birth:
        is_minor(data.date_of_birth)  # validates the format
    subject = Subject(
        id=new_id(), matter_id=matter.id, minor=minor, created_by=created_by,
        safe_to_call="call" in data.safe_to, safe_to_text="text" in data.safe_to,
        safe_to_email="email" in data.safe_to, safe_to_mail="mail" in data.safe_to,
    )
    subject.data_key_id = vault.create_data_key("subject", subject.id)
    number, subject.pseudonym = next_pseudonym(session, matter, pseudonym)
    vault.seal(
        subject,
        names=names,
        aliases=_clean(data.aliases),
        date_of_birth=data.date_of_birth or None,
        phones=_clean(data.phones),
        emails=_clean(data.emails),
        addresses=_clean(data.addresses),
        handles=_clean(data.handles),
        identifiers=_clean(data.identifiers),
        narrative=data.narrative,
        safety_notes=data.safety_notes,
        guardian=data.guardian,
    )
    session.add(subject)
    session.flush()
    session.add(Pseudonym(matter_id=matter.id, number=number, pseudonym=subject.pseudonym,
                          subject_id=subject.id))
    index_person(session, indexer, matter.id, subject_id=subject.id, related_id=None,
                 names=names, aliases=_clean(data.aliases), dob=data.date_of_birth,
                 phones=data.phones, emails=data.emails, handles=data.handles,
                 identifiers=data.identifiers)
    if pseudonym and name_guard.is_a_real_name(session, vault, indexer, matter.id, pseudonym):
        raise PseudonymIsANameError(f"pseudonym of subject {subject.id}: {PSEUDONYM_IS_A_NAME}")
    return subject


def add_related_person(
    session: Session,
    vault: Vault,
    indexer: BlindIndexer,
    matter: Matter,
    data: RelatedInput,
    *,
    subject: Subject | None = None,
) -> RelatedPerson:
    """Record a related person under the survivor's data key (or the matter's)."""
    names = [n.strip() for n in data.names if n.strip()]
    if not names:
        raise InvalidIntakeError("names: at least one name is required")
    person = RelatedPerson(
        id=new_id(), matter_id=matter.id, subject_id=subject.id if subject else None,
        data_key_id=subject.data_key_id if subject else matter.data_key_id,
    )
    person.label = data.label or _next_label(session, matter.id)
    vault.seal(person, names=names, phones=_clean(data.phones), emails=_clean(data.emails),
               addresses=_clean(data.addresses), relationship=data.relationship)
    session.add(person)
    session.flush()
    index_person(session, indexer, matter.id, subject_id=None, related_id=person.id,
                 names=names, phones=data.phones, emails=data.emails)
    return person


def import_case_context(
    session: Session, vault: Vault, indexer: BlindIndexer, context: dict[str, Any],
    *, court: str = "",
) -> Matter:
    """Create a matter with the subjects and related people of a case-context file."""
    if not isinstance(context, dict) or not isinstance(context.get("subjects"), list):
        raise InvalidIntakeError("case context needs a 'subjects' list")
    caption = str(context.get("matter") or "Imported matter")
    matter = create_matter(session, vault, caption=caption, court=court)
    first: Subject | None = None
    for i, raw in enumerate(context["subjects"]):
        if not isinstance(raw, dict):
            raise InvalidIntakeError(f"subjects[{i}] is not an object")
        subject = add_subject(session, vault, indexer, matter, SubjectInput(
            names=_strs(raw, "names", i), aliases=_strs(raw, "aliases", i),
            date_of_birth=raw.get("date_of_birth") or None, minor=raw.get("minor"),
            phones=_strs(raw, "phones", i), emails=_strs(raw, "emails", i),
            addresses=_strs(raw, "addresses", i), handles=_strs(raw, "handles", i),
            identifiers=_strs(raw, "identifiers", i),
        ), pseudonym=raw.get("pseudonym") or None)
        first = first or subject
    for i, raw in enumerate(context.get("related_people") or []):
        if not isinstance(raw, dict):
            raise InvalidIntakeError(f"related_people[{i}] is not an object")
        add_related_person(session, vault, indexer, matter, RelatedInput(
            names=_strs(raw, "names", i), label=raw.get("label") or None,
            phones=_strs(raw, "phones", i), emails=_strs(raw, "emails", i),
            addresses=_strs(raw, "addresses", i),
        ), subject=first if len(context["subjects"]) == 1 else None)
    return matter


def case_context(session: Session, vault: Vault, matter: Matter,
                 keep: Iterable[str] = ()) -> dict[str, Any]:
    """Build the redaction engine's case context (FORMAT.md) from decrypted records."""
    subjects = []
    for subject in vault.load(select(Subject).where(
            Subject.matter_id == matter.id, Subject.deleted_at.is_(None))):
        fields = vault.open(subject)
        subjects.append({
            "pseudonym": subject.pseudonym, "names": fields["names"],
            "aliases": fields["aliases"], "date_of_birth": fields["date_of_birth"],
            "minor": subject.minor, "phones": fields["phones"], "emails": fields["emails"],
            "addresses": fields["addresses"], "handles": fields["handles"],
            "identifiers": fields["identifiers"],
        })
    related = []
    for person in vault.load(select(RelatedPerson).where(
            RelatedPerson.matter_id == matter.id, RelatedPerson.deleted_at.is_(None))):
        fields = vault.open(person)
        related.append({"label": person.label, "names": fields["names"],
                        "phones": fields["phones"], "emails": fields["emails"],
                        "addresses": fields["addresses"]})
    return {"matter": matter.caption, "subjects": subjects, "related_people": related,
            "keep": list(keep)}


def _clean(values: Iterable[str]) -> list[str]:
    return [v.strip() for v in values if v and v.strip()]


def _strs(raw: dict[str, Any], key: str, i: int) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidIntakeError(f"[{i}].{key} must be a list of strings")
    return value


def _next_label(session: Session, matter_id: str) -> str:
    count = session.scalar(select(func.count()).select_from(RelatedPerson).where(
        RelatedPerson.matter_id == matter_id)) or 0
    return f"Related Person {count + 1}"


def index_person(session: Session, indexer: BlindIndexer, matter_id: str, *,
                 subject_id: str | None, related_id: str | None, names: Iterable[str],
                 aliases: Iterable[str] = (), dob: str | None = None,
                 phones: Iterable[str] = (), emails: Iterable[str] = (),
                 handles: Iterable[str] = (), identifiers: Iterable[str] = ()) -> None:
    """Write blind-index rows: whole names and the rest for conflict checks (a conflict on
    name and birth date matches both on one person), and the matter-scoped parts of every
    name and alias, so that no pseudonym can be someone's name."""
    names = list(names)
    entries: list[tuple[str, str | None]] = [("name", indexer.index("name", n)) for n in names]
    entries += [(name_guard.KIND, d)
                for d in name_guard.digests(indexer, matter_id, [*names, *aliases])]
    if dob:
        entries.append(("dob", indexer.index("dob", dob)))
    entries += [("phone", indexer.index("phone", p)) for p in phones]
    entries += [("email", indexer.index("email", e)) for e in emails]
    entries += [("handle", indexer.index("handle", h)) for h in handles]
    entries += [("identifier", indexer.index("identifier", x)) for x in identifiers]
    seen: set[tuple[str, str]] = set()
    for kind, digest in entries:
        if digest and (kind, digest) not in seen:
            seen.add((kind, digest))
            session.add(BlindIndex(matter_id=matter_id, subject_id=subject_id,
                                   related_person_id=related_id, kind=kind, digest=digest))
