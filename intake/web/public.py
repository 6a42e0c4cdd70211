"""The health check (public) and the signed-in home page: each role's work queue."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from intake import oversight, worklist
from intake.access import CASE_WORKERS, ROLES, allow, member_matter_ids
from intake.audit_review import AlertRules
from intake.extensions import db_session, services
from intake.models import User
from intake.web.audit_log import integrity_monitor

bp = Blueprint("public", __name__)


@bp.get("/healthz")
@allow(public=True)
def healthz() -> Response:
    """Liveness and database reachability, with no data."""
    db_session().execute(text("SELECT 1"))
    return jsonify(status="ok")


def _case_work(user: User) -> dict[str, Any]:
    db = db_session()
    mine = member_matter_ids(db, user)
    found: dict[str, Any] = {"exports": worklist.exports_waiting(db, user, mine),
                             "batches": worklist.running_batches(db, mine),
                             "matters": worklist.my_matters(db, mine)}
    if user.role == "attorney":
        found["conflicts"] = worklist.conflicts_to_review(db, mine)
    else:
        found["intakes"] = worklist.recent_intakes(db, mine)
        found["expiring"] = worklist.expiring_consents(db, mine)
    return found


def _oversight(user: User) -> dict[str, Any]:
    db = db_session()
    if user.role == "admin":
        open_matters, teams = oversight.teams_needing_staff(db)
        return {"staff": oversight.staff_summary(db), "open_matters": open_matters,
                "teams": teams}
    return {"overview": oversight.audit_overview(
        db, integrity_monitor(), AlertRules.from_config(services().config))}


@bp.get("/")
@allow(*ROLES)
def index() -> str:
    """The home page: what waits for this person, by role."""
    user: User = current_user.record
    queues = _case_work(user) if user.role in CASE_WORKERS else _oversight(user)
    return render_template("home.html", stages=worklist.EXPORT_STAGES,
                           windows={"intakes": worklist.RECENT_INTAKE_DAYS,
                                    "expiring": worklist.EXPIRING_WITHIN_DAYS,
                                    "conflicts": worklist.CONFLICT_DAYS}, **queues)
