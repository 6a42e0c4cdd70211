"""Helpers for the export tests: uploads through the web, waiting for jobs (fixtures: conftest)."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from intake.models import AuditEvent, Document, Export

REVIEW_LINK = re.compile(r'href="/exports/([0-9a-f-]{36})"')
TEXT = ("Statement of Marisol Quintanilla-Reyes. She was reached at (404) 555-0187 and "
        "wrote from mari.qr@example.com. Rafael Ostrander drove her. A neighbour, "
        "Gwendolyn Barrowcliffe, saw the car. Later Gwendolyn Barrowcliffe called the police.\n")


def upload(client, matter_id: str, files: list[tuple[bytes, str]], subject_id: str = ""):
    """Upload files through the documents page (multipart, CSRF)."""
    from tests.functional.web_support import csrf

    token = csrf(client, f"/matters/{matter_id}/documents")
    data = {"csrf_token": token, "subject": subject_id,
            "files": [(io.BytesIO(body), name) for body, name in files]}
    return client.post(f"/matters/{matter_id}/documents", data=data,
                       content_type="multipart/form-data")


def documents(svc, matter_id: str) -> list[Document]:
    with svc.sessions() as s:
        return list(s.scalars(select(Document).where(Document.matter_id == matter_id)
                              .order_by(Document.created_at, Document.id)))


def start_export(client, matter_id: str, doc_ids: list[str], recipient: str,
                 profile: str = "court"):
    from tests.functional.web_support import post

    return post(client, f"/matters/{matter_id}/exports",
                {"documents": doc_ids, "profile": profile, "recipient": recipient},
                form_path=f"/matters/{matter_id}/documents")


def wait_jobs(app, timeout: float = 120) -> None:
    """Wait until the in-process worker has run every queued job."""
    assert app.extensions["clinic.jobs"].wait_idle(timeout)


def exports_of(svc, batch_id: str | None = None) -> list[Export]:
    with svc.sessions() as s:
        q = select(Export).order_by(Export.created_at, Export.id)
        if batch_id:
            q = q.where(Export.batch_id == batch_id)
        return list(s.scalars(q))


def actions(svc, object_id: str) -> list[tuple[str, str]]:
    with svc.sessions() as s:
        return [(e.action, e.outcome) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.object_id == object_id)
            .order_by(AuditEvent.seq))]
