"""Hostile values posted to every form route: a 4xx or an escaped page, never a 500."""

from __future__ import annotations

import random
import re
import uuid

import pytest

from tests.functional.web_support import _CSRF, make_staff, seed_matter, sign_in

SCRIPT = "<script>alert(1)</script>"
HOSTILE = [
    SCRIPT,
    "'; DROP TABLE subjects; --",
    "\" OR 1=1 --",
    "x" * 20_000,
    "\u202eevil\u0000null\ud7ff",
    "𝕵𝖆𝖓𝖊 🤐 Ωμέγα 名前 ‮",
    "../../../../etc/passwd",
    "{{7*7}}{% raw %}",
    "-1",
    "9" * 40,
    "",
]
_NAME = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')
GENERIC_FIELDS = ("field", "start", "end", "category", "reason", "text", "recipient",
                  "profile", "role", "email", "code", "password", "allow_self_approval")


def _fields(client, path: str) -> tuple[list[str], str | None]:
    """Form field names on the page at `path` (GET), and its CSRF token if any."""
    page = client.get(path)
    if page.status_code != 200:
        return list(GENERIC_FIELDS), None
    body = page.get_data(as_text=True)
    names = sorted(set(_NAME.findall(body)) - {"csrf_token"}) or list(GENERIC_FIELDS)
    token = _CSRF.search(body)
    return names, token.group(1) if token else None


def _token(client) -> str:
    page = client.get("/account/password").get_data(as_text=True)
    match = _CSRF.search(page)
    assert match
    return match.group(1)


def _routes(app, ids: dict[str, str]) -> list[str]:
    paths = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint.startswith("auth."):
            continue
        values = {arg: ids.get(arg, str(uuid.uuid4())) for arg in rule.arguments}
        if "action" in values:
            values["action"] = "disable"
        paths.append(rule.build(values, append_unknown=False)[1])
    return paths


@pytest.mark.parametrize("role", ["attorney", "admin"])
def test_every_form_route_survives_hostile_values(app, svc, role):
    staff = make_staff(svc, role)
    other = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff, other)
    ids = {"matter_id": seeded.matter_id, "subject_id": seeded.subject_id,
           "consent_id": seeded.consent_id, "user_id": other.id}
    client = app.test_client()
    sign_in(client, staff)
    rng = random.Random(5)
    checked = 0
    for path in _routes(app, ids):
        names, token = _fields(client, path)
        for value in HOSTILE + ["".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(64))]:
            data = {name: value for name in names}
            data["csrf_token"] = token or _token(client)
            response = client.post(path, data=data)
            body = response.get_data(as_text=True)
            assert response.status_code < 500, (path, response.status_code)
            assert SCRIPT not in body, path
            assert "Traceback" not in body, path
            checked += 1
    assert checked > 100


def test_sign_in_survives_hostile_values(app, svc):
    client = app.test_client()
    for value in HOSTILE:
        token = _CSRF.search(client.get("/login").get_data(as_text=True))
        assert token
        response = client.post("/login", data={"email": value, "password": value,
                                               "csrf_token": token.group(1)})
        assert response.status_code < 500
        assert SCRIPT not in response.get_data(as_text=True)
