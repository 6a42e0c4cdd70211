"""The output as an attacker reads it: every part, stream, string and metadata field.

These views feed `TextRedactor.leaks`; a known identifier anywhere in them holds the file
back. They deliberately read more than a word processor or PDF viewer shows.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import pikepdf
import pymupdf
from lxml import etree

from redaction.formats.ooxml import W_NS

_TAG = re.compile(rb"<[^>]+>")
_ATTR = re.compile(rb'([\w:.\-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
# A theme's font list names writing systems by their ISO 15924 codes (<a:font script="Hang">):
# Word's own words, not the author's, and some are names too ("Hang", "Taml")
_SCRIPT_CODES = frozenset(
    b"Arab Armn Beng Bopo Bugi Cans Cher Deva Ethi Geor Grek Gujr Guru Hang Hans Hant Hebr "
    b"Java Jpan Khmr Knda Laoo Lisu Mlym Mong Mymr Nkoo Olck Orya Osma Phag Sinh Sora Syrc "
    b"Tale Talu Taml Telu Tfng Thaa Thai Tibt Uigh Viet Yiii Cyrl Latn".split())
# Fonts the Office themes and font tables name (<a:font typeface="MV Boli">): Word's words too,
# and a few read as initials or names ("MV", "Mangal", "Latha", "Raavi").
_OFFICE_FONTS = frozenset(
    b"Angsana New|Aparajita|Arial|Calibri|Calibri Light|Cambria|Cambria Math|Candara|Consolas|"
    b"Constantia|Corbel|Cordia New|DaunPenh|DokChampa|Ebrima|Estrangelo Edessa|Euphemia|Gadugi|"
    b"Gautami|Georgia|Iskoola Pota|Javanese Text|Kalinga|Kartika|Khmer UI|Kokila|Lao UI|Latha|"
    b"Leelawadee|Leelawadee UI|Mangal|Microsoft Himalaya|Microsoft New Tai Lue|"
    b"Microsoft PhagsPa|Microsoft Tai Le|Microsoft Uighur|Microsoft Yi Baiti|Mongolian Baiti|"
    b"MoolBoran|MV Boli|Myanmar Text|Nirmala UI|Nyala|Plantagenet Cherokee|Raavi|Segoe UI|"
    b"Shruti|Sylfaen|Tahoma|Times New Roman|Tunga|Utsaah|Verdana|Vijaya|Vrinda|"
    b"Yu Gothic|Yu Mincho".split(b"|"))
# Word's built-in style names and ids (<w:style w:styleId="HeaderChar">, <w:lsdException
# w:name="Light Grid Accent 1">): its vocabulary, not the author's; "Char" is a client's alias
# too, and would hold back every file of hers. A value made only of these words is Word's.
_STYLE_WORDS = frozenset(
    "header footer heading char title subtitle list paragraph table grid accent light medium "
    "dark colorful colourful shading normal default font emphasis strong quote intense subtle "
    "reference book bibliography toc caption balloon text comment subject body indent no "
    "spacing placeholder hyperlink followed footnote endnote macro plain html preformatted "
    "bullet number continue signature salutation closing date envelope address return index "
    "line page block revision mention hashtag smart link unresolved simple classic columns "
    "contemporary elegant professional theme web effects outline lined shaded of and first "
    "indent acronym cite code definition keyboard sample typewriter variable bottom top "
    "figure authorities note heading contents lists grid table normal plain style mc "
    "hyper annotation". split())
_STYLE_PART = re.compile(rb"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_LANGUAGE_TAG = re.compile(rb"[a-z]{2,3}(?:-[A-Z][a-z]{3})?-[A-Z]{2}")  # w:lang "ja-JP"
# A tab stop's position, a size or an indent (<w:tab w:pos="3456"/>): a number of six digits or
# fewer on its own is layout, and can hold no phone, account or ID, only its last four digits
# by chance. Longer numbers are still read.
_LAYOUT_NUMBER = re.compile(rb"-?\d{1,6}")
# A content stream's text operators after their operands ("54 738 TD", "(Court)Tj", "BT"):
# the PDF's words, not the author's, and "TD" or "Tj" read as a person's initials. The text the
# operators show is checked as it stands, and the page text is checked on its own as well.
# ("RG BT/F1 10 Tf": "BT" before a font's name is no Brenda Tomlin either)
_PDF_OPERATOR = re.compile(r"(?:(?<=[\d)\]>])\s*|(?<=\s)|^)"
                           r"(?:T[DdfJjLmcwzsr*]|BT|ET|BI|EI|ID|BDC|BMC|EMC|MP|DP|BX|EX|cm|re|Do|gs|"
                           r"RG|rg|CS|cs|SCN?|scn?|ri|sh|[qQ])(?=[\s/\[(<]|$)", re.M)
_SPACE = re.compile(r"\s+")
_FONT_SWITCH = re.compile(r"(?<=[^\W\d_])\)\s*/[\w.+\-]+\s+[\d.]+\s*\((?=[^\W\d_])")
_W_P = f"{{{W_NS}}}p"
_W_T = f"{{{W_NS}}}t"
_MAX_DEPTH = 32


def docx_view(data: bytes) -> list[str]:
    """One text per package part: joined paragraph runs, tag-stripped XML, attribute values."""
    views: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            body = zf.read(name)
            if not name.endswith((".xml", ".rels")):
                # Media and fonts: whatever strings an attacker's `strings` would show.
                views.append(body.decode("latin-1") + "\n" + body.decode("utf-16-le", "replace"))
                continue
            pieces = [_docx_paragraphs(body)]
            # each paragraph's end a line break, as in the joined runs above
            pieces.append(_TAG.sub(b" ", body.replace(b"</w:p>", b"</w:p>\n"))
                          .decode("utf-8", "replace"))
            # Attribute values repeat endlessly in styles and settings; each needs one look.
            values = dict.fromkeys(
                (a or b) for key, a, b in _ATTR.findall(body)
                if not (key == b"script" and (a or b) in _SCRIPT_CODES)
                and (a or b) not in _OFFICE_FONTS and not _LANGUAGE_TAG.fullmatch(a or b)
                and not _LAYOUT_NUMBER.fullmatch(a or b) and not _word_style(a or b))
            pieces.extend(v.decode("utf-8", "replace") for v in values)
            views.append(html.unescape("\n".join(pieces)))
    return [_squeeze(v) for v in views]


def _word_style(value: bytes) -> bool:
    """True for a value made only of two or more of Word's style words, and numbers
    ("Heading1Char", "Light Grid Accent 1", "Header Char")."""
    if not re.fullmatch(rb"[A-Za-z0-9 ]{2,60}", value):
        return False
    words = [w.decode().lower() for w in _STYLE_PART.findall(value) if not w.isdigit()]
    return len(words) >= 2 and all(w in _STYLE_WORDS for w in words)  # "Char" alone is read


_COLUMN_GAP = re.compile(r"[ \t]*(?:\t|[ ]{3})[ \t]*")


def _squeeze(text: str) -> str:
    # Runs of white space become one space: an attacker reads "Jane  Doe" as "Jane Doe", and
    # the leak matcher slows down badly on the long indentation runs of XML parts. A table's
    # column gap inside a line (three spaces or a tab) stays a gap of two, as the text
    # redaction read it: "BRADLEY J.   M   W" is a middle initial, sex and race, not the
    # initials J. M. of someone in the case.
    # A line or paragraph break stays one, as the text redaction read each paragraph on its
    # own: "called me Rose. Sir also. Roses" then "names on the chart" is no "Roses names".
    return _SPACE.sub(lambda m: "\n" if "\n" in m.group(0) else "  "
                      if _COLUMN_GAP.fullmatch(m.group(0)) else " ", text)


def _docx_paragraphs(body: bytes) -> str:
    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return ""
    return "\n".join("".join(t.text or "" for t in p.iter(_W_T)) for p in root.iter(_W_P))


def pdf_view(data: bytes) -> list[tuple[int | None, str]]:
    """Page text (per page), then every decompressed stream, string and metadata field."""
    views: list[tuple[int | None, str]] = []
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            text = page.get_text("text", flags=0)
            views.append((number, text))
        views.append((None, "\n".join(f"{v}" for v in (doc.metadata or {}).values() if v)))
        views.append((None, doc.get_xml_metadata() or ""))
    pieces: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            _collect(obj, pieces, 0)
        if pdf.trailer.get("/Info") is not None:
            _collect(pdf.trailer.Info, pieces, 0)
    views.append((None, "\n".join(pieces)))
    return [(page, _squeeze(text)) for page, text in views]


# the PDF vocabulary's short dictionary keys, read as initials ("/AA" of Adebola Adeyemi)
# would hold back every file of that client; a name can't hide in three capitals
_PDF_SHORT_KEY = re.compile(r"/[A-Z][A-Za-z]?[A-Z]?")


def _collect(obj: object, out: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(obj, pikepdf.Stream):
        try:
            raw = obj.read_bytes()
        except pikepdf.PdfError:
            raw = obj.read_raw_bytes()
        shown = _PDF_OPERATOR.sub(" ", raw.decode("latin-1"))
        # a word shown in two fonts is one word: "(Nei) /F2 10 Tf (n) /F1 10 Tf (a)" reads
        # "Neina", not a name "Nei" (a letter outside the first font's alphabet), and a name
        # so split is read whole
        out.append(_FONT_SWITCH.sub("", shown))
        _collect(obj.stream_dict, out, depth + 1)
    elif isinstance(obj, pikepdf.String):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Dictionary):
        for key, value in obj.items():
            if not _PDF_SHORT_KEY.fullmatch(key):  # "/AA", "/AF", "/ID": the format's words
                out.append(key)
            if not _is_indirect(value):
                _collect(value, out, depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            if not _is_indirect(value):
                _collect(value, out, depth + 1)


def _is_indirect(value: object) -> bool:
    # Indirect objects are visited on their own through `pdf.objects`.
    return bool(getattr(value, "is_indirect", False))
