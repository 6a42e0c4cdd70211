"""Exports in Chromium: upload, batch progress, review, approve as another user, download."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from config import Config
from intake import cases, consents
from intake.extensions import build_services
from intake.models import AuditEvent, MatterMember
from intake.records import Vault
from tests.browser.test_staff_flows import _sign_in, _staff

pytestmark = pytest.mark.browser
RECIPIENT = "County Victim Services"
IDENTIFIERS = ("Marisol", "Quintanilla", "555-0187", "mari.qr", "Ostrander")
FIRST = ("Statement of Marisol Quintanilla-Reyes. She was reached at (404) 555-0187 and wrote "
         "from mari.qr@example.com. Rafael Ostrander drove her. A neighbour, Gwendolyn "
         "Barrowcliffe, saw the car.\n")
SECOND = "Rafael Ostrander met Gwendolyn Barrowcliffe and Marisol Reyes at the motel.\n"


def _seed(server, *emails: str) -> tuple[str, dict]:
    """A matter with a minor survivor, a related person and a guardian-signed consent."""
    svc = build_services(Config.from_env(server.env))
    with svc.sessions() as session:
        vault = Vault(session, svc.keyring)
        matter = cases.create_matter(session, vault, caption=f"Doe v. Inn {uuid.uuid4().hex[:4]}")
        subject = cases.add_subject(session, vault, svc.indexer, matter, cases.SubjectInput(
            names=["Marisol Quintanilla-Reyes", "Marisol Reyes"], date_of_birth="2012-03-14",
            phones=["(404) 555-0187"], emails=["mari.qr@example.com"], guardian="T. Q."))
        cases.add_related_person(session, vault, svc.indexer, matter, cases.RelatedInput(
            names=["Rafael Ostrander"], label="Trafficker 1"), subject=subject)
        consents.record_consent(session, vault, subject, consents.ConsentInput(
            recipient=RECIPIENT, signed_on=date.today(),
            expires_on=date.today() + timedelta(days=300), signer="M. Q.", guardian="T. Q.",
            informed=True, written=True), recorded_by=None)
        from intake.models import User

        for email in emails:
            user = session.scalar(select(User).where(User.email == email))
            assert user is not None
            session.add(MatterMember(matter_id=matter.id, user_id=user.id))
        session.commit()
        context = cases.case_context(session, vault, matter)
        matter_id = matter.id
    svc.engine.dispose()
    return matter_id, context


def _sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_upload_review_reject_add_approve_download(page, server, tmp_path: Path):
    advocate, adv_secret = _staff(server, "advocate")
    attorney, att_secret = _staff(server, "attorney")
    matter_id, context = _seed(server, advocate, attorney)

    _sign_in(page, server, advocate, adv_secret)
    page.goto(f"{server.url}/matters/{matter_id}")
    page.get_by_role("link", name="Documents and exports").click()
    page.get_by_label("Survivor the documents are about").select_option(label="Jane Doe 1")
    page.set_input_files("#files", files=[
        {"name": "first.txt", "mimeType": "text/plain", "buffer": FIRST.encode()},
        {"name": "second.txt", "mimeType": "text/plain", "buffer": SECOND.encode()}])
    page.get_by_role("button", name="Upload").click()
    page.get_by_text("2 document(s) stored encrypted.").wait_for()
    page.get_by_label("first.txt", exact=True).check()  # members see the file names
    page.get_by_label("second.txt", exact=True).check()
    page.get_by_label("Redaction profile").select_option("court")
    page.get_by_label("Recipient").select_option(RECIPIENT)  # from the consents in force
    page.get_by_role("button", name="Redact the chosen documents").click()
    # export.js polls the status and fills in the progress bar and the links.
    expect(page.locator("#batch-summary")).to_contain_text("2 of 2 documents finished",
                                                          timeout=120_000)
    assert page.locator("#batch-progress").evaluate("el => el.value") == 100
    second_review = page.get_by_role("link", name="Review export 2").get_attribute("href")
    page.get_by_role("link", name="Review export 1").click()

    page.locator("mark.redaction").first.wait_for()
    assert page.locator("#leak-check").inner_text().startswith("passed")
    title = page.locator("mark.redaction").first.get_attribute("title")
    assert title and " · " in title  # category · detector · reason
    row = page.locator("tr.proposal", has_text="private person").first
    row.get_by_role("button", name="Reject").click()
    page.locator("tr.proposal.rejected").first.wait_for()
    # Select text in the document: export.js copies it into the add form.
    page.evaluate("""() => {
      const pre = document.querySelector('.doc-text');
      const node = [...pre.childNodes].find(
        n => n.nodeType === 3 && n.textContent.includes('the car'));
      const i = node.textContent.indexOf('the car');
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 7);
      const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
      pre.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    assert page.get_by_label("Text to redact").input_value() == "the car"
    page.get_by_label("Category").select_option("OTHER")
    page.get_by_role("button", name="Redact this text").click()
    page.locator("mark.redaction.added").first.wait_for()
    page.get_by_role("button", name="Mark as reviewed").click()
    page.get_by_text("Marked as reviewed.").wait_for()
    review_url = page.url
    _sign_out(page)

    _sign_in(page, server, attorney, att_secret)
    page.goto(server.url + second_review + "/download")
    page.get_by_text("Download refused").wait_for()  # not approved
    page.goto(review_url)
    page.get_by_role("button", name="Approve export").click()
    page.get_by_text("Export approved.").wait_for()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download redacted file").click()
    target = tmp_path / "out.txt"
    info.value.save_as(target)
    text = target.read_text(encoding="utf-8")
    for value in IDENTIFIERS:
        assert value not in text
    assert "the car" not in text and "Barrowcliffe" in text  # added; rejected

    from redaction.context import CaseContext
    from redaction.engine import RedactionEngine
    from redaction.profiles import load_profile

    check = RedactionEngine().session(CaseContext.from_dict(context), load_profile("court"))
    assert check.leaks(text) == []

    events = _audit_actions(server, matter_id)
    for step in ("document.upload", "export.batch", "export.redact", "export.reject",
                 "export.add", "export.reviewed", "export.approve", "export.download"):
        assert step in events, step
    assert ("export.download", "refused") in events.items() or "refused" in events.values()


def _audit_actions(server, matter_id: str) -> dict[str, str]:
    svc = build_services(Config.from_env(server.env))
    with svc.sessions() as session:
        rows = list(session.scalars(select(AuditEvent).where(AuditEvent.matter_id == matter_id)
                                    .order_by(AuditEvent.seq)))
    svc.engine.dispose()
    out: dict[str, str] = {}
    for e in rows:
        if out.get(e.action) != "refused":
            out[e.action] = e.outcome
    return out
