"""Every page a case worker, an auditor and an administrator reach from the navigation is
usable at 390 px: the page itself never scrolls sideways (wide tables scroll in their box)."""

from __future__ import annotations

import pytest

from tests.browser.test_staff_flows import _sign_in, _staff
from tests.browser.test_work_queues import _reviewed_export

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""() => Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap'))
        .slice(0, 3).map(e => e.tagName + '.' + e.className).join(' ')""")
    assert width <= 390, f"{page.url}: {width}px wide ({wide})"


def _walk(page, links: list[str]) -> None:
    for name in links:
        page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()
        _fits(page)


def test_case_work_pages_fit_a_phone(page, server):
    reviewer, _ = _staff(server, "advocate")
    email, secret = _staff(server, "attorney")
    export_id, caption = _reviewed_export(server, reviewer, email)
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, server, email, secret)
    _fits(page)
    _walk(page, ["My matters", "My sessions", "Home"])
    page.get_by_role("link", name=caption, exact=True).first.click()
    _fits(page)
    page.get_by_role("link", name="Documents and exports").click()
    _fits(page)
    page.goto(f"{server.url}/exports/{export_id}")
    _fits(page)


def test_audit_and_admin_pages_fit_a_phone(page, server):
    email, secret = _staff(server, "auditor")
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, server, email, secret)
    _fits(page)
    _walk(page, ["Audit log"])
    page.get_by_role("link", name="Alerts").click()
    _fits(page)
    admin, admin_secret = _staff(server, "admin")
    other = page.context.browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    _sign_in(other, server, admin, admin_secret)
    _fits(other)
    _walk(other, ["Staff accounts", "Matter teams", "Audit log"])
