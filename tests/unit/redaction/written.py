"""Helpers shared by the written-forms tests: redact one text and check what is left."""

from __future__ import annotations

import re
from typing import Any

import pytest

from redaction.context import CaseContext
from redaction.profiles import load_profile


def court_session(engine: Any, case: dict[str, Any]) -> Any:
    """A court-profile session of the engine for one case context."""
    return engine.session(CaseContext.from_dict(case), load_profile("court"))


def cocounsel_session(engine: Any, case: dict[str, Any]) -> Any:
    """A co-counsel-profile session of the engine for one case context."""
    return engine.session(CaseContext.from_dict(case), load_profile("co-counsel"))


def case_fixtures(case: dict[str, Any]) -> tuple[Any, Any]:
    """The `session` (court) and `cocounsel` fixtures of a module's case context:
    `session, cocounsel = case_fixtures(CASE)`."""

    @pytest.fixture(name="session")
    def _session(engine: Any) -> Any:
        return court_session(engine, case)

    @pytest.fixture(name="cocounsel")
    def _cocounsel(engine: Any) -> Any:
        return cocounsel_session(engine, case)

    return _session, _cocounsel


def present(word: str, text: str) -> bool:
    """True when word is in text as a whole word, in any case."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def redacted(session: Any, text: str) -> str:
    """The redacted text, after checking that the leak check finds nothing left in it."""
    out = session.redact_many([text])[0].text
    assert session.leaks(out) == [], out
    return out
