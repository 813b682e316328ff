"""One error shape for the whole API: {"error": {"code", "message", "details"}}."""
from __future__ import annotations

import logging

from flask import g, jsonify
from peewee import InterfaceError, OperationalError
from playhouse.pool import MaxConnectionsExceeded
from werkzeug.exceptions import HTTPException

from api.messages import message

log = logging.getLogger(__name__)
RETRY_AFTER_S = 5  # a database restart or failover, as a client should wait before retrying

HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "AUTH_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    503: "SERVICE_UNAVAILABLE",
}


class ApiError(Exception):
    """A refusal with a machine code; the Indonesian message comes from api.messages."""

    def __init__(self, code: str, status: int = 400, details=None, message_text: str | None = None):
        super().__init__(code)
        self.code = code
        self.status = status
        self.details = details
        self.message_text = message_text

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message_text or message(self.code)}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


def error_response(code: str, status: int, details=None, message_text: str | None = None):
    response = jsonify(ApiError(code, status, details, message_text).body())
    response.status_code = status
    return response


def _http_details(exc: HTTPException):
    data = getattr(exc, "data", None) or {}
    messages = data.get("messages") if isinstance(data, dict) else None
    if messages:
        # webargs: {"json": {"field": ["msg"]}} → {"field": ["msg"]}
        flat: dict = {}
        for location_messages in messages.values():
            if isinstance(location_messages, dict):
                flat.update(location_messages)
        return flat or messages
    return None


def register(app) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return error_response(exc.code, exc.status, exc.details, exc.message_text)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        code = HTTP_CODES.get(status, "BAD_REQUEST")
        return error_response(code, status, _http_details(exc))

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    @app.errorhandler(MaxConnectionsExceeded)
    def _database_unavailable(exc: Exception):
        """The database is down, unreachable or locked, or every pooled connection stayed busy:
        nothing was written (each write is one transaction), and the client may retry the same
        request later."""
        log.error("database unavailable", extra={"error": type(exc).__name__})
        g.retry_after_s = RETRY_AFTER_S  # set on the answer by api.security
        return error_response("DATABASE_UNAVAILABLE", 503)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return error_response("INTERNAL_ERROR", 500)
