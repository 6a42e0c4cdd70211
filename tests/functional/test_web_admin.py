"""Administration: accounts are created, disabled, reset; admins set matter teams."""

from __future__ import annotations

import re

import pyotp
from sqlalchemy import select

from intake.models import ROLES, AuditEvent, MatterMember, User
from tests.functional.web_support import (
    PASSWORD,
    make_staff,
    post,
    seed_matter,
    sign_in,
)


def test_admin_creates_an_account_that_must_set_password_and_mfa(app, svc):
    admin = make_staff(svc, "admin")
    client = app.test_client()
    sign_in(client, admin)
    resp = post(client, "/admin/users/new", {"display_name": "Nadia Okafor",
                                             "email": "new.advocate@clinic.test",
                                             "role": "advocate"})
    found = re.search(r'id="one-time-password">([^<]+)<', resp.get_data(as_text=True))
    assert found
    one_time = found[1]
    dup = post(client, "/admin/users/new", {"display_name": "Nadia Okafor",
                                            "email": "new.advocate@clinic.test",
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
    resp = post(client, "/admin/users/new", {"display_name": "Role Unchosen",
                                             "email": "no.role.chosen@clinic.test"},
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


def _events(svc, action: str) -> list[AuditEvent]:
    with svc.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                    .order_by(AuditEvent.seq)))


def test_a_new_account_needs_a_full_name_and_the_form_keeps_what_was_typed(app, svc):
    admin = make_staff(svc, "admin")
    client = app.test_client()
    sign_in(client, admin)
    for name, error in (("", "The full name is required."),
                        ("   ", "The full name is required."),
                        ("N" * 121, "The full name can be at most 120 characters."),
                        ("Nadia\nOkafor", "The full name cannot hold line breaks"),
                        ("Nadia \u202eOkafor", "The full name cannot hold line breaks")):
        resp = post(client, "/admin/users/new", {"display_name": name, "role": "attorney",
                                                 "email": "kept.email@clinic.test"})
        page = resp.get_data(as_text=True)
        assert resp.status_code == 400, name
        assert 'id="display_name-error"' in page and error in page, name
        assert 'value="kept.email@clinic.test"' in page
        assert '<option selected value="attorney">' in page
    assert 'maxlength="120"' in page
    with svc.sessions() as session:
        assert session.scalar(select(User).where(User.email == "kept.email@clinic.test")) is None
    resp = post(client, "/admin/users/new", {"display_name": "  Nadia Okafor  ",
                                             "role": "attorney",
                                             "email": "kept.email@clinic.test"})
    assert resp.status_code == 200
    assert "Nadia Okafor &lt;kept.email@clinic.test&gt;" in resp.get_data(as_text=True)
    with svc.sessions() as session:
        created = session.scalar(select(User).where(User.email == "kept.email@clinic.test"))
        assert created is not None and created.display_name == "Nadia Okafor"
    (event,) = _events(svc, "user.create")
    assert "Nadia" not in (event.details or "") and event.object_id == created.id


def test_the_staff_list_shows_names_beside_emails(app, svc):
    admin = make_staff(svc, "admin", name="Ada Admin")
    named = make_staff(svc, "attorney", name="Tomasz Wierzbicki")
    unnamed = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, admin)
    page = client.get("/admin/users").get_data(as_text=True)
    rows = page.split("<tbody>")[1]
    assert f"<td>Tomasz Wierzbicki &lt;{named.email}&gt;</td><td>attorney</td>" in rows
    assert f"<td>{unnamed.email}</td><td>advocate</td>" in rows  # no name yet: the email
    assert f'aria-label="Disable Tomasz Wierzbicki &lt;{named.email}&gt;"' in rows
    assert f"/admin/users/{unnamed.id}/name" in rows
    assert "Signed in as Ada Admin &lt;" in page


def test_renaming_a_colleague_is_audited_without_the_name(app, svc):
    admin = make_staff(svc, "admin")
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, admin)
    url = f"/admin/users/{staff.id}/name"
    form = client.get(url).get_data(as_text=True)
    assert 'name="display_name"' in form and 'value=""' in form
    bad = post(client, url, {"display_name": "  "})
    assert bad.status_code == 400 and "The full name is required." in bad.get_data(as_text=True)
    assert _events(svc, "user.rename") == []
    resp = post(client, url, {"display_name": " Wanjiru Kamau "})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/admin/users")
    with svc.sessions() as session:
        assert session.get(User, staff.id).display_name == "Wanjiru Kamau"
    assert 'value="Wanjiru Kamau"' in client.get(url).get_data(as_text=True)
    (event,) = _events(svc, "user.rename")
    assert event.actor == f"user:{admin.id}" and event.object_type == "user"
    assert event.object_id == staff.id and event.details is None
    post(client, url, {"display_name": "Wanjiru Kamau"})  # unchanged: nothing to record
    assert len(_events(svc, "user.rename")) == 1
    with svc.sessions() as session:
        for e in session.scalars(select(AuditEvent)):
            assert "Wanjiru" not in f"{e.object_id} {e.details} {e.matter_id}"
    page = client.get("/admin/users").get_data(as_text=True)
    assert f"Wanjiru Kamau &lt;{staff.email}&gt;" in page


def test_only_an_admin_renames_and_an_unknown_account_is_404(app, svc):
    admin = make_staff(svc, "admin")
    attorney = make_staff(svc, "attorney")
    client = app.test_client()
    sign_in(client, attorney)
    assert client.get(f"/admin/users/{admin.id}/name").status_code in (403, 404)
    other = app.test_client()
    sign_in(other, admin)
    assert other.get("/admin/users/not-an-id/name").status_code == 404


def test_a_team_lists_and_offers_staff_by_name(app, svc):
    admin = make_staff(svc, "admin")
    member = make_staff(svc, "attorney", name="Lucía Fernández")
    offered = make_staff(svc, "advocate", name="Bram de Vries")
    unnamed = make_staff(svc, "advocate")
    seeded = seed_matter(svc, member)
    client = app.test_client()
    sign_in(client, admin)
    page = client.get(f"/admin/matters/{seeded.matter_id}/members").get_data(as_text=True)
    team, form = page.split("<h2>Add a member</h2>")
    assert f"Lucía Fernández &lt;{member.email}&gt; (attorney)" in team
    assert (f'<option value="{offered.id}">Bram de Vries &lt;{offered.email}&gt; (advocate)'
            "</option>") in form
    assert f'<option value="{unnamed.id}">{unnamed.email} (advocate)</option>' in form
