"""Who may use each route: the `allow` rule, deny-by-default, and per-matter membership.

Every view declares a rule with `@allow(...)`. A view without one is refused for
everyone (see `enforce`). Records that belong to a matter are loaded only through
`member_matter` / `member_record` / `member_consent`, which answer 404, and record the
denial, when the user is not a member of that matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import abort, current_app, flash, g, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from intake import audit
from intake.models import (
    ROLES,
    Consent,
    Document,
    Export,
    Matter,
    MatterMember,
    RelatedPerson,
    Subject,
    User,
)

ACCESS_ATTR = "_clinic_access_rule"
MATTER_STAFF = ("admin", "attorney", "advocate")
CASE_WORKERS = ("attorney", "advocate")
F = TypeVar("F", bound=Callable[..., Any])
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# A path to return to after sign-in: printable ASCII, no backslash (browsers read "/\\" as
# "//"), at most a generous URL's length.
_RETURN_PATH = re.compile(r"^/(?![/\\])[!-\[\]-~]{0,1999}$")


@dataclass(frozen=True)
class Rule:
    """An access rule: public, a sign-in stage (partly signed in), or a set of roles."""

    roles: frozenset[str] = frozenset()
    public: bool = False
    stage: str | None = None


def allow(*roles: str, public: bool = False, stage: str | None = None) -> Callable[[F], F]:
    """Declare who may use a view: `@allow("attorney", "advocate")`, `@allow(public=True)`
    or `@allow(stage="mfa")` for the steps of sign-in."""
    unknown = set(roles) - set(ROLES)
    if unknown or (public and roles) or (not roles and not public and stage is None):
        raise ValueError(f"bad access rule: roles={roles} public={public} stage={stage}")
    rule = Rule(roles=frozenset(roles), public=public, stage=stage)

    def mark(view: F) -> F:
        setattr(view, ACCESS_ATTR, rule)
        return view

    return mark


def rule_of(view: Callable[..., Any] | None) -> Rule | None:
    """The declared rule of a view function, if any."""
    return getattr(view, ACCESS_ATTR, None) if view is not None else None


def actor() -> str:
    """The audit actor of this request: `user:<id>`, or `anonymous`."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    pending = g.get("pending_session")
    return f"user:{pending.user_id}" if pending is not None else "anonymous"


def record(session: Session, action: str, *, as_user: str | None = None, **kwargs: Any) -> None:
    """Append an audit event for this request (actor and request id filled in)."""
    who = f"user:{as_user}" if as_user else actor()
    audit.record(session, actor=who, action=action, request_id=g.get("request_id"), **kwargs)


def deny(session: Session, status: int, *, object_type: str | None = None,
         object_id: str | None = None, matter_id: str | None = None) -> Any:
    """Record a denial, commit it, and abort with `status`."""
    session.rollback()
    record(session, "access.denied", object_type=object_type,
           object_id=(object_id or "")[:64] or None, matter_id=matter_id, outcome="denied",
           details={"endpoint": request.endpoint, "method": request.method})
    session.commit()
    abort(status)


def enforce(session: Session) -> Response | None:
    """before_request: apply the rule of the matched view; no rule means no one may use it."""
    view = current_app.view_functions.get(request.endpoint or "")
    signed_in = current_user.is_authenticated
    if view is None:  # unknown URL: do not let anonymous callers map the routes
        return None if signed_in else redirect(url_for("auth.login"))
    rule = rule_of(view)
    if rule is None:
        current_app.logger.error("route %s has no access rule", request.endpoint)
        return deny(session, 404)
    if rule.public:
        return None
    if rule.stage is not None:
        pending = g.get("pending_session")
        if pending is not None and pending.stage == rule.stage:
            return None
        return redirect(url_for("public.index" if signed_in else "auth.login"))
    if not signed_in:
        if request.method == "POST" and g.get("idled_out"):
            return _keep_draft(session, str(g.idled_out)) or redirect(sign_in_url())
        return redirect(sign_in_url())
    if current_user.role not in rule.roles:
        return deny(session, 404 if request.view_args else 403)
    return None


# the forms whose typing an idle timeout must not lose, and the matter each belongs to
_DRAFTABLE = {"subjects.create": "matter_id", "subjects.edit": "subject_id"}


