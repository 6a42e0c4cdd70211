"""Administration: staff accounts (create, name, disable, enable, reset) and matter teams."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from intake import auth, users
from intake.access import allow, deny, record, return_path
from intake.extensions import db_session, vault
from intake.models import Matter, MatterMember, User
from intake.web.forms import ActionForm, MemberForm, NameForm, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _user(db: Session, user_id: str) -> User:
    found = db.get(User, user_id) if len(user_id) <= 36 else None
    if found is None:
        deny(db, 404, object_type="user", object_id=user_id)
    assert found is not None
    return found


@bp.get("/users")
@allow("admin")
def users_index() -> str:
    """Every staff account."""
    rows = _by_name(db_session().scalars(select(User)))
    return render_template("admin/users.html", users=rows, form=ActionForm(), now=auth.utcnow())


def _by_name(staff: Iterable[User]) -> list[User]:
    """Accounts in the order their labels read: by name, or by email while unnamed."""
    return sorted(staff, key=lambda u: users.staff_label(u.display_name, u.email).lower())


@bp.route("/users/new", methods=["GET", "POST"])
@allow("admin")
def users_create() -> str | Response | tuple[str, int]:
    """Create an account with a one-time password (changed, and MFA set up, at first sign-in)."""
    form = UserForm()
    if form.validate_on_submit():
        db = db_session()
        password = users.generate_password()
        try:
            user = users.create_user(db, form.email.data or "", form.role.data, password,
                                     display_name=form.display_name.data or "",
                                     must_change_password=True)
        except users.UserError as exc:
            flash(f"Account not created: {exc}.", "error")
            return render_template("admin/user_new.html", form=form), 400
        record(db, "user.create", object_type="user", object_id=user.id,
               details={"role": user.role})
        db.commit()
        return render_template("admin/password.html", user=user, password=password)
    status = 400 if form.is_submitted() else 200
    return render_template("admin/user_new.html", form=form), status


@bp.route("/users/<user_id>/name", methods=["GET", "POST"])
@allow("admin")
def users_name(user_id: str) -> str | Response | tuple[str, int]:
    """Change the full name an account is shown by (recorded without the name)."""
    db = db_session()
    user = _user(db, user_id)
    form = NameForm(obj=user)
    if form.validate_on_submit():
        if users.rename_user(user, form.display_name.data or ""):
            record(db, "user.rename", object_type="user", object_id=user.id)
            db.commit()
            flash("Name saved.", "info")
        else:
            flash("The name is unchanged.", "info")
        return redirect(url_for("admin.users_index"))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/user_name.html", form=form, user=user), status


@bp.post("/users/<user_id>/<action>")
@allow("admin")
def users_change(user_id: str, action: str) -> str | Response:
    """Disable, enable, unlock or reset an account (a reset gives a new one-time password and
    MFA; an unlock ends a lockout after failed sign-ins)."""
    db = db_session()
    user = _user(db, user_id)
    if (action not in ("disable", "enable", "unlock", "reset")
            or not ActionForm().validate_on_submit()):
        abort(400)
    if user.id == current_user.id and action not in ("enable", "unlock"):
        flash("You cannot disable or reset your own account.", "error")
        return redirect(url_for("admin.users_index"))
    password = None
    back = return_path(request.form.get("next")) or url_for("admin.users_index")
    if action == "unlock":
        if not auth.unlock(user):
            flash("That account is not locked.", "info")
            return redirect(back)
    elif action == "disable":
        user.disabled = True
        auth.end_all_sessions(db, user.id, "disabled")
    elif action == "enable":
        user.disabled = False
    else:
        password = users.generate_password()
        user.password_hash = users.hash_password(password)
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until = None
        auth.reset_mfa(db, vault(), user)
        auth.end_all_sessions(db, user.id, "reset")
    record(db, f"user.{action}", object_type="user", object_id=user.id)
    db.commit()
    if password:
        return render_template("admin/password.html", user=user, password=password)
    flash("Account unlocked." if action == "unlock" else f"Account {action}d.", "info")
    return redirect(back)


@bp.get("/matters")
@allow("admin")
def matters_index() -> str:
    """Every matter (captions are pseudonymous), to manage teams."""
    rows = list(db_session().scalars(select(Matter).order_by(Matter.created_at.desc())))
    return render_template("admin/matters.html", matters=rows)


def _matter(db: Session, matter_id: str) -> Matter:
    found = db.get(Matter, matter_id) if len(matter_id) <= 36 else None
    if found is None:
        deny(db, 404, object_type="matter", object_id=matter_id)
    assert found is not None
    return found


@bp.route("/matters/<matter_id>/members", methods=["GET", "POST"])
@allow("admin")
def members(matter_id: str) -> str | Response:
    """A matter's team: add a member."""
    db = db_session()
    matter = _matter(db, matter_id)
    team = list(db.scalars(select(MatterMember).where(MatterMember.matter_id == matter.id)))
    on_team = {m.user_id for m in team}
    staff = _by_name(db.scalars(select(User)))
    labels = {u.id: users.staff_label(u.display_name, u.email, u.role) for u in staff}
    form = MemberForm()
    form.user_id.choices = [(u.id, labels[u.id]) for u in staff
                            if u.id not in on_team and u.role != "auditor"]
    if form.validate_on_submit():
        db.add(MatterMember(matter_id=matter.id, user_id=form.user_id.data))
        record(db, "member.add", object_type="user", object_id=form.user_id.data,
               matter_id=matter.id)
        db.commit()
        flash("Added to the team.", "info")
        return redirect(url_for("admin.members", matter_id=matter.id))
    team.sort(key=lambda m: labels.get(m.user_id, m.user_id).lower())
    return render_template("admin/members.html", matter=matter, team=team, labels=labels,
                           form=form, action=ActionForm())


@bp.post("/matters/<matter_id>/members/<user_id>/remove")
@allow("admin")
def members_remove(matter_id: str, user_id: str) -> Response:
    """Take someone off a matter's team."""
    db = db_session()
    matter = _matter(db, matter_id)
    member = db.scalar(select(MatterMember).where(MatterMember.matter_id == matter.id,
                                                  MatterMember.user_id == user_id))
    if member is None or not ActionForm().validate_on_submit():
        abort(404)
    db.delete(member)
    record(db, "member.remove", object_type="user", object_id=user_id, matter_id=matter.id)
    db.commit()
    flash("Removed from the team.", "info")
    return redirect(url_for("admin.members", matter_id=matter.id))
