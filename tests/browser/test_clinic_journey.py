"""The whole clinic journey in Chromium, following only links and buttons after the sign-in
page: a matter and its team, intake, consent, upload, review, approval by a second attorney,
download, and the auditor finding those events; axe-core checks every page on the way."""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_staff_flows import PASSWORD, _code, _staff

pytestmark = pytest.mark.browser
AXE = Path(__file__).with_name("vendor") / "axe.min.js"  # axe-core 4.14.1, MPL-2.0
RECIPIENT = "Harris County Family Court"
NAME = "Yesenia Arroyo-Beltrán"
IDENTIFIERS = ("Yesenia", "Arroyo", "555-0142", "yesi.ab", "Thibodeaux")
STATEMENT = (f"Declaration of {NAME}. She can be reached at (713) 555-0142 or "
             "yesi.ab@example.org. Cornelius Thibodeaux held her passport. A cook, Anselmo "
             "Villaseñor-Pratt, saw her at the restaurant.\n")


def screenshot(page, name: str, *, height: int | None = None, full_page: bool = True) -> None:
    """Save the page as `NAME.png` for the README when CLINIC_SCREENSHOTS names a folder
    (the whole page, its top `height` pixels, or only what the window shows)."""
    folder = os.environ.get("CLINIC_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = str(Path(folder) / f"{name}.png")
    if height is not None:
        width = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=path, full_page=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height})
    else:
        page.screenshot(path=path, full_page=full_page)


