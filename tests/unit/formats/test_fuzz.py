"""Fuzzing the DOCX and PDF readers: mangled files give FormatError or a clean result.

Never another exception, never a hang, and never a written file that still names the
person (the leak check reads every output).
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaction.formats import FormatError, redact_docx, redact_pdf
from tests.unit.formats.builders import (
    NAME,
    base_docx,
    docx_attacker_text,
    mentions,
    pdf_attacker_text,
    read_parts,
    reportlab_pdf,
    write_parts,
)
from tests.unit.formats.redactor import DictRedactor

DOCX = base_docx(f"A statement by {NAME} about the motel.", "Second paragraph.")
PDF = reportlab_pdf([f"Declaration of {NAME}", "She stayed in the motel."])
FUZZ = settings(max_examples=60, deadline=5000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def _redactor() -> DictRedactor:
    return DictRedactor({NAME: "Jane Doe 1"})


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12)


@FUZZ
@given(edits)
def test_mangled_docx_bytes(changes):
    try:
        result = redact_docx(_mutate(DOCX, changes), _redactor(), keep_images=False)
    except FormatError:
        return
    assert not result.leaks or all(leak.owner for _, leak in result.leaks)
    if not result.leaks:
        assert not mentions(docx_attacker_text(result.data), NAME)


@FUZZ
@given(edits)
def test_mangled_pdf_bytes(changes):
    try:
        redact_pdf(_mutate(PDF, changes), _redactor(), keep_images=False)
    except FormatError:
        return


@FUZZ
@given(st.text(max_size=300), st.integers(0, 200))
def test_mangled_document_xml(noise, depth):
    parts = read_parts(DOCX)
    xml = parts["word/document.xml"].decode("utf-8")
    nested = "<w:p>" * depth + noise.replace("<", "&lt;") + "</w:p>" * depth
    parts["word/document.xml"] = xml.replace("</w:body>", nested + "</w:body>").encode("utf-8")
    try:
        redact_docx(write_parts(parts), _redactor(), keep_images=False)
    except FormatError:
        return


def test_deeply_nested_xml_is_refused_or_handled_quickly():
    parts = read_parts(DOCX)
    xml = parts["word/document.xml"].decode("utf-8")
    deep = "<w:p>" * 50_000 + "</w:p>" * 50_000
    parts["word/document.xml"] = xml.replace("</w:body>", deep + "</w:body>").encode("utf-8")
    try:
        redact_docx(write_parts(parts), _redactor(), keep_images=False)
    except FormatError:
        pass


def test_many_tiny_entries_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(5000):
            archive.writestr(f"word/x{i}.xml", "<a/>")
    try:
        redact_docx(buffer.getvalue(), _redactor(), keep_images=False)
    except FormatError as exc:
        assert "entries" in str(exc) or "document" in str(exc)
    else:
        raise AssertionError("a zip with 5000 entries was accepted")


def test_huge_page_is_redacted_or_refused_without_hanging():
    import time

    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=14_400, height=14_400)  # the largest page PDF allows
    for row in range(0, 14_000, 40):
        page.insert_text((20, 20 + row), f"Row {row}: {NAME} was at the motel.", fontsize=11)
    data = doc.tobytes()
    doc.close()
    began = time.monotonic()
    try:
        result = redact_pdf(data, _redactor(), keep_images=False)
    except FormatError:
        return
    assert time.monotonic() - began < 60
    assert not result.leaks
    assert not mentions(pdf_attacker_text(result.data), NAME)
