"""Consent records: list, record a signed consent, view one, withdraw."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from intake import consents, exports
from intake.access import MATTER_STAFF, allow, member_consent, member_record, record
from intake.extensions import db_session, vault
from intake.models import Subject, utcnow
from intake.web.forms import ConsentForm, WithdrawConsentForm

bp = Blueprint("consents", __name__)


@bp.get("/subjects/<subject_id>/consents")
@allow(*MATTER_STAFF)
def index(subject_id: str) -> str:
    """A survivor's consents, with whether each is in force now."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    rows = consents.consents_for(db, subject)
    now = utcnow()
    status = {c.id: consents.is_valid(c, subject, now) for c in rows}
    record(db, "consent.list", object_type="subject", object_id=subject.id,
           matter_id=subject.matter_id)
    db.commit()
    return render_template("consents/index.html", subject=subject, consents=rows,
                           status=status)


@bp.route("/subjects/<subject_id>/consents/new", methods=["GET", "POST"])
@allow(*MATTER_STAFF)
def create(subject_id: str) -> str | Response | tuple[str, int]:
    """Record an informed, written, time-limited consent for one recipient."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    form = ConsentForm()
    if form.validate_on_submit():
        assert form.signed_on.data is not None and form.expires_on.data is not None
        data = consents.ConsentInput(
            recipient=form.recipient.data or "", scope=form.scope.data or "",
            signed_on=form.signed_on.data, expires_on=form.expires_on.data,
            signer=form.signer.data or "", guardian=form.guardian.data or None,
            informed=bool(form.informed.data), written=bool(form.written.data),
            notes=form.notes.data or None)
        try:
            consent = consents.record_consent(db, vault(), subject, data,
                                              recorded_by=current_user.id)
        except consents.ConsentError as exc:
            flash(f"Consent not recorded: {exc}.", "error")
        else:
            record(db, "consent.create", object_type="consent", object_id=consent.id,
                   matter_id=subject.matter_id,
                   details={"subject": subject.id,
                            "expires": consent.expires_at.date().isoformat()})
            db.commit()
            flash("Consent recorded.", "info")
            return redirect(url_for("consents.index", subject_id=subject.id))
    status = 400 if form.is_submitted() else 200
    return render_template("consents/form.html", form=form, subject=subject), status


@bp.get("/consents/<consent_id>")
@allow(*MATTER_STAFF)
def show(consent_id: str) -> str:
    """One consent (the signer's name stays sealed)."""
    db = db_session()
    consent, subject = member_consent(db, current_user.record, consent_id)
    record(db, "consent.view", object_type="consent", object_id=consent.id,
           matter_id=subject.matter_id)
    db.commit()
    return render_template("consents/show.html", consent=consent, subject=subject,
                           valid=consents.is_valid(consent, subject, utcnow()))


@bp.route("/consents/<consent_id>/withdraw", methods=["GET", "POST"])
@allow(*MATTER_STAFF)
def withdraw(consent_id: str) -> str | Response | tuple[str, int]:
    """Withdraw a consent from now on, after an explicit confirmation."""
    db = db_session()
    consent, subject = member_consent(db, current_user.record, consent_id)
    if consent.withdrawn_at is not None:
        flash("This consent was already withdrawn.", "info")
        return redirect(url_for("consents.show", consent_id=consent.id))
    form = WithdrawConsentForm()
    if form.validate_on_submit():
        try:
            consents.withdraw_consent(db, consent, withdrawn_by=current_user.id)
        except consents.ConsentError as exc:
            flash(f"{exc}.", "error")
        else:
            record(db, "consent.withdraw", object_type="consent", object_id=consent.id,
                   matter_id=subject.matter_id)
            db.commit()
            flash("Consent withdrawn.", "info")
        return redirect(url_for("consents.show", consent_id=consent.id))
    relying = exports.approved_under(db, consent.id, subject.matter_id)
    status = 400 if form.is_submitted() else 200
    return render_template("consents/withdraw.html", consent=consent, subject=subject,
                           form=form, relying=len(relying)), status
