"""Headers every answer carries: no sniffing, no framing, no referrer; HSTS behind TLS. The
API's JSON gets a CSP that allows nothing; the web app sets its own (api/blueprints/webapp.py)."""
from __future__ import annotations

from flask import request

API_CSP = "default-src 'none'; frame-ancestors 'none'"


def init_app(app) -> None:
    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Content-Security-Policy", API_CSP)
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