class Axe:
    """Runs axe-core on each page and keeps its serious and critical violations."""

    def __init__(self, page) -> None:
        self.page = page
        self.seen: list[str] = []
        self.violations: list[str] = []

    def check(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe === 'object'"):
            # Through the DevTools protocol, so the page's own CSP stays on for its scripts.
            page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
        result = page.evaluate("""() => axe.run(document, {resultTypes: ['violations']})
            .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                                              nodes: v.nodes.map(n => n.target.join(' '))})))""")
        path = page.url.split("//", 1)[1].split("/", 1)[1]
        self.seen.append(path)
        for v in result:
            if v["impact"] in ("serious", "critical"):
                self.violations.append(f"/{path}: {v['id']} ({v['impact']}) {v['nodes'][:3]}")


def _sign_in_here(page, axe: Axe, email: str, secret: str) -> None:
    axe.check()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    axe.check()
    page.get_by_label("Six-digit code").fill(_code(secret))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Welcome").wait_for()
    axe.check()


def _sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Email").wait_for()


def _nav(page, name: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_whole_clinic_journey(page, backend, request, tmp_path):
    server = request.getfixturevalue("server" if backend == "sqlite" else "pg_server")
    admin, admin_secret = _staff(server, "admin")
    advocate, adv_secret = _staff(server, "advocate")
    reviewer, rev_secret = _staff(server, "attorney")
    approver, app_secret = _staff(server, "attorney")
    auditor, aud_secret = _staff(server, "auditor")
    caption = f"Doe v. Bayou Kitchen {uuid.uuid4().hex[:4]}"
    axe = Axe(page)

    page.goto(f"{server.url}/login")  # the only address typed; links and buttons from here
    # An administrator opens the matter and puts the team on it.
    _sign_in_here(page, axe, admin, admin_secret)
    screenshot(page, "home-admin")
    _nav(page, "Matter teams")
    axe.check()
    page.get_by_role("link", name="Open a matter").click()
    axe.check()
    page.get_by_label("Caption").fill(caption)
    page.get_by_role("button", name="Open matter").click()
    page.get_by_text("Matter opened.").wait_for()
    axe.check()
    _nav(page, "Matter teams")
    page.get_by_role("listitem").filter(has_text=caption).get_by_role("link", name="team").click()
    axe.check()
    for email, role in ((advocate, "advocate"), (reviewer, "attorney"), (approver, "attorney")):
        page.get_by_label("Staff member").select_option(label=f"{email} ({role})")
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_role("listitem").filter(has_text=email)).to_be_visible()
    axe.check()
    _sign_out(page)

    # The advocate takes in the survivor, records her consent and uploads her statement.
    _sign_in_here(page, axe, advocate, adv_secret)
    _nav(page, "My matters")
    axe.check()
    page.get_by_role("link", name=caption).click()
    axe.check()
    page.get_by_role("link", name="New survivor intake").click()
    axe.check()
    screenshot(page, "intake-form")
    page.get_by_label("Legal name and other names").fill(NAME)
    page.get_by_label("Date of birth", exact=True).fill("1996-07-21")
    page.get_by_label("Phone numbers").fill("(713) 555-0142")
    page.get_by_label("Email addresses").fill("yesi.ab@example.org")
    page.get_by_role("button", name="Save intake").click()
    page.get_by_role("link", name="Consents").wait_for()
    axe.check()
    pseudonym = page.get_by_role("heading", level=1).inner_text().strip()
    assert NAME not in pseudonym and "Arroyo" not in page.url
    page.get_by_role("link", name="Consents").click()
    axe.check()
    page.get_by_role("link", name="Record a consent").click()
    axe.check()
    page.get_by_label("Recipient").fill(RECIPIENT)
    page.get_by_label("Signed on").fill(date.today().isoformat())
    page.get_by_label("Expires on").fill((date.today() + timedelta(days=300)).isoformat())
    page.get_by_label("Signed by").fill("Y. A.-B.")
    page.get_by_label("The survivor was told").check()
    page.get_by_label("A signed written consent").check()
    page.get_by_role("button", name="Record consent").click()
    page.get_by_role("link", name=RECIPIENT).wait_for()
    axe.check()
    page.get_by_role("link", name="Back to").click()
    page.get_by_role("link", name="Upload documents").click()
    axe.check()
    page.get_by_label("Survivor the documents are about").select_option(label=pseudonym)
    page.set_input_files("#files", files=[{"name": "declaration.txt", "mimeType": "text/plain",
                                           "buffer": STATEMENT.encode()}])
    page.get_by_role("button", name="Upload").click()
    page.get_by_text("1 document(s) stored encrypted.").wait_for()
    axe.check()
    page.get_by_label("declaration.txt", exact=True).check()
    page.get_by_label("Redaction profile").select_option("court")
    page.get_by_label("Recipient").select_option(RECIPIENT)
    page.get_by_role("button", name="Redact the chosen documents").click()
    expect(page.locator("#batch-summary")).to_contain_text("1 of 1 documents finished",
                                                          timeout=120_000)
    axe.check()
    _nav(page, "Home")  # her queue now holds the intake and the export to review
    axe.check()
    screenshot(page, "home-advocate")
    _sign_out(page)

    # The first attorney reviews it from her queue, by keyboard.
    _sign_in_here(page, axe, reviewer, rev_secret)
    screenshot(page, "home-attorney-review")
    page.get_by_role("region", name="Exports awaiting review").get_by_role(
        "link", name="Review").first.click()
    page.locator("#proposals tr.proposal").first.wait_for()
    axe.check()
    assert caption not in page.url
    count = page.locator("#proposals tr.proposal").count()
    page.locator("#proposals caption").click()
    page.keyboard.press("j")
    for n in range(1, count + 1):
        page.keyboard.press("a")
        expect(page.locator(f"#p-{n}")).to_have_attribute("data-state", "accepted")
    axe.check()
    page.get_by_role("button", name="Mark as reviewed").click()
    page.get_by_text("Marked as reviewed.").wait_for()
    axe.check()
    _sign_out(page)

    # A second attorney approves it from her queue and downloads it.
    _sign_in_here(page, axe, approver, app_secret)
    screenshot(page, "home-attorney-approve")
    page.get_by_role("region", name="Exports awaiting your approval").get_by_role(
        "link", name="Review and approve").first.click()
    page.get_by_role("button", name="Approve export").click()
    page.get_by_text("Export approved.").wait_for()
    axe.check()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download redacted file").click()
    target = tmp_path / "court.txt"
    info.value.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert pseudonym in text
    for value in IDENTIFIERS:
        assert value not in text, value
    _sign_out(page)

    # The auditor finds those events in the log, by the matter's caption.
    _sign_in_here(page, axe, auditor, aud_secret)
    screenshot(page, "home-auditor")
    page.get_by_role("link", name="Open the audit log").click()
    axe.check()
    page.get_by_label("Matter").select_option(label=caption)
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("table").filter(has_text="Events, newest first").wait_for()
    axe.check()
    screenshot(page, "audit-log", height=1400)
    log = page.get_by_role("table").filter(has_text="Events, newest first").inner_text()
    for action in ("matter.create", "subject.create", "consent.create", "document.upload",
                   "export.accept", "export.reviewed", "export.approve", "export.download"):
        assert action in log, action
    assert reviewer in log and approver in log and advocate in log
    for value in IDENTIFIERS:
        assert value not in log, value

    assert len(axe.seen) >= 25
    assert not axe.violations, "\n".join(axe.violations)
