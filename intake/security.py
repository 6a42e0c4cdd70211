"""The app's guard rails: sessions, Flask-Login, CSRF, rate limits and response headers."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import uuid
from datetime import timedelta
from typing import Any

from flask import Flask, abort, current_app, g, render_template, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import AnonymousUserMixin, LoginManager, UserMixin
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.wrappers import Response

from config import Config
from intake import access, auth
from intake.drafts import DRAFT_MINUTES
from intake.extensions import db_session
from intake.models import User
from intake.web.filters import format_size

SESSION_KEY = "sid"
# Sign-in attempts are limited per account (the email typed, or the account of a half
# signed-in session), so one account cannot be hammered from many addresses; the limit per
# address is far higher, so a whole office behind one address can still sign in at 9 am.
ACCOUNT_LIMIT = "10 per minute;60 per hour"
ADDRESS_LIMIT_PER_MINUTE = 300
ADDRESS_LIMIT = f"{ADDRESS_LIMIT_PER_MINUTE} per minute;3000 per hour"
LIMITED_ENDPOINTS = ("auth.login", "auth.mfa_verify", "auth.mfa_enrol")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class StaffUser(UserMixin):
    """The signed-in staff member as Flask-Login sees them (no identifying data)."""

    def __init__(self, user: User) -> None:
        self.id = user.id
        self.email = user.email
        self.display_name = user.display_name
        self.role = user.role
        self.record = user


def timeouts(config: Config) -> auth.Timeouts:
    """The session timeouts of a configuration."""
    return auth.Timeouts(idle=timedelta(minutes=config.idle_timeout_minutes),
                         absolute=timedelta(hours=config.absolute_timeout_hours))


def load_session() -> None:
    """before_request: find this browser's server-side session and touch it."""
    g.request_id = uuid.uuid4().hex
    g.pending_session = None
    g.user_session = None
    if request.endpoint == "static":
        return
    token = session.get(SESSION_KEY)
    if not token:
        return
    db = db_session()
    found = auth.find_session(db, token, timeouts(g.clinic_config))
    db.commit()
    if found is None:
        if request.method == "POST":  # signed out while typing: access.enforce keeps it
            g.idled_out = auth.idled_out(db, token, timedelta(minutes=DRAFT_MINUTES))
        session.pop(SESSION_KEY, None)
    elif found.stage == "active":
        g.user_session = found
    else:
        g.pending_session = found


def _load_user(_request: Any) -> StaffUser | None:
    found = g.get("user_session")
    if found is None:
        return None
    user = db_session().get(User, found.user_id)
    return StaffUser(user) if user is not None else None


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if g.get("clinic_config") is not None and g.clinic_config.session_cookie_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def init_security(app: Flask, config: Config) -> None:
    """Install sessions, Flask-Login, CSRF, the limiter, headers and the error pages."""
    app.config["SESSION_COOKIE_NAME"] = (
        "__Host-clinic" if config.session_cookie_secure else "clinic")
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # the session's own timeouts apply

    @app.before_request
    def _session() -> None:
        # First of all, so that a page refused by a later check (CSRF, a too-large upload,
        # control characters) still knows who is signed in and keeps the navigation.
        g.clinic_config = config
        load_session()

    @app.context_processor
    def _idle() -> dict[str, int]:
        return {"idle_seconds": config.idle_timeout_minutes * 60}

    CSRFProtect(app)
    manager = LoginManager(app)
    manager.session_protection = None  # our server-side session replaces it
    manager.anonymous_user = AnonymousUserMixin
    manager.request_loader(_load_user)

    app.before_request(_refuse_control_characters)

    @app.before_request
    def _guard() -> Response | None:
        return access.enforce(db_session())

    app.after_request(_headers)
    _init_limiter(app, config)

    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError) -> tuple[str, int]:
        return _error_page(400, "The form expired",
                           "The form expired or was sent twice. Please try again.",
                           back=True)(_exc)

    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(InterfaceError, _database_unavailable)
    app.register_error_handler(500, _server_error)
    limit = format_size(config.max_upload_bytes)
    for code, title, message in (
            (400, "The request could not be used",
             "The form held characters that cannot be stored."),
            (403, "Not allowed", "You do not have access to this page."),
            (404, "Page not found", "There is nothing here, or you do not have access to it."),
            (405, "Not allowed here", "That action is not allowed here."),
            (413, "Too large to upload",
             f"What you sent is larger than the limit of {limit} for one upload. Nothing was "
             "stored. Upload fewer files at a time, or split a large file, and try again."),
            (429, "Too many attempts", "Too many attempts. Please wait a minute and try again."),
    ):
        app.register_error_handler(code, _error_page(code, title, message,
                                                     back=code in (400, 413)))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _refuse_control_characters() -> None:
    """before_request: no stored value may hold NUL or other control characters (400)."""
    for values in (request.args, request.form):
        for value in values.values():
            if _CONTROL.search(value):
                abort(400)


