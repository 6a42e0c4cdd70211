"""DOCX redaction: each test carries one of the known ways a name survives in a Word file."""

from __future__ import annotations

import io
import re

import docx
import pytest

from redaction.formats import redact_docx
from redaction.types import Leak, RedactedText
from tests.unit.formats.builders import (
    KNOWN,
    NAME,
    add_part,
    base_docx,
    docx_attacker_text,
    mentions,
    png_bytes,
    read_parts,
    with_body,
)
from tests.unit.formats.redactor import DictRedactor

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def redact(data: bytes, keep_images: bool = False):
    redactor = DictRedactor(KNOWN)
    result = redact_docx(data, redactor, keep_images=keep_images)
    return result, redactor


def body_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def assert_clean(data: bytes, *extra: str) -> None:
    hay = docx_attacker_text(data)
    for needle in [*KNOWN, *extra]:
        assert not mentions(hay, needle), needle


def test_name_split_across_runs_is_found_and_replaced_in_first_run():
    data = with_body(base_docx(), (
        "<w:p><w:r><w:t xml:space=\"preserve\">Met with Ki</w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>ara Whit</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\">field today.</w:t></w:r></w:p>"))
    result, _ = redact(data)
    assert "Met with Jane Doe today." in body_text(result.data)
    assert not result.leaks
    assert_clean(result.data)


