"""Limits that keep hostile files from exhausting memory or reaching outside the document."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from redaction.formats.base import FormatError

MAX_INPUT_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRY_RATIO = 100
# Small parts compress far better than 100:1 when they are mostly markup; only a part
# that is both large and extremely compressible looks like a bomb.
RATIO_EXEMPT_BYTES = 1024 * 1024
_CHUNK = 64 * 1024


def check_input_size(data: bytes) -> None:
    """Refuse inputs above the size we are willing to hold in memory."""
    if len(data) > MAX_INPUT_BYTES:
        raise FormatError(f"file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")


def _check_name(name: str) -> None:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name.split("/")[0]:
        raise FormatError("archive entry has an absolute or unsafe path")
    if ".." in posixpath.normpath(name).split("/") or "\x00" in name:
        raise FormatError("archive entry has an absolute or unsafe path")


def read_zip(data: bytes) -> dict[str, bytes]:
    """Read every entry of a ZIP archive within the size, count and ratio limits."""
    check_input_size(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError("not a valid DOCX file (not a ZIP archive)") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise FormatError(f"archive has more than {MAX_ZIP_ENTRIES} entries")
        declared = sum(i.file_size for i in infos)
        if declared > MAX_TOTAL_UNCOMPRESSED:
            raise FormatError("archive expands beyond the size limit")
        parts: dict[str, bytes] = {}
        total = 0
        for info in infos:
            _check_name(info.filename)
            if info.filename in parts:
                raise FormatError("archive has duplicate entries")
            if info.flag_bits & 0x1:
                raise FormatError("archive entries are encrypted")
            if info.is_dir():
                continue
            body = _read_entry(zf, info)
            total += len(body)
            if total > MAX_TOTAL_UNCOMPRESSED:
                raise FormatError("archive expands beyond the size limit")
            parts[info.filename] = body
        return parts


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Headers can lie about sizes, so count what actually comes out of the decompressor.
    limit = max(info.compress_size * MAX_ENTRY_RATIO, RATIO_EXEMPT_BYTES)
    limit = min(limit, MAX_TOTAL_UNCOMPRESSED)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > limit:
                    raise FormatError("archive entry exceeds the expansion ratio limit")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as exc:
        raise FormatError("archive is damaged or truncated") from exc
    except RuntimeError as exc:  # zipfile raises this for encrypted members
        raise FormatError("archive entries are encrypted") from exc
    return bytes(out)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_blank_text=False,
    )


def parse_xml(body: bytes) -> etree._Element:
    """Parse one OOXML part; DTDs (entity bombs, external entities) are refused outright."""
    # OOXML never carries a DTD, so any DOCTYPE is hostile or broken.
    head = body[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in body.lower():
        raise FormatError("XML part declares a DTD or entities, which DOCX never needs")
    try:
        return etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise FormatError("XML part is malformed") from exc


def serialize_xml(root: etree._Element) -> bytes:
    """Serialize a part back with the standard declaration Word expects."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
