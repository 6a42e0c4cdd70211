"""The audit-log review pages: filters, keyset pages, integrity banner, CSV and alerts."""

from __future__ import annotations

import re
from datetime import date

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from intake import audit_review
from intake.access import allow, record
from intake.extensions import db_session, services

bp = Blueprint("audit_log", __name__, url_prefix="/audit")
REVIEWERS = ("auditor", "admin")
_TOKEN = re.compile(r"^[A-Za-z0-9_.:@-]{1,300}$")


def integrity_monitor() -> audit_review.IntegrityMonitor:
    """The app's integrity monitor (it remembers how far the chain was verified)."""
    ext = current_app.extensions
    if "audit_monitor" not in ext:
        ext["audit_monitor"] = audit_review.IntegrityMonitor()
    monitor: audit_review.IntegrityMonitor = ext["audit_monitor"]
    return monitor


def _filter() -> tuple[audit_review.AuditFilter, list[str]]:
    """The filter from the query string; bad parts are dropped and named."""
    errors: list[str] = []
    values: dict[str, object] = {}
    for name in ("actor", "action", "matter_id", "outcome"):
        raw = (request.args.get(name) or "").strip()
        if raw and not _TOKEN.match(raw):
            errors.append(f"{name.replace('_', ' ')} has characters an id never has")
        elif raw:
            values[name] = raw
    for name in ("since", "until"):
        raw = (request.args.get(name) or "").strip()
        if raw:
            try:
                values[name] = date.fromisoformat(raw)
            except ValueError:
                errors.append(f"{name} must be a date (YYYY-MM-DD)")
    return audit_review.AuditFilter(**values), errors  # type: ignore[arg-type]


@bp.get("/")
@allow(*REVIEWERS)
def index() -> str:
    """Newest events first, filtered; the chain's integrity at the top."""
    db = db_session()
    flt, errors = _filter()
    for error in errors:
        flash(f"Filter ignored: {error}.", "error")
    before = request.args.get("before", type=int)
    events, next_before = audit_review.page(db, flt, before)
    result, checked_at = integrity_monitor().status(db)
    args = {k: v for k, v in request.args.items() if k != "before" and v}
    return render_template("audit/index.html", events=events, next_before=next_before,
                           result=result, checked_at=checked_at, flt=flt, args=args,
                           names=audit_review.directory(db))


@bp.post("/verify")
@allow(*REVIEWERS)
def verify_now() -> BaseResponse:
    """Verify the whole chain now (recorded)."""
    db = db_session()
    result, _ = integrity_monitor().full(db)
    record(db, "audit.verify", outcome="ok" if result.ok else "failed",
           details={"events": result.count})
    db.commit()
    flash("Full verification finished." if result.ok else
          f"Verification FAILED at event {result.first_bad_seq}.",
          "info" if result.ok else "error")
    return redirect(url_for("audit_log.index"))


@bp.get("/export.csv")
@allow(*REVIEWERS)
def export_csv() -> Response:
    """The filtered log as CSV; the export itself is recorded first."""
    db = db_session()
    flt, errors = _filter()
    if errors:
        flash("Export refused: fix the filter first.", "error")
        return redirect(url_for("audit_log.index"))  # type: ignore[return-value]
    record(db, "audit.export", details=flt.describe() or None)
    db.commit()
    body = stream_with_context(audit_review.csv_lines(db, flt))
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": "attachment; filename=audit-log.csv"})


@bp.get("/alerts")
@allow(*REVIEWERS)
def alerts() -> str:
    """Patterns worth a look over the last 30 days."""
    rules = audit_review.AlertRules.from_config(services().config)
    db = db_session()
    found = audit_review.alerts(db, rules)
    people = audit_review.actor_labels(db, (a.actor for a in found))
    return render_template("audit/alerts.html", alerts=found, rules=rules, people=people)
