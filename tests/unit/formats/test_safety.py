"""Hostile and broken files are refused quickly, with a message that quotes nothing."""

from __future__ import annotations

import io
import time
import zipfile

import pymupdf
import pytest

from redaction.formats import FormatError, redact_docx, redact_pdf
from redaction.formats.safety import MAX_ZIP_ENTRIES
from tests.unit.formats.builders import (
    KNOWN,
    NAME,
    base_docx,
    read_parts,
    reportlab_pdf,
    write_parts,
)
from tests.unit.formats.redactor import DictRedactor


def refused(fn, data: bytes) -> FormatError:
    started = time.monotonic()
    with pytest.raises(FormatError) as err:
        fn(data, DictRedactor(KNOWN), keep_images=False)
    assert time.monotonic() - started < 10
    message = str(err.value)
    assert "\n" not in message and NAME not in message and "Kiara" not in message
    return err.value


def with_document_xml(xml: str) -> bytes:
    parts = read_parts(base_docx())
    parts["word/document.xml"] = xml.encode()
    return write_parts(parts)


def test_not_a_zip_is_refused():
    assert "ZIP" in str(refused(redact_docx, b"Kiara Whitfield plain text, not a docx"))


def test_truncated_docx_is_refused():
    data = base_docx(f"{NAME} statement.")
    refused(redact_docx, data[: len(data) // 2])


def test_zip_bomb_entry_is_refused_by_expansion_ratio():
    parts = read_parts(base_docx())
    parts["word/media/bomb.bin"] = b"\0" * (30 * 1024 * 1024)
    assert "ratio" in str(refused(redact_docx, write_parts(parts)))


def test_archive_with_too_many_entries_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(MAX_ZIP_ENTRIES + 1):
            zf.writestr(f"junk/{i}.xml", b"<a/>")
    assert "entries" in str(refused(redact_docx, buf.getvalue()))


def test_path_traversal_entry_is_refused():
    parts = read_parts(base_docx())
    parts["../../etc/evil.xml"] = b"<a/>"
    assert "path" in str(refused(redact_docx, write_parts(parts)))


def test_external_entity_is_refused():
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    assert "DTD" in str(refused(redact_docx, with_document_xml(xml)))


def test_billion_laughs_is_refused_without_expanding():
    ents = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{ents}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    refused(redact_docx, with_document_xml(xml))


def test_malformed_xml_is_refused():
    refused(redact_docx, with_document_xml("<w:document><w:body><w:p>"))


def test_package_without_main_document_is_refused():
    parts = read_parts(base_docx())
    del parts["word/document.xml"]
    refused(redact_docx, write_parts(parts))


def test_not_a_pdf_is_refused():
    assert "not a PDF" in str(refused(redact_pdf, b"Kiara Whitfield said hello"))


def test_truncated_pdf_is_refused():
    refused(redact_pdf, reportlab_pdf([f"{NAME} statement."])[:120])


def test_encrypted_pdf_is_refused():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), f"{NAME} statement.")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256,  # type: ignore[attr-defined]
                       owner_pw="owner", user_pw="user")
    assert "encrypted" in str(refused(redact_pdf, data))


def test_pdf_encrypted_with_only_an_owner_password_is_refused():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), f"{NAME} statement.")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256,  # type: ignore[attr-defined]
                       owner_pw="owner", user_pw="")
    refused(redact_pdf, data)


def test_oversized_input_is_refused(monkeypatch):
    monkeypatch.setattr("redaction.formats.safety.MAX_INPUT_BYTES", 1000)
    refused(redact_pdf, b"%PDF-1.7\n" + b" " * 2000)
    refused(redact_docx, base_docx())


def test_the_pdf_leak_view_reads_custom_keys_but_not_the_formats_short_ones():
    # "/AA" and "/AF" are PDF's own words; read as the initials of a client named Adebola
    # Adeyemi they held back every file of hers. A longer key can carry anything: it is read.
    import pikepdf

    from redaction.formats.leakview import pdf_view

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.AA = pikepdf.Dictionary()
    pdf.Root.AF = pikepdf.Array()
    pdf.Root.AdeyemiFileNote = pikepdf.String("x")
    buf = io.BytesIO()
    pdf.save(buf)
    text = "\n".join(t for _page, t in pdf_view(buf.getvalue()))
    assert "/AdeyemiFileNote" in text
    assert "/AA" not in text and "/AF" not in text
