"""Types shared by the DOCX and PDF format layers and their callers (CLI, web app)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from redaction.types import Leak, RedactedText, Redaction


class FormatError(Exception):
    """A file we refuse to open: malformed, encrypted, too big or a decompression bomb.

    The message is one line and never quotes document text.
    """


class UnreadablePage(FormatError):
    """A page with images and no text layer: we cannot read it, so we will not pass it on."""

    def __init__(self, page: int) -> None:
        super().__init__(f"page {page} has images but no text layer; OCR it or redact by hand")
        self.page = page


@dataclass(frozen=True)
class FormatResult:
    """A redacted document and what was done to it; non-empty `leaks` means do not write it."""

    data: bytes
    redactions: list[tuple[int | None, Redaction]] = field(default_factory=list)
    leaks: list[tuple[int | None, Leak]] = field(default_factory=list)


class TextRedactor(Protocol):
    """What the format layer needs from the text redaction engine (one session per matter)."""

    def redact_many(self, texts: Sequence[str]) -> list[RedactedText]:
        """Redact a batch of text units, returned in the same order."""
        ...

    def leaks(self, text: str) -> list[Leak]:
        """Known identifiers still present in `text`."""
        ...


class PreparedDocument(Protocol):
    """A document opened and cleaned, waiting for its texts to come back redacted.

    Lets a caller put the texts of many documents (and plain-text files) through one
    `redact_many` call, so names learnt in one document are found in all of them.
    """

    @property
    def texts(self) -> list[str]:
        """The text units to redact, in order."""
        ...

    def finish(self, redacted: Sequence[RedactedText], redactor: TextRedactor) -> FormatResult:
        """Write the redacted units back, scrub, save and run the leak check."""
        ...


def check_batch(texts: Sequence[str], redacted: Sequence[RedactedText]) -> None:
    """Refuse to write back a batch whose size does not match what was sent."""
    if len(redacted) != len(texts):
        raise FormatError("redactor returned a different number of texts than it was given")
