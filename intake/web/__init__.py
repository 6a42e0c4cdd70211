"""Blueprints of the staff web app, one per area."""

from __future__ import annotations

from flask import Flask
from werkzeug.wrappers import Response

from intake.access import allow


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint, and give the static files an explicit public rule."""
    from intake.web import (
        admin,
        audit_log,
        auth,
        consents,
        documents,
        exports,
        matters,
        public,
        subjects,
    )

    for module in (public, auth, matters, subjects, consents, admin, audit_log,
                   documents, exports):
        app.register_blueprint(module.bp)
    if "static" in app.view_functions:
        send = app.send_static_file

        @allow(public=True)
        def static(filename: str) -> Response:
            return send(filename)

        app.view_functions["static"] = static
