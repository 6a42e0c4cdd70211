"""Errors raised by the redaction engine. Messages carry ids and categories, never values."""

from __future__ import annotations


class RedactionError(Exception):
    """Base class for every error the redaction package raises on purpose."""


class ContextError(RedactionError):
    """The case context is unreadable or malformed."""


class UnknownProfileError(RedactionError):
    """No profile file has the requested name."""


class LeakDetected(RedactionError):
    """A known identifier survived redaction; the output must not be written."""

    def __init__(self, message: str, leaks: list | None = None) -> None:
        super().__init__(message)
        self.leaks = list(leaks or [])
