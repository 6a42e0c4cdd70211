"""Removal of metadata (EXIF, XMP, comments, text chunks) from images we keep."""

from __future__ import annotations

import struct

_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_image_metadata(name: str, body: bytes) -> bytes:
    """Return the image without metadata segments; other parts come back unchanged."""
    if body.startswith(b"\xff\xd8"):
        return _strip_jpeg(body)
    if body.startswith(_PNG_SIG):
        return _strip_png(body)
    return body


def _strip_jpeg(body: bytes) -> bytes:
    # APP1..APP15 hold EXIF (camera owner, GPS), XMP (author) and vendor blocks; COM is free
    # text. APP0 (JFIF) and APP14 (Adobe colour transform) are needed to decode correctly.
    out = bytearray(body[:2])
    i = 2
    while i + 4 <= len(body):
        if body[i] != 0xFF:
            return body  # not a marker where one must be: leave the image untouched
        marker = body[i + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += body[i:]
            return bytes(out)
        (length,) = struct.unpack(">H", body[i + 2:i + 4])
        segment = body[i:i + 2 + length]
        if not ((0xE1 <= marker <= 0xEF and marker != 0xEE) or marker == 0xFE):
            out += segment
        i += 2 + length
    return body


def _strip_png(body: bytes) -> bytes:
    out = bytearray(_PNG_SIG)
    i = len(_PNG_SIG)
    while i + 8 <= len(body):
        (length,) = struct.unpack(">I", body[i:i + 4])
        kind = body[i + 4:i + 8]
        chunk = body[i:i + 12 + length]
        if len(chunk) < 12 + length:
            return body
        if kind not in _PNG_TEXT:
            out += chunk
        i += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)
