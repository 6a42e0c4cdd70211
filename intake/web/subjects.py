"""Survivors: intake, the masked record, deliberate reveals, edits, history, pseudonyms."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from intake import cases, drafts, subjects, users
from intake.access import MATTER_STAFF, allow, is_member, member_matter, member_record, record
from intake.extensions import db_session, services, vault
from intake.models import Matter, RelatedPerson, Subject, User
from intake.web.forms import ActionForm, PseudonymForm, RelatedForm, RevealForm, SubjectForm, lines

bp = Blueprint("subjects", __name__)
FIELD_LABELS = {
    "names": "Names", "aliases": "Aliases", "date_of_birth": "Date of birth",
    "guardian": "Parent or guardian", "phones": "Phone numbers", "emails": "Email addresses",
    "addresses": "Addresses", "handles": "Social media handles", "identifiers": "Identifiers",
    "narrative": "Narrative", "safety_notes": "Safety notes",
}
LIST_FIELDS = ("names", "aliases", "phones", "emails", "addresses", "handles", "identifiers")
CONFLICT_HIDDEN = ("A possible match exists in another matter you do not work on. "
                   "Ask an attorney to review it before going further.")


def _input(form: SubjectForm) -> cases.SubjectInput:
    dob = form.date_of_birth.data.isoformat() if form.date_of_birth.data else None
    return cases.SubjectInput(
        names=lines(form.names.data), aliases=lines(form.aliases.data), date_of_birth=dob,
        minor=subjects.derive_minor(dob, form.minor.data), phones=lines(form.phones.data),
        emails=lines(form.emails.data), addresses=lines(form.addresses.data),
        handles=lines(form.handles.data), identifiers=lines(form.identifiers.data),
        narrative=(form.narrative.data or "").strip() or None,
        safety_notes=(form.safety_notes.data or "").strip() or None,
        guardian=(form.guardian.data or "").strip() or None, safe_to=form.safe_to())


def _conflicts(db: Session, matter: Matter, data: cases.SubjectInput
               ) -> list[tuple[subjects.Conflict, bool, str]]:
    """Possible conflicts of an intake: (conflict, shown to this user, what to tell them)."""
    found = subjects.find_conflicts(db, services().indexer, matter.id, names=data.names,
                                    date_of_birth=data.date_of_birth, phones=data.phones,
                                    emails=data.emails)
    user: User = current_user.record
    out = []
    for conflict in found:
        if not is_member(db, user, conflict.matter_id):
            out.append((conflict, False, CONFLICT_HIDDEN))
            continue
        other = db.get(Matter, conflict.matter_id)
        who = (db.get(Subject, conflict.subject_id).pseudonym  # type: ignore[union-attr]
               if conflict.subject_id else
               db.get(RelatedPerson, conflict.related_person_id).label)  # type: ignore[union-attr]
        kinds = " and ".join(sorted(conflict.kinds)).replace("dob", "date of birth")
        out.append((conflict, True, f"Possible conflict: {who} in matter "
                                    f"“{other.caption if other else ''}” has the same {kinds}."))
    return out


def _restored() -> SubjectForm | None:
    """The form as this user left it when the idle timeout signed them out, if it was kept
    (GET only; the draft is used once)."""
    from flask import request
    from werkzeug.datastructures import MultiDict

    if request.method != "GET":
        return None
    db = db_session()
    fields = drafts.take(db, vault(), current_user.id, request.path)
    if fields is None:
        db.commit()  # expired drafts purged
        return None
    record(db, "draft.restored", object_type="form", object_id=None)
    db.commit()
    flash("What you typed before you were signed out is back in the form: check it and save.",
          "warning")
    return SubjectForm(formdata=MultiDict(fields))


def _flag_conflicts(db: Session, matter: Matter, subject: Subject,
                    data: cases.SubjectInput) -> None:
    """Record each conflict of a saved intake: the other matter's attorneys see it queued."""
    for conflict, visible, message in _conflicts(db, matter, data):
        record(db, "conflict.flagged", object_type="subject", object_id=subject.id,
               matter_id=matter.id, outcome="flagged",
               details={"other_matter": conflict.matter_id, "kinds": sorted(conflict.kinds),
                        "shown": visible})
        flash(message, "warning")


