"""Score the engine against a labelled set (shared/eval/FORMAT.md), as score.py does."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from redaction.context import CaseContext
from redaction.errors import RedactionError
from redaction.profiles import load_profile

if TYPE_CHECKING:
    from redaction.engine import RedactionEngine


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def present(needle: str, haystack: str) -> bool:
    """Whole-word, case-insensitive, any-whitespace match (as the external scorer does)."""
    n = re.escape(_norm(needle)).replace(r"\ ", r"\s+")
    return re.search(r"(?<!\w)" + n + r"(?!\w)", haystack, re.I) is not None


@dataclass
class Scores:
    """Totals over a set."""

    known_total: int = 0
    known_leaks: int = 0
    unknown_total: int = 0
    unknown_missed: int = 0
    keep_total: int = 0
    keep_lost: int = 0
    pseudo_total: int = 0
    pseudo_short: int = 0
    held_back: int = 0
    lower_words: int = 0  # ordinary words outside every labelled identifier, by occurrence
    lower_lost: int = 0
    capital_words: int = 0
    capital_lost: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def unknown_recall(self) -> float:
        """Share of unknown strings removed."""
        return 1 - self.unknown_missed / self.unknown_total if self.unknown_total else 1.0

    @property
    def keep_rate(self) -> float:
        """Share of must-keep strings still present."""
        return 1 - self.keep_lost / self.keep_total if self.keep_total else 1.0

    @property
    def pseudonym_hits(self) -> float:
        """Share of pseudonyms present at least as often as asked."""
        return 1 - self.pseudo_short / self.pseudo_total if self.pseudo_total else 1.0

    @property
    def lower_collateral(self) -> float:
        """Share of lower-case words outside every labelled identifier that the output lost."""
        return self.lower_lost / self.lower_words if self.lower_words else 0.0

    @property
    def capital_collateral(self) -> float:
        """Share of capitalised words outside every labelled identifier that the output lost."""
        return self.capital_lost / self.capital_words if self.capital_words else 0.0

    def as_dict(self) -> dict:
        """Summary numbers (no labelled strings)."""
        return {
            "known_leaks": self.known_leaks, "known_total": self.known_total,
            "unknown_recall": round(self.unknown_recall, 4), "keep_rate": round(self.keep_rate, 4),
            "pseudonym_hits": round(self.pseudonym_hits, 4), "held_back": self.held_back,
            "lower_collateral": round(self.lower_collateral, 4),
            "lower_words_lost": self.lower_lost, "lower_words": self.lower_words,
            "capital_collateral": round(self.capital_collateral, 4),
            "capital_words_lost": self.capital_lost, "capital_words": self.capital_words,
        }


def evaluate(engine: RedactionEngine, set_dir: str | Path) -> Scores:
    """Redact every document of the set with its case and profile, then score the outputs."""
    root = Path(set_dir)
    try:
        labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RedactionError(f"labels not readable: {root / 'labels.json'}") from None
    groups: dict[tuple[str, str], list[str]] = {}
    for doc_id, lab in labels.items():
        groups.setdefault((lab["case"], lab.get("profile", "court")), []).append(doc_id)
    scores = Scores()
    for (case, profile), docs in sorted(groups.items()):
        context = CaseContext.from_file(root / "cases" / f"{case}.json")
        session = engine.session(context, load_profile(profile))
        texts = []
        for d in docs:
            try:
                texts.append((root / "docs" / f"{d}.txt").read_text(encoding="utf-8"))
            except OSError:
                raise RedactionError(f"document not readable: {d}") from None
        for doc_id, text, out in zip(docs, texts, session.redact_many(texts), strict=True):
            held = bool(session.leaks(out.text))
            scores.held_back += held
            _score(scores, doc_id, labels[doc_id], None if held else _norm(out.text))
            if not held:
                _collateral(scores, text, out.text, labels[doc_id].get("must_remove", []))
    return scores


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _collateral(scores: Scores, text: str, out: str, must_remove: list[dict]) -> None:
    """Count the words outside every labelled identifier that the output lost (over-redaction),
    lower-case and capitalised apart, by occurrence."""
    labelled = {w.lower() for item in must_remove for w in _WORD.findall(item["text"])}
    before = Counter(w for w in _WORD.findall(text) if w.lower() not in labelled)
    after = Counter(_WORD.findall(out))
    for word, n in before.items():
        lost = max(0, n - after.get(word, 0))
        if word.islower():
            scores.lower_words += n
            scores.lower_lost += lost
        else:
            scores.capital_words += n
            scores.capital_lost += lost


def _score(scores: Scores, doc_id: str, lab: dict, hay: str | None) -> None:
    fail: dict = {"doc": doc_id, "known": [], "unknown": [], "lost": [], "pseudonyms": []}
    for item in lab.get("must_remove", []):
        kind = item.get("kind", "known")
        leaked = hay is None or present(item["text"], hay)
        if kind == "known":
            scores.known_total += 1
            scores.known_leaks += leaked
        else:
            scores.unknown_total += 1
            scores.unknown_missed += leaked
        if leaked:
            fail["known" if kind == "known" else "unknown"].append(item["text"])
    for s in lab.get("must_keep", []):
        scores.keep_total += 1
        if hay is None or not present(s, hay):
            scores.keep_lost += 1
            fail["lost"].append(s)
    for pseudonym, n in lab.get("pseudonyms", {}).items():
        scores.pseudo_total += 1
        count = 0 if hay is None else len(
            re.findall(r"(?<!\w)" + re.escape(_norm(pseudonym)) + r"(?!\w)", hay))
        if count < n:
            scores.pseudo_short += 1
            fail["pseudonyms"].append(f"{pseudonym}: {count} < {n}")
    if any(fail[k] for k in ("known", "unknown", "lost", "pseudonyms")):
        scores.failures.append(fail)
