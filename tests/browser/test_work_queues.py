"""Work queues in Chromium: a link to an export survives sign-in, and the home page's queue
leads back to it, at desktop and phone width."""

from __future__ import annotations

import uuid

import pytest

from config import Config
from intake import cases, exports, uploads
from intake.blobstore import BlobStore
from intake.extensions import build_services
from intake.models import MatterMember, User, utcnow
from intake.records import Vault
from tests.browser.test_staff_flows import PASSWORD, _code, _staff

pytestmark = pytest.mark.browser


def _reviewed_export(server, reviewer: str, approver: str) -> tuple[str, str]:
    """A matter of the two, with an export the reviewer has reviewed; (export id, caption)."""
    svc = build_services(Config.from_env(server.env))
    caption = f"Doe v. Queue Inn {uuid.uuid4().hex[:4]}"
    with svc.sessions() as session:
        vault = Vault(session, svc.keyring)
        matter = cases.create_matter(session, vault, caption=caption)
        ids = {}
        for email in (reviewer, approver):
            user = session.query(User).filter(User.email == email).one()
            session.add(MatterMember(matter_id=matter.id, user_id=user.id))
            ids[email] = user.id
        document = uploads.store_document(session, vault, BlobStore(svc.config.blob_dir),
                                          matter, None, "statement.txt",
                                          b"A plain statement.\n", uploaded_by=ids[reviewer])
        export = exports.create_export(session, document, profile="court",
                                       recipient="County Victim Services",
                                       created_by=ids[reviewer])
        export.status, export.leak_check_passed = "review", True
        export.proposals = {"items": []}
        export.reviewed_by, export.reviewed_at = ids[reviewer], utcnow()
        session.commit()
        export_id = export.id
    svc.engine.dispose()
    return export_id, caption


def test_a_link_to_an_export_survives_sign_in_and_the_queue_leads_back(page, server):
    reviewer, _ = _staff(server, "advocate")
    approver, secret = _staff(server, "attorney")
    export_id, caption = _reviewed_export(server, reviewer, approver)
    wanted = f"{server.url}/exports/{export_id}"
    page.goto(wanted)  # the link an attorney was sent, opened signed out
    assert "/login?next=" in page.url
    page.get_by_label("Email").fill(approver)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Six-digit code").fill(_code(secret))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(wanted)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    queue = page.get_by_role("region", name="Exports awaiting your approval")
    assert caption in queue.inner_text() and reviewer in queue.inner_text()
    queue.get_by_role("link", name="Review and approve").click()
    page.wait_for_url(wanted)

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    page.wait_for_url(f"{server.url}/")  # "load": the style sheet is in, not only the markup
    page.get_by_role("region", name="Exports awaiting your approval").wait_for()
    assert page.evaluate("getComputedStyle(document.querySelector('.table-wrap')).overflowX") \
        == "auto"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
