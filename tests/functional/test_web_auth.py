"""Sign-in with password and TOTP, lockout, sessions, sign-out, headers and cookies."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from config import Config, ConfigError
from intake import create_app, users
from intake.models import AuditEvent, User, UserSession, utcnow
from tests.functional.web_support import (
    PASSWORD,
    csrf,
    make_staff,
    post,
    sign_in,
    totp_code,
)


def _events(svc, action):
    with svc.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_password_hashing_meets_owasp_argon2id_minimum():
    params = users.PASSWORDS
    assert params.type.name == "ID"
    assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2


@pytest.mark.parametrize("weak", [
    "password1234", "qwertyuiop12", "letmein12345", "iloveyou2024", "123456789012",
    "aaaaaaaaaaaa", "clinicclinic1", "pat.garcia@clinic.test",
])
def test_common_and_guessable_passwords_are_refused(weak):
    with pytest.raises(users.UserError, match="too easy to guess"):
        users.validate_password(weak, "pat.garcia@clinic.test")


@pytest.mark.parametrize("strong", [
    PASSWORD, "a long enough passphrase", "another long passphrase", "kX9vQ2mT7wLp4RzN8bYc",
])
def test_long_unrelated_words_and_random_passwords_pass(strong):
    users.validate_password(strong, "pat.garcia@clinic.test")


def test_generated_one_time_passwords_pass():
    for _ in range(20):
        users.validate_password(users.generate_password(), "pat.garcia@clinic.test")


def test_a_common_password_cannot_be_chosen_at_sign_in_or_later(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    resp = post(client, "/account/password",
                {"current": PASSWORD, "new": "password1234", "confirm": "password1234"})
    assert resp.status_code == 200 and "too easy to guess" in resp.get_data(as_text=True)
    with svc.sessions() as session:
        assert users.check_password(session.get(User, staff.id), PASSWORD)


def test_sign_in_needs_password_then_totp_and_renews_the_session(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    client.get("/login")
    before = client.get_cookie("clinic")
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    assert resp.headers["Location"].endswith("/login/mfa")
    after_password = client.get_cookie("clinic").value
    assert before is None or before.value != after_password
    assert client.get("/matters").headers["Location"].startswith("/login")
    resp = post(client, "/login/mfa", {"code": totp_code(staff.secret or "")})
    assert resp.status_code == 302
    assert client.get_cookie("clinic").value != after_password
    assert client.get("/matters").status_code == 200
    ok = [e for e in _events(svc, "auth.login") if e.outcome == "ok"]
    assert [e.actor for e in ok] == [f"user:{staff.id}"]


def test_wrong_totp_code_is_refused_and_recorded(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    post(client, "/login", {"email": staff.email, "password": PASSWORD})
    resp = post(client, "/login/mfa", {"code": "000000"})
    assert resp.status_code == 401
    assert client.get("/matters").status_code == 302
    assert [e.outcome for e in _events(svc, "auth.login")] == ["failed"]


def test_a_totp_code_works_only_once(app, svc):
    staff = make_staff(svc, "advocate")
    code = totp_code(staff.secret or "")
    first, second = app.test_client(), app.test_client()
    post(first, "/login", {"email": staff.email, "password": PASSWORD})
    assert post(first, "/login/mfa", {"code": code}).status_code == 302
    post(second, "/login", {"email": staff.email, "password": PASSWORD})
    assert post(second, "/login/mfa", {"code": code}).status_code == 401


def test_sixth_wrong_password_in_a_row_is_refused_as_locked(app, svc):
    staff = make_staff(svc, "attorney")
    client = app.test_client()
    answers = []
    for _ in range(6):
        resp = post(client, "/login", {"email": staff.email, "password": "wrong password!"})
        assert resp.status_code == 401
        answers.append(_flash(resp))
    # even the right password is refused for 15 minutes
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    assert resp.status_code == 401 and "/login/mfa" not in resp.headers.get("Location", "")
    answers.append(_flash(resp))
    # ... with the answer a wrong password or an unknown address gets: no account is revealed
    unknown = post(app.test_client(), "/login", {"email": "nobody@clinic.test",
                                                 "password": "wrong password!"})
    assert set(answers) == {_flash(unknown)}
    assert "not correct" in answers[0] and "locked for 15 minutes" in answers[0]
    outcomes = [e.outcome for e in _events(svc, "auth.login") if e.object_id == staff.id]
    assert outcomes == ["failed"] * 4 + ["locked"] * 3
    assert len(_events(svc, "auth.lockout")) == 1
    with svc.sessions() as session:
        user = session.get(User, staff.id)
        assert user.locked_until - utcnow() > timedelta(minutes=14)
        user.locked_until = utcnow() - timedelta(seconds=1)
        session.commit()
    sign_in(client, staff)


def test_wrong_totp_codes_count_toward_lockout_across_password_sign_ins(app, svc):
    staff = make_staff(svc, "attorney")
    client = app.test_client()
    # The right password, then four wrong codes: the counter must not restart at the
    # next right password, or correct password + wrong codes would never lock.
    for _ in range(4):
        resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
        assert resp.headers["Location"].endswith("/login/mfa")
        assert post(client, "/login/mfa", {"code": "000000"}).status_code == 401
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    assert resp.headers["Location"].endswith("/login/mfa")
    resp = post(client, "/login/mfa", {"code": "000000"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/login")
    with svc.sessions() as session:
        assert session.get(User, staff.id).locked_until > utcnow()
    # locked: even the right password and a right code get nowhere
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    assert resp.status_code == 401
    lockouts = _events(svc, "auth.lockout")
    assert len(lockouts) == 1 and json.loads(lockouts[0].details)["step"] == "mfa"


def test_a_full_sign_in_resets_the_failure_count(app, svc):
    staff = make_staff(svc, "attorney")
    client = app.test_client()
    for _ in range(4):
        post(client, "/login", {"email": staff.email, "password": "wrong password!"})
    sign_in(client, staff)
    with svc.sessions() as session:
        assert session.get(User, staff.id).failed_logins == 0


def _flash(resp) -> str:
    """The error message of a sign-in page."""
    match = re.search(r'role="alert"[^>]*>(.*?)<', resp.get_data(as_text=True), re.S)
    assert match, "no error message on the page"
    return " ".join(match.group(1).split())


def test_unknown_account_gets_the_same_answer(app, svc):
    client = app.test_client()
    resp = post(client, "/login", {"email": "nobody@clinic.test", "password": "whatever12345"})
    assert resp.status_code == 401 and "not correct" in resp.get_data(as_text=True)
    assert "nobody@clinic.test" in resp.get_data(as_text=True)  # the form keeps what was typed
    assert [e.details for e in _events(svc, "auth.login")]


def test_first_sign_in_forces_password_change_then_totp_enrolment(app, svc):
    staff = make_staff(svc, "admin", enrolled=False, must_change=True)
    client = app.test_client()
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    assert resp.headers["Location"].endswith("/login/password")
    assert client.get("/admin/users").headers["Location"].startswith("/login")
    new = "another long passphrase"
    resp = post(client, "/login/password", {"current": PASSWORD, "new": new, "confirm": new})
    assert resp.headers["Location"].endswith("/login/mfa/enrol")
    page = client.get("/login/mfa/enrol").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in page
    secret = page.split('id="totp-secret">')[1].split("<")[0]
    resp = post(client, "/login/mfa/enrol", {"code": pyotp.TOTP(secret).now()})
    assert resp.status_code == 302
    assert client.get("/admin/users").status_code == 200
    with svc.sessions() as session:
        user = session.get(User, staff.id)
        assert user.mfa_enrolled_at is not None and not user.must_change_password
        assert secret.encode() not in user.totp_secret_ct


def test_idle_and_absolute_timeouts_end_the_session(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    with svc.sessions() as session:
        live = session.scalar(select(UserSession).where(UserSession.user_id == staff.id))
        live.last_seen_at = utcnow() - timedelta(minutes=16)
        session.commit()
    assert client.get("/matters").headers["Location"].startswith("/login")
    sign_in(client, staff)
    with svc.sessions() as session:
        live = session.scalar(select(UserSession).where(UserSession.user_id == staff.id,
                                                        UserSession.ended_at.is_(None)))
        live.created_at = utcnow() - timedelta(hours=12, minutes=1)
        session.commit()
    assert client.get("/matters").headers["Location"].startswith("/login")
    with svc.sessions() as session:
        reasons = sorted(s.end_reason for s in session.scalars(select(UserSession)))
    assert reasons == ["expired", "idle"]


def test_sign_out_is_a_post_with_csrf(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert post(client, "/logout", form_path="/matters").status_code == 302
    assert client.get("/matters").headers["Location"].startswith("/login")


def test_staff_see_and_end_their_own_sessions_only(app, svc):
    staff = make_staff(svc, "advocate")
    other = make_staff(svc, "advocate")
    laptop, phone, elsewhere = app.test_client(), app.test_client(), app.test_client()
    sign_in(laptop, staff)
    sign_in(phone, staff)
    sign_in(elsewhere, other)
    with svc.sessions() as session:
        mine = session.scalars(select(UserSession).where(UserSession.user_id == staff.id)).all()
        theirs = session.scalar(select(UserSession).where(UserSession.user_id == other.id))
    page = laptop.get("/account/sessions").get_data(as_text=True)
    assert page.count("/end") == 2 and "(this session)" in page
    resp = post(laptop, f"/account/sessions/{theirs.id}/end", form_path="/account/sessions")
    assert resp.status_code == 404
    assert elsewhere.get("/matters").status_code == 200
    phone_session = max(mine, key=lambda s: s.created_at)
    post(laptop, f"/account/sessions/{phone_session.id}/end", form_path="/account/sessions")
    assert phone.get("/matters").headers["Location"].startswith("/login")
    assert laptop.get("/matters").status_code == 200


def test_a_password_change_signs_out_every_other_session(app, svc):
    staff = make_staff(svc, "advocate")
    other = make_staff(svc, "advocate")
    laptop, phone, stolen, colleague = (app.test_client() for _ in range(4))
    for client in (laptop, phone, stolen):
        sign_in(client, staff)
    sign_in(colleague, other)
    new = "a different long passphrase"
    resp = post(laptop, "/account/password", {"current": PASSWORD, "new": new, "confirm": new})
    assert resp.status_code == 302
    for client in (phone, stolen):
        assert client.get("/matters").headers["Location"].startswith("/login")
    assert laptop.get("/matters").status_code == 200
    assert colleague.get("/matters").status_code == 200
    with svc.sessions() as session:
        ended = session.scalars(select(UserSession.end_reason).where(
            UserSession.user_id == staff.id, UserSession.ended_at.is_not(None))).all()
    assert ended == ["password_changed", "password_changed"]
    (event,) = _events(svc, "auth.password_change")
    assert json.loads(event.details) == {"other_sessions_ended": 2}
    sign_in(phone, staff, password=new)


def test_security_headers_on_every_page(app, svc):
    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    for path in ("/login", "/matters", "/account/sessions"):
        resp = client.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Cache-Control"] == "no-store"
        assert "<script>" not in resp.get_data(as_text=True)


def test_cookie_flags(env, engine, fast_passwords):
    env = dict(env, CLINIC_SECURE_COOKIES="1")
    app = create_app(Config.from_env(env), TESTING=True)
    staff = make_staff(app.extensions["clinic"], "advocate")
    client = app.test_client()
    resp = post(client, "/login", {"email": staff.email, "password": PASSWORD})
    cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("__Host-clinic=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Expires" not in cookie


def _limited_app(env, **extra):
    import uuid

    return create_app(Config.from_env(dict(env, **extra)), TESTING=True,
                      RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")


def _limited_codes(app, count, email_of, address_of=None):
    """Status codes of `count` failed sign-ins, the i-th for email_of(i), claiming to come
    from address_of(i) when given."""
    client = app.test_client()
    token = csrf(client, "/login")
    return [client.post("/login", data={"email": email_of(i), "password": "x" * 12,
                                        "csrf_token": token},
                        headers={"X-Forwarded-For": address_of(i)} if address_of else {}
                        ).status_code
            for i in range(count)]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_account_is_limited_in_redis_from_any_number_of_addresses(env, engine,
                                                                      fast_passwords):
    app = _limited_app(env, CLINIC_REDIS_URL="redis://127.0.0.1:6379/0", CLINIC_PROXY_HOPS="1")
    codes = _limited_codes(app, 11, lambda i: " Pat@Clinic.test" if i % 2 else "pat@clinic.test",
                           lambda i: f"198.51.100.{i + 1}")
    assert codes[:10] == [401] * 10 and codes[10] == 429
    # another account from the same addresses is not held back by it
    assert _limited_codes(app, 1, lambda i: "sam@clinic.test", lambda i: "198.51.100.1") == [401]


def test_an_office_behind_one_address_can_all_sign_in_at_once(app, svc):
    staff = [make_staff(svc, "advocate") for _ in range(25)]
    for person in staff:  # well over the old limit of 20 a minute per address
        client = app.test_client()
        sign_in(client, person)
        assert client.get("/matters").status_code == 200


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_per_address_ceiling_still_holds(env, engine, fast_passwords):
    from intake.security import ADDRESS_LIMIT_PER_MINUTE

    app = _limited_app(env, CLINIC_REDIS_URL="redis://127.0.0.1:6379/0")
    codes = _limited_codes(app, ADDRESS_LIMIT_PER_MINUTE + 1, lambda i: f"n{i}@clinic.test")
    assert set(codes[:-1]) == {401} and codes[-1] == 429


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_behind_a_proxy_the_ceiling_follows_the_forwarded_address(env, engine, fast_passwords):
    from intake.security import ADDRESS_LIMIT_PER_MINUTE

    app = _limited_app(env, CLINIC_PROXY_HOPS="1")
    count = ADDRESS_LIMIT_PER_MINUTE + 1
    # Staff behind one TLS proxy: a different forwarded address each time, never limited.
    codes = _limited_codes(app, count, lambda i: f"n{i}@clinic.test",
                           lambda i: f"10.{i // 250}.{i % 250}.1")
    assert set(codes) == {401}
    # One address hammering through the proxy is limited as if it connected directly.
    codes = _limited_codes(app, count, lambda i: f"m{i}@clinic.test", lambda i: "203.0.113.9")
    assert set(codes[:-1]) == {401} and codes[-1] == 429


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_without_trusted_proxies_a_forged_forwarded_address_is_ignored(env, engine,
                                                                         fast_passwords):
    from intake.security import ADDRESS_LIMIT_PER_MINUTE

    app = _limited_app(env)
    codes = _limited_codes(app, ADDRESS_LIMIT_PER_MINUTE + 1, lambda i: f"n{i}@clinic.test",
                           lambda i: f"198.51.100.{i % 250 + 1}")
    assert set(codes[:-1]) == {401} and codes[-1] == 429


def test_proxy_hops_must_be_a_small_number(env):
    with pytest.raises(ConfigError, match="CLINIC_PROXY_HOPS"):
        Config.from_env(dict(env, CLINIC_PROXY_HOPS="all"))


def test_keepalive_touches_the_session_and_needs_its_csrf_token(app, svc):
    import re as _re

    from intake.models import UserSession

    staff = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, staff)
    page = client.get("/").get_data(as_text=True)
    assert 'id="idle-warning"' in page and 'data-idle-seconds="900"' in page
    found = _re.search(r'data-csrf="([^"]+)"', page)
    assert found is not None
    token = found.group(1)
    assert client.post("/account/keepalive").status_code == 400  # no token, no touch
    with svc.sessions() as s:
        before = s.scalars(select(UserSession).where(UserSession.user_id == staff.id,
                                                     UserSession.ended_at.is_(None))).one()
        seen = before.last_seen_at
    resp = client.post("/account/keepalive", headers={"X-CSRFToken": token})
    assert resp.status_code == 204
    with svc.sessions() as s:
        after = s.scalars(select(UserSession).where(UserSession.user_id == staff.id,
                                                    UserSession.ended_at.is_(None))).one()
    assert after.last_seen_at >= seen
    signed_out = app.test_client()
    assert signed_out.post("/account/keepalive").status_code in (302, 400, 401)
    assert 'id="idle-warning"' not in signed_out.get("/login").get_data(as_text=True)
