"""Export review and approval: highlighted proposals, reject/add, approve, downloads."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response as WResponse
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from intake import exports, worklist
from intake.access import CASE_WORKERS, allow, deny, member_matter, member_record, record
from intake.extensions import db_session, vault
from intake.models import Document, Export, Subject, User
from intake.redact_document import CATEGORIES, RedactionFailed, decision_key
from intake.web.documents import blobs, redaction_engine

bp = Blueprint("exports", __name__)
MIME = {"txt": "text/plain; charset=utf-8", "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class KeyForm(FlaskForm):
    u = IntegerField(validators=[InputRequired()])
    s = IntegerField(validators=[InputRequired()])
    e = IntegerField(validators=[InputRequired()])
    cat = HiddenField(validators=[DataRequired()])


class AddForm(FlaskForm):
    phrase = StringField("Text to redact (select it in the document, or type it)",
                         validators=[DataRequired(), Length(min=2, max=500)])
    category = SelectField("Category", choices=[(c, c) for c in CATEGORIES])


def _export(export_id: str) -> Export:
    db = db_session()
    export = member_record(db, current_user.record, Export, export_id)
    if export.status == "withdrawn":  # its document was deleted, with every file made from it
        deny(db, 404, object_type="exports", object_id=export_id)
    return export


def _segments(text: str, unit: int, export: Export) -> list[dict[str, Any]]:
    """The text cut into plain pieces and highlighted spans (proposals and added ones)."""
    decisions = export.decisions or {}
    rejected = {decision_key(d) for d in decisions.get("rejected", [])}
    spans = [dict(p, state="rejected" if decision_key(p) in rejected else "proposed")
             for p in (export.proposals or {}).get("items", []) if p["u"] == unit]
    spans += [dict(a, state="added", det="reviewer", why="added by reviewer")
              for a in decisions.get("added", []) if a["u"] == unit]
    out: list[dict[str, Any]] = []
    pos = 0
    for span in sorted(spans, key=lambda p: (p["s"], -p["e"])):
        if span["s"] < pos:
            continue  # overlaps a span already shown; it is still listed in the table
        out.append({"text": text[pos:span["s"]]})
        out.append({"text": text[span["s"]:span["e"]], "span": span})
        pos = span["e"]
    out.append({"text": text[pos:]})
    return out


@bp.get("/matters/<matter_id>/exports")
@allow(*CASE_WORKERS)
def matter_index(matter_id: str) -> str:
    """A matter's exports, newest first, filtered by stage (`?stage=awaiting-approval`)."""
    db = db_session()
    matter = member_matter(db, current_user.record, matter_id)
    stage = request.args.get("stage") or None
    if stage not in worklist.EXPORT_STAGES:
        stage = None
    rows, counts = worklist.matter_exports(db, matter, stage)
    record(db, "export.list", object_type="matter", object_id=matter.id, matter_id=matter.id,
           details={"stage": stage} if stage else None)
    db.commit()
    return render_template("exports/index.html", matter=matter, rows=rows, counts=counts,
                           stage=stage, stages=worklist.EXPORT_STAGES)


@bp.get("/exports/<export_id>")
@allow(*CASE_WORKERS)
def review(export_id: str) -> str:
    """The review page: the document's text with every proposed redaction highlighted."""
    db = db_session()
    export = _export(export_id)
    document = db.get(Document, export.document_id)
    assert document is not None
    units: list[list[dict[str, Any]]] = []
    if export.status in ("review", "approved"):
        texts = exports.document_texts(vault(), blobs(), export, document)
        units = [_segments(t, i, export) for i, t in enumerate(texts)]
    people = {u.id: u.email for u in db.scalars(select(User).where(User.id.in_(
        {x for x in (export.reviewed_by, export.approved_by, export.created_by) if x} |
        {d.get("by") for k in ("rejected", "added") for d in (export.decisions or {}).get(k, [])}
    )))}
    owner = db.get(Subject, document.subject_id) if document.subject_id else None
    record(db, "export.view", object_type="export", object_id=export.id,
           matter_id=export.matter_id)
    db.commit()
    return render_template("exports/review.html", export=export, document=document,
                           units=units, people=people, owner=owner, add=AddForm(),
                           decisions=export.decisions or {})


def _decide(export_id: str, action: str) -> WResponse:
    db = db_session()
    export = _export(export_id)
    user: User = current_user.record
    document = db.get(Document, export.document_id)
    assert document is not None
    details: dict[str, Any] = {}
    try:
        if action == "add":
            form: Any = AddForm()
            if not form.validate_on_submit():
                raise exports.ExportError("select the text to redact")
            texts = exports.document_texts(vault(), blobs(), export, document)
            details["count"] = exports.add_phrase(export, texts, form.phrase.data or "",
                                                  form.category.data, user)
            details["category"] = form.category.data
        else:
            form = KeyForm()
            if not form.validate_on_submit():
                abort(400)
            key = (form.u.data, form.s.data, form.e.data, form.cat.data)
            details.update(unit=key[0], start=key[1], end=key[2], category=key[3])
            if action == "reject":
                exports.reject(export, key, user)
            else:
                exports.restore(export, key, user)
        exports.refinalize(db, vault(), blobs(), redaction_engine(), export)
    except (exports.ExportError, RedactionFailed) as exc:
        db.rollback()
        flash(f"Not changed: {exc}.", "error")
        return redirect(url_for("exports.review", export_id=export_id))
    record(db, f"export.{action}", object_type="export", object_id=export.id,
           matter_id=export.matter_id, details=details)
    db.commit()
    flash("Decision saved; the output was checked again"
          + (" and passes the leak check." if export.leak_check_passed
             else ". The leak check FAILS: it cannot be approved."),
          "info" if export.leak_check_passed else "warning")
    return redirect(url_for("exports.review", export_id=export_id))


