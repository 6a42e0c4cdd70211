"""The case recognizer: every known identifier of the case's subjects and related people."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.known import KnownMatcher
from redaction.recognizers.base import result

KNOWN_PREFIX = "KNOWN_"


class CaseRecognizer(EntityRecognizer):
    """Reports KNOWN_<CATEGORY> results with the owner's index in the metadata."""

    def __init__(self, matcher: KnownMatcher) -> None:
        categories = ["PERSON", "PHONE", "EMAIL", "HANDLE", "URL", "ADDRESS", "DOB", "SSN",
                      "ACCOUNT", "ID", "LOCATION"]
        super().__init__(supported_entities=[KNOWN_PREFIX + c for c in categories],
                         name="CaseRecognizer")
        self.matcher = matcher

    def load(self) -> None:  # noqa: D102 - the matcher is built by the session
        pass

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Known identifiers, scored 1.0."""
        return [
            result(KNOWN_PREFIX + h.category, h.start, h.end, 1.0, self, f"case:{h.kind}",
                   owner=h.owner, weak=h.weak)
            for h in self.matcher.find(text)
        ]
