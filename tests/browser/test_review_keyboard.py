"""The review screen in Chromium: accept and reject by keyboard without losing one's place."""

from __future__ import annotations

import io
import os

import pytest
from playwright.sync_api import expect

from tests.browser.test_clinic_journey import Axe, screenshot
from tests.browser.test_export_flow import RECIPIENT, _audit_actions, _seed
from tests.browser.test_staff_flows import _sign_in, _staff

pytestmark = pytest.mark.browser
LINES = ["Statement of Marisol Quintanilla-Reyes, taken at the clinic.",
         "She was reached at (404) 555-0187 and wrote from mari.qr@example.com.",
         "Rafael Ostrander drove her to the motel on the highway.",
         "A neighbour, Gwendolyn Barrowcliffe, saw the car that night.",
         "Later Gwendolyn Barrowcliffe called the police from her porch.",
         "Her cousin Leopoldo Fairweather-Nunez had warned her twice.",
         "Marisol Reyes says the manager, Desmond Okonkwo-Hart, kept the keys."]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", 11)
    y = letter[1] - 60
    for line in LINES:
        c.drawString(60, y, line)
        y -= 16
    c.save()
    return buf.getvalue()


def _row_state(page, anchor: str) -> str:
    return str(page.locator(f"#{anchor}").get_attribute("data-state"))


def test_keyboard_review_keeps_the_page_and_its_place(page, server, tmp_path):
    advocate, secret = _staff(server, "advocate")
    matter_id, _context = _seed(server, advocate)
    page.set_viewport_size({"width": 1100, "height": 640})
    _sign_in(page, server, advocate, secret)
    page.goto(f"{server.url}/matters/{matter_id}")
    page.get_by_role("link", name="Documents and exports").click()
    page.get_by_label("Survivor the documents are about").select_option(label="Jane Doe 1")
    page.set_input_files("#files", files=[
        {"name": "statement.pdf", "mimeType": "application/pdf", "buffer": _pdf()}])
    page.get_by_role("button", name="Upload").click()
    page.get_by_label("statement.pdf", exact=True).check()
    page.get_by_label("Redaction profile").select_option("court")
    page.get_by_label("Recipient").select_option(RECIPIENT)
    page.get_by_role("button", name="Redact the chosen documents").click()
    expect(page.locator("#batch-summary")).to_contain_text("1 of 1 documents finished",
                                                          timeout=120_000)
    page.get_by_role("link", name="Review export 1").click()

    rows = page.locator("#proposals tr.proposal")
    rows.first.wait_for()
    assert rows.count() >= 4
    # The PDF is shown as its pages: one box per proposal over the original, beside the output.
    assert page.locator("#pages rect.box").count() >= rows.count()
    expect(page.locator("#pages img.page-img").first).to_have_js_property("complete", True)
    assert page.locator("#pages img.page-img").first.evaluate("i => i.naturalWidth") > 300
    # Each proposal shows its text in context.
    expect(rows.first.locator("td.context mark")).not_to_have_text("")
    axe = Axe(page)
    axe.check()

    page.evaluate("window.__sameDocument = 'yes'")  # a reload would drop it
    page.locator("#proposals").scroll_into_view_if_needed()
    page.locator("#proposals caption").click()  # somewhere neutral on the page
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "p-2"
    page.evaluate("document.activeElement.scrollIntoView({block: 'center'})")
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 300
    before_img = page.locator("#pages img.page-img").first.get_attribute("src")

    page.keyboard.press("r")
    expect(page.locator("#p-2")).to_have_attribute("data-state", "rejected")
    expect(page.locator("#review-live")).to_contain_text("Decision #2 saved")
    assert page.evaluate("window.__sameDocument") == "yes"
    assert abs(page.evaluate("window.scrollY") - scrolled) < 80  # not back at the top
    assert page.evaluate("document.activeElement.id") == "p-3"  # on to the next one
    assert page.locator('#pages rect.box[data-item="p-2"]').first.get_attribute(
        "class") == "box rejected"
    assert page.locator("#pages img.page-img").first.get_attribute("src") != before_img
    # Rejected looks different from pending and accepted, and says so in words.
    expect(page.locator("#p-2 .verdict")).to_contain_text("Rejected by")
    page.keyboard.press("a")
    expect(page.locator("#p-3")).to_have_attribute("data-state", "accepted")
    backgrounds = {a: page.locator(f"#{a}").evaluate("r => getComputedStyle(r).backgroundColor")
                   for a in ("p-2", "p-3", "p-4")}
    assert len(set(backgrounds.values())) == 3, backgrounds
    assert page.evaluate("window.__sameDocument") == "yes"

    page.keyboard.press("k")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "p-2"
    page.keyboard.press("u")  # back to pending
    expect(page.locator("#p-2")).to_have_attribute("data-state", "pending")
    assert page.evaluate("window.__sameDocument") == "yes"
    assert page.evaluate("window.scrollY") > 300
    axe.check()  # after the page updated itself
    # Typing in the add form is not taken for a shortcut.
    page.get_by_label("Text to redact").fill("the car")
    assert _row_state(page, "p-4") == "pending"

    # What was decided is what the server holds.
    page.reload()
    axe.check()
    assert not axe.violations, "\n".join(axe.violations)
    assert [_row_state(page, a) for a in ("p-2", "p-3")] == ["pending", "accepted"]
    events = _audit_actions(server, matter_id)
    for step in ("export.reject", "export.accept", "export.restore"):
        assert step in events, step
    screenshot(page, "review-pdf")
    page.set_viewport_size({"width": 390, "height": 844})  # pages and panels stack on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if os.environ.get("CLINIC_SCREENSHOTS"):  # the proposals, each a card on a phone
        page.evaluate("document.getElementById('proposals-heading').scrollIntoView()")
        screenshot(page, "review-pdf-phone", full_page=False)
