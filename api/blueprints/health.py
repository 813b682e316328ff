"""Liveness and readiness probes."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from api.db import database
from api.extensions import limiter
from api.services import storage
from api.services.accounts import revocation_store_reachable

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    checks: dict[str, str] = {}
    try:
        database.execute_sql("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        checks["database"] = f"error: {type(exc).__name__}"
    from api.face import missing_models

    if current_app.config.get("FACE_REQUIRED", True):
        missing = missing_models()
        checks["face_models"] = "ok" if not missing else "missing: " + ", ".join(missing)
    if current_app.config.get("REDIS_URL"):  # revocation fails closed without it
        checks["redis"] = revocation_store_reachable()
    if current_app.config["STORAGE_URL"]:  # a check-in cannot keep its selfie without it
        checks["storage"] = storage.store().check()
    ready = all(value == "ok" for value in checks.values())
    if current_app.config["RATELIMIT_STORAGE_URI"].startswith("redis"):
        # not a readiness condition: the limits fall back to each process's memory
        checks["rate_limit_storage"] = "ok" if limiter.storage.check() else "fallback: memory"
    return jsonify(status="ready" if ready else "not_ready", checks=checks), 200 if ready else 503