@bp.post("/exports/<export_id>/reject")
@allow(*CASE_WORKERS)
def reject(export_id: str) -> WResponse:
    """Reject one proposed redaction."""
    return _decide(export_id, "reject")


@bp.post("/exports/<export_id>/restore")
@allow(*CASE_WORKERS)
def restore(export_id: str) -> WResponse:
    """Undo a rejection, or remove a redaction a reviewer added."""
    return _decide(export_id, "restore")


@bp.post("/exports/<export_id>/add")
@allow(*CASE_WORKERS)
def add(export_id: str) -> WResponse:
    """Redact the selected text everywhere in the document."""
    return _decide(export_id, "add")


def _step(export_id: str, action: str) -> WResponse:
    db = db_session()
    export = _export(export_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        if action == "reviewed":
            exports.mark_reviewed(export, current_user.record)
        else:
            exports.approve(db, export, current_user.record)
    except exports.ExportError as exc:
        db.rollback()
        record(db, f"export.{action}", object_type="export", object_id=export_id,
               matter_id=export.matter_id, outcome="refused",
               details={"reason": type(exc).__name__})
        db.commit()
        flash(f"Refused: {exc}.", "error")
        return redirect(url_for("exports.review", export_id=export_id))
    record(db, f"export.{action}", object_type="export", object_id=export.id,
           matter_id=export.matter_id,
           details={"consents": (export.consent_ids or {}).get("ids", [])}
           if action == "approve" else None)
    db.commit()
    flash("Marked as reviewed." if action == "reviewed" else "Export approved.", "info")
    return redirect(url_for("exports.review", export_id=export_id))


@bp.post("/exports/<export_id>/reviewed")
@allow(*CASE_WORKERS)
def reviewed(export_id: str) -> WResponse:
    """The reviewer has checked every redaction."""
    return _step(export_id, "reviewed")


@bp.post("/exports/<export_id>/approve")
@allow("attorney")
def approve(export_id: str) -> WResponse:
    """An attorney approves the export (consent, leak check and reviewer are checked)."""
    return _step(export_id, "approve")


def _refuse(export: Export, action: str, exc: Exception) -> WResponse:
    db = db_session()
    db.rollback()
    record(db, action, object_type="export", object_id=export.id, matter_id=export.matter_id,
           outcome="refused", details={"reason": type(exc).__name__})
    db.commit()
    flash(f"Download refused: {exc}.", "error")
    return redirect(url_for("exports.review", export_id=export.id))


@bp.get("/exports/<export_id>/download")
@allow(*CASE_WORKERS)
def download(export_id: str) -> WResponse:
    """The approved, redacted file."""
    db = db_session()
    export = _export(export_id)
    document = db.get(Document, export.document_id)
    assert document is not None
    try:
        data = exports.release(db, vault(), blobs(), export)
    except exports.ExportError as exc:
        return _refuse(export, "export.download", exc)
    record(db, "export.download", object_type="export", object_id=export.id,
           matter_id=export.matter_id, details={"sha256": export.output_sha256})
    db.commit()
    return _attachment(data, MIME[document.kind], f"export-{export.id[:8]}.{document.kind}")


@bp.get("/exports/<export_id>/log")
@allow(*CASE_WORKERS)
def log(export_id: str) -> WResponse:
    """The redaction log: page, category, detector and reason (no original values)."""
    db = db_session()
    export = _export(export_id)
    if export.log is None:
        abort(404)
    record(db, "export.log_download", object_type="export", object_id=export.id,
           matter_id=export.matter_id)
    db.commit()
    return _attachment(exports.log_csv(export).encode("utf-8"), "text/csv; charset=utf-8",
                       f"redaction-log-{export.id[:8]}.csv")


@bp.get("/exports/<export_id>/reference")
@allow("attorney")
def reference(export_id: str) -> WResponse:
    """The sealed FRCP 5.2(g) reference list (attorneys only; every download recorded)."""
    db = db_session()
    export = _export(export_id)
    try:
        data = exports.reference_list(vault(), blobs(), db, export)
    except exports.ExportError:
        abort(404)
    record(db, "export.reference_download", object_type="export", object_id=export.id,
           matter_id=export.matter_id)
    db.commit()
    return _attachment(data, "application/json", f"reference-list-{export.id[:8]}.json")


def _attachment(data: bytes, mimetype: str, name: str) -> WResponse:
    resp = Response(data, mimetype=mimetype)
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    resp.headers["Cache-Control"] = "no-store"
    return resp
