"""Sign-in (password, then TOTP), enrolment, password changes, sign-out and own sessions."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from intake import auth, users
from intake.access import ROLES, allow, record, return_path
from intake.extensions import db_session, vault
from intake.models import User, UserSession
from intake.security import SESSION_KEY
from intake.web.forms import ActionForm, CodeForm, LoginForm, PasswordChangeForm

bp = Blueprint("auth", __name__)
# One answer for a wrong password, an unknown email and a locked account, so that the
# sign-in page never tells a stranger which addresses have accounts.
WRONG = ("The email or password is not correct. After 5 failed attempts in a row an account "
         "is locked for 15 minutes; an administrator can unlock it sooner.")
LOCKED = ("This account is locked after too many failed attempts. Try again in 15 minutes, "
          "or ask an administrator.")
# The page first asked for, kept in the signed session cookie through the sign-in steps.
NEXT_KEY = "next"


def _user_agent() -> str:
    return (request.user_agent.string or "")[:200]


def _set_token(token: str) -> None:
    """A fresh cookie session for a new token; only the page to return to carries over."""
    target = session.get(NEXT_KEY)
    session.clear()
    session[SESSION_KEY] = token
    if target:
        session[NEXT_KEY] = target


def _signed_in() -> Response:
    """Sign-in is complete: go to the page first asked for (if still a safe one), or home."""
    target = return_path(session.pop(NEXT_KEY, None))
    return redirect(target or url_for("public.index"))


def next_step(user_session: UserSession, user: User) -> Response:
    """Where a (partly) signed-in user goes next."""
    if user_session.stage == "password":
        return redirect(url_for("auth.password_required"))
    if user_session.stage == "mfa":
        if user.mfa_enrolled_at is None:
            return redirect(url_for("auth.mfa_enrol"))
        return redirect(url_for("auth.mfa_verify"))
    return redirect(url_for("public.index"))


def _end_current(db: Session, reason: str) -> None:
    for current in (g.get("user_session"), g.get("pending_session")):
        if current is not None:
            auth.end_session(current, reason)


@bp.route("/login", methods=["GET", "POST"])
@allow(public=True)
def login() -> str | Response | tuple[str, int]:
    """Step one of sign-in: email and password."""
    if current_user.is_authenticated:
        return redirect(return_path(request.args.get("next")) or url_for("public.index"))
    form = LoginForm()
    if not form.is_submitted():
        form.next.data = return_path(request.args.get("next")) or ""
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)
    db = db_session()
    try:
        user = auth.authenticate(db, form.email.data or "", form.password.data or "")
    except auth.AuthError as exc:
        target = exc.user.id if exc.user else None
        outcome = "locked" if exc.reason in ("locked", "lockout") else "failed"
        record(db, "auth.login", object_type="user", object_id=target, outcome=outcome,
               details={"reason": exc.reason, "step": "password"})
        if exc.reason == "lockout":
            record(db, "auth.lockout", object_type="user", object_id=target,
                   details={"minutes": auth.LOCK_MINUTES})
        db.commit()
        flash(WRONG, "error")
        return render_template("auth/login.html", form=form), 401
    _end_current(db, "signed_in_again")
    stage = "password" if user.must_change_password else "mfa"
    started, token = auth.start_session(db, user, stage, _user_agent())
    record(db, "auth.password", object_type="user", object_id=user.id, as_user=user.id)
    db.commit()
    _set_token(token)
    session.pop(NEXT_KEY, None)
    target = return_path(form.next.data)
    if target:
        session[NEXT_KEY] = target
    return next_step(started, user)


@bp.route("/login/password", methods=["GET", "POST"])
@allow(stage="password")
def password_required() -> str | Response:
    """A password change required before the first full sign-in (or after a reset)."""
    db = db_session()
    pending: UserSession = g.pending_session
    user = db.get(User, pending.user_id)
    assert user is not None
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            ended = auth.change_password(db, user, form.current.data or "",
                                         form.new.data or "", keep=pending)
        except users.UserError as exc:
            flash(f"Password not changed: {exc}.", "error")
        else:
            token = auth.advance_session(db, pending, "mfa")
            record(db, "auth.password_change", object_type="user", object_id=user.id,
                   details={"other_sessions_ended": ended})
            db.commit()
            _set_token(token)
            flash("Password changed.", "info")
            return next_step(pending, user)
    return render_template("auth/password.html", form=form, required=True)


@bp.route("/login/mfa/enrol", methods=["GET", "POST"])
@allow(stage="mfa")
def mfa_enrol() -> str | Response | tuple[str, int]:
    """Set up the authenticator app: scan the QR code, then confirm with a code."""
    db = db_session()
    pending: UserSession = g.pending_session
    user = db.get(User, pending.user_id)
    assert user is not None
    if user.mfa_enrolled_at is not None:
        return redirect(url_for("auth.mfa_verify"))
    secret = auth.enrolment_secret(db, vault(), user)
    db.commit()
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        if auth.confirm_enrolment(db, vault(), user, form.code.data or ""):
            auth.sign_in_complete(user)
            token = auth.advance_session(db, pending, "active")
            record(db, "mfa.enrol", object_type="user", object_id=user.id)
            record(db, "auth.login", object_type="user", object_id=user.id,
                   details={"step": "mfa"})
            db.commit()
            _set_token(token)
            flash("Two-step sign-in is set up.", "info")
            return _signed_in()
        record(db, "mfa.enrol", object_type="user", object_id=user.id, outcome="failed")
        db.commit()
        flash("That code is not right. Check the time on your phone and try again.", "error")
        status = 401
    uri = auth.provisioning_uri(user, secret)
    return render_template("auth/enrol.html", form=form, qr=auth.qr_data_uri(uri),
                           secret=secret), status


@bp.route("/login/mfa", methods=["GET", "POST"])
@allow(stage="mfa")
def mfa_verify() -> str | Response | tuple[str, int]:
    """Step two of sign-in: the code from the authenticator app."""
    db = db_session()
    pending: UserSession = g.pending_session
    user = db.get(User, pending.user_id)
    assert user is not None
    if user.mfa_enrolled_at is None:
        return redirect(url_for("auth.mfa_enrol"))
    form = CodeForm()
    if not form.validate_on_submit():
        return render_template("auth/mfa.html", form=form)
    if not auth.is_locked(user) and auth.verify_totp(db, vault(), user, form.code.data or ""):
        auth.sign_in_complete(user)
        token = auth.advance_session(db, pending, "active")
        record(db, "auth.login", object_type="user", object_id=user.id, details={"step": "mfa"})
        db.commit()
        _set_token(token)
        return _signed_in()
    already_locked = auth.is_locked(user)
    locked_now = not already_locked and auth.record_failure(user)
    locked = already_locked or locked_now
    record(db, "auth.login", object_type="user", object_id=user.id,
           outcome="locked" if locked else "failed", details={"step": "mfa"})
    if locked_now:
        record(db, "auth.lockout", object_type="user", object_id=user.id,
               details={"minutes": auth.LOCK_MINUTES, "step": "mfa"})
    if locked:
        auth.end_session(pending, "locked")
        db.commit()
        session.clear()
        flash(LOCKED, "error")
        return redirect(url_for("auth.login"))
    db.commit()
    flash("That code is not right, or was already used. Wait for the next code.", "error")
    return render_template("auth/mfa.html", form=form), 401


@bp.post("/logout")
@allow(public=True)
def logout() -> Response:
    """Sign out (POST with the CSRF token) and end the server-side session."""
    db = db_session()
    if g.get("user_session") is not None or g.get("pending_session") is not None:
        record(db, "auth.logout", object_type="user_session",
               object_id=(g.get("user_session") or g.get("pending_session")).id)
        _end_current(db, "signed_out")
        db.commit()
    session.clear()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@allow(*ROLES)
def password() -> str | Response:
    """Change one's own password."""
    db = db_session()
    user = db.get(User, current_user.id)
    assert user is not None
    form = PasswordChangeForm()
    if form.validate_on_submit():
        current: UserSession = g.user_session
        try:
            ended = auth.change_password(db, user, form.current.data or "",
                                         form.new.data or "", keep=current)
        except users.UserError as exc:
            flash(f"Password not changed: {exc}.", "error")
        else:
            # This session stays signed in, under a fresh token; every other one has ended.
            token = auth.advance_session(db, current, "active")
            record(db, "auth.password_change", object_type="user", object_id=user.id,
                   details={"other_sessions_ended": ended})
            db.commit()
            _set_token(token)
            flash("Password changed. Every other session of yours is signed out."
                  if ended else "Password changed.", "info")
            return redirect(url_for("auth.sessions"))
    return render_template("auth/password.html", form=form, required=False)


