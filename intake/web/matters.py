"""Matters: the list of one's own matters, opening a matter, and a matter's page."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from intake import cases
from intake.access import MATTER_STAFF, allow, member_matter, member_matter_ids, record
from intake.extensions import db_session, vault
from intake.models import Matter, MatterMember, RelatedPerson, Subject
from intake.web.forms import MatterForm

bp = Blueprint("matters", __name__)


@bp.get("/matters")
@allow(*MATTER_STAFF)
def index() -> str:
    """The matters the staff member works on."""
    db = db_session()
    ids = member_matter_ids(db, current_user.record)
    matters = list(db.scalars(select(Matter).where(Matter.id.in_(ids))
                              .order_by(Matter.created_at.desc()))) if ids else []
    return render_template("matters/index.html", matters=matters)


@bp.route("/matters/new", methods=["GET", "POST"])
@allow("admin", "attorney")
def create() -> str | Response:
    """Open a matter; its creator joins its team."""
    form = MatterForm()
    if form.validate_on_submit():
        db = db_session()
        try:
            matter = cases.create_matter(db, vault(), caption=form.caption.data or "",
                                         court=form.court.data or "", scheme=form.scheme.data)
        except cases.CaseError as exc:
            flash(f"Matter not opened: {exc}.", "error")
        else:
            db.add(MatterMember(matter_id=matter.id, user_id=current_user.id))
            record(db, "matter.create", object_type="matter", object_id=matter.id,
                   matter_id=matter.id, details={"scheme": matter.pseudonym_scheme})
            db.commit()
            flash("Matter opened.", "info")
            return redirect(url_for("matters.show", matter_id=matter.id))
    return render_template("matters/new.html", form=form)


@bp.get("/matters/<matter_id>")
@allow(*MATTER_STAFF)
def show(matter_id: str) -> str:
    """A matter: its survivors (by pseudonym) and related people (by label)."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    subjects = list(db.scalars(select(Subject).where(
        Subject.matter_id == matter.id, Subject.deleted_at.is_(None)
    ).order_by(Subject.created_at)))
    related = list(db.scalars(select(RelatedPerson).where(
        RelatedPerson.matter_id == matter.id, RelatedPerson.deleted_at.is_(None)
    ).order_by(RelatedPerson.created_at)))
    record(db, "matter.view", object_type="matter", object_id=matter.id, matter_id=matter.id)
    db.commit()
    labels = {s.id: s.pseudonym for s in subjects}
    return render_template("matters/show.html", matter=matter, subjects=subjects,
                           related=related, labels=labels)
