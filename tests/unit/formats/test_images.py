"""Kept images lose their metadata (EXIF owner and GPS, XMP author, PNG text chunks)."""

from __future__ import annotations

import struct
import zlib

from redaction.formats.images import strip_image_metadata
from tests.unit.formats.builders import png_bytes


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_png_text_chunks_are_removed_and_image_still_decodes():
    import pymupdf

    png = png_bytes()
    tagged = png[:33] + _png_chunk(b"tEXt", b"Author\0Kiara Whitfield") + png[33:]
    out = strip_image_metadata("word/media/image1.png", tagged)
    assert b"Kiara" not in out
    assert pymupdf.Pixmap(out).width == 40


def test_jpeg_exif_and_comment_segments_are_removed():
    import pymupdf

    jpg = pymupdf.Pixmap(png_bytes()).tobytes("jpg")
    exif = b"\xff\xe1" + struct.pack(">H", 2 + 22) + b"Exif\0\0Kiara Whitfield!"
    comment = b"\xff\xfe" + struct.pack(">H", 2 + 7) + b"GPS 33N"
    tagged = jpg[:2] + exif + comment + jpg[2:]
    out = strip_image_metadata("word/media/image1.jpeg", tagged)
    assert b"Kiara" not in out and b"GPS" not in out
    assert pymupdf.Pixmap(out).width == 40


def test_other_parts_are_untouched():
    assert strip_image_metadata("word/fonts/font1.odttf", b"abc") == b"abc"
