"""Headers every answer carries: no sniffing, no framing, no referrer; HSTS behind TLS (direct,
or a trusted proxy's X-Forwarded-Proto). The API's JSON gets a CSP that allows nothing; the web
app sets its own (api/blueprints/webapp.py). Retry-After only where a retry is due: a 429, or
an answer that named its wait. Cross-origin calls only from CORS_ORIGINS (none by default: the
web app and the dashboard's server are same-origin or not browsers)."""
from __future__ import annotations

from flask import g, request
from flask_cors import CORS

from api.config import split_list
from api.extensions import trusted_proxies

API_CSP = "default-src 'none'; frame-ancestors 'none'"


CORS_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "X-CSRF-TOKEN"]


def behind_tls() -> bool:
    if request.is_secure:
        return True
    return (request.remote_addr in trusted_proxies()
            and request.headers.get("X-Forwarded-Proto", "").lower() == "https")


def init_app(app) -> None:
    origins = list(split_list(app.config.get("CORS_ORIGINS", "")))
    if origins:
        CORS(app, resources={r"/api/*": {"origins": origins}}, allow_headers=CORS_HEADERS,
             expose_headers=["X-Job-Id", "X-Request-Id", "Retry-After"], max_age=600)

    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Content-Security-Policy", API_CSP)
        if response.status_code != 429:  # flask-limiter stamps its window's reset on all
            headers.pop("Retry-After", None)
            if "retry_after_s" in g:
                headers["Retry-After"] = str(g.retry_after_s)
        if behind_tls():
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
