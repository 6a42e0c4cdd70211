"""The disk cache of derived word lists: read back, rebuilt when damaged, harmless when the
cache directory cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction import gazetteer, wordcache


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "clinic-redaction"


def test_built_once_then_read_back(cache_home: Path) -> None:
    builds: list[int] = []

    def build() -> frozenset[str]:
        builds.append(1)
        return frozenset({"mullens", "crooksville"})

    assert wordcache.cached_set("towns", build) == {"mullens", "crooksville"}
    assert wordcache.cached_set("towns", build) == {"mullens", "crooksville"}
    assert len(builds) == 1
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["towns"]


def test_damaged_file_is_rebuilt(cache_home: Path) -> None:
    wordcache.cached("pops", lambda: {"gary": 69093})
    (path,) = cache_home.iterdir()
    path.write_text('{"gary": 6', "utf-8")  # cut short, as a full disk leaves it
    assert wordcache.cached("pops", lambda: {"gary": 69093}) == {"gary": 69093}
    assert path.read_text("utf-8") == '{"gary":69093}'


def test_unwritable_cache_costs_only_time(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert wordcache.cached_set("towns", lambda: frozenset({"a"})) == {"a"}
    assert blocker.read_text() == "not a directory"


def test_package_upgrade_starts_a_new_file(cache_home: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    wordcache.cached("v", lambda: [1])
    monkeypatch.setattr(wordcache, "SCHEMA", wordcache.SCHEMA + 1)
    assert wordcache.cached("v", lambda: [2]) == [2]
    assert len(list(cache_home.iterdir())) == 2


def test_cached_lists_equal_the_packages(cache_home: Path) -> None:
    # the lists gazetteer serves through the cache are the ones its builders derive
    built = gazetteer._build_language_names()
    assert wordcache.cached_set("language-names", gazetteer._build_language_names) == built
    assert wordcache.cached_set("language-names", lambda: frozenset()) == built
    assert "oromo" in built and "hmong" in built
    flat = wordcache.cached("national", lambda: {f"{c}|{n}": v for (c, n), v
                                                 in gazetteer._build_national().items()})
    assert flat["US|duluth"]["MN"] > 75_000 > flat["US|duluth"]["GA"]