def _keep_draft(session: Session, user_id: str) -> Response | None:
    """Keep what a member typed into an intake form after the idle timeout signed them out,
    then send them to sign in and back to the form, where it is put back."""
    from intake import drafts
    from intake.extensions import vault

    key = _DRAFTABLE.get(request.endpoint or "")
    args = request.view_args or {}
    if key is None or not isinstance(args.get(key), str):
        return None
    user = session.get(User, user_id)
    matter_id = args[key]
    if key == "subject_id":
        subject = session.get(Subject, _check_id(matter_id))
        matter_id = subject.matter_id if subject is not None else ""
    matter = session.get(Matter, _check_id(matter_id)) if matter_id else None
    if user is None or user.disabled or matter is None or not is_member(session, user, matter.id):
        return None
    fields = {k: v for k, v in request.form.items() if isinstance(v, str)}
    drafts.keep(session, vault(), user.id, matter, request.path, fields)
    record(session, "draft.kept", as_user=user.id, object_type="matter",
           object_id=matter.id, matter_id=matter.id)
    session.commit()
    flash("You were signed out after a while without activity. What you typed is kept for "
          f"{drafts.DRAFT_MINUTES} minutes: sign in again to go on.", "warning")
    return redirect(url_for("auth.login", next=request.path))


def return_path(value: str | None) -> str | None:
    """`value` when it is a same-site path to a page for signed-in staff, else None.

    Sign-in returns there. Anything that a browser could read as another site (`//host`,
    `/\\host`, `https://host`, `javascript:`), an unknown URL, a page that is not read with
    GET, and the pages of sign-in itself are refused.
    """
    if not value or not _RETURN_PATH.match(value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.fragment:
        return None
    try:
        endpoint, _args = current_app.url_map.bind("localhost").match(parts.path, "GET")
    except HTTPException:  # no such page, not a GET page, or a redirect elsewhere
        return None
    rule = rule_of(current_app.view_functions.get(endpoint))
    if rule is None or rule.public or rule.stage is not None:
        return None
    return value


def sign_in_url() -> str:
    """The sign-in page, carrying this request's page to return to (GET requests only)."""
    if request.method == "GET":
        target = return_path(request.full_path.rstrip("?"))
        if target:
            return url_for("auth.login", next=target)
    return url_for("auth.login")


def _check_id(value: str) -> str:
    if not isinstance(value, str) or not _UUID.match(value):
        abort(404)
    return value


def is_member(session: Session, user: User, matter_id: str) -> bool:
    """Whether the user is on the matter's team."""
    return session.scalar(select(MatterMember.id).where(
        MatterMember.matter_id == matter_id, MatterMember.user_id == user.id)) is not None


def member_matter(session: Session, user: User, matter_id: str) -> Matter:
    """The matter, if the user is a member; otherwise 404 (and the denial is recorded)."""
    matter = session.get(Matter, _check_id(matter_id))
    if matter is None or not is_member(session, user, matter.id):
        deny(session, 404, object_type="matter", object_id=matter_id)
    assert matter is not None
    return matter


M = TypeVar("M", Subject, RelatedPerson, Document, Export)


def member_record(session: Session, user: User, model: type[M], record_id: str) -> M:
    """A record that belongs to a matter, if the user is a member of it; otherwise 404."""
    found = session.get(model, _check_id(record_id))
    gone = found is None or getattr(found, "deleted_at", None) is not None
    if gone or found is None or not is_member(session, user, found.matter_id):
        deny(session, 404, object_type=model.__tablename__, object_id=record_id)
    assert found is not None
    return found


def member_consent(session: Session, user: User, consent_id: str) -> tuple[Consent, Subject]:
    """A consent and its survivor, if the user is a member of the survivor's matter."""
    consent = session.get(Consent, _check_id(consent_id))
    subject = session.get(Subject, consent.subject_id) if consent is not None else None
    if (consent is None or subject is None or subject.deleted_at is not None
            or not is_member(session, user, subject.matter_id)):
        deny(session, 404, object_type="consent", object_id=consent_id)
    assert consent is not None and subject is not None
    return consent, subject


def member_matter_ids(session: Session, user: User) -> list[str]:
    """Ids of the matters the user works on."""
    return list(session.scalars(select(MatterMember.matter_id).where(
        MatterMember.user_id == user.id)))
