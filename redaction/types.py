"""Value types shared by the redaction engine, the file formats and the CLI.

None of these carries original identifying text except `RedactedText.text`, which is the
*redacted* output. Reports built from them hold positions, categories and replacements.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Redaction:
    """One replaced span of the input text (positions are in the input)."""

    start: int
    end: int
    category: str  # PERSON, PHONE, EMAIL, ADDRESS, DOB, ID, HANDLE, URL, LOCATION, VEHICLE ...
    replacement: str
    detector: str  # which recognizer found it, e.g. "case:subject_name", "ner", "pattern:phone"
    score: float
    reason: str = ""  # short human reason, e.g. "known name of Jane Doe 1", "FRCP 5.2(a)(2)"


@dataclass(frozen=True, slots=True)
class RedactedText:
    """The redacted version of one text and what was done to it."""

    text: str
    redactions: tuple[Redaction, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Leak:
    """A known identifier still present in an output (never the value itself)."""

    category: str
    start: int
    end: int
    owner: str  # the pseudonym or label whose identifier leaked, e.g. "Jane Doe 1"
