"""Export-wide replacement state: consistent placeholders and the sealed reference list."""

from __future__ import annotations

import re

from redaction.variants import fold

CATEGORY_PLACEHOLDERS = {
    "PHONE": "[PHONE]", "EMAIL": "[EMAIL]", "HANDLE": "[HANDLE]", "URL": "[URL]",
    "SSN": "[SSN]", "CARD": "[CARD]", "ACCOUNT": "[ACCOUNT]", "ID": "[ID]",
    "IP": "[IP ADDRESS]", "ADDRESS": "[ADDRESS]", "DOB": "[DOB]", "VEHICLE": "[PLATE]",
    "ROOM": "[ROOM]", "LISTING": "[AD ID]", "LOCATION": "[LOCATION]", "PERSON": "[PERSON]",
    "SCHOOL": "[SCHOOL]", "CODE": "[CODE]",
}
PLACEHOLDER_RE = re.compile(r"\[[A-Z][A-Za-z ]*(?: \d+)?\]")


def placeholder(category: str) -> str:
    """The category placeholder, e.g. [PHONE]."""
    return CATEGORY_PLACEHOLDERS.get(category, f"[{category}]")


class PersonPlaceholders:
    """Gives each private person one placeholder for a whole export.

    "Marcus Pettaway", "Mr. Pettaway" and "PETTAWAY" share a placeholder: a single word joins
    the one earlier full name it belongs to.
    """

    def __init__(self, template: str) -> None:
        self._template = template
        self._by_name: dict[tuple[str, ...], str] = {}
        self._by_word: dict[str, set[str]] = {}
        self._count = 0

    def label(self, words: list[str]) -> str:
        """The placeholder for the person named by words (honorifics already removed)."""
        key = tuple(w for w in (fold(x).strip(".,'’") for x in words) if len(w) > 1)
        if not key:
            key = tuple(fold(w) for w in words)
        if key in self._by_name:
            return self._by_name[key]
        owners: set[str] = set()
        for w in key:
            owners |= self._by_word.get(w, set())
        if len(owners) == 1:
            label = next(iter(owners))
        else:
            self._count += 1
            label = self._template.format(n=self._count)
        self._by_name[key] = label
        for w in key:
            self._by_word.setdefault(w, set()).add(label)
        return label


class ReferenceList:
    """What each pseudonym and placeholder replaced (FRCP 5.2(g)); written only on request."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, object]] = {}

    def record(self, replacement: str, category: str, original: str) -> None:
        """Remember that replacement stood for original."""
        entry = self._entries.setdefault(
            replacement, {"replacement": replacement, "category": category, "replaced": []}
        )
        replaced = entry["replaced"]
        assert isinstance(replaced, list)
        norm = re.sub(r"\s+", " ", original).strip()
        if norm not in replaced:
            replaced.append(norm)

    def entries(self) -> list[dict[str, object]]:
        """The list, sorted by replacement."""
        return [dict(v) for _k, v in sorted(self._entries.items())]
