"""Sign-in returns to the page first asked for, through every step, and never to another site."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, quote, urlsplit

import pyotp
import pytest

from intake.access import return_path
from tests.functional.web_support import (
    PASSWORD,
    make_staff,
    post,
    seed_matter,
    sign_in,
    totp_code,
)

HOSTILE = (
    "//evil.com", "///evil.com", "https://evil.com", "http:evil.com", "/\\evil.com",
    "\\\\evil.com", "/\\/evil.com", "\\/evil.com", " /matters", "/\t/evil.com",
    "/matters\r\nLocation: https://evil.com", "javascript:alert(1)", "evil.com",
    "//evil.com/matters", "https:/evil.com", "/matters#https://evil.com",
    "data:text/html,hi", "/%0d%0aLocation:evil", "",
)
NOT_A_PAGE = ("/login", "/login/mfa", "/logout", "/healthz", "/static/clinic.css",
              "/no/such/page", "/exports/00000000-0000-4000-8000-000000000000/approve")
_NEXT_FIELD = re.compile(r'name="next"[^>]*value="([^"]*)"')


@pytest.mark.parametrize("value", HOSTILE + NOT_A_PAGE)
def test_return_path_refuses_other_sites_and_non_pages(app, value):
    with app.test_request_context("/"):
        assert return_path(value) is None


@pytest.mark.parametrize("value", ["/", "/matters", "/audit/?action=auth.login",
                                   "/matters/00000000-0000-4000-8000-000000000000/documents"])
def test_return_path_keeps_pages_of_this_site(app, value):
    with app.test_request_context("/"):
        assert return_path(value) == value


def _next_of(page: str) -> str:
    found = _NEXT_FIELD.search(page)
    assert found, "the login form carries no page to return to"
    return html.unescape(found.group(1))


def _finish_sign_in(client, staff, login_path: str):
    """Sign in from the login page at `login_path`, keeping its hidden fields."""
    page = client.get(login_path).get_data(as_text=True)
    found = _NEXT_FIELD.search(page)
    data = {"email": staff.email, "password": PASSWORD}
    if found:
        data["next"] = html.unescape(found.group(1))
    resp = post(client, "/login", data, form_path=login_path)
    assert resp.headers["Location"].endswith("/login/mfa")
    return post(client, "/login/mfa", {"code": totp_code(staff.secret or "")})


def test_sign_in_returns_to_the_page_asked_for(app, svc):
    staff = make_staff(svc, "attorney")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    wanted = f"/matters/{seeded.matter_id}/documents"
    resp = client.get(wanted)
    assert resp.status_code == 302
    login = urlsplit(resp.headers["Location"])
    assert login.path == "/login" and parse_qs(login.query) == {"next": [wanted]}
    done = _finish_sign_in(client, staff, resp.headers["Location"])
    assert done.status_code == 302 and done.headers["Location"] == wanted
    assert client.get(wanted).status_code == 200


def test_the_query_string_of_the_page_asked_for_is_kept(app, svc):
    auditor = make_staff(svc, "auditor")
    client = app.test_client()
    resp = client.get("/audit/?action=auth.login&outcome=failed")
    done = _finish_sign_in(client, auditor, resp.headers["Location"])
    assert done.headers["Location"] == "/audit/?action=auth.login&outcome=failed"


def test_first_sign_in_returns_through_password_change_and_enrolment(app, svc):
    staff = make_staff(svc, "admin", enrolled=False, must_change=True)
    client = app.test_client()
    login = client.get("/admin/users").headers["Location"]
    page = client.get(login).get_data(as_text=True)
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD,
                                   "next": _next_of(page)}, form_path=login)
    assert resp.headers["Location"].endswith("/login/password")
    new = "another long passphrase"
    resp = post(client, "/login/password", {"current": PASSWORD, "new": new, "confirm": new})
    assert resp.headers["Location"].endswith("/login/mfa/enrol")
    enrol = client.get("/login/mfa/enrol").get_data(as_text=True)
    secret = enrol.split('id="totp-secret">')[1].split("<")[0]
    resp = post(client, "/login/mfa/enrol", {"code": pyotp.TOTP(secret).now()})
    assert resp.headers["Location"] == "/admin/users"


def test_a_wrong_code_keeps_the_page_to_return_to(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    login = client.get("/account/sessions").headers["Location"]
    page = client.get(login).get_data(as_text=True)
    post(client, "/login", {"email": staff.email, "password": PASSWORD, "next": _next_of(page)},
         form_path=login)
    assert post(client, "/login/mfa", {"code": "000000"}).status_code == 401
    resp = post(client, "/login/mfa", {"code": totp_code(staff.secret or "")})
    assert resp.headers["Location"] == "/account/sessions"


@pytest.mark.parametrize("target", [h for h in HOSTILE if h.isprintable() and h]
                                    + ["/logout", "/healthz"])
def test_sign_in_never_returns_to_another_site(app, svc, target):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    page = client.get("/login?next=" + quote(target, safe="")).get_data(as_text=True)
    assert not _NEXT_FIELD.search(page)  # the login form does not carry it on
    # A forged form that posts it anyway still lands on the home page.
    post(client, "/login", {"email": staff.email, "password": PASSWORD, "next": target},
         form_path="/login")
    resp = post(client, "/login/mfa", {"code": totp_code(staff.secret or "")})
    assert resp.status_code == 302 and resp.headers["Location"] == "/"
    # Signed in, a login link with a hostile target also goes home.
    signed = app.test_client()
    sign_in(signed, staff)
    resp = signed.get("/login?next=" + quote(target, safe=""))
    assert resp.status_code == 302 and resp.headers["Location"] == "/"
