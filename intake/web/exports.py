"""Export review and approval: highlighted proposals, reject/add, approve, downloads."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as WResponse
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from intake import exports, review_pages, uploads, users, worklist
from intake.access import CASE_WORKERS, allow, deny, member_matter, member_record, record
from intake.extensions import db_session, vault
from intake.models import Document, Export, Subject, User
from intake.redact_document import CATEGORIES, RedactionFailed, decision_key
from intake.review import (
    added_items,
    original_segments,
    redacted_segments,
    review_items,
    tally,
)
from intake.web.documents import blobs, redaction_engine

bp = Blueprint("exports", __name__)
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
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
    """The review page: each proposal with its text and context, the original and the
    redacted preview side by side, and a PDF's pages with the boxes to be burned in."""
    db = db_session()
    export = _export(export_id)
    document = db.get(Document, export.document_id)
    assert document is not None
    texts: list[str] = []
    pages: list[review_pages.PageView] = []
    pages_error = None
    if export.status in ("review", "approved"):
        data = exports.document_data(vault(), blobs(), document)
        texts = exports.document_texts(vault(), blobs(), export, document, data)
    items = review_items(export, texts)
    added = added_items(export, texts)
    if texts and document.kind == "pdf":
        spans = [review_pages.Span(i.anchor, i.state, i.key[1], i.key[2])
                 for i in items + added]
        try:
            pages = review_pages.page_views(data, texts[0], spans)
        except review_pages.PageViewUnavailable as exc:
            pages_error = str(exc)
    decisions = export.decisions or {}
    people = users.staff_labels(db, {export.reviewed_by, export.approved_by, export.created_by}
                                | {d.get("by") for k in ("rejected", "added", "accepted")
                                   for d in decisions.get(k, [])})
    owner = db.get(Subject, document.subject_id) if document.subject_id else None
    blockers = [str(e) for e in exports.approval_blockers(db, export, current_user.record)] \
        if export.status == "review" and current_user.role == "attorney" else []
    record(db, "export.view", object_type="export", object_id=export.id,
           matter_id=export.matter_id)
    db.commit()
    return render_template(
        "exports/review.html", export=export, document=document, people=people, owner=owner,
        file_name=uploads.file_names(vault(), [document])[document.id], add=AddForm(),
        items=items, added=added, tally=tally(items),
        originals=[original_segments(t, u, items + added) for u, t in enumerate(texts)],
        previews=redacted_segments(export, texts) if texts else [],
        pages=pages, pages_error=pages_error, blockers=blockers,
        version=(export.output_sha256 or "")[:16])


@bp.get("/exports/<export_id>/pages/<number>/<view>.png")
@allow(*CASE_WORKERS)
def page_image(export_id: str, number: str, view: str) -> WResponse:
    """One PDF page as PNG, the original (boxes are drawn over it by the page) or the
    redacted output; members only, never stored by a cache, each load recorded."""
    db = db_session()
    export = _export(export_id)
    document = db.get(Document, export.document_id)
    assert document is not None
    if view not in ("original", "redacted") or not PAGE_NUMBER.fullmatch(number) \
            or document.kind != "pdf" or export.status not in ("review", "approved"):
        abort(404)
    try:
        if view == "original":
            data = exports.document_data(vault(), blobs(), document)
        else:
            data = exports.output_data(vault(), blobs(), export, document)
        png = review_pages.render_page(data, int(number), original=view == "original")
    except (review_pages.PageViewUnavailable, exports.ExportError):
        abort(404)
    # Each page image shown is recorded, as each review page is (export.view): ids and the
    # page number, never what the page holds.
    record(db, "export.page_view", object_type="document", object_id=document.id,
           matter_id=export.matter_id,
           details={"export": export.id, "page": int(number), "view": view})
    db.commit()
    return Response(png, mimetype="image/png")  # no-store, as every page: security._headers


def _anchor(export: Export, key: tuple[int, int, int, str]) -> str | None:
    """The review page's anchor of a proposal or an addition, to return to the same item."""
    for n, p in enumerate((export.proposals or {}).get("items", []), start=1):
        if decision_key(p) == key:
            return f"p-{n}"
    for n, a in enumerate((export.decisions or {}).get("added", []), start=1):
        if decision_key(a) == key:
            return f"a-{n}"
    return None


def _decide(export_id: str, action: str) -> WResponse:
    db = db_session()
    export = _export(export_id)
    user: User = current_user.record
    document = db.get(Document, export.document_id)
    assert document is not None
    details: dict[str, Any] = {}
    anchor = None
    changed = True
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
            anchor = _anchor(export, key)
            details.update(unit=key[0], start=key[1], end=key[2], category=key[3])
            if action == "reject":
                exports.reject(export, key, user)
            elif action == "accept":
                changed = exports.accept(export, key, user)
            else:
                changed = exports.restore(export, key, user)
        if changed:
            exports.refinalize(db, vault(), blobs(), redaction_engine(), export)
    except (exports.ExportError, RedactionFailed) as exc:
        db.rollback()
        flash(f"Not changed: {exc}.", "error")
        return redirect(url_for("exports.review", export_id=export_id, _anchor=anchor))
    record(db, f"export.{action}", object_type="export", object_id=export.id,
           matter_id=export.matter_id, details=details)
    db.commit()
    what = f"#{anchor.split('-')[1]} " if anchor and anchor.startswith("p-") else ""
    if not changed:
        flash(f"Decision on {what}saved; the output is unchanged.", "info")
    else:
        flash(f"Decision {what}saved; the output was checked again"
              + (" and passes the leak check." if export.leak_check_passed
                 else ". The leak check FAILS: it cannot be approved."),
              "info" if export.leak_check_passed else "warning")
    return redirect(url_for("exports.review", export_id=export_id, _anchor=anchor))


@bp.post("/exports/<export_id>/reject")
@allow(*CASE_WORKERS)
def reject(export_id: str) -> WResponse:
    """Reject one proposed redaction."""
    return _decide(export_id, "reject")


@bp.post("/exports/<export_id>/accept")
@allow(*CASE_WORKERS)
def accept(export_id: str) -> WResponse:
    """Accept one proposed redaction (or take back its rejection)."""
    return _decide(export_id, "accept")


@bp.post("/exports/<export_id>/restore")
@allow(*CASE_WORKERS)
def restore(export_id: str) -> WResponse:
    """Back to pending: undo a rejection or an acceptance, or remove a reviewer's addition."""
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
