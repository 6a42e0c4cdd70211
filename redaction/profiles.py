"""Redaction profiles: data files in redaction/profiles/, one per audience."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from redaction.errors import UnknownProfileError

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


@dataclass(frozen=True, slots=True)
class Profile:
    """What one audience may see.

    `third_party_names`: "placeholder" (replace other private persons) or "keep".
    `case_facts`: "redact" or "keep" (rooms, plates, ad listing ids, shelters).
    `partial_identifiers`: FRCP 5.2(a) forms for unknown people (last four, birth year,
    city and state) instead of full removal.
    """

    name: str
    description: str
    keep_images: bool
    third_party_names: str = "placeholder"
    case_facts: str = "redact"
    partial_identifiers: bool = True
    minor_initials: bool = True

    @property
    def redacts_third_parties(self) -> bool:
        """True when private persons unknown to the case file are replaced."""
        return self.third_party_names == "placeholder"

    @property
    def redacts_case_facts(self) -> bool:
        """True when rooms, plates, listing ids and shelters are removed."""
        return self.case_facts == "redact"


def _profile_dir() -> resources.abc.Traversable:
    return resources.files("redaction") / "profiles"


def list_profiles() -> list[Profile]:
    """Every profile shipped with the package, sorted by name."""
    out = []
    for entry in _profile_dir().iterdir():
        if entry.name.endswith(".json"):
            out.append(load_profile(entry.name[: -len(".json")]))
    return sorted(out, key=lambda p: p.name)


def load_profile(name: str) -> Profile:
    """Load a profile by name; raise UnknownProfileError when there is none."""
    if not _NAME.match(name or ""):
        raise UnknownProfileError(f"unknown profile: {name!r}")
    entry = _profile_dir() / f"{name}.json"
    if not entry.is_file():
        raise UnknownProfileError(f"unknown profile: {name!r}")
    data = json.loads(entry.read_text(encoding="utf-8"))
    if data.get("third_party_names") not in ("placeholder", "keep"):
        raise UnknownProfileError(f"profile {name!r} has an invalid third_party_names")
    if data.get("case_facts") not in ("redact", "keep"):
        raise UnknownProfileError(f"profile {name!r} has an invalid case_facts")
    return Profile(
        name=str(data.get("name", name)),
        description=str(data.get("description", "")),
        keep_images=bool(data.get("keep_images", False)),
        third_party_names=data["third_party_names"],
        case_facts=data["case_facts"],
        partial_identifiers=bool(data.get("partial_identifiers", True)),
        minor_initials=bool(data.get("minor_initials", True)),
    )