@bp.post("/account/keepalive")
@allow(*ROLES)
def keepalive() -> tuple[str, int]:
    """Still here: the request itself touched the session (clinic.js sends it while someone
    types, and when they answer the warning before the idle timeout)."""
    db_session().commit()
    return "", 204


@bp.get("/account/sessions")
@allow(*ROLES)
def sessions() -> str:
    """The staff member's own live sessions."""
    live = auth.live_sessions(db_session(), current_user.id)
    return render_template("auth/sessions.html", sessions=live, current=g.user_session,
                           form=ActionForm())


@bp.post("/account/sessions/<session_id>/end")
@allow(*ROLES)
def end_session(session_id: str) -> Response:
    """End one of one's own sessions (another user's answers 404)."""
    db = db_session()
    found = db.get(UserSession, session_id) if len(session_id) <= 36 else None
    if found is None or found.user_id != current_user.id or found.ended_at is not None:
        from intake.access import deny

        deny(db, 404, object_type="user_session", object_id=session_id)
    assert found is not None
    auth.end_session(found, "ended_by_user")
    record(db, "auth.session_end", object_type="user_session", object_id=found.id)
    db.commit()
    if found.id == g.user_session.id:
        session.clear()
        flash("You are signed out.", "info")
        return redirect(url_for("auth.login"))
    flash("Session ended.", "info")
    return redirect(url_for("auth.sessions"))
