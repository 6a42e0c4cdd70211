"""Presidio's own default detectors, run under our categories so we never find less than it.

Each detector of Presidio's default English registry whose entity a profile covers runs
unchanged; its results are renamed to our categories (US_BANK_NUMBER -> ACCOUNT, ...) and
tagged `presidio:<Recognizer>` so a report says who found what. Detectors we replace with
better ones of our own (phone numbers, persons, email addresses: measured equal on the
external set and several times faster) or whose entity we do not redact (dates in
general, URLs of public pages, UUIDs) are not in the table.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    IbanRecognizer,
    IpRecognizer,
    MacAddressRecognizer,
    MedicalLicenseRecognizer,
    NhsRecognizer,
    UsBankRecognizer,
    UsItinRecognizer,
    UsLicenseRecognizer,
    UsPassportRecognizer,
    UsSsnRecognizer,
)

from redaction.recognizers.base import result

# Presidio recognizer class -> our category
DEFAULT_DETECTORS: dict[type[EntityRecognizer], str] = {
    CreditCardRecognizer: "CARD",
    UsBankRecognizer: "ACCOUNT",
    IbanRecognizer: "ACCOUNT",
    CryptoRecognizer: "ACCOUNT",
    UsLicenseRecognizer: "ID",
    UsPassportRecognizer: "ID",
    MedicalLicenseRecognizer: "ID",
    NhsRecognizer: "ID",
    MacAddressRecognizer: "ID",
    UsItinRecognizer: "SSN",
    UsSsnRecognizer: "SSN",
    IpRecognizer: "IP",
}


class PresidioDetector(EntityRecognizer):
    """One of Presidio's default recognizers, reporting under one of our categories."""

    def __init__(self, inner: EntityRecognizer, category: str) -> None:
        super().__init__(supported_entities=[category],
                         name=f"Presidio{type(inner).__name__}")
        self.inner = inner
        self.category = category
        self.detector = f"presidio:{type(inner).__name__}"

    def load(self) -> None:  # noqa: D102 - the inner recognizer loads itself
        pass

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """The inner recognizer's results, renamed."""
        found = self.inner.analyze(text, self.inner.supported_entities,
                                   nlp_artifacts)  # type: ignore[arg-type]
        out = []
        for r in found or ():
            if r.end <= r.start or not self._long_enough(text[r.start:r.end]):
                continue
            span = self._whole(text, r.start, r.end)
            if span is not None:
                out.append(result(self.category, *span, float(r.score), self, self.detector))
        return out

    def _whole(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A licence shape that is part of a longer number joined by hyphens is that number:
        all of "2022-O41187" goes; None when the number is a public one's after its label
        ("Program Number: P-3-O2217", "case KCSO 25-017733")."""
        if self.category != "ID":
            return start, end
        head = re.search(r"(?<![\w\-])(?=[\w\-]*\d)[\w\-]+-$", text[max(0, start - 16):start])
        tail = re.match(r"-\d[\w\-]*", text[end:end + 16])
        if head is None and tail is None:
            return start, end
        s = start - len(head.group(0)) if head else start
        e = end + len(tail.group(0)) if tail else end
        if _PUBLIC_NUMBER_LABEL.search(text, max(0, s - 24), s):
            return None
        return s, e


    def _long_enough(self, span: str) -> bool:
        """Presidio's weakest licence and account shapes match "A13" or "V2" (a phone model,
        a vehicle in a report): an identifier here has at least four digits."""
        if self.category not in ("ID", "ACCOUNT"):
            return True
        return sum(c.isdigit() for c in span) >= 4


# the labels of numbers that name a public record, not a person: a court's or a sheriff's case,
# a programme's or a form's approval
_PUBLIC_NUMBER_LABEL = re.compile(
    r"(?i)\b(?:case|docket|program|programme|approval|complaint|omb|form|cause|oca)\b"
    r"[\w .:#]{0,12}$")


# the flags Presidio's own registry gives its pattern recognizers (RecognizerRegistry default)
PRESIDIO_REGEX_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE


def presidio_detectors() -> list[PresidioDetector]:
    """Each default detector built as Presidio's registry builds it: English, the registry's
    regex flags (loading the whole registry only to pick these out costs seconds)."""
    out = []
    for cls, category in DEFAULT_DETECTORS.items():
        inner = cls(supported_language="en")  # type: ignore[call-arg]
        if isinstance(inner, PatternRecognizer):
            inner.global_regex_flags = PRESIDIO_REGEX_FLAGS
        out.append(PresidioDetector(inner, category))
    return out
