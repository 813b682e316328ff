"""Structured JSON logs with a request id; never log selfies, passwords or tokens."""
from __future__ import annotations

import logging
import time
import uuid

from flask import g, request
from pythonjsonlogger.json import JsonFormatter


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.request_id = g.get("request_id", "-")
        except RuntimeError:  # outside a request
            record.request_id = "-"
        return True


def init_app(app) -> None:
    root = logging.getLogger()
    if not any(getattr(h, "_hadir", False) for h in root.handlers):
        handler = logging.StreamHandler()
        handler._hadir = True  # type: ignore[attr-defined]
        handler.setFormatter(
            JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        )
        handler.addFilter(_RequestIdFilter())
        root.addHandler(handler)
    root.setLevel(app.config.get("LOG_LEVEL", "INFO"))

    @app.before_request
    def _start() -> None:
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex[:16]
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response):
        response.headers["X-Request-Id"] = g.get("request_id", "-")
        # only the path and status: bodies (selfies, passwords) never reach the log
        logging.getLogger("api.access").info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - g.get("started", 0.0)) * 1000, 1),
            },
        )
        return response
