"""Blueprints of the staff web app, one per area."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint."""
    from intake.web.public import bp as public_bp

    app.register_blueprint(public_bp)
