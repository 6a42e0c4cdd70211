"""Error pages keep the navigation of a signed-in user; a too-large upload states the limit."""

from __future__ import annotations

import dataclasses
import io
import uuid

import pytest
from sqlalchemy import func, select

from intake import create_app
from intake.access import ROLES, allow
from intake.models import Document
from intake.web.filters import format_size
from tests.functional.web_support import csrf, make_staff, seed_matter, sign_in


def _has_navigation(page: str, staff) -> bool:
    return ('<nav aria-label="Main">' in page and staff.email in page
            and "Sign out" in page and 'href="/"' in page)


def test_not_found_and_forbidden_pages_keep_the_navigation(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    for path, code in (("/no/such/page", 404), ("/admin/users", 403),
                       (f"/matters/{uuid.uuid4()}", 404)):
        resp = client.get(path)
        assert resp.status_code == code, path
        assert _has_navigation(resp.get_data(as_text=True), staff), path


def test_a_refused_form_keeps_the_navigation(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    resp = client.post("/account/password", data={"current": "x"})  # no CSRF token
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "The form expired" in page
    assert _has_navigation(page, staff)
    assert 'href="/account/password">Back to the page you were on' in page
    resp = client.get("/matters?q=%01")
    assert resp.status_code == 400 and _has_navigation(resp.get_data(as_text=True), staff)


def test_a_server_error_keeps_the_navigation_and_shows_no_trace(config, engine, fast_passwords):
    app = create_app(config, TESTING=True, PROPAGATE_EXCEPTIONS=False,
                     RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")

    @allow(*ROLES)
    def broken() -> str:
        raise RuntimeError("Marisol Quintanilla-Reyes")

    app.add_url_rule("/broken", "broken", broken)
    staff = make_staff(app.extensions["clinic"], "attorney")
    client = app.test_client()
    sign_in(client, staff)
    resp = client.get("/broken")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 500 and "Something went wrong" in page
    assert _has_navigation(page, staff)
    assert "Marisol" not in page and "RuntimeError" not in page
    app.extensions["clinic"].engine.dispose()


@pytest.fixture
def small_upload_app(config, engine, fast_passwords):
    small = dataclasses.replace(config, max_upload_bytes=64 * 1024)
    app = create_app(small, TESTING=True, RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")
    yield app
    app.extensions["clinic"].engine.dispose()


def test_a_too_large_upload_gets_a_page_that_states_the_limit(small_upload_app):
    svc = small_upload_app.extensions["clinic"]
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = small_upload_app.test_client()
    sign_in(client, staff)
    documents = f"/matters/{seeded.matter_id}/documents"
    data = {"csrf_token": csrf(client, documents), "subject": "",
            "files": [(io.BytesIO(b"x" * (100 * 1024)), "statement.txt")]}
    resp = client.post(documents, data=data, content_type="multipart/form-data")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 413
    assert "Too large to upload" in page and "limit of 64 KB" in page
    assert "Request Entity Too Large" not in page
    assert _has_navigation(page, staff)
    assert f'href="{documents}"' in page  # back to the documents page
    with svc.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0


@pytest.mark.parametrize(("size", "text"), [(50 * 1024 * 1024, "50 MB"), (64 * 1024, "64 KB"),
                                            (1536, "1.5 KB"), (900, "900 bytes")])
def test_sizes_read_as_staff_read_them(size, text):
    assert format_size(size) == text
