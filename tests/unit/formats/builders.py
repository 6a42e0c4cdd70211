"""Fixture documents built at test time, each carrying one known redaction failure."""

from __future__ import annotations

import html
import io
import re
import zipfile

import docx
import pikepdf
import pymupdf
from pypdf import PdfReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAME = "Kiara Whitfield"
KNOWN = {"Kiara Denise Whitfield": "Jane Doe", "Kiara Whitfield": "Jane Doe", "Kiara": "Jane Doe",
         "Tanya Whitfield": "Family Member 1", "Kiki": "Jane Doe"}


def base_docx(*paragraphs: str, author: str = NAME) -> bytes:
    """A python-docx document with metadata, a header naming the client and some paragraphs."""
    d = docx.Document()
    d.core_properties.author = author
    d.core_properties.title = f"Notes re {author}"
    d.core_properties.last_modified_by = author
    d.core_properties.subject = author
    d.core_properties.keywords = author
    d.core_properties.comments = author
    d.sections[0].header.paragraphs[0].text = f"Re: {author}"
    d.sections[0].footer.paragraphs[0].text = f"Privileged - {author}"
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def read_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_parts(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return buf.getvalue()


def with_body(data: bytes, inner: str) -> bytes:
    """Append raw WordprocessingML (paragraphs, tables) to the end of the body."""
    parts = read_parts(data)
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r"(<w:sectPr[ >])", inner.replace("\\", "\\\\") + r"\1", xml, count=1)
    parts["word/document.xml"] = xml.encode()
    return write_parts(parts)


def add_part(data: bytes, name: str, body: str, rel_type: str, content_type: str,
             rel_id: str = "rIdX1", source: str = "word/document.xml",
             mode: str = "") -> bytes:
    """Add a part with a relationship from `source` and a content-type override."""
    parts = read_parts(data)
    folder, fname = source.rsplit("/", 1) if "/" in source else ("", source)
    rels_name = f"{folder}/_rels/{fname}.rels" if folder else f"_rels/{fname}.rels"
    target = name if mode else (name.split("/", 1)[1] if name.startswith("word/") else "/" + name)
    rels = parts[rels_name].decode()
    extra = f' TargetMode="{mode}"' if mode else ""
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"{extra}/>'
                        "</Relationships>")
    parts[rels_name] = rels.encode()
    if not mode:
        ct = parts["[Content_Types].xml"].decode()
        ct = ct.replace("</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/>'
                        "</Types>")
        parts["[Content_Types].xml"] = ct.encode()
        parts[name] = body.encode()
    return write_parts(parts)


def docx_attacker_text(data: bytes) -> str:
    """Every part of the package, runs joined per paragraph plus tag-stripped XML."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            raw = zf.read(name)
            xml = raw.decode("utf-8", "replace")
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
                out.append("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", para)))
            out.append(re.sub(r"<[^>]+>", " ", xml))
            out.extend(re.findall(r'="([^"]*)"', xml))
            out.append(raw.decode("latin-1"))
    return html.unescape("\n".join(out))


def pdf_attacker_text(data: bytes) -> str:
    """Page text, metadata, every decompressed stream and every string object."""
    out: list[str] = []
    reader = PdfReader(io.BytesIO(data))
    out.extend(p.extract_text() or "" for p in reader.pages)
    if reader.metadata:
        out.extend(str(v) for v in reader.metadata.values())
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        out.extend(page.get_text() for page in doc)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    out.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:  # image codecs pikepdf does not decode
                    out.append(obj.read_raw_bytes().decode("latin-1"))
            elif isinstance(obj, pikepdf.String):
                out.append(str(obj))
            elif isinstance(obj, pikepdf.Dictionary):
                out.extend(str(v) for v in obj.values() if isinstance(v, pikepdf.String))
    return "\n".join(out)


def mentions(hay: str, needle: str) -> bool:
    """Whole-word, case-insensitive, any white space: the evaluation's notion of present."""
    pattern = r"\s+".join(re.escape(p) for p in needle.split())
    return re.search(rf"(?<!\w){pattern}(?!\w)", hay, re.I) is not None


def reportlab_pdf(lines: list[str], *, author: str = NAME, extra=None) -> bytes:
    """A text PDF written the way the evaluation writes one, with metadata naming the client."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setAuthor(author)
    c.setTitle(f"Declaration of {author}")
    c.setSubject(f"Client file: {author}")
    c.setKeywords(author)
    c.setFont("Helvetica", 10)
    y = letter[1] - 54
    for line in lines:
        c.drawString(54, y, line)
        y -= 13
    if extra is not None:
        extra(c)
    c.save()
    return buf.getvalue()


def png_bytes(width: int = 40, height: int = 40) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, (200, 30, 30))
    return pix.tobytes("png")
