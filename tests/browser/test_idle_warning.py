"""The idle timeout in Chromium: a warning before it, and staying signed in from the warning
touches the session on the server."""

from __future__ import annotations

import pytest

from tests.browser.test_staff_flows import _sign_in, _staff

pytestmark = pytest.mark.browser


def test_the_idle_warning_keeps_the_session(page, server):
    email, secret = _staff(server, "advocate")
    _sign_in(page, server, email, secret)
    warning = page.get_by_role("alertdialog")
    assert not warning.is_visible()
    page.evaluate("window.clinicIdleWarn()")  # what the timer does two minutes before the end
    warning.wait_for()
    assert "signed out in two minutes" in warning.inner_text()
    with page.expect_response(lambda r: r.url.endswith("/account/keepalive")) as answer:
        page.get_by_role("button", name="Stay signed in").click()
    assert answer.value.status == 204
    warning.wait_for(state="hidden")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My sessions").click()
    assert page.get_by_role("heading", level=1).inner_text()  # still signed in
    assert "/login" not in page.url
