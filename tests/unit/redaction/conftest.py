"""Shared fixtures: the engine is expensive, so one per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redaction.context import CaseContext
from redaction.engine import RedactionEngine
from redaction.profiles import load_profile

DATA = Path(__file__).resolve().parents[2] / "data"

CASE: dict[str, Any] = {
    "matter": "Doe v. Example Holdings, Inc.",
    "subjects": [
        {
            "pseudonym": "Jane Doe 1",
            "names": ["Maria Elena Lopez", "Maria Lopez"],
            "aliases": ["Mari", "Lexi"],
            "date_of_birth": "2006-04-03",
            "minor": True,
            "phones": ["(213) 555-0142"],
            "emails": ["mari.lopez06@example.com"],
            "addresses": ["1432 W 36th St, Apt 5, Los Angeles, CA 90007"],
            "handles": ["@lexi_la"],
            "identifiers": ["SSN 512-38-4471", "Chase account 004417719283"],
        },
        {
            "pseudonym": "Jane Doe 2",
            "names": ["Svetlana Kuznetsova"],
            "aliases": ["Lana"],
            "date_of_birth": "1995-11-20",
            "phones": ["+44 7700 900123"],
            "addresses": ["77 Birchwood Terrace, Reno, NV 89501"],
            "identifiers": ["A-number A201334455"],
        },
    ],
    "related_people": [
        {"label": "Family Member 1", "names": ["Rosa Lopez"], "phones": ["(213) 555-0187"]},
    ],
    "keep": ["Example Holdings, Inc.", "Annie Carter", "Harbor Lights Inn"],
}


@pytest.fixture(scope="session")
def engine() -> RedactionEngine:
    """One spaCy/Presidio engine for the whole test run."""
    return RedactionEngine()


@pytest.fixture()
def context() -> CaseContext:
    """A two-subject case with one related person."""
    return CaseContext.from_dict(CASE)


@pytest.fixture()
def court(engine: RedactionEngine, context: CaseContext):
    """A fresh court-profile session."""
    return engine.session(context, load_profile("court"))


@pytest.fixture()
def cocounsel(engine: RedactionEngine, context: CaseContext):
    """A fresh co-counsel-profile session."""
    return engine.session(context, load_profile("co-counsel"))
