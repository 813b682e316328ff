"""Headers every answer carries: no sniffing, no framing, no referrer; HSTS behind TLS. The
API's JSON gets a CSP that allows nothing; the web app sets its own (api/blueprints/webapp.py).
Retry-After only where a retry is due: a 429, or an answer that named its wait."""
from __future__ import annotations

from flask import g, request

API_CSP = "default-src 'none'; frame-ancestors 'none'"


def init_app(app) -> None:
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
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