@bp.route("/matters/<matter_id>/subjects/new", methods=["GET", "POST"])
@allow(*MATTER_STAFF)
def create(matter_id: str) -> str | Response | tuple[str, int]:
    """Survivor intake; a pseudonym is assigned in the matter's scheme."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    restored = _restored()
    form = restored if restored is not None else SubjectForm()
    warnings: list[str] = []
    if form.validate_on_submit():
        data = _input(form)
        if not form.conflict_reviewed.data:  # the check comes before the save
            found = _conflicts(db, matter, data)
            if found:
                record(db, "conflict.checked", object_type="matter", object_id=matter.id,
                       matter_id=matter.id, outcome="flagged",
                       details={"other_matters": sorted({c.matter_id for c, _, _ in found})})
                db.commit()
                warnings = list(dict.fromkeys(message for _, _, message in found))
                return render_template("subjects/form.html", form=form, matter=matter,
                                       subject=None, conflicts=warnings), 409
        try:
            subject = cases.add_subject(db, vault(), services().indexer, matter, data,
                                        created_by=current_user.id)
        except cases.CaseError as exc:
            flash(f"Not saved: {exc}.", "error")
        else:
            record(db, "subject.create", object_type="subject", object_id=subject.id,
                   matter_id=matter.id, details={"pseudonym": subject.pseudonym})
            _flag_conflicts(db, matter, subject, data)
            db.commit()
            flash(f"Intake saved as {subject.pseudonym}.", "info")
            return redirect(url_for("subjects.show", subject_id=subject.id))
    status = 400 if form.is_submitted() else 200
    return render_template("subjects/form.html", form=form, matter=matter, subject=None,
                           conflicts=warnings), status


def _page(db: Session, subject: Subject, revealed: dict[str, Any]) -> str:
    matter = db.get(Matter, subject.matter_id)
    fields = vault().open(subject)
    counts = {name: (len(value) if isinstance(value, list) else int(bool(value)))
              for name, value in fields.items()}
    related = db.query(RelatedPerson).filter(
        RelatedPerson.subject_id == subject.id, RelatedPerson.deleted_at.is_(None)).all()
    return render_template("subjects/show.html", subject=subject, matter=matter,
                           labels=FIELD_LABELS, counts=counts, revealed=revealed,
                           list_fields=LIST_FIELDS, related=related, form=RevealForm(),
                           can_rename=current_user.role == "attorney")


@bp.get("/subjects/<subject_id>")
@allow(*MATTER_STAFF)
def show(subject_id: str) -> str:
    """A survivor's record, every identifying field masked behind its pseudonym."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    page = _page(db, subject, {})
    record(db, "subject.view", object_type="subject", object_id=subject.id,
           matter_id=subject.matter_id)
    db.commit()
    return page


@bp.post("/subjects/<subject_id>/reveal")
@allow(*MATTER_STAFF)
def reveal(subject_id: str) -> str:
    """Show one identifying field, deliberately; the reveal is recorded."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    form = RevealForm()
    if not form.validate_on_submit() or form.field.data not in FIELD_LABELS:
        abort(400)
    name = form.field.data
    value = vault().open(subject)[name]
    record(db, "subject.reveal", object_type="subject", object_id=subject.id,
           matter_id=subject.matter_id, details={"field": name})
    db.commit()
    return _page(db, subject, {name: value})


def _fill(form: SubjectForm, fields: dict[str, Any], subject: Subject) -> None:
    for name in LIST_FIELDS:
        getattr(form, name).data = "\n".join(fields[name])
    for name in ("narrative", "safety_notes", "guardian"):
        getattr(form, name).data = fields[name] or ""
    dob = fields["date_of_birth"]
    form.date_of_birth.data = date.fromisoformat(dob) if dob else None
    form.minor.data = subject.minor
    for flag in subjects.SAFETY_FLAGS:
        getattr(form, f"safe_{flag}").data = getattr(subject, f"safe_to_{flag}")


@bp.route("/subjects/<subject_id>/edit", methods=["GET", "POST"])
@allow(*MATTER_STAFF)
def edit(subject_id: str) -> str | Response | tuple[str, int]:
    """Edit a survivor's record (opening the form reveals every field, and is recorded)."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    matter = db.get(Matter, subject.matter_id)
    form = SubjectForm()
    if form.validate_on_submit():
        try:
            changed = subjects.edit_subject(db, vault(), services().indexer, subject,
                                            _input(form), changed_by=current_user.id)
        except cases.CaseError as exc:
            flash(f"Not saved: {exc}.", "error")
        else:
            if changed:
                record(db, "subject.edit", object_type="subject", object_id=subject.id,
                       matter_id=subject.matter_id, details={"fields": changed})
                _flag_conflicts(db, matter, subject, _input(form))  # type: ignore[arg-type]
            db.commit()
            flash("Changes saved." if changed else "Nothing changed.", "info")
            return redirect(url_for("subjects.show", subject_id=subject.id))
        return render_template("subjects/form.html", form=form, matter=matter,
                               subject=subject), 400
    if form.is_submitted():
        return render_template("subjects/form.html", form=form, matter=matter,
                               subject=subject), 400
    restored = _restored()
    if restored is not None:
        return render_template("subjects/form.html", form=restored, matter=matter,
                               subject=subject)
    _fill(form, vault().open(subject), subject)
    record(db, "subject.reveal", object_type="subject", object_id=subject.id,
           matter_id=subject.matter_id, details={"field": "all", "purpose": "edit"})
    db.commit()
    return render_template("subjects/form.html", form=form, matter=matter, subject=subject)


