"""Documents: encrypted uploads, a matter's documents, export batches and their progress."""

from __future__ import annotations

import io
import threading
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from werkzeug.wrappers import Response
from wtforms import BooleanField, SelectField, SelectMultipleField
from wtforms.validators import DataRequired, Length

from intake import consents, exports, jobs, lifecycle, uploads
from intake.access import CASE_WORKERS, allow, member_matter, member_record, record
from intake.blobstore import BlobStore
from intake.cases import CaseError
from intake.extensions import db_session, services, vault
from intake.models import Document, Export, ExportJob, Matter, Subject
from intake.web.forms import ActionForm

bp = Blueprint("documents", __name__)
_LOCK = threading.Lock()


def _keep_uploads_in_memory(state: BlueprintSetupState) -> None:
    """Werkzeug spools large uploads to a temporary file in clear; keep them in memory.

    The request body is capped by MAX_CONTENT_LENGTH, so memory stays bounded.
    """
    app: Any = state.app
    base = app.request_class

    class InMemoryUploads(base):  # type: ignore[valid-type,misc]
        def _get_file_stream(self, *_args: Any, **_kwargs: Any) -> Any:
            return io.BytesIO()

    app.request_class = InMemoryUploads


bp.record_once(_keep_uploads_in_memory)


def blobs() -> BlobStore:
    """The encrypted blob store of this instance."""
    return BlobStore(services().config.blob_dir)


def redaction_engine() -> Any:
    """The app's redaction engine, built on first use (it takes seconds) and kept."""
    ext = current_app.extensions
    if "clinic.redaction" not in ext:
        with _LOCK:
            if "clinic.redaction" not in ext:
                from redaction.engine import RedactionEngine

                ext["clinic.redaction"] = RedactionEngine(services().config.spacy_model)
    return ext["clinic.redaction"]


def dispatcher() -> jobs.Dispatcher:
    """The job queue: RQ when CLINIC_REDIS_URL is set, else a worker thread in this process."""
    ext = current_app.extensions
    if "clinic.jobs" not in ext:
        with _LOCK:
            if "clinic.jobs" not in ext:
                svc = services()
                if svc.config.redis_url:
                    ext["clinic.jobs"] = jobs.RQDispatcher(svc.config.redis_url)
                else:
                    app = current_app._get_current_object()  # type: ignore[attr-defined]

                    def engine() -> Any:
                        with app.app_context():
                            return redaction_engine()

                    ext["clinic.jobs"] = jobs.ThreadDispatcher(svc, engine)
    found: jobs.Dispatcher = ext["clinic.jobs"]
    return found


@bp.before_app_request
def _resume_jobs() -> None:
    """Start the job queue with the first request, so unfinished jobs resume after a restart."""
    if "clinic.jobs" not in current_app.extensions:
        dispatcher()


class UploadForm(FlaskForm):
    subject = SelectField("Survivor the documents are about", default="")


class ExportForm(FlaskForm):
    profile = SelectField("Redaction profile", validators=[DataRequired()])
    recipient = SelectField("Recipient (from the consents in force in this matter)",
                            validators=[DataRequired(), Length(max=300)])
    documents = SelectMultipleField("Documents", validate_choice=False)


class SettingsForm(FlaskForm):
    allow_self_approval = BooleanField("Let the reviewing attorney also approve exports")


def _subjects(matter: Matter) -> list[Subject]:
    return list(db_session().scalars(select(Subject).where(
        Subject.matter_id == matter.id, Subject.deleted_at.is_(None)).order_by(Subject.pseudonym)))


def _forms(matter: Matter) -> tuple[UploadForm, ExportForm]:
    upload = UploadForm()
    upload.subject.choices = [("", "The matter as a whole")] + [
        (s.id, s.pseudonym) for s in _subjects(matter)]
    export = ExportForm()
    export.profile.choices = [(p, p) for p in exports.profile_names()]
    # No recipient is preselected: sharing with the wrong one is the mistake to avoid.
    export.recipient.choices = [("", "Choose the recipient")] + [
        (r.name, f"{r.name} (consent from {', '.join(r.pseudonyms)})")
        for r in consents.recipients_in_force(db_session(), matter.id)]
    return upload, export


