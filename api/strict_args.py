"""No silently ignored query parameters: a route whose schema takes query arguments refuses
unknown ones itself (api.extensions.StrictParser); a route that takes none refuses any."""
from __future__ import annotations

from flask import current_app, request

from api.errors import ApiError

UNKNOWN = "Kolom tidak dikenal."


def _takes_query(view) -> bool:
    parameters = getattr(view, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(p.get("in") in ("query", "querystring") for p in parameters)


def refuse_unexpected_query() -> None:
    if not request.args or not request.path.startswith("/api/v1/"):
        return
    if _takes_query(current_app.view_functions.get(request.endpoint)):
        return  # its schema judges every parameter
    raise ApiError("VALIDATION_ERROR", 422, details={name: [UNKNOWN] for name in request.args})


def init_app(app) -> None:
    app.before_request(refuse_unexpected_query)
