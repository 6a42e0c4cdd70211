"""The health check (public) and the signed-in home page."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template
from sqlalchemy import text

from intake.access import ROLES, allow
from intake.extensions import db_session

bp = Blueprint("public", __name__)


@bp.get("/healthz")
@allow(public=True)
def healthz() -> Response:
    """Liveness and database reachability, with no data."""
    db_session().execute(text("SELECT 1"))
    return jsonify(status="ok")


@bp.get("/")
@allow(*ROLES)
def index() -> str:
    """The home page: where each role starts."""
    return render_template("home.html")
