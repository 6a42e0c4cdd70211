"""Helpers for the web tests: staff accounts with TOTP, signing in, and a seeded matter.
The fixtures (`app`, `svc`, `fast_passwords`) are in the conftest files."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass

import pyotp

from intake import auth, users
from intake.extensions import Services
from intake.models import MatterMember, utcnow
from intake.records import Vault

PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@dataclass
class Staff:
    id: str
    email: str
    role: str
    secret: str | None
    password: str = PASSWORD
    name: str = ""


def make_staff(svc: Services, role: str, *, email: str | None = None, name: str | None = None,
               enrolled: bool = True, must_change: bool = False) -> Staff:
    """Create an account through the services (named, or shown by its email), optionally
    with TOTP already set up."""
    email = email or f"{role}-{uuid.uuid4().hex[:6]}@clinic.test"
    with svc.sessions() as session:
        user = users.create_user(session, email, role, PASSWORD, display_name=name,
                                 must_change_password=must_change)
        secret = None
        if enrolled:
            secret = auth.enrolment_secret(session, Vault(session, svc.keyring), user)
            user.mfa_enrolled_at = utcnow()
        session.commit()
        return Staff(user.id, email, role, secret, name=user.display_name)


def add_member(svc: Services, matter_id: str, staff: Staff) -> None:
    with svc.sessions() as session:
        session.add(MatterMember(matter_id=matter_id, user_id=staff.id))
        session.commit()


def csrf(client, path: str) -> str:
    """The CSRF token of the form at `path`."""
    page = client.get(path)
    match = _CSRF.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {path} ({page.status_code})"
    return match.group(1)


_used: dict[str, set[int]] = {}


def totp_code(secret: str) -> str:
    """A valid code not used before in this test run (codes work once per time-step)."""
    used = _used.setdefault(secret, set())
    now = int(time.time()) // 30
    for step in (now, now + 1):
        if step not in used:
            used.add(step)
            return pyotp.TOTP(secret).at(step * 30)
    time.sleep(31 - time.time() % 30)
    return totp_code(secret)


def post(client, path: str, data: dict | None = None, form_path: str | None = None, **kw):
    """POST a form to `path` with a CSRF token taken from the page at `form_path`."""
    payload = dict(data or {})
    payload["csrf_token"] = csrf(client, form_path or path)
    return client.post(path, data=payload, **kw)


def sign_in(client, staff: Staff, password: str | None = None):
    """Password, then TOTP; returns the response of the last step."""
    resp = post(client, "/login", {"email": staff.email, "password": password or staff.password})
    assert resp.status_code == 302, resp.get_data(as_text=True)[:500]
    assert resp.headers["Location"].endswith("/login/mfa")
    assert staff.secret
    resp = post(client, "/login/mfa", {"code": totp_code(staff.secret)})
    assert resp.status_code == 302, resp.get_data(as_text=True)[:500]
    return resp


SURVIVOR = {"names": "Marisol Quintanilla-Reyes\nMarisol Reyes", "aliases": "Mari",
            "date_of_birth": "2013-03-14", "guardian": "Teodora Quintanilla",
            "phones": "(404) 555-0187", "emails": "mari.qr@example.com",
            "addresses": "1187 Peachtree Way, Atlanta, GA", "handles": "@mari_qr09",
            "identifiers": "A-204-118-779", "narrative": "Recruited at a bus station.",
            "safety_notes": "Do not call after 6pm.", "safe_text": "y"}
SECRET_VALUES = ("Marisol", "Quintanilla", "555-0187", "mari.qr", "Peachtree", "mari_qr09",
                 "A-204-118-779", "Teodora", "2013-03-14", "bus station")


@dataclass
class Seeded:
    matter_id: str
    subject_id: str
    consent_id: str
    related_id: str


def seed_matter(svc: Services, *members: Staff, caption: str = "Doe v. Example Inns") -> Seeded:
    """A matter with one minor survivor, a related person and a consent (through services)."""
    from datetime import date

    from intake import cases, consents

    with svc.sessions() as session:
        vault = Vault(session, svc.keyring)
        matter = cases.create_matter(session, vault, caption=caption)
        subject = cases.add_subject(session, vault, svc.indexer, matter, cases.SubjectInput(
            names=["Marisol Quintanilla-Reyes"], date_of_birth="2013-03-14",
            phones=["(404) 555-0187"], emails=["mari.qr@example.com"],
            guardian="Teodora Quintanilla"))
        person = cases.add_related_person(session, vault, svc.indexer, matter,
                                          cases.RelatedInput(names=["Rafael Ostrander"],
                                                             label="Trafficker 1"),
                                          subject=subject)
        consent = consents.record_consent(session, vault, subject, consents.ConsentInput(
            recipient="County Victim Services", signed_on=date.today(),
            expires_on=date.today().replace(year=date.today().year + 1) - timedelta_days(1),
            signer="Marisol Quintanilla-Reyes", guardian="Teodora Quintanilla",
            informed=True, written=True), recorded_by=None)
        for staff in members:
            session.add(MatterMember(matter_id=matter.id, user_id=staff.id))
        session.commit()
        return Seeded(matter.id, subject.id, consent.id, person.id)


def member_client(app, svc: Services, role: str = "advocate"):
    """A signed-in client of a new staff member on a newly seeded matter:
    (client, staff, seeded)."""
    staff = make_staff(svc, role)
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    return client, staff, seeded


def timedelta_days(n: int):
    from datetime import timedelta

    return timedelta(days=n)