_PLAIN_PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
    "<body><main><h1>{title}</h1><p>{message}</p></main></body></html>"
)


def _database_unavailable(exc: Exception) -> tuple[str, int, dict[str, str]]:
    """The database went away (restart, failover): a plain page, no trace, retry soon."""
    # No template: the layout asks the database who is signed in.
    logging.getLogger("clinic").warning("database unavailable: %s", type(exc).__name__)
    page = _PLAIN_PAGE.format(title="Briefly unavailable", message=(
        "The clinic's database is restarting. Nothing you typed was saved by this request; "
        "please try again in a few seconds."))
    return page, 503, {"Retry-After": "5", "Cache-Control": "no-store"}


def _server_error(_exc: Exception) -> tuple[str, int, dict[str, str]]:
    title = "Something went wrong"
    message = ("The request could not be completed and nothing was saved. The error was "
               "recorded without any case details; please try again or tell your "
               "administrator.")
    try:
        db_session().rollback()  # the layout asks the database who is signed in
        page = render_template("error.html", code=500, title=title, message=message, back=None)
    except SQLAlchemyError:
        page = _PLAIN_PAGE.format(title=title, message=message)
    return page, 500, {"Cache-Control": "no-store"}


def _error_page(code: int, title: str, message: str, *, back: bool = False) -> Any:
    """A handler rendering the error page; with `back`, a refused form links to the page
    it was sent from (an upload that was too large, to the documents page)."""
    def handler(_exc: Exception) -> tuple[str, int]:
        target = access.return_path(request.path) if back and request.method == "POST" else None
        return render_template("error.html", code=code, title=title, message=message,
                               back=target), code

    return handler


def _account_key() -> str:
    """The limiter's key for one account: a digest of the email typed at step one, or the
    user id of the half signed-in session (never the email itself in the limiter's store)."""
    pending = g.get("pending_session")
    if pending is not None:
        return f"account:{pending.user_id}"
    email = (request.form.get("email") or "").strip().lower()
    secret = str(current_app.secret_key or "").encode("utf-8")
    return "account:" + hmac.new(secret, email.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _init_limiter(app: Flask, config: Config) -> None:
    """Rate-limit the sign-in steps per account, with a high ceiling per address (Redis when
    configured, else in memory)."""
    limiter = Limiter(
        get_remote_address, app=app,
        storage_uri=config.redis_url or "memory://",
        key_prefix=app.config.get("RATELIMIT_KEY_PREFIX", "clinic"),
        enabled=app.config.get("RATELIMIT_ENABLED", True),
    )
    app.extensions["clinic_limiter"] = limiter
    for endpoint in LIMITED_ENDPOINTS:
        view = app.view_functions.get(endpoint)
        if view is not None:
            limited: Any = limiter.limit(ACCOUNT_LIMIT, key_func=_account_key,
                                         methods=["POST"])(view)
            limited = limiter.limit(ADDRESS_LIMIT, methods=["POST"])(limited)
            app.view_functions[endpoint] = limited
