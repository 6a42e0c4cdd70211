"""A small deterministic stand-in for the engine: it replaces a fixed list of strings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.types import Leak, RedactedText, Redaction


def _pattern(value: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in value.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


class DictRedactor:
    """Replaces each known string (longest first) with its pseudonym; finds leftovers."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = sorted(known.items(), key=lambda kv: -len(kv[0]))
        self.calls: list[list[str]] = []

    def redact_many(self, texts: Sequence[str]) -> list[RedactedText]:
        self.calls.append(list(texts))
        return [self._redact(t) for t in texts]

    def _redact(self, text: str) -> RedactedText:
        spans: list[Redaction] = []
        taken: list[tuple[int, int]] = []
        for value, replacement in self.known:
            for m in _pattern(value).finditer(text):
                if any(m.start() < e and m.end() > s for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                spans.append(Redaction(m.start(), m.end(), "PERSON", replacement, "test", 1.0))
        spans.sort(key=lambda r: r.start)
        out, cursor = [], 0
        for r in spans:
            out.append(text[cursor:r.start])
            out.append(r.replacement)
            cursor = r.end
        out.append(text[cursor:])
        return RedactedText("".join(out), tuple(spans))

    def leaks(self, text: str) -> list[Leak]:
        found = []
        for value, replacement in self.known:
            for m in _pattern(value).finditer(text):
                found.append(Leak("PERSON", m.start(), m.end(), replacement))
        return found
