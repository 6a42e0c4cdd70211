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
        for whole in _readings(key):  # "Kaske1a" is the Kaskela already named
            if whole in self._by_name:
                return self._by_name[whole]
        per_word = [set().union(*(self._by_word.get(f, set()) for f in _word_readings(w)))
                    for w in key]
        owners: set[str] = set().union(*per_word)
        if len(owners) > 1:  # "ALVARADO Rosibel": the one whose words all are
            owners = set.intersection(*[p for p in per_word if p])
        if len(key) >= 2 and not any(f in self._by_word for f in _word_readings(key[0])):
            owners = set()  # "Nahún Alvarado" after "Rosibel Alvarado Gómez": a surname shared,
            # a new given name: another of the family, not her
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


_OCR_DIGIT = re.compile(r"(?<=[^\W\d_])[01|](?=[^\W\d_])|^[01|](?=[^\W\d_])|(?<=[^\W\d_])[01|]$")


def _word_readings(word: str) -> list[str]:
    """A name word and, where OCR put a digit for a letter, its readings: "kaske1a" is
    "kaskela", "dest1ny" is "destiny" (0 for o, 1 for l or i)."""
    if not _OCR_DIGIT.search(word):
        return [word]
    return [word] + [_read_digits(word, one) for one in ("l", "i")]


def _read_digits(word: str, one: str) -> str:
    """word with OCR's 0 read as o and its 1 (or |) as `one`."""
    return _OCR_DIGIT.sub(lambda m: "o" if m.group(0) == "0" else one, word)


def _readings(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The key and the readings of its words as a whole name (the same reading for each)."""
    if not any(_OCR_DIGIT.search(w) for w in key):
        return [key]
    return [key] + [tuple(_word_readings(w)[i] if _OCR_DIGIT.search(w) else w for w in key)
                    for i in (1, 2)]
