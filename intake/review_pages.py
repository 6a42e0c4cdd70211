"""PDF pages for the review screen: each page's size, the boxes each redaction will burn in,
and the pages rendered as PNG (the original as the engine reads it, and the output).

The original is opened the way the redaction engine opens it (annotations dropped, hidden
layers shown, pages unrotated) and its text must match the export's text exactly, so every
box is where the engine will remove the text; if it does not match, no boxes are drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

from redaction.formats.pdf import reopen_as_read
from redaction.formats.pdf_text import read_text, span_rects

MAX_ZOOM = 1.5  # 612 pt (US Letter) becomes 918 px: readable beside the output
MAX_PIXELS = 2000  # on the longer side, whatever the page size


class PageViewUnavailable(Exception):
    """The PDF cannot be shown as pages (the message holds no document text)."""


@dataclass(frozen=True)
class Box:
    """One rectangle a redaction covers, in PDF points from the page's top left."""

    anchor: str
    state: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PageView:
    """One page: its number (from 1), its size in points and the boxes on it."""

    number: int
    width: float
    height: float
    boxes: list[Box]


@dataclass(frozen=True)
class Span:
    """A span of the export's single text unit to draw: the review item it belongs to."""

    anchor: str
    state: str
    start: int
    end: int


def _open(data: bytes, *, as_engine_reads: bool) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
        if as_engine_reads:
            doc = reopen_as_read(doc)
        for pno in range(doc.page_count):
            doc[pno].set_rotation(0)  # boxes and both renderings in one coordinate space
    except (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError) as exc:
        raise PageViewUnavailable("the PDF cannot be rendered") from exc
    return doc


def page_views(data: bytes, text: str, spans: Iterable[Span]) -> list[PageView]:
    """Every page of the original with the boxes of the given spans."""
    doc = _open(data, as_engine_reads=True)
    try:
        layout = read_text(doc)
        if layout.text != text:
            raise PageViewUnavailable("the PDF no longer reads as the export's text")
        boxes: dict[int, list[Box]] = {}
        for span in spans:
            for glyph, rect in span_rects(layout, span.start, span.end):
                boxes.setdefault(glyph.page, []).append(Box(
                    span.anchor, span.state, round(rect.x0, 2), round(rect.y0, 2),
                    round(max(rect.width, 1.0), 2), round(max(rect.height, 1.0), 2)))
        return [PageView(pno + 1, round(doc[pno].rect.width, 2),
                         round(doc[pno].rect.height, 2), boxes.get(pno, []))
                for pno in range(doc.page_count)]
    finally:
        doc.close()


def render_page(data: bytes, number: int, *, original: bool) -> bytes:
    """One page (from 1) as PNG: the original as the engine reads it, or the output."""
    doc = _open(data, as_engine_reads=original)
    try:
        if not 1 <= number <= doc.page_count:
            raise PageViewUnavailable("no such page")
        page = doc[number - 1]
        zoom = min(MAX_ZOOM, MAX_PIXELS / max(page.rect.width, page.rect.height, 1.0))
        try:
            pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            return bytes(pixmap.tobytes("png"))
        except (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError) as exc:
            raise PageViewUnavailable("the page cannot be rendered") from exc
    finally:
        doc.close()
