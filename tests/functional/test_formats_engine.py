"""The real engine on the dev set, turned into DOCX and PDF as the evaluation does it:
no known identifier may survive in any part, stream or metadata field."""

from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path

import docx
import pytest

from redaction.context import CaseContext
from redaction.engine import RedactionEngine
from redaction.formats import redact_docx, redact_pdf
from redaction.profiles import load_profile
from tests.unit.formats.builders import docx_attacker_text, mentions, pdf_attacker_text

DEV = Path(__file__).resolve().parents[1] / "data" / "eval_dev"
LABELS = json.loads((DEV / "labels.json").read_text())


def make_docx(text: str, author: str, title: str) -> bytes:
    """Same construction as the evaluation: metadata, a header and a comment name the client."""
    d = docx.Document()
    d.core_properties.author = author
    d.core_properties.title = title
    d.core_properties.last_modified_by = author
    d.sections[0].header.paragraphs[0].text = title
    paras = [d.add_paragraph(block) for block in text.split("\n")]
    first = next(p for p in paras if p.runs)
    d.add_comment(first.runs, text=f"check with {author} before filing", author=author,
                  initials="")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_pdf(text: str, author: str, title: str) -> bytes:
    """Same construction as the evaluation: Helvetica 10, wrapped at 95 characters."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setAuthor(author)
    c.setTitle(title)
    c.setSubject(f"Client file: {author}")
    y = letter[1] - 54
    c.setFont("Helvetica", 10)
    for para in text.split("\n"):
        for line in textwrap.wrap(para, 95) or [""]:
            if y < 54:
                c.showPage()
                c.setFont("Helvetica", 10)
                y = letter[1] - 54
            c.drawString(54, y, line)
            y -= 13
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def engine() -> RedactionEngine:
    return RedactionEngine()


def _known(doc_id: str, author: str) -> list[str]:
    items = [i["text"] for i in LABELS[doc_id]["must_remove"] if i.get("kind") == "known"]
    return [*items, author]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", sorted(LABELS))
def test_no_known_identifier_survives_anywhere_in_the_file(engine, doc_id, fmt):
    lab = LABELS[doc_id]
    context = CaseContext.from_file(DEV / "cases" / f"{lab['case']}.json")
    profile = load_profile(lab.get("profile", "court"))
    session = engine.session(context, profile)
    author = json.loads((DEV / "cases" / f"{lab['case']}.json").read_text())["subjects"][0][
        "names"][0]
    text = (DEV / "docs" / f"{doc_id}.txt").read_text()
    if fmt == "docx":
        result = redact_docx(make_docx(text, author, f"Notes re {author}"), session,
                             keep_images=profile.keep_images)
        hay = docx_attacker_text(result.data)
    else:
        result = redact_pdf(make_pdf(text, author, f"Declaration of {author}"), session,
                            keep_images=profile.keep_images)
        hay = pdf_attacker_text(result.data)
    assert result.leaks == []
    hay = re.sub(r"\s+", " ", hay)
    leaked = [k for k in _known(doc_id, author) if mentions(hay, k)]
    assert leaked == [], f"{len(leaked)} known identifiers left in {doc_id}.{fmt}"
    for pseudonym in lab.get("pseudonyms", {}):
        assert mentions(hay, pseudonym), "the replacement was not written into the file"
