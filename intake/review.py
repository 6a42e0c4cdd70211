"""What the review screen shows: each proposal with its text, context and verdict, the
original text with every span highlighted and the redacted preview beside it.

Members only: the items hold the document's own words, so they are built per request and
never logged, stored or put in a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake.models import Export
from intake.redact_document import decision_key, final_redactions

CONTEXT_CHARS = 48
STATES = ("pending", "accepted", "rejected")


@dataclass(frozen=True)
class ReviewItem:
    """One proposed (or reviewer-added) redaction as the reviewer sees it."""

    anchor: str  # "p-3" for the third proposal, "a-1" for the first addition
    number: int
    key: tuple[int, int, int, str]
    category: str
    detector: str
    reason: str
    replacement: str
    state: str  # pending, accepted, rejected, or added
    by: str | None
    text: str
    before: str
    after: str

    @property
    def form(self) -> dict[str, Any]:
        """The hidden fields that name this item in a decision form."""
        return dict(zip(("u", "s", "e", "cat"), self.key, strict=True))


@dataclass(frozen=True)
class Segment:
    """A piece of a text panel: plain text, or a highlighted span of one item."""

    text: str
    item: ReviewItem | None = None
    replacement: bool = False
    category: str = ""


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """A few words either side of a span, white space collapsed, cut at a word."""
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end + CONTEXT_CHARS < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return _squeeze(before) + lead, trail + _squeeze(after)


def _span(texts: list[str], unit: int, start: int, end: int) -> tuple[str, str, str]:
    if not 0 <= unit < len(texts):
        return "", "", ""
    text = texts[unit]
    before, after = _context(text, start, end)
    return _squeeze(text[start:end]), before, after


def review_items(export: Export, texts: list[str]) -> list[ReviewItem]:
    """The engine's proposals in order, each with its verdict, text and context."""
    decisions = export.decisions or {}
    verdicts: dict[tuple[int, int, int, str], tuple[str, str | None]] = {}
    for state in ("accepted", "rejected"):
        for d in decisions.get(state, []):
            verdicts[decision_key(d)] = (state, d.get("by"))
    items = []
    for n, p in enumerate((export.proposals or {}).get("items", []), start=1):
        key = decision_key(p)
        state, by = verdicts.get(key, ("pending", None))
        text, before, after = _span(texts, *key[:3])
        items.append(ReviewItem(f"p-{n}", n, key, p["cat"], p["det"], p["why"], p["rep"],
                                state, by, text, before, after))
    return items


def added_items(export: Export, texts: list[str]) -> list[ReviewItem]:
    """What reviewers added, in the order they added it."""
    items = []
    for n, a in enumerate((export.decisions or {}).get("added", []), start=1):
        key = decision_key(a)
        text, before, after = _span(texts, *key[:3])
        items.append(ReviewItem(f"a-{n}", n, key, a["cat"], "reviewer", "added by reviewer",
                                "", "added", a.get("by"), text, before, after))
    return items


def tally(items: list[ReviewItem]) -> dict[str, int]:
    """How many proposals are pending, accepted and rejected."""
    return {state: sum(1 for i in items if i.state == state) for state in STATES}


def original_segments(text: str, unit: int, items: list[ReviewItem]) -> list[Segment]:
    """A text unit cut into plain pieces and the highlighted spans of its items."""
    out: list[Segment] = []
    pos = 0
    for item in sorted((i for i in items if i.key[0] == unit),
                       key=lambda i: (i.key[1], -i.key[2])):
        start, end = item.key[1], item.key[2]
        if start < pos:
            continue  # overlaps a span already shown; it is still listed in the table
        out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], item))
        pos = end
    out.append(Segment(text[pos:]))
    return out


def redacted_segments(export: Export, texts: list[str]) -> list[list[Segment]]:
    """Per unit, the text as the output will read: each final redaction's replacement."""
    out = []
    for text, reds in zip(texts, final_redactions(export, len(texts)), strict=True):
        pieces: list[Segment] = []
        pos = 0
        for r in reds:
            pieces.append(Segment(text[pos:r.start]))
            pieces.append(Segment(r.replacement, replacement=True, category=r.category))
            pos = r.end
        pieces.append(Segment(text[pos:]))
        out.append(pieces)
    return out
