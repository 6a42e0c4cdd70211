"""The lock file installs in pip's hash mode on a machine that sees only PyPI.

pip refuses a locked package that another locked package asks for with an extra
(`smart-open[http]`) unless the lock names that extra too: it then looks for the newest
release, which is unpinned. `uv pip compile` writes the bare name, so a regenerated lock
loses the extra; this test says which line to mend.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]+)\])?==([^\s\\;]+)", re.M)


def _locked() -> dict[str, tuple[set[str], str]]:
    """Each locked package's name, the extras its line names, and its version."""
    pins: dict[str, tuple[set[str], str]] = {}
    for name, extras, version in _PIN.findall(LOCK.read_text(encoding="utf-8")):
        named = {str(canonicalize_name(e.strip())) for e in extras.split(",") if e.strip()}
        pins[canonicalize_name(name)] = (named, str(version))
    return pins


def _extras_asked(pins: dict[str, tuple[set[str], str]]) -> dict[str, set[str]]:
    """The extras that locked packages ask of other locked packages, on this platform."""
    asked: dict[str, set[str]] = {}
    for name, (own_extras, _) in pins.items():
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            req = Requirement(line)
            wanted = req.marker is None or any(
                req.marker.evaluate({"extra": extra}) for extra in ("", *own_extras)
            )
            target = canonicalize_name(req.name)
            if wanted and req.extras and target in pins:
                asked.setdefault(target, set()).update(canonicalize_name(e) for e in req.extras)
    return asked


def test_the_lock_pins_the_installed_versions() -> None:
    pins = _locked()
    assert len(pins) > 100
    for name in ("spacy", "weasel", "smart-open", "presidio-analyzer"):
        assert metadata.version(name) == pins[canonicalize_name(name)][1]


def test_every_extra_a_locked_package_asks_for_is_named_in_the_lock() -> None:
    pins = _locked()
    asked = _extras_asked(pins)
    assert "smart-open" in asked, "weasel asks for smart-open[http]; the check saw no extras"
    missing = {
        name: sorted(extras - pins[name][0])
        for name, extras in asked.items()
        if extras - pins[name][0]
    }
    assert not missing, f"write these lock lines as name[extra]==version: {missing}"
