"""Extension objects, created unbound and initialised in create_app."""
from __future__ import annotations

from flask import current_app, request
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_smorest import Api, Blueprint
from webargs.flaskparser import FlaskParser

from api.config import split_list
from api.schemas.common import ErrorSchema


class StrictParser(FlaskParser):
    """webargs drops unknown query parameters and files by default; here every location is
    held to its schema's own `unknown` (RAISE: api.schemas.common.Base), so a misspelled
    parameter (`?employee_id=` for `?employee=`) is a 422, not silently someone else's data."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
                                   "query": None, "querystring": None, "files": None}

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        from api.errors import ApiError

        where = (f"JSON rusak di baris {error.lineno} kolom {error.colno}."
                 if hasattr(error, "lineno") else "Teks bukan UTF-8 yang valid.")
        raise ApiError("INVALID_JSON", 400, details={"json": [where]}) from error


Blueprint.ARGUMENTS_PARSER = StrictParser()  # every blueprint of the API parses with it
api = Api()
api.ERROR_SCHEMA = ErrorSchema  # the document's error responses are the one shape we answer
jwt = JWTManager()


def trusted_proxies() -> set[str]:
    return set(split_list(current_app.config.get("TRUSTED_PROXIES", "")))


def client_address() -> str:
    """The caller's address for rate limits. X-Forwarded-For is believed only when the
    request comes from a configured proxy (TRUSTED_PROXIES), such as the dashboard server or
    a load balancer; otherwise anyone could pick a fresh address per request."""
    peer = request.remote_addr or "unknown"
    proxies = trusted_proxies()
    if peer not in proxies:
        return peer
    chain = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
    untrusted = [hop for hop in chain if hop and hop not in proxies]
    return untrusted[-1] if untrusted else peer


# Redis down (RATELIMIT_STORAGE_URI=redis://…): each process counts in its own memory until it
# is back, so the limits still hold (per worker) and nobody is locked out by our failure
limiter = Limiter(key_func=client_address, default_limits=[], headers_enabled=True,
                  in_memory_fallback_enabled=True)
