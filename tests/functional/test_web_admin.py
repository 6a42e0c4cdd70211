"""Administration: accounts are created, disabled, reset; admins set matter teams."""

from __future__ import annotations

import re

import pyotp
from sqlalchemy import select

from intake.models import ROLES, AuditEvent, MatterMember, User
from tests.functional import web_support
from tests.functional.web_support import (
    PASSWORD,
    make_staff,
    post,
    seed_matter,
    sign_in,
)

app = web_support.app
fast_passwords = web_support.fast_passwords
svc = web_support.svc


def test_admin_creates_an_account_that_must_set_password_and_mfa(app, svc):
    admin = make_staff(svc, "admin")
    client = app.test_client()
    sign_in(client, admin)
    resp = post(client, "/admin/users/new", {"email": "new.advocate@clinic.test",
                                             "role": "advocate"})
    found = re.search(r'id="one-time-password">([^<]+)<', resp.get_data(as_text=True))
    assert found
    one_time = found[1]
    dup = post(client, "/admin/users/new", {"email": "new.advocate@clinic.test",
                                            "role": "advocate"})
    assert dup.status_code == 400 and "already exists" in dup.get_data(as_text=True)
    newcomer = app.test_client()
    resp = post(newcomer, "/login", {"email": "new.advocate@clinic.test", "password": one_time})
    assert resp.headers["Location"].endswith("/login/password")
    new = "my own long passphrase"
    post(newcomer, "/login/password", {"current": one_time, "new": new, "confirm": new})
    page = newcomer.get("/login/mfa/enrol").get_data(as_text=True)
    secret = page.split('id="totp-secret">')[1].split("<")[0]
    assert post(newcomer, "/login/mfa/enrol",
                {"code": pyotp.TOTP(secret).now()}).status_code == 302
    assert newcomer.get("/matters").status_code == 200


def test_create_account_preselects_the_least_privileged_role(app, svc):
    admin = make_staff(svc, "admin")
    client = app.test_client()
    sign_in(client, admin)
    page = client.get("/admin/users/new").get_data(as_text=True)
    selected = re.findall(r'<option selected value="(\w+)"', page)
    assert selected == ["advocate"]
    offered = re.findall(r'<option (?:selected )?value="(\w+)"', page)
    assert offered == ["advocate", "auditor", "attorney", "admin"]  # least privileged first
    assert set(offered) == set(ROLES)
    resp = post(client, "/admin/users/new", {"email": "no.role.chosen@clinic.test"},
                form_path="/admin/users/new")
    assert resp.status_code == 200
    with svc.sessions() as session:
        created = session.scalar(select(User).where(User.email == "no.role.chosen@clinic.test"))
        assert created is not None and created.role == "advocate"


def test_disable_ends_sessions_and_reset_clears_mfa(app, svc):
    admin = make_staff(svc, "admin")
    staff = make_staff(svc, "advocate")
    client, victim = app.test_client(), app.test_client()
    sign_in(client, admin)
    sign_in(victim, staff)
    resp = post(client, f"/admin/users/{staff.id}/disable", form_path="/admin/users")
    assert resp.status_code == 302
    assert victim.get("/matters").headers["Location"].startswith("/login")
    post(client, f"/admin/users/{staff.id}/enable", form_path="/admin/users")
    resp = post(client, f"/admin/users/{staff.id}/reset", form_path="/admin/users")
    assert "one-time-password" in resp.get_data(as_text=True)
    with svc.sessions() as session:
        user = session.get(User, staff.id)
        assert user.must_change_password and user.mfa_enrolled_at is None
        assert user.totp_secret_ct is None and not user.disabled
    own = post(client, f"/admin/users/{admin.id}/disable", form_path="/admin/users")
    assert own.status_code == 302
    with svc.sessions() as session:
        assert not session.get(User, admin.id).disabled


def test_an_admin_unlocks_a_locked_account_and_the_unlock_is_audited(app, svc):
    admin = make_staff(svc, "admin")
    staff = make_staff(svc, "advocate")
    client, locked_out = app.test_client(), app.test_client()
    for _ in range(5):
        post(locked_out, "/login", {"email": staff.email, "password": "wrong password!"})
    assert post(locked_out, "/login", {"email": staff.email,
                                       "password": PASSWORD}).status_code == 401
    sign_in(client, admin)
    page = client.get("/admin/users").get_data(as_text=True)
    assert f"/admin/users/{staff.id}/unlock" in page and "Locked" in page
    resp = post(client, f"/admin/users/{staff.id}/unlock", form_path="/admin/users")
    assert resp.status_code == 302
    assert f"/admin/users/{staff.id}/unlock" not in client.get("/admin/users").get_data(
        as_text=True)
    sign_in(locked_out, staff)
    with svc.sessions() as session:
        (event,) = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "user.unlock")).all()
    assert event.object_id == staff.id and event.actor == f"user:{admin.id}"
    assert staff.email not in (event.details or "")
    again = post(client, f"/admin/users/{staff.id}/unlock", form_path="/admin/users")
    assert again.status_code == 302
    with svc.sessions() as session:
        assert len(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "user.unlock")).all()) == 1


def test_only_an_admin_can_unlock(app, svc):
    staff = make_staff(svc, "attorney")
    other = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    resp = post(client, f"/admin/users/{other.id}/unlock", form_path="/matters")
    assert resp.status_code in (403, 404)


def test_admin_sets_matter_teams(app, svc):
    admin = make_staff(svc, "admin")
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc)
    client, worker = app.test_client(), app.test_client()
    sign_in(client, admin)
    sign_in(worker, staff)
    assert worker.get(f"/matters/{seeded.matter_id}").status_code == 404
    url = f"/admin/matters/{seeded.matter_id}/members"
    assert post(client, url, {"user_id": staff.id}).status_code == 302
    assert worker.get(f"/matters/{seeded.matter_id}").status_code == 200
    post(client, f"{url}/{staff.id}/remove", form_path=url)
    assert worker.get(f"/matters/{seeded.matter_id}").status_code == 404
    with svc.sessions() as session:
        assert session.scalars(select(MatterMember)).all() == []
