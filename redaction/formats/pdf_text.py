"""The text of a PDF with a position for every character, read as one unit.

Pages are read in reading order; lines that wrap inside a paragraph are joined with a space
(so a name broken across lines, or a sentence, reads as the plain text did) and other lines
with a newline. Each character keeps its page, line and box, so a span of the redactor's
output maps back to rectangles to remove.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pymupdf

# No TEXT_MEDIABOX_CLIP: text placed outside the visible page is still text we must read.
_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_ACCURATE_BBOXES


@dataclass(frozen=True)
class Glyph:
    """Where one character of the unit was drawn."""

    page: int  # 0-based
    line: int  # unique per line of the document
    bbox: tuple[float, float, float, float]
    origin: tuple[float, float]
    size: float
    horizontal: bool


@dataclass
class PdfText:
    """The document's text and, per character, its glyph (None for joiners we added)."""

    text: str = ""
    glyphs: list[Glyph | None] = field(default_factory=list)
    chars_per_page: list[int] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    glyphs: list[Glyph]
    x0: float
    x1: float
    baseline: float
    size: float
    block: int


def read_text(doc: pymupdf.Document) -> PdfText:
    """Extract every page's characters (visible or not) with their positions."""
    out = PdfText()
    pieces: list[str] = []
    line_id = 0
    prev: _Line | None = None
    prev_limits = (0.0, 0)
    for pno in range(doc.page_count):
        lines, line_id = _page_lines(doc[pno], pno, line_id)
        out.chars_per_page.append(sum(1 for ln in lines for c in ln.text if not c.isspace()))
        limits = (max((ln.x1 for ln in lines), default=0.0),
                  max((len(ln.text.rstrip()) for ln in lines), default=0))
        leading = _typical_leading(lines)
        for i, ln in enumerate(lines):
            if prev is not None:
                if i == 0:  # a paragraph may continue on the next page
                    joiner = _wrap_joiner(prev) if _soft_wrap(
                        prev, ln, *prev_limits, same_page=False) else "\n"
                else:
                    joiner = _joiner(prev, ln, limits, leading)
                pieces.append(joiner)
                out.glyphs.extend([None] * len(joiner))
            pieces.append(ln.text)
            out.glyphs.extend(ln.glyphs)
            prev = ln
        if lines:
            prev_limits = limits
    out.text = "".join(pieces)
    return out


def _typical_leading(lines: list[_Line]) -> float:
    steps = sorted(b.baseline - a.baseline for a, b in zip(lines, lines[1:], strict=False)
                   if b.baseline - a.baseline > 0.5)
    return steps[len(steps) // 2] if steps else 0.0


def _joiner(prev: _Line, nxt: _Line, limits: tuple[float, int], leading: float) -> str:
    if _soft_wrap(prev, nxt, *limits, same_page=True):
        return _wrap_joiner(prev)
    step = nxt.baseline - prev.baseline
    if leading > 0 and step > 1.5 * leading:
        # Blank lines between paragraphs: keep them, as the plain text had them.
        return "\n" * min(1 + round(step / leading) - 1, 3)
    return "\n"


def _page_lines(page: pymupdf.Page, pno: int, line_id: int) -> tuple[list[_Line], int]:
    raw = page.get_text("rawdict", flags=_FLAGS, sort=True)
    lines: list[_Line] = []
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            horizontal = abs(line["dir"][0] - 1.0) < 1e-3
            glyphs: list[Glyph] = []
            text: list[str] = []
            size = 0.0
            for span in line["spans"]:
                size = max(size, float(span["size"]))
                for ch in span["chars"]:
                    text.append(ch["c"])
                    glyphs.append(Glyph(pno, line_id, tuple(ch["bbox"]), tuple(ch["origin"]),
                                        float(span["size"]), horizontal))
            if glyphs:
                x0, _, x1, _ = line["bbox"]
                lines.append(_Line("".join(text), glyphs, x0, x1, glyphs[0].origin[1],
                                   size, block["number"]))
                line_id += 1
    return lines, line_id


def _wrap_joiner(prev: _Line) -> str:
    """A wrapped line joins the next with a space; one that ends on a word's hyphen keeps its
    line break, as the page's text reads it ("W1no-" then "na"), so the redaction sees the
    word split at a line end exactly as the fail-closed check will."""
    return "\n" if re.search(r"[^\W\d_]-$", prev.text.rstrip()) else " "


def _soft_wrap(prev: _Line, nxt: _Line, right: float, width: int, *, same_page: bool) -> bool:
    """True when `nxt` continues the paragraph of `prev` (the line wrapped, not ended)."""
    if not prev.text.strip() or not nxt.text.strip():
        return False
    step = nxt.baseline - prev.baseline
    if same_page and (step <= 0 or step > 1.8 * max(prev.size, 1.0)):
        return False
    if abs(nxt.x0 - prev.x0) > 2 * prev.size:
        return False
    if nxt.text.lstrip().startswith("|") and prev.text.count("|") >= 2 and \
            not prev.text.rstrip().endswith("|"):
        return True  # a table row cut before its next cell: "... | guardian_name" "| phone |"
    first_word = nxt.text.strip().split()[0]
    # Would the next line's first word have fitted at the end of this one? Then the line
    # ended on purpose. Checked in points (typeset text) and in characters (fixed-width
    # wrapping, as tools that wrap plain text do).
    word_pts = 0.55 * prev.size * (len(first_word) + 1)
    fits_pts = prev.x1 + word_pts < right - 0.5 * prev.size
    fits_chars = len(prev.text.rstrip()) + 1 + len(first_word) <= width
    return not (fits_pts and fits_chars)


def span_rects(text: PdfText, start: int, end: int) -> list[tuple[Glyph, pymupdf.Rect]]:
    """Rectangles covering characters [start, end): one per line, with its first glyph."""
    groups: dict[int, tuple[Glyph, pymupdf.Rect]] = {}
    for g in text.glyphs[start:end]:
        if g is None:
            continue
        if g.line in groups:
            first, rect = groups[g.line]
            groups[g.line] = (first, rect | pymupdf.Rect(g.bbox))
        else:
            groups[g.line] = (g, pymupdf.Rect(g.bbox))
    return list(groups.values())
