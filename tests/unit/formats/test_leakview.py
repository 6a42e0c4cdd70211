"""The PDF leak view reads a content stream as an attacker does."""

from __future__ import annotations

import io

import pikepdf

from redaction.formats.leakview import pdf_view


def _pdf_with_content(content: bytes) -> bytes:
    pdf = pikepdf.new()
    page = pdf.add_blank_page()
    page.obj.Contents = pdf.make_stream(content)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_a_word_shown_in_two_fonts_reads_as_one_word():
    data = _pdf_with_content(b"BT /F1 10 Tf 54 700 Td (name: Nei) Tj /F2 10 Tf (n) Tj "
                             b"/F1 10 Tf (a Lojkar) Tj ET")
    streams = pdf_view(data)[-1][1]
    assert "name: Neina Lojkar" in streams, streams


def test_separate_words_in_two_fonts_stay_apart():
    data = _pdf_with_content(b"BT /F1 10 Tf 54 700 Td (Court ) Tj /F2 10 Tf (Order) Tj ET")
    streams = pdf_view(data)[-1][1]
    assert "CourtOrder" not in streams, streams
