"""One design on every page: the vendored U.S. Web Design System, served by the app itself
under its content security policy, with form controls in its classes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from markupsafe import Markup

import intake
from intake.web.filters import with_class
from tests.functional.web_support import make_staff, sign_in

USWDS = Path(intake.__file__).parent / "static" / "vendor" / "uswds"


def test_every_file_the_uswds_stylesheet_names_is_vendored_unchanged():
    css = (USWDS / "css" / "uswds.min.css").read_text(encoding="utf-8")
    named = set(re.findall(r"url\((\.\./[^)]+)\)", css))
    assert len(named) > 40
    for ref in named:
        assert (USWDS / "css" / ref).resolve().is_file(), ref
    sums = (USWDS / "SHA256SUMS").read_text(encoding="utf-8").split("\n")
    for line in filter(None, sums):
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((USWDS / name).read_bytes()).hexdigest() == digest, name


def test_pages_load_the_design_system_from_this_site_only(app, svc):
    client = app.test_client()
    page = client.get("/login")
    html = page.get_data(as_text=True)
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert sheets == ["/static/vendor/uswds/css/uswds.min.css", "/static/clinic.css"]
    assert "style-src 'self'" in page.headers["Content-Security-Policy"]
    assert "<style" not in html and " style=" not in html
    css = client.get(sheets[0])
    assert css.status_code == 200 and css.mimetype == "text/css"
    font = client.get("/static/vendor/uswds/fonts/source-sans-pro/"
                      "sourcesanspro-regular-webfont.woff2")
    assert font.status_code == 200


def test_form_controls_carry_uswds_classes_after_their_id_and_name(app, svc):
    staff = make_staff(svc, "admin")
    client = app.test_client()
    sign_in(client, staff)
    html = client.get("/admin/users/new").get_data(as_text=True)
    assert re.search(r'<input [^>]*id="email"[^>]* name="email"[^>]* class="usa-input">', html)
    assert '<select id="role" name="role" class="usa-select">' in html
    assert '<label class="usa-label" for="email">' in html
    assert with_class(Markup('<input id="a" value="&#34;&gt;" />'), 'x"y') == Markup(
        '<input id="a" value="&#34;&gt;" class="x&#34;y"/>')
