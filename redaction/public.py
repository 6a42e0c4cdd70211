"""Public facts a filing must keep readable: the keep list, statutes, rules, courts, dockets."""

from __future__ import annotations

import re

from redaction.context import CaseContext
from redaction.lexicon import STATE_NAMES
from redaction.variants import fold

_PUBLIC_PATTERNS = [
    r"\b\d+\s+U\.?\s?S\.?\s?C\.?\s*(?:A\.?\s*)?§§?\s*\d+[\w().\-]*"
    r"(?:(?:,\s*|\s*,?\s*(?:and|or)\s+)\d+[\w().\-]*)*",
    r"§§?\s*\d+[\w().\-]*(?:(?:,\s*|\s*,?\s*(?:and|or)\s+)\d+[\w().\-]*)*",
    r"\b(?:Fed\.\s*R\.\s*(?:Civ|Crim|App|Evid|Bankr)\.\s*P\.|FRCP|Rule)\s*\d+(?:\.\d+)?"
    r"(?:\([\w.]+\))*",
    r"\b\d+\s+C\.F\.R\.\s*§*\s*[\d.]+",
    r"\b\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}(?:-[A-Z]{2,5})*",
    r"\b(?:United States District Court|U\.S\. District Court|United States Court of Appeals)"
    r"(?:\s+for\s+the\s+[A-Z][a-z]+\s+(?:District|Circuit)(?:\s+of\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?)?",
    r"\b(?:Northern|Southern|Eastern|Western|Middle|Central)\s+District\s+of\s+"
    r"(?:" + STATE_NAMES + r")",
    r"\b[NSEWCM]\.\s?D\.\s?(?:[A-Z][a-z]{1,5}\.?)",
    r"\bSection\s+\d+[\w().]*",
    r"\b(?:Bates\s+(?:No\.?\s*)?)?[A-Z]{2,10}[-_ ]0\d{3,7}\b",  # Bates numbers: STAR-000412
    r"\b(?:Hurricane|Tropical Storm|Typhoon|Cyclone)\s+[A-Z][a-z]+",
]
_STREAM_GAP = (r"(?:\s+|\s*(?:[()\[\]]|\bT[jJdDm*f]\b|\bET\b|\bBT\b|\bTL\b|-?[\d.]+|/\w+)"
               r"(?:\s*(?:[()\[\]]|\bT[jJdDm*f]\b|\bET\b|\bBT\b|\bTL\b|-?[\d.]+|/\w+))*\s*)")
_TITLES = (r"Judge|Justice|Magistrate|Hon|Honorable|Officer|Detective|Det|Sgt|Sergeant|Agent|"
           r"Deputy|Trooper|Lt|Captain|Capt|Chief|Dr|Mr|Mrs|Ms|Professor|Prof|Senator|Rep|"
           r"Counselor|Attorney|AUSA|Commissioner|Sheriff")
_PUBLIC = re.compile("|".join(f"(?:{p})" for p in _PUBLIC_PATTERNS))


class PublicFacts:
    """Finds spans of text that are public and must stay as they are."""

    def __init__(self, context: CaseContext) -> None:
        entries = sorted({k for k in context.keep if k.strip()}, key=len, reverse=True)
        forms = set()
        for k in entries:
            forms.add(r"\s+".join(re.escape(w) for w in k.split()))
            words = k.split()
            if len(words) >= 3 and re.fullmatch(_TITLES, words[0].rstrip("."), re.I):
                forms.add(rf"{re.escape(words[0])}\s+{re.escape(words[-1])}")  # Judge Castillo
            short = re.sub(r",?\s+(?:Inc|LLC|LLP|Corp|Co|Ltd|P\.?C|L\.?P)\.?$", "", k)
            if short != k and len(short) > 3:
                forms.add(r"\s+".join(re.escape(w) for w in short.split()))
        alt = "|".join(sorted(forms, key=len, reverse=True))
        self._keep = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I) if alt else None
        # the same names in an output read as an attacker reads it, where a PDF content stream
        # puts text operators between two words of a line ("Judge)Tj ET BT 54 569 TD (Castillo")
        loose = alt.replace(r"\s+", _STREAM_GAP)
        self._keep_loose = re.compile(rf"(?<!\w)(?:{loose})(?!\w)", re.I) if alt else None
        self.words = {fold(w) for k in entries for w in re.findall(r"[^\W\d_][\w'’\-]*", k)}
        self.names = {fold(k) for k in entries}
        self._last: tuple[str, list[tuple[int, int]]] | None = None
        self._last_spans: tuple[str, list[tuple[int, int]]] | None = None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted (start, end) of every public fact in text (the last text's are remembered)."""
        if self._last_spans is None or self._last_spans[0] is not text:
            out = [m.span() for m in _PUBLIC.finditer(text)] + self.keep_spans(text)
            self._last_spans = (text, sorted(out))
        return self._last_spans[1]

    def keep_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the case's keep list only (the last text's are remembered)."""
        if self._keep is None:
            return []
        if self._last is None or self._last[0] is not text:
            self._last = (text, [m.span() for m in self._keep.finditer(text)])
        return self._last[1]

    def inside_kept_name(self, text: str, start: int, end: int, *, stream: bool = False) -> bool:
        """True when [start, end) lies inside a keep-list name and is shorter than it;
        `stream` also reads names broken by PDF text operators (the leak check's view)."""
        spans = self.keep_spans(text)
        if stream and self._keep_loose is not None:
            spans = spans + [m.span() for m in self._keep_loose.finditer(text)]
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)

    def is_kept_name(self, words: list[str]) -> bool:
        """True when every word of a candidate name belongs to a keep-list entry."""
        folded = [fold(w).strip(".,'’") for w in words]
        folded = [w for w in folded if len(w) > 1]
        return bool(folded) and all(w in self.words for w in folded)
