"""Pages anyone may see: the landing page and the health check."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy import text

from intake.extensions import db_session

bp = Blueprint("public", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """Liveness and database reachability, with no data."""
    db_session().execute(text("SELECT 1"))
    return jsonify(status="ok")


@bp.get("/")
def index() -> str:
    """The landing page."""
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<title>Clinic intake</title></head><body><h1>Clinic intake</h1>"
        "<p>Staff sign-in is at <a href=/login>/login</a>.</p></body></html>"
    )
