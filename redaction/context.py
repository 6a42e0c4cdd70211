"""The case context: what the intake record knows about the people a filing must protect."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from redaction.errors import ContextError


@dataclass(frozen=True, slots=True)
class ProtectedPerson:
    """A subject (survivor) or a related person, with every identifier the clinic holds."""

    replacement: str  # the pseudonym of a subject, the label of a related person
    names: tuple[str, ...]
    is_subject: bool
    aliases: tuple[str, ...] = ()
    date_of_birth: date | None = None
    minor: bool = False
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseContext:
    """One matter: its subjects, related people and public names to keep."""

    matter: str
    subjects: tuple[ProtectedPerson, ...]
    related_people: tuple[ProtectedPerson, ...] = ()
    keep: tuple[str, ...] = ()

    @property
    def people(self) -> tuple[ProtectedPerson, ...]:
        """Subjects first, then related people."""
        return self.subjects + self.related_people

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseContext:
        """Build a context from the JSON structure in shared/eval/FORMAT.md."""
        if not isinstance(data, Mapping):
            raise ContextError("case context must be a JSON object")
        subjects_raw = data.get("subjects")
        if not isinstance(subjects_raw, list) or not subjects_raw:
            raise ContextError("case context needs a non-empty 'subjects' list")
        subjects = tuple(
            _person(item, f"subjects[{i}]", is_subject=True) for i, item in enumerate(subjects_raw)
        )
        related_raw = data.get("related_people") or []
        if not isinstance(related_raw, list):
            raise ContextError("'related_people' must be a list")
        related = tuple(
            _person(item, f"related_people[{i}]", is_subject=False)
            for i, item in enumerate(related_raw)
        )
        replacements = [p.replacement for p in subjects + related]
        if len(set(replacements)) != len(replacements):
            raise ContextError("pseudonyms and labels must be unique within a case")
        return cls(
            matter=str(data.get("matter") or ""),
            subjects=subjects,
            related_people=related,
            keep=_strings(data.get("keep"), "keep"),
        )

    @classmethod
    def from_file(cls, path: str | Path) -> CaseContext:
        """Read a context file; any problem becomes a ContextError naming only the path."""
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ContextError(f"context file not readable: {path}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            raise ContextError(f"context file is not valid JSON: {path}") from None
        return cls.from_dict(data)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ContextError(f"'{where}' must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _person(item: Any, where: str, *, is_subject: bool) -> ProtectedPerson:
    if not isinstance(item, Mapping):
        raise ContextError(f"{where} must be an object")
    key = "pseudonym" if is_subject else "label"
    replacement = item.get(key)
    if not isinstance(replacement, str) or not replacement.strip():
        raise ContextError(f"{where} needs a '{key}'")
    names = _strings(item.get("names"), f"{where}.names")
    if not names:
        raise ContextError(f"{where} needs at least one name")
    dob: date | None = None
    if item.get("date_of_birth"):
        try:
            dob = date.fromisoformat(str(item["date_of_birth"]))
        except ValueError:
            raise ContextError(f"{where}.date_of_birth must be YYYY-MM-DD") from None
    return ProtectedPerson(
        replacement=replacement.strip(),
        names=names,
        is_subject=is_subject,
        aliases=_strings(item.get("aliases"), f"{where}.aliases"),
        date_of_birth=dob,
        minor=bool(item.get("minor", False)),
        phones=_strings(item.get("phones"), f"{where}.phones"),
        emails=_strings(item.get("emails"), f"{where}.emails"),
        addresses=_strings(item.get("addresses"), f"{where}.addresses"),
        handles=_strings(item.get("handles"), f"{where}.handles"),
        identifiers=_strings(item.get("identifiers"), f"{where}.identifiers"),
    )