@bp.get("/subjects/<subject_id>/history")
@allow(*MATTER_STAFF)
def history(subject_id: str) -> str:
    """Who changed which fields, and when (no values)."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    rows = subjects.revisions(db, subject)
    staff = users.staff_labels(db, (r.changed_by for r in rows))
    record(db, "subject.history", object_type="subject", object_id=subject.id,
           matter_id=subject.matter_id)
    db.commit()
    return render_template("subjects/history.html", subject=subject, revisions=rows,
                           staff=staff, labels=FIELD_LABELS)


@bp.route("/subjects/<subject_id>/pseudonym", methods=["GET", "POST"])
@allow("attorney")
def pseudonym(subject_id: str) -> str | Response | tuple[str, int]:
    """Change a survivor's pseudonym (attorneys only, with a reason; never reused)."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    matter = member_matter(db, current_user.record, subject.matter_id)
    form = PseudonymForm()
    if form.validate_on_submit():
        try:
            change = subjects.change_pseudonym(db, vault(), services().indexer, matter, subject,
                                               form.pseudonym.data or "", form.reason.data or "")
        except cases.PseudonymIsANameError:
            # Nothing was changed but name parts indexed for older records, which may stay.
            # Never show the typed value again: it may be her name.
            form.pseudonym.data = ""
            form.pseudonym.raw_data = []
            record(db, "pseudonym.change", object_type="subject", object_id=subject.id,
                   matter_id=matter.id, outcome="refused", details={"reason": "is_a_name"})
            db.commit()
            flash("Pseudonym not changed: it matches a name or alias, or part of one, of "
                  "someone in this matter. Choose a pseudonym that is not a real name.", "error")
        except cases.CaseError as exc:
            flash(f"Pseudonym not changed: {exc}.", "error")
        else:
            # Registry row ids only: the values stay out of the append-only log.
            record(db, "pseudonym.change", object_type="subject", object_id=subject.id,
                   matter_id=matter.id,
                   details={"released": change.released, "registered": change.registered})
            db.commit()
            flash(f"Pseudonym changed to {subject.pseudonym}.", "info")
            return redirect(url_for("subjects.show", subject_id=subject.id))
        return render_template("subjects/pseudonym.html", form=form, subject=subject), 400
    status = 400 if form.is_submitted() else 200
    return render_template("subjects/pseudonym.html", form=form, subject=subject), status


@bp.route("/subjects/<subject_id>/related/new", methods=["GET", "POST"])
@allow(*MATTER_STAFF)
def add_related(subject_id: str) -> str | Response | tuple[str, int]:
    """Record a related person, shown everywhere by their label."""
    db = db_session()
    subject = member_record(db, current_user.record, Subject, subject_id)
    matter = db.get(Matter, subject.matter_id)
    assert matter is not None
    form = RelatedForm()
    if form.validate_on_submit():
        data = cases.RelatedInput(
            names=lines(form.names.data), label=(form.label.data or "").strip() or None,
            phones=lines(form.phones.data), emails=lines(form.emails.data),
            addresses=lines(form.addresses.data),
            relationship=(form.relationship.data or "").strip() or None)
        try:
            person = cases.add_related_person(db, vault(), services().indexer, matter, data,
                                              subject=subject)
        except cases.CaseError as exc:
            flash(f"Not saved: {exc}.", "error")
        else:
            record(db, "related.create", object_type="related_person", object_id=person.id,
                   matter_id=matter.id, details={"subject": subject.id})
            db.commit()
            flash(f"Saved as {person.label}.", "info")
            return redirect(url_for("subjects.show", subject_id=subject.id))
    status = 400 if form.is_submitted() else 200
    return render_template("subjects/related.html", form=form, subject=subject,
                           action=ActionForm()), status