@bp.get("/matters/<matter_id>/documents")
@allow(*CASE_WORKERS)
def index(matter_id: str) -> str:
    """A matter's documents, the upload form and the export form."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    docs = list(db.scalars(select(Document).where(
        Document.matter_id == matter.id, Document.deleted_at.is_(None))
        .order_by(Document.created_at, Document.id)))
    upload, export = _forms(matter)
    owners = {s.id: s.pseudonym for s in _subjects(matter)}
    settings = SettingsForm(allow_self_approval=matter.allow_self_approval)
    return render_template("documents/index.html", matter=matter, documents=docs,
                           owners=owners, upload=upload, export=export, settings=settings,
                           names=uploads.file_names(vault(), docs))


@bp.post("/matters/<matter_id>/documents")
@allow(*CASE_WORKERS)
def upload(matter_id: str) -> Response:
    """Store uploaded files encrypted; each accepted file is recorded, each refusal explained."""
    from flask import request

    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    form, _export = _forms(matter)
    if not form.validate_on_submit():
        abort(400)
    subject = None
    if form.subject.data:
        subject = member_record(db, current_user.record, Subject, form.subject.data)
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        flash("Choose at least one file.", "error")
    stored = 0
    for number, storage in enumerate(files, 1):
        data = storage.stream.read()
        try:
            doc = uploads.store_document(db, vault(), blobs(), matter, subject,
                                         storage.filename or "", data,
                                         uploaded_by=current_user.id)
        except uploads.UploadError as exc:
            record(db, "document.upload", object_type="matter", object_id=matter.id,
                   matter_id=matter.id, outcome="refused", details={"file": number})
            flash(f"File {number} refused: {exc}.", "error")
            continue
        record(db, "document.upload", object_type="document", object_id=doc.id,
               matter_id=matter.id, details={"kind": doc.kind, "size": doc.size_bytes,
                                             "subject": doc.subject_id})
        stored += 1
    db.commit()
    if stored:
        flash(f"{stored} document(s) stored encrypted.", "info")
    return redirect(url_for("documents.index", matter_id=matter.id))


@bp.route("/documents/<document_id>/delete", methods=["GET", "POST"])
@allow(*CASE_WORKERS)
def delete(document_id: str) -> str | Response:
    """Ask, then remove a document, its encrypted file and every export made from it."""
    db = db_session()
    document = member_record(db, current_user.record, Document, document_id)
    form = ActionForm()
    if not form.validate_on_submit():
        made = db.scalar(select(func.count()).select_from(Export).where(
            Export.document_id == document.id)) or 0
        return render_template("documents/delete.html", document=document, form=form,
                               exports=made)
    matter_id = document.matter_id
    try:
        names = lifecycle.delete_document(db, document, actor=f"user:{current_user.id}",
                                          request_id=g.get("request_id"))
    except CaseError as exc:
        db.rollback()
        flash(f"Not deleted: {exc}.", "error")
        return redirect(url_for("documents.index", matter_id=matter_id))
    db.commit()
    store = blobs()
    for name in names:  # only after the commit: a failed commit keeps the files
        store.delete(name)
    flash("Document deleted, with its encrypted file and every export made from it.", "info")
    return redirect(url_for("documents.index", matter_id=matter_id))


@bp.post("/matters/<matter_id>/exports")
@allow(*CASE_WORKERS)
def start(matter_id: str) -> Response:
    """Queue an export of the chosen documents for one recipient and profile."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    _upload, form = _forms(matter)
    if not form.validate_on_submit():
        flash("Choose a profile and a recipient from the consents in force.", "error")
        return redirect(url_for("documents.index", matter_id=matter.id))
    chosen = [member_record(db, current_user.record, Document, d) for d in form.documents.data]
    if not chosen or any(d.matter_id != matter.id for d in chosen):
        flash("Choose at least one document of this matter.", "error")
        return redirect(url_for("documents.index", matter_id=matter.id))
    try:
        batch_id, job_ids = jobs.start_batch(db, chosen, profile=form.profile.data,
                                             recipient=form.recipient.data or "",
                                             created_by=current_user.id)
    except exports.ExportError as exc:
        flash(f"Export not started: {exc}.", "error")
        return redirect(url_for("documents.index", matter_id=matter.id))
    record(db, "export.batch", object_type="batch", object_id=batch_id, matter_id=matter.id,
           details={"documents": len(chosen), "profile": form.profile.data})
    db.commit()
    dispatcher().enqueue(job_ids)
    lacking = sorted({p for d in chosen for p in exports.consents_in_force(
        db, d, form.recipient.data or "")[1]})
    if lacking:  # redaction may go ahead; approval waits for the consent
        flash(f"{', '.join(lacking)} {'has' if len(lacking) == 1 else 'have'} no consent in "
              "force for this recipient: the export cannot be approved until one is recorded.",
              "warning")
    return redirect(url_for("documents.batch", batch_id=batch_id))


@bp.post("/matters/<matter_id>/export-settings")
@allow("attorney")
def settings(matter_id: str) -> Response:
    """Whether one attorney may both review and approve an export in this matter."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    form = SettingsForm()
    if not form.validate_on_submit():
        abort(400)
    matter.allow_self_approval = bool(form.allow_self_approval.data)
    record(db, "matter.export_settings", object_type="matter", object_id=matter.id,
           matter_id=matter.id, details={"allow_self_approval": matter.allow_self_approval})
    db.commit()
    flash("Export settings saved.", "info")
    return redirect(url_for("documents.index", matter_id=matter.id))


def _batch_matter(batch_id: str) -> Matter:
    db = db_session()
    job = db.scalar(select(ExportJob).where(ExportJob.batch_id == batch_id).limit(1))
    if job is None:
        abort(404)
    return member_matter(db, current_user.record, job.matter_id)


@bp.get("/batches/<batch_id>")
@allow(*CASE_WORKERS)
def batch(batch_id: str) -> str:
    """A batch's progress and each document's status (reload, or let export.js poll)."""
    matter = _batch_matter(batch_id)
    db = db_session()
    status = jobs.batch_status(db, batch_id)
    exported = {e.id: e for e in db.scalars(select(Export).where(Export.batch_id == batch_id))}
    docs = {str(e.id): db.get(Document, e.document_id) for e in exported.values()}
    names = uploads.file_names(vault(), [d for d in docs.values() if d is not None])
    files = {export_id: names.get(str(d.id), "") for export_id, d in docs.items() if d}
    return render_template("documents/batch.html", matter=matter, status=status,
                           exports=exported, files=files)


@bp.get("/batches/<batch_id>/status")
@allow(*CASE_WORKERS)
def batch_json(batch_id: str) -> Response:
    """The batch's progress as JSON (ids, statuses and safe error messages only)."""
    _batch_matter(batch_id)
    return jsonify(jobs.batch_status(db_session(), batch_id))
