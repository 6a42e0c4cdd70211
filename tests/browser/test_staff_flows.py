"""The staff app in Chromium: TOTP sign-in, intake, pseudonyms, reveals, refusals, lockout."""

from __future__ import annotations

import json
import time
import uuid

import pyotp
import pytest
from sqlalchemy import select

from config import Config
from intake import auth, users
from intake.extensions import build_services
from intake.models import AuditEvent, utcnow
from intake.records import Vault

pytestmark = pytest.mark.browser
PASSWORD = "a long browser passphrase"
NAME = "Evangelina Strathmore"


def _staff(server, role: str) -> tuple[str, str]:
    """An enrolled account made through the services; returns (email, TOTP secret)."""
    svc = build_services(Config.from_env(server.env))
    email = f"{role}-{uuid.uuid4().hex[:6]}@clinic.test"
    with svc.sessions() as session:
        user = users.create_user(session, email, role, PASSWORD)
        secret = auth.enrolment_secret(session, Vault(session, svc.keyring), user)
        user.mfa_enrolled_at = utcnow()
        session.commit()
    svc.engine.dispose()
    return email, secret


def _audit(server) -> list[AuditEvent]:
    svc = build_services(Config.from_env(server.env))
    with svc.sessions() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    svc.engine.dispose()
    return rows


def _code(secret: str) -> str:
    # a code is accepted once per 30-second step: wait for a fresh step if this one is near its end
    if time.time() % 30 > 27:
        time.sleep(4)
    return pyotp.TOTP(secret).now()


def _sign_in(page, server, email: str, secret: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Six-digit code").fill(_code(secret))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Welcome").wait_for()


def test_first_sign_in_changes_password_and_enrols_totp(page, server):
    page.goto(f"{server.url}/matters")
    assert page.url.endswith("/login?next=/matters")  # back there once signed in
    page.get_by_label("Email").fill("admin@clinic.local")
    page.get_by_label("Password").fill(server.admin_password)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Current password").fill(server.admin_password)
    page.get_by_label("New password (at least").fill(PASSWORD)
    page.get_by_label("New password again").fill(PASSWORD)
    page.get_by_role("button", name="Change password").click()
    qr = page.get_by_role("img", name="QR code")
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert qr.evaluate("img => img.naturalWidth") > 0  # the CSP lets the data: image load
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Six-digit code").fill(_code(secret))
    page.get_by_role("button", name="Confirm and sign in").click()
    page.wait_for_url(f"{server.url}/matters")
    assert page.get_by_role("navigation").get_by_role("link", name="Staff accounts").is_visible()


def test_intake_shows_the_pseudonym_and_a_reveal_is_recorded(browser, page, server):
    email, secret = _staff(server, "attorney")
    _sign_in(page, server, email, secret)
    page.get_by_role("link", name="Open a matter").first.click()
    page.get_by_label("Caption").fill("Doe v. Harborview Lodge")
    page.get_by_role("button", name="Open matter").click()
    page.get_by_role("link", name="New survivor intake").click()
    page.get_by_label("Legal name and other names").fill(NAME)
    page.get_by_label("Date of birth", exact=True).fill("2013-06-01")
    page.get_by_label("Phone numbers").fill("(212) 555-0142")
    page.get_by_label("Safe to text").check()
    page.get_by_role("button", name="Save intake").click()
    # the guardian of a minor is required; what was typed is still there
    assert page.get_by_text("A minor needs a parent or guardian").is_visible()
    assert page.get_by_label("Legal name and other names").input_value() == NAME
    page.get_by_label("Parent or guardian").fill("Rosalind Strathmore")
    page.get_by_role("button", name="Save intake").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Jane Doe 1"
    assert NAME not in page.content()
    assert "Evangelina" not in page.url
    page.get_by_role("button", name="Reveal names").click()
    assert page.locator("#field-names").inner_text().strip() == NAME
    subject_url = page.url.replace("/reveal", "")
    reveals = [e for e in _audit(server) if e.action == "subject.reveal"]
    assert reveals and reveals[-1].actor.startswith("user:")
    dump = json.dumps([[e.actor, e.action, e.object_id, e.details] for e in _audit(server)])
    assert "Evangelina" not in dump and "Strathmore" not in dump and "555-0142" not in dump
    assert "Evangelina" not in server.log.read_text()

    # someone who is not on the matter's team is refused, and the refusal is recorded
    outsider = browser.new_context().new_page()
    email, secret = _staff(server, "advocate")
    _sign_in(outsider, server, email, secret)
    response = outsider.goto(subject_url)
    assert response is not None and response.status == 404
    assert "nothing here" in outsider.content()
    assert NAME not in outsider.content()
    outsider.context.close()
    denied = [e for e in _audit(server) if e.action == "access.denied"]
    assert denied and denied[-1].outcome == "denied"


def test_sixth_wrong_password_locks_without_revealing_the_account(page, server):
    email, _secret = _staff(server, "advocate")
    page.goto(f"{server.url}/login")
    messages = []
    for attempt in range(7):  # five failures lock the account; then even the right password
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD if attempt == 6 else f"wrong {attempt}")
        page.get_by_role("button", name="Continue").click()
        messages.append(page.get_by_role("alert").first.inner_text())
    assert page.url.endswith("/login")
    page.get_by_label("Email").fill("nobody@clinic.test")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Continue").click()
    unknown = page.get_by_role("alert").first.inner_text()
    assert set(messages) == {unknown} and "locked for 15 minutes" in unknown
    assert page.get_by_label("Email").input_value() == "nobody@clinic.test"
    locked = [e for e in _audit(server) if e.action == "auth.lockout"]
    assert len(locked) == 1


def test_keyboard_reaches_the_skip_link_first(page, server):
    page.goto(f"{server.url}/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
