"""The staff web app: `create_app(config)` assembles it; nothing happens at import time."""

from __future__ import annotations

from typing import Any

from flask import Flask

from config import Config


def create_app(config: Config | None = None, **overrides: Any) -> Flask:
    """Build the Flask app for a configuration (read from the environment when not given)."""
    from intake.extensions import init_extensions

    config = config or Config.from_env()
    app = Flask(__name__, instance_path=str(config.instance_dir),
                instance_relative_config=False)
    app.config.update(
        SECRET_KEY=config.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.session_cookie_secure,
        MAX_CONTENT_LENGTH=config.max_upload_bytes,
        CLINIC=config,
    )
    app.config.update(overrides)
    init_extensions(app, config)
    from intake.web import register_blueprints
    from intake.web.filters import register_filters

    register_blueprints(app)
    register_filters(app)
    from intake.security import init_security

    init_security(app, config)
    if config.proxy_hops:
        # Behind TLS termination: the client's address (rate limits, audit) and the https
        # scheme come from the proxy's X-Forwarded-* headers, and only from that many hops.
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = config.proxy_hops
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app
