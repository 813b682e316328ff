"""Hadir API: `create_app()` builds the Flask app; nothing happens at import time."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from api.config import Config


def create_app(config: Config | dict | None = None) -> Flask:
    if isinstance(config, dict):
        overrides, config = config, Config.from_env()
        for key, value in overrides.items():
            setattr(config, key, value)
    config = config or Config.from_env()
    config.validate()

    app = Flask(__name__)
    from api import routing

    routing.init_app(app)
    app.config.update({k: v for k, v in vars(config).items() if k.isupper()})
    app.config.update(
        API_TITLE="Hadir API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=config.JWT_ACCESS_MINUTES),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=config.JWT_REFRESH_DAYS),
        JWT_ERROR_MESSAGE_KEY="message",
        # the web app's refresh token (api/blueprints/auth.py); access tokens stay in headers
        JWT_TOKEN_LOCATION=["headers", "cookies"],
        JWT_REFRESH_COOKIE_NAME="hadir_refresh",
        JWT_REFRESH_COOKIE_PATH="/api/v1/auth/",
        JWT_REFRESH_CSRF_COOKIE_NAME="hadir_csrf",
        JWT_REFRESH_CSRF_COOKIE_PATH="/",
        JWT_COOKIE_SAMESITE="Strict",
        JWT_COOKIE_SECURE=config.web_cookie_secure(),
        JWT_SESSION_COOKIE=False,  # kept for the refresh token's lifetime: the app is installed
        JWT_COOKIE_CSRF_PROTECT=True,
        RATELIMIT_STORAGE_URI=config.RATELIMIT_STORAGE_URI,
        RATELIMIT_STORAGE_OPTIONS={"socket_connect_timeout": 1, "socket_timeout": 1}
        if config.RATELIMIT_STORAGE_URI.startswith("redis") else {},
        MAX_CONTENT_LENGTH=max(config.MAX_SELFIE_BYTES, config.MAX_DOCUMENT_BYTES) * 6,
        JSON_SORT_KEYS=False,
    )
    if config.HADIR_FAKE_NOW and config.HADIR_CLOCK_RUNNING:
        app.config["HADIR_CLOCK_ANCHOR"] = datetime.now(UTC)
    app.json.ensure_ascii = False

    from api import blueprints, cli, db, errors, logs, security, strict_args
    from api.extensions import api, jwt, limiter
    from api.openapi import FinishingPlugin, add_links
    from api.services.accounts import passwords, tokens

    passwords.configure(config.PASSWORD_HASH_PROFILE)
    logs.init_app(app)
    security.init_app(app)
    strict_args.init_app(app)
    db.init_app(app)
    api.init_app(app, spec_kwargs={"extra_plugins": [FinishingPlugin()]})
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    jwt.init_app(app)
    tokens.register_jwt_callbacks(jwt)
    limiter.init_app(app)
    errors.register(app)
    blueprints.register(api, app)
    add_links(api.spec)
    cli.register(app)
    return app
