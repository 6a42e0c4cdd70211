"""PDF redaction: text is removed, not covered, and nothing else in the file names anyone."""

from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest

from redaction.formats import UnreadablePage, redact_pdf
from tests.unit.formats.builders import (
    KNOWN,
    NAME,
    mentions,
    pdf_attacker_text,
    png_bytes,
    reportlab_pdf,
)
from tests.unit.formats.redactor import DictRedactor


def redact(data: bytes, keep_images: bool = False):
    redactor = DictRedactor(KNOWN)
    return redact_pdf(data, redactor, keep_images=keep_images), redactor


def page_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\n".join(page.get_text() for page in doc)


def assert_clean(data: bytes, *extra: str) -> None:
    hay = pdf_attacker_text(data)
    for needle in [*KNOWN, *extra]:
        assert not mentions(hay, needle), needle


def test_black_rectangle_over_live_text_does_not_hide_it_from_us():
    def cover(c):
        c.setFillColorRGB(0, 0, 0)
        c.rect(100, 700, 200, 14, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(110, 703, "Kiara Whitfield")
    result, _ = redact(reportlab_pdf(["Declaration follows."], extra=cover))
    assert_clean(result.data)
    assert "Jane Doe" in page_text(result.data)
    assert not result.leaks


def test_text_in_a_hidden_layer_is_read_and_removed():
    doc = pymupdf.open()
    page = doc.new_page()
    ocg = doc.add_ocg("Reviewer notes", on=False)
    page.insert_text((72, 72), "Public text.", fontsize=11)
    page.insert_text((72, 100), "Layer note: Tanya Whitfield called.", fontsize=11, oc=ocg)
    result, _ = redact(doc.tobytes())
    assert_clean(result.data, "Reviewer notes")
    assert "Family Member 1" in page_text(result.data)


def test_white_and_invisible_text_is_redacted():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "White: Kiki", fontsize=11, color=(1, 1, 1))
    page.insert_text((72, 100), "Invisible: Kiara", fontsize=11, render_mode=3)
    result, _ = redact(doc.tobytes())
    assert_clean(result.data)


def test_author_title_subject_and_xmp_metadata_are_scrubbed():
    data = reportlab_pdf(["Nothing identifying here."])
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc>{NAME}</dc></x:xmpmeta>")
        data = doc.tobytes()
    result, _ = redact(data)
    with pikepdf.open(io.BytesIO(result.data)) as pdf:
        assert "/Metadata" not in pdf.Root
        info = pdf.trailer.get("/Info")
        assert info is None or not any(str(v) for v in info.values())
    assert_clean(result.data)


def test_a_name_broken_across_lines_is_found():
    lines = ["On the night in question the minor plaintiff, whose name is Kiara",
             "Whitfield, was taken to the motel by the defendant's employee."]
    result, redactor = redact(reportlab_pdf(lines))
    assert "Kiara Whitfield, was" in redactor.calls[0][0]  # lines of a paragraph are joined
    assert_clean(result.data)
    text = page_text(result.data)
    assert "was taken to the motel" in text and "On the night in question" in text


def test_a_table_row_wrapped_before_its_next_cell_is_read_as_one_row():
    lines = ["player_id     | last_name      | first_name   | dob        | age_grp | guardian_name",
             "| guardian_phone | address                 | school              | status",
             "| Kiara Whitfield was registered by the club.",
             "| a | b |",
             "| c | d |"]
    _result, redactor = redact(reportlab_pdf(lines))
    text = redactor.calls[0][0]
    assert "guardian_name | guardian_phone" in text  # the header's cells on one line
    assert "| a | b |\n| c | d |" in text  # a row that closes with its pipe ends the line


def test_replacement_is_written_where_the_name_was():
    result, _ = redact(reportlab_pdf(["Kiara Whitfield met counsel on March 3."]))
    with pymupdf.open(stream=result.data, filetype="pdf") as doc:
        hits = doc[0].search_for("Jane Doe")
        assert hits and hits[0].x0 == pytest.approx(54, abs=2)
        assert "met counsel on March 3." in doc[0].get_text()


