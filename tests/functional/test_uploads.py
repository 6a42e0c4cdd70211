"""Uploads: type by content, size cap, DOCX limits, encrypted storage, audit, membership."""

from __future__ import annotations

import hashlib
import io
import zipfile

from sqlalchemy import select

from intake.blobstore import BlobStore
from intake.models import AuditEvent, Document
from intake.records import Vault
from tests.functional.export_support import (
    TEXT,
    actions,
    documents,
    exports_of,
    start_export,
    upload,
    wait_jobs,
)
from tests.functional.web_support import (
    make_staff,
    post,
    seed_matter,
    sign_in,
)
from tests.unit.formats.builders import base_docx, docx_attacker_text, reportlab_pdf


def _signed_in(app, svc):
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)
    client = app.test_client()
    sign_in(client, advocate)
    return advocate, seeded, client


def test_upload_is_encrypted_hashed_and_recorded(app, svc):
    _adv, seeded, client = _signed_in(app, svc)
    body = TEXT.encode() * 40  # several 64 KiB chunks would need more; still one+ chunk
    resp = upload(client, seeded.matter_id, [(body, "Marisol statement.txt")],
                  subject_id=seeded.subject_id)
    assert resp.status_code == 302
    doc = documents(svc, seeded.matter_id)[0]
    assert doc.kind == "txt" and doc.size_bytes == len(body)
    assert doc.sha256 == hashlib.sha256(body).hexdigest()
    raw = (svc.config.blob_dir / doc.blob_name).read_bytes()
    assert b"Marisol" not in raw and b"555-0187" not in raw
    with svc.sessions() as s:
        vault = Vault(s, svc.keyring)
        stored = s.get(Document, doc.id)
        assert vault.open(stored)["filename"] == "Marisol statement.txt"
        assert stored.data_key_id != s.get(Document, doc.id).matter_id
        assert BlobStore(svc.config.blob_dir).get(vault, stored.data_key_id, stored.blob_name,
                                                  stored.sha256) == body
    assert actions(svc, doc.id) == [("document.upload", "ok")]
    with svc.sessions() as s:
        details = " ".join(e.details or "" for e in s.scalars(select(AuditEvent)))
    assert "Marisol" not in details and "statement" not in details


def test_type_is_judged_by_content_not_name(app, svc):
    _adv, seeded, client = _signed_in(app, svc)
    page = upload(client, seeded.matter_id, [
        (b"MZ\x90\x00\x03\x00\x00\x00binary", "notes.txt"),
        (b"plain words, not a pdf", "scan.pdf"),
        (reportlab_pdf(["Hello"]), "letter.txt"),
    ])
    assert page.status_code == 302
    kinds = sorted(d.kind for d in documents(svc, seeded.matter_id))
    assert kinds == ["pdf", "txt"]
    follow = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert "File 1 refused" in follow and "notes.txt" not in follow


def test_size_cap_and_docx_limits(app, svc, monkeypatch):
    _adv, seeded, client = _signed_in(app, svc)
    monkeypatch.setenv("CLINIC_MAX_DOCUMENT_BYTES", "1000")
    upload(client, seeded.matter_id, [(b"x" * 1001, "big.txt")])
    page = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert "larger than" in page
    monkeypatch.delenv("CLINIC_MAX_DOCUMENT_BYTES")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("word/document.xml", b"\x00" * (210 * 1024 * 1024))
    not_word = io.BytesIO()
    with zipfile.ZipFile(not_word, "w") as zf:
        zf.writestr("readme.txt", "hello")
    upload(client, seeded.matter_id, [(bomb.getvalue(), "bomb.docx"),
                                      (not_word.getvalue(), "x.docx")])
    assert documents(svc, seeded.matter_id) == []
    page = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert "DOCX refused" in page and "not a Word document" in page


def test_non_member_gets_404(app, svc):
    _adv, seeded, _client = _signed_in(app, svc)
    outsider = make_staff(svc, "attorney")
    other = app.test_client()
    sign_in(other, outsider)
    assert other.get(f"/matters/{seeded.matter_id}/documents").status_code == 404


def test_docx_and_pdf_are_redacted_through_jobs(engine_app, svc):
    advocate, seeded, client = _signed_in(engine_app, svc)
    name = "Marisol Quintanilla-Reyes"
    docx_body = base_docx(f"{name} called from (404) 555-0187.", author=name)
    pdf_body = reportlab_pdf([f"Declaration of {name}.", "Phone (404) 555-0187."], author=name)
    broken = b"%PDF-1.4 this is not really a pdf"
    upload(client, seeded.matter_id, [(docx_body, "a.docx"), (pdf_body, "b.pdf"),
                                      (broken, "c.pdf")], subject_id=seeded.subject_id)
    docs = documents(svc, seeded.matter_id)
    assert [d.kind for d in docs] == ["docx", "pdf", "pdf"]
    resp = start_export(client, seeded.matter_id, [d.id for d in docs], "County Victim Services")
    batch_id = resp.headers["Location"].rsplit("/", 1)[-1]
    wait_jobs(engine_app)
    status = client.get(f"/batches/{batch_id}/status").get_json()
    assert status["done"] and status["finished"] == 3 and status["failed"] == 1
    failed = next(j for j in status["jobs"] if j["status"] == "failed")
    assert failed["error"] and "Marisol" not in failed["error"]
    made = {e.document_id: e for e in exports_of(svc, batch_id)}
    docx_export = made[docs[0].id]
    assert docx_export.status == "review" and docx_export.leak_check_passed
    # Reviewer additions work on DOCX too: redact a word and check the written file.
    post(client, f"/exports/{docx_export.id}/add", {"phrase": "called", "category": "OTHER"},
         form_path=f"/exports/{docx_export.id}")
    with svc.sessions() as s:
        vault = Vault(s, svc.keyring)
        row = s.get(type(docx_export), docx_export.id)
        data = BlobStore(svc.config.blob_dir).get(vault, docs[0].data_key_id,
                                                  row.output_blob_name, row.output_sha256)
    seen = docx_attacker_text(data)
    assert "Marisol" not in seen and "555-0187" not in seen and "called" not in seen
    assert made[docs[1].id].status == "review" and made[docs[1].id].leak_check_passed
    assert ("export.redact", "failed") in actions(svc, made[docs[2].id].id)


def test_members_see_the_original_file_names_and_no_one_else(app, svc):
    _adv, seeded, client = _signed_in(app, svc)
    upload(client, seeded.matter_id, [(TEXT.encode(), "Marisol intake notes.txt")],
           subject_id=seeded.subject_id)
    page = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert '">Marisol intake notes.txt</label>' in page  # the export checkbox's label
    outsider = app.test_client()
    sign_in(outsider, make_staff(svc, "advocate"))
    refused = outsider.get(f"/matters/{seeded.matter_id}/documents")
    assert refused.status_code == 404 and "Marisol" not in refused.get_data(as_text=True)
    with svc.sessions() as s:
        stored = s.scalars(select(Document).where(Document.matter_id == seeded.matter_id)).one()
        assert b"Marisol" not in (stored.filename_ct or b"")
        details = " ".join(e.details or "" for e in s.scalars(select(AuditEvent)))
    assert "Marisol" not in details and "intake notes" not in details
