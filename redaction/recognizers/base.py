"""A small regex recognizer in the style of Presidio's, with compiled, case-aware patterns."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.variants import ocr_digits


def result(entity: str, start: int, end: int, score: float, recognizer: EntityRecognizer,
           detector: str, **extra: Any) -> RecognizerResult:
    """A RecognizerResult carrying our detector name (and any extra facts) as metadata."""
    meta = {
        RecognizerResult.RECOGNIZER_NAME_KEY: str(getattr(recognizer, "name", "")),
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        "detector": detector,
    }
    meta.update(extra)
    return RecognizerResult(entity, start, end, score, recognition_metadata=meta)


class RegexRecognizer(EntityRecognizer):
    """Class-level PATTERNS of (name, regex, score); GROUP picks the reported group."""

    ENTITY: ClassVar[str] = ""
    DETECTOR: ClassVar[str] = ""
    PATTERNS: ClassVar[list[tuple[str, str, float]]] = []
    FLAGS: ClassVar[int] = 0
    GROUP: ClassVar[int | str] = 0
    OCR_DIGITS: ClassVar[bool] = False  # also read "O"/"l" inside numbers as digits
    # pattern name -> the label that must end just before the value ("Phone: ", "DL # ");
    # looked for behind each value match, which is far cheaper than scanning for labels
    CUES: ClassVar[dict[str, str]] = {}
    _cue_cache: ClassVar[dict[str, re.Pattern[str]] | None] = None
    _cue_anywhere: ClassVar[dict[str, re.Pattern[str]]] = {}
    _cache: ClassVar[list[tuple[str, re.Pattern[str], float]] | None] = None

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__)
        self._compiled = self.compiled()
        cues = type(self).__dict__.get("_cue_cache")
        if cues is None:
            cues = {n: re.compile(rf"(?:{c})$") for n, c in self.CUES.items()}
            type(self)._cue_cache = cues
            # the same labels anywhere: a text without one needs none of its patterns run
            type(self)._cue_anywhere = {n: re.compile(c) for n, c in self.CUES.items()}
        self._cues = cues

    @classmethod
    def compiled(cls) -> list[tuple[str, re.Pattern[str], float]]:
        """The class's patterns, compiled once per class."""
        cache = cls.__dict__.get("_cache")
        if cache is None:
            cache = [(n, re.compile(p, cls.FLAGS), s) for n, p, s in cls.PATTERNS]
            cls._cache = cache
        return cache

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def validate_result(self, match: re.Match[str]) -> bool:
        """Override to reject a match (checksum, shape, public fact)."""
        return True

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:
        """Override when the check depends on which pattern matched."""
        return self.validate_result(match)

    def with_lists(self, text: str, found: list[RecognizerResult], more: re.Pattern[str],
                   group: str) -> list[RecognizerResult]:
        """found, and the rest of each list one of them opens ("Rooms: 112, 114, 116"): more
        matches the next item after a separator, its value in group."""
        out = list(found)
        for r in found:
            pos = r.end
            while m := more.match(text, pos):
                out.append(result(self.ENTITY, m.start(group), m.end(group), 0.6, self,
                                  self.DETECTOR))
                pos = m.end()
        return out

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Every validated match of every pattern."""
        out = []
        views = [text]
        if self.OCR_DIGITS and (numeric := ocr_digits(text)) != text:
            views.append(numeric)  # same positions: "(713) 482-99l7" is a phone number
        for view in views:
            absent = {n for n, c in self._cue_anywhere.items() if c.search(view) is None}
            for name, pattern, score in self._compiled:
                if name in absent:
                    continue  # its label is nowhere in the text: no match could be taken
                cue = self._cues.get(name)
                for m in pattern.finditer(view):
                    group = self.GROUP if m.group(self.GROUP) is not None else 0
                    start, end = m.span(group)
                    if end <= start:
                        continue
                    # the label first: a regex on 48 characters is cheaper than most checks
                    if cue is not None and not cue.search(view, max(0, m.start() - 48),
                                                          m.start()):
                        continue
                    if self.accept(name, m):
                        out.append(result(self.ENTITY, start, end, score, self, self.DETECTOR))
        return out