def test_image_only_page_is_refused_naming_the_page():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Cover page.", fontsize=11)
    scan = doc.new_page()
    scan.insert_image(scan.rect, stream=png_bytes())
    with pytest.raises(UnreadablePage) as err:
        redact(doc.tobytes())
    assert err.value.page == 2 and "page 2" in str(err.value)


def test_scan_with_only_a_caption_is_refused():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 40), "Exhibit 3", fontsize=11)
    page.insert_image(pymupdf.Rect(36, 60, 576, 760), stream=png_bytes())
    with pytest.raises(UnreadablePage):
        redact(doc.tobytes())


def test_small_logo_next_to_text_is_fine_and_removed_or_kept_per_profile():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(36, 36, 76, 76), stream=png_bytes())
    page.insert_text((90, 60), "Letterhead. Kiara attended.", fontsize=11)
    data = doc.tobytes()
    dropped, _ = redact(data, keep_images=False)
    kept, _ = redact(data, keep_images=True)
    with pymupdf.open(stream=dropped.data, filetype="pdf") as out:
        assert all(info["width"] <= 1 for info in out[0].get_image_info())
    with pymupdf.open(stream=kept.data, filetype="pdf") as out:
        assert [info["width"] for info in out[0].get_image_info()] == [40]
    assert_clean(dropped.data)
    assert_clean(kept.data)


def test_annotations_forms_attachments_javascript_and_outline_are_removed():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Body text only.", fontsize=11)
    page.add_text_annot((72, 100), f"Call {NAME}")
    page.add_freetext_annot(pymupdf.Rect(72, 120, 300, 150), f"Note: {NAME}")
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT  # type: ignore[attr-defined]
    widget.field_name = "client"
    widget.field_value = NAME
    widget.rect = pymupdf.Rect(72, 200, 300, 220)
    page.add_widget(widget)
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 60, 200, 75),
                      "uri": "https://instagram.example/kiki"})
    doc.embfile_add("kiara.txt", f"{NAME} intake".encode(), filename="kiara.txt")
    doc.set_toc([[1, f"Statement of {NAME}", 1]])
    js = doc.get_new_xref()
    doc.update_object(js, f"<< /S /JavaScript /JS (app.alert\\('{NAME}'\\)) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    result, _ = redact(doc.tobytes())
    with pymupdf.open(stream=result.data, filetype="pdf") as out:
        assert out.embfile_count() == 0 and out.get_toc() == []
        assert list(out[0].annots()) == [] and list(out[0].widgets()) == []
        assert out[0].get_links() == []
    assert_clean(result.data, "kiki", "JavaScript")


def test_redactions_carry_their_page_number():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "First page.", fontsize=11)
    doc.new_page().insert_text((72, 72), "Second page names Kiara.", fontsize=11)
    result, _ = redact(doc.tobytes())
    assert [page for page, _ in result.redactions] == [2]


def test_rotated_page_is_redacted_and_keeps_its_rotation():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Rotated mention of Kiara here.", fontsize=11)
    page.set_rotation(90)
    result, _ = redact(doc.tobytes())
    assert_clean(result.data)
    with pymupdf.open(stream=result.data, filetype="pdf") as out:
        assert out[0].rotation == 90
        assert "Rotated mention of" in out[0].get_text()


class _BlindRedactor(DictRedactor):
    def redact_many(self, texts):
        from redaction.types import RedactedText
        return [RedactedText(t, ()) for t in texts]


def test_a_known_name_the_redactor_missed_is_reported_with_its_page():
    result = redact_pdf(reportlab_pdf([f"{NAME} testified."]), _BlindRedactor(KNOWN),
                        keep_images=False)
    assert 1 in {page for page, _ in result.leaks}
