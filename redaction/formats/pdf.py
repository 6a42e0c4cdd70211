"""True redaction of PDF files: the text under each redaction is removed, not covered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pymupdf

from redaction.formats.base import (
    FormatError,
    FormatResult,
    TextRedactor,
    UnreadablePage,
    check_batch,
)
from redaction.formats.leakview import pdf_view
from redaction.formats.pdf_scrub import drop_annotations, drop_images, reveal_layers, scrub_document
from redaction.formats.pdf_text import Glyph, PdfText, read_text, span_rects
from redaction.formats.safety import check_input_size
from redaction.types import Leak, RedactedText, Redaction

MAX_PAGES = 2000
# An image covering this share of a page with no text on it is a scan we cannot read.
SCAN_AREA_SHARE = 0.4
_MIN_FONT = 3.0
# PyMuPDF sets these at import time, so type checkers cannot see them.
_IMAGE_PIXELS: int = pymupdf.PDF_REDACT_IMAGE_PIXELS  # type: ignore[attr-defined]
_IMAGE_REMOVE: int = pymupdf.PDF_REDACT_IMAGE_REMOVE  # type: ignore[attr-defined]
_ART_IF_COVERED: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED  # type: ignore[attr-defined]
_TEXT_REMOVE: int = pymupdf.PDF_REDACT_TEXT_REMOVE  # type: ignore[attr-defined]
_NO_ENCRYPTION: int = pymupdf.PDF_ENCRYPT_NONE  # type: ignore[attr-defined]


def redact_pdf(data: bytes, redactor: TextRedactor, *, keep_images: bool) -> FormatResult:
    """Redact a PDF: remove text, image pixels and graphics under each span, scrub the rest."""
    prepared = prepare_pdf(data, keep_images=keep_images)
    return prepared.finish(redactor.redact_many(prepared.texts), redactor)


@contextmanager
def _damaged_pdf() -> Iterator[None]:
    """MuPDF errors on a hostile or broken file become one clear FormatError."""
    try:
        yield
    except (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError) as exc:
        raise FormatError("PDF is damaged and cannot be read") from exc


def prepare_pdf(data: bytes, *, keep_images: bool) -> PreparedPdf:
    """Open a PDF, reveal hidden layers, read its text with positions; refuse scans."""
    with _damaged_pdf():
        doc = reopen_as_read(_open(data))
        try:
            return PreparedPdf(doc, keep_images)
        except BaseException:
            doc.close()
            raise


class PreparedPdf:
    """An open PDF (unrotated, annotations gone) and its text, read as one unit."""

    def __init__(self, doc: pymupdf.Document, keep_images: bool) -> None:
        self._doc = doc
        self._keep_images = keep_images
        self._pages = [doc[pno] for pno in range(doc.page_count)]
        self._rotations = [page.rotation for page in self._pages]
        for page in self._pages:
            page.set_rotation(0)  # extraction and redaction boxes in one coordinate space
        self._text = read_text(doc)
        _refuse_unreadable(doc, self._text)

    @property
    def texts(self) -> list[str]:
        """The whole document as one unit (pages joined), so nothing breaks at a page end."""
        return [self._text.text]

    def finish(self, redacted: Sequence[RedactedText], redactor: TextRedactor) -> FormatResult:
        """Remove what lies under each redaction, write replacements, scrub, save, check."""
        check_batch(self.texts, redacted)
        with _damaged_pdf():
            try:
                redactions = self._redact(redacted[0])
                scrub_document(self._doc)
                out = self._doc.tobytes(garbage=4, deflate=True, clean=True,
                                        encryption=_NO_ENCRYPTION)
            finally:
                self._doc.close()
            views = pdf_view(out)
        leaks: list[tuple[int | None, Leak]] = [
            (page_no, leak) for page_no, view in views for leak in redactor.leaks(view)
        ]
        return FormatResult(out, redactions, leaks)

    def _redact(self, result: RedactedText) -> list[tuple[int | None, Redaction]]:
        redactions: list[tuple[int | None, Redaction]] = []
        per_page: dict[int, list[tuple[Redaction, Glyph, pymupdf.Rect]]] = defaultdict(list)
        for r in result.redactions:
            rects = span_rects(self._text, r.start, r.end)
            redactions.append((_page_of(self._text, r.start, rects) + 1, r))
            for glyph, rect in rects:
                per_page[glyph.page].append((r, glyph, rect))
        for pno, page in enumerate(self._pages):
            _apply(page, per_page.get(pno, []), self._keep_images)
            if not self._keep_images:
                drop_images(page)
            page.set_rotation(self._rotations[pno])
        return redactions


def _open(data: bytes) -> pymupdf.Document:
    check_input_size(data)
    if b"%PDF-" not in data[:1024]:
        raise FormatError("not a PDF file")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise FormatError("PDF is damaged and cannot be read") from exc
    if doc.needs_pass or doc.is_encrypted or (doc.metadata or {}).get("encryption"):
        doc.close()
        raise FormatError("PDF is encrypted; remove the password and try again")
    if doc.page_count > MAX_PAGES or doc.page_count == 0:
        doc.close()
        raise FormatError(f"PDF must have between 1 and {MAX_PAGES} pages")
    return doc


def reopen_as_read(doc: pymupdf.Document) -> pymupdf.Document:
    """Drop annotations and reveal hidden layers, then reload so pages see the change: the
    document as the engine reads it (closes `doc`)."""
    # MuPDF caches layer visibility and annotations once they are read, so edit the file
    # structure first and open the result afresh.
    try:
        drop_annotations(doc)
        reveal_layers(doc)
        data = doc.tobytes()
    finally:
        doc.close()
    return pymupdf.open(stream=data, filetype="pdf")


def _refuse_unreadable(doc: pymupdf.Document, text: PdfText) -> None:
    """A page whose content is images we cannot read is refused rather than passed on."""
    for pno in range(doc.page_count):
        page = doc[pno]
        images = page.get_image_info()
        if not images:
            continue
        if text.chars_per_page[pno] == 0:
            raise UnreadablePage(pno + 1)
        area = abs(page.rect)
        centers = [
            pymupdf.Point((g.bbox[0] + g.bbox[2]) / 2, (g.bbox[1] + g.bbox[3]) / 2)
            for g in text.glyphs if g is not None and g.page == pno
        ]
        for info in images:
            box = pymupdf.Rect(info["bbox"]) & page.rect
            if area and abs(box) / area >= SCAN_AREA_SHARE and not any(c in box for c in centers):
                raise UnreadablePage(pno + 1)


def _page_of(text: PdfText, start: int, rects: list[tuple[Glyph, pymupdf.Rect]]) -> int:
    if rects:
        return rects[0][0].page
    for g in text.glyphs[start:]:
        if g is not None:
            return g.page
    return max(len(text.chars_per_page) - 1, 0)


def _apply(page: pymupdf.Page, items: list[tuple[Redaction, Glyph, pymupdf.Rect]],
           keep_images: bool) -> None:
    if not items:
        return
    for _, glyph, rect in items:
        page.add_redact_annot(_at_least_a_point(rect, glyph))
    page.apply_redactions(
        images=_IMAGE_PIXELS if keep_images else _IMAGE_REMOVE,
        graphics=_ART_IF_COVERED,
        text=_TEXT_REMOVE,
    )
    written: set[int] = set()
    for r, glyph, rect in items:
        # The replacement goes on the first line of the span only.
        if id(r) in written or not r.replacement:
            continue
        written.add(id(r))
        if glyph.horizontal:
            _write_replacement(page, r.replacement, glyph, rect)


def _at_least_a_point(rect: pymupdf.Rect, glyph: Glyph) -> pymupdf.Rect:
    # Zero-size glyphs (a trick to hide text) still need a box for the redaction to act on.
    if rect.is_empty or rect.width < 0.5 or rect.height < 0.5:
        x, y = glyph.origin
        return pymupdf.Rect(x - 0.5, y - 1, x + max(rect.width, 0.5) + 0.5, y + 0.5)
    return rect


def _write_replacement(page: pymupdf.Page, text: str, glyph: Glyph, rect: pymupdf.Rect) -> None:
    size = max(min(glyph.size, 24.0), _MIN_FONT)
    natural = pymupdf.get_text_length(text, fontname="helv", fontsize=size)
    scale = 1.0
    if natural > rect.width > 0:
        ratio = rect.width / natural
        # Squeeze horizontally down to half width, then shrink the font for the rest.
        scale = max(ratio, 0.5)
        size = max(size * ratio / scale, _MIN_FONT)
    origin = pymupdf.Point(rect.x0, glyph.origin[1])
    page.insert_text(origin, text, fontsize=size, fontname="helv", color=(0, 0, 0),
                     morph=(origin, pymupdf.Matrix(scale, 1)))