def test_tracked_deletion_of_a_name_leaves_no_deleted_text_or_reviser():
    data = with_body(base_docx(), (
        '<w:p><w:r><w:t xml:space="preserve">Client: </w:t></w:r>'
        '<w:del w:id="1" w:author="Marcus Pettaway" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>Kiara Whitfield</w:delText></w:r></w:del>"
        '<w:ins w:id="2" w:author="Marcus Pettaway" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:t>the minor plaintiff</w:t></w:r></w:ins></w:p>"))
    result, _ = redact(data)
    assert "Client: the minor plaintiff" in body_text(result.data)
    xml = read_parts(result.data)["word/document.xml"].decode()
    assert "w:del " not in xml and "w:delText" not in xml and "w:ins " not in xml
    assert_clean(result.data, "Marcus Pettaway")


def test_deleted_table_row_is_dropped():
    row = '<w:tr><w:trPr><w:del w:id="5" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr>' \
          "<w:tc><w:p><w:r><w:t>Secret Row Person</w:t></w:r></w:p></w:tc></w:tr>"
    keep = "<w:tr><w:tc><w:p><w:r><w:t>Kiara visited</w:t></w:r></w:p></w:tc></w:tr>"
    data = with_body(base_docx(), f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{row}{keep}</w:tbl>")
    result, _ = redact(data)
    doc = docx.Document(io.BytesIO(result.data))
    assert [c.text for c in doc.tables[0]._cells] == ["Jane Doe visited"]
    assert_clean(result.data, "Secret Row Person")


def test_comment_naming_the_client_is_removed_with_its_anchors():
    d = docx.Document(io.BytesIO(base_docx("Intake summary follows.")))
    para = d.paragraphs[-1]
    d.add_comment(para.runs, text=f"check with {NAME} before filing", author=NAME, initials="KW")
    buf = io.BytesIO()
    d.save(buf)
    result, _ = redact(buf.getvalue())
    parts = read_parts(result.data)
    assert not [n for n in parts if "comment" in n.lower()]
    assert b"commentReference" not in parts["word/document.xml"]
    assert b"commentRangeStart" not in parts["word/document.xml"]
    assert "Intake summary follows." in body_text(result.data)
    assert_clean(result.data, "KW")


def test_core_app_and_custom_properties_and_custom_xml_are_scrubbed():
    data = base_docx("Body text.")
    parts = read_parts(data)
    app = parts["docProps/app.xml"].decode().replace(
        "</Properties>", f"<Company>{NAME} LLC</Company><Manager>Tanya Whitfield</Manager>"
                         "</Properties>")
    parts["docProps/app.xml"] = app.encode()
    from tests.unit.formats.builders import write_parts
    data = write_parts(parts)
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              f'pid="2" name="Client"><vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>')
    data = add_part(data, "docProps/custom.xml", custom, f"{REL}/custom-properties",
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                    source="", rel_id="rIdC1")
    data = add_part(data, "customXml/item1.xml", f"<client><name>{NAME}</name></client>",
                    f"{REL}/customXml", "application/xml", rel_id="rIdC2")
    result, _ = redact(data)
    parts = read_parts(result.data)
    assert "docProps/custom.xml" not in parts
    assert not [n for n in parts if n.startswith("customXml/")]
    assert b"Company" not in parts["docProps/app.xml"]
    core = docx.Document(io.BytesIO(result.data)).core_properties
    assert (core.author, core.title, core.last_modified_by, core.subject) == ("", "", "", "")
    assert_clean(result.data)


def test_header_footer_table_and_text_box_are_redacted():
    textbox = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1" '
        'style="width:100pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r>'
        "<w:t>Box: Kiki</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
        "</w:r><w:r><w:t xml:space=\"preserve\"> outer text</w:t></w:r></w:p>")
    table = ("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r>"
             "<w:t>Tanya Whitfield</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    result, redactor = redact(with_body(base_docx(), textbox + table))
    assert len(redactor.calls) == 1  # one batch for the whole document
    doc = docx.Document(io.BytesIO(result.data))
    assert doc.sections[0].header.paragraphs[0].text == "Re: Jane Doe"
    assert doc.sections[0].footer.paragraphs[0].text == "Privileged - Jane Doe"
    assert doc.tables[0].cell(0, 0).text == "Family Member 1"
    assert b"Box: Jane Doe" in read_parts(result.data)["word/document.xml"]
    assert_clean(result.data)


def test_footnotes_and_endnotes_are_redacted():
    notes = (f'<w:footnotes {W_DECL}><w:footnote w:id="1"><w:p><w:r>'
             "<w:t>Per Kiara Whitfield's mother.</w:t></w:r></w:p></w:footnote></w:footnotes>")
    data = add_part(base_docx("See note."), "word/footnotes.xml", notes, f"{REL}/footnotes",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml."
                    "footnotes+xml")
    result, _ = redact(data)
    assert b"Per Jane Doe's mother." in read_parts(result.data)["word/footnotes.xml"]
    assert_clean(result.data)


def test_hidden_text_is_removed_even_when_the_redactor_does_not_know_it():
    data = with_body(base_docx(), (
        '<w:p><w:r><w:t xml:space="preserve">Visible. </w:t></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Secret Hidden Person</w:t></w:r></w:p>"))
    result, _ = redact(data)
    assert "Visible." in body_text(result.data)
    assert_clean(result.data, "Secret Hidden Person")


def test_text_hidden_by_a_character_style_is_removed():
    data = base_docx()
    parts = read_parts(data)
    styles = parts["word/styles.xml"].decode().replace(
        "</w:styles>", '<w:style w:type="character" w:styleId="Sneaky"><w:name w:val="Sneaky"/>'
                       "<w:rPr><w:vanish/></w:rPr></w:style></w:styles>")
    parts["word/styles.xml"] = styles.encode()
    from tests.unit.formats.builders import write_parts
    data = with_body(write_parts(parts), (
        '<w:p><w:r><w:rPr><w:rStyle w:val="Sneaky"/></w:rPr><w:t>Styled Secret</w:t></w:r></w:p>'))
    result, _ = redact(data)
    assert_clean(result.data, "Styled Secret")


def _with_picture(descr: str) -> bytes:
    d = docx.Document(io.BytesIO(base_docx("Photo below.")))
    d.add_picture(io.BytesIO(png_bytes()))
    buf = io.BytesIO()
    d.save(buf)
    parts = read_parts(buf.getvalue())
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r'(<wp:docPr [^>]*?)name="[^"]*"', rf'\1name="kiara_whitfield.png" '
                 rf'descr="{descr}" title="{descr}"', xml)
    parts["word/document.xml"] = xml.encode()
    from tests.unit.formats.builders import write_parts
    return write_parts(parts)


def test_images_are_removed_when_the_profile_drops_them():
    result, _ = redact(_with_picture(f"Photo of {NAME}"), keep_images=False)
    parts = read_parts(result.data)
    assert not [n for n in parts if n.startswith("word/media/")]
    assert b"<w:drawing" not in parts["word/document.xml"]
    assert_clean(result.data, "kiara_whitfield")
    docx.Document(io.BytesIO(result.data))  # still a valid document


def test_kept_images_have_their_alt_text_redacted_and_name_made_generic():
    result, _ = redact(_with_picture(f"Photo of {NAME}"), keep_images=True)
    parts = read_parts(result.data)
    assert [n for n in parts if n.startswith("word/media/")]
    xml = parts["word/document.xml"].decode()
    assert 'descr="Photo of Jane Doe"' in xml
    assert "kiara_whitfield" not in xml
    assert_clean(result.data)


def test_embedded_ole_object_is_removed():
    obj = ('<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
           f'xmlns:r="{REL}" Type="Embed" ProgID="Word.Document.12" r:id="rIdOle"/>'
           "</w:object></w:r></w:p>")
    data = add_part(with_body(base_docx(), obj), "word/embeddings/doc1.docx",
                    f"hidden copy naming {NAME}", f"{REL}/package",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    rel_id="rIdOle")
    result, _ = redact(data)
    parts = read_parts(result.data)
    assert not [n for n in parts if "embeddings" in n]
    assert b"OLEObject" not in parts["word/document.xml"]
    assert_clean(result.data)


def test_field_codes_and_external_hyperlinks_are_redacted():
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
             'xml:space="preserve"> HYPERLINK "mailto:kiki@example.com" \\o "Kiara" </w:instrText>'
             '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>email</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    data = add_part(with_body(base_docx(), field), "https://instagram.example/kiki", "",
                    f"{REL}/hyperlink", "", rel_id="rIdH1", mode="External")
    result, _ = redact(data)
    assert_clean(result.data)
    rels = read_parts(result.data)["word/_rels/document.xml.rels"].decode()
    assert "about:blank" in rels


def test_settings_lose_template_paths_and_ask_word_to_remove_personal_info():
    parts = read_parts(base_docx())
    settings = parts["word/settings.xml"].decode().replace(
        "<w:zoom", '<w:docVars><w:docVar w:name="client" w:val="Kiara Whitfield"/></w:docVars>'
                   "<w:zoom", 1)
    parts["word/settings.xml"] = settings.encode()
    from tests.unit.formats.builders import write_parts
    result, _ = redact(write_parts(parts))
    out = read_parts(result.data)["word/settings.xml"]
    assert b"docVars" not in out and b"removePersonalInformation" in out
    assert_clean(result.data)


class _BlindRedactor(DictRedactor):
    """Finds known names when checking for leaks but redacts nothing (an engine bug)."""

    def redact_many(self, texts):
        return [RedactedText(t, ()) for t in texts]


def test_a_known_name_the_redactor_missed_is_reported_as_a_leak():
    result = redact_docx(base_docx(f"{NAME} met counsel."), _BlindRedactor(KNOWN),
                         keep_images=False)
    assert result.leaks
    assert all(page is None and isinstance(leak, Leak) for page, leak in result.leaks)


def test_redactions_are_reported_without_pages():
    result, _ = redact(base_docx(f"{NAME} met counsel."))
    assert result.redactions
    assert {page for page, _ in result.redactions} == {None}
    assert {r.replacement for _, r in result.redactions} == {"Jane Doe"}


@pytest.mark.parametrize("keep_images", [True, False])
def test_output_is_a_valid_document_python_docx_can_open(keep_images):
    result, _ = redact(base_docx("One.", "Two Kiara."), keep_images=keep_images)
    assert body_text(result.data).endswith("One.\nTwo Jane Doe.")


def test_many_documents_can_share_one_engine_batch():
    from redaction.formats import PreparedDocument, prepare_docx, prepare_pdf
    from tests.unit.formats.builders import reportlab_pdf

    redactor = DictRedactor(KNOWN)
    docs: list[PreparedDocument] = [
        prepare_docx(base_docx(f"{NAME} met counsel."), keep_images=False),
        prepare_pdf(reportlab_pdf(["Kiara testified."]), keep_images=False),
    ]
    texts = [t for d in docs for t in d.texts]
    results = redactor.redact_many(texts)
    out, i = [], 0
    for d in docs:
        n = len(d.texts)
        out.append(d.finish(results[i:i + n], redactor))
        i += n
    assert len(redactor.calls) == 1
    assert all(not r.leaks for r in out)
    assert "Jane Doe met counsel." in body_text(out[0].data)
