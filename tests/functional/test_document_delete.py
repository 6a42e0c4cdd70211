"""Deleting an uploaded document from the web app: its file, its exports, the audit trail."""

from __future__ import annotations

import json

from sqlalchemy import select

from intake import lifecycle
from intake.models import AuditEvent, Document, Export, Matter
from tests.functional.export_support import (
    TEXT,
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


def _exported(engine_app, svc):
    """A matter with one uploaded document and an export of it waiting for review."""
    advocate, attorney = make_staff(svc, "advocate"), make_staff(svc, "attorney")
    seeded = seed_matter(svc, advocate, attorney)
    client = engine_app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(TEXT.encode(), "Marisol statement.txt")],
           subject_id=seeded.subject_id)
    doc = documents(svc, seeded.matter_id)[0]
    start_export(client, seeded.matter_id, [doc.id], "County Victim Services")
    wait_jobs(engine_app)
    export = exports_of(svc)[0]
    assert export.status == "review" and export.output_blob_name
    return seeded, client, doc, export


def _blob_files(services) -> set[str]:
    return {p.name for p in services.config.blob_dir.rglob("*") if p.is_file()}


def test_delete_asks_then_removes_the_file_and_withdraws_its_exports(engine_app, svc):
    seeded, client, doc, export = _exported(engine_app, svc)
    before = _blob_files(svc)
    assert doc.blob_name in before and export.output_blob_name in before
    page = client.get(f"/documents/{doc.id}/delete")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "1 export(s)" in text and "Marisol" not in text
    assert documents(svc, seeded.matter_id)  # asking deletes nothing
    resp = post(client, f"/documents/{doc.id}/delete")
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith(f"/matters/{seeded.matter_id}/documents")
    after = _blob_files(svc)
    assert doc.blob_name not in after and export.output_blob_name not in after
    assert export.reference_blob_name not in after
    with svc.sessions() as s:
        gone = s.get(Document, doc.id)
        assert gone.deleted_at is not None and gone.filename_ct is None
        withdrawn = s.get(Export, export.id)
        assert withdrawn.status == "withdrawn" and withdrawn.output_blob_name is None
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "document.delete"))
        assert event.object_id == doc.id
        assert json.loads(event.details or "{}") == {"exports_withdrawn": 1}
        assert "Marisol" not in (event.details or "")
    index = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert doc.id not in index and "Document deleted" in index
    # The document and its export are gone for everyone, by every route.
    assert client.get(f"/documents/{doc.id}/delete").status_code == 404
    assert client.get(f"/exports/{export.id}").status_code == 404
    assert client.get(f"/exports/{export.id}/download").status_code == 404


def test_legal_hold_keeps_the_document(engine_app, svc):
    seeded, client, doc, export = _exported(engine_app, svc)
    with svc.sessions() as s:
        lifecycle.set_legal_hold(s, s.get(Matter, seeded.matter_id), True, actor="test")
        s.commit()
    resp = post(client, f"/documents/{doc.id}/delete", form_path=f"/documents/{doc.id}/delete")
    assert resp.status_code == 302
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Not deleted" in page and "legal hold" in page
    assert doc.blob_name in _blob_files(svc) and export.output_blob_name in _blob_files(svc)
    assert [d.id for d in documents(svc, seeded.matter_id)] == [doc.id]
    assert client.get(f"/exports/{export.id}").status_code == 200


def test_only_members_who_work_cases_may_delete(engine_app, svc):
    _seeded, _client, doc, _export = _exported(engine_app, svc)
    outsider = engine_app.test_client()
    sign_in(outsider, make_staff(svc, "attorney"))
    assert outsider.get(f"/documents/{doc.id}/delete").status_code == 404
    auditor = engine_app.test_client()
    sign_in(auditor, make_staff(svc, "auditor"))
    assert auditor.get(f"/documents/{doc.id}/delete").status_code in (403, 404)
    assert doc.blob_name in _blob_files(svc)
