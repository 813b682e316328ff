"""The employee web app at /presensi/ (docs/WEBAPP.md): its static files from api/webapp/, the
service worker with a version that follows the files, and a strict Content-Security-Policy
(only this origin's scripts, no inline script, no eval)."""
from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, redirect, send_from_directory

from api.errors import ApiError

WEBAPP = Path(__file__).resolve().parents[1] / "webapp"
WORKER = "sw.js"
CSP = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:",
    "media-src 'self' blob:", "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'",
    "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])
TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript"}

bp = Blueprint("webapp", __name__)


@cache
def shell() -> tuple[tuple[str, ...], str]:
    """The app shell's files (relative paths) and a version hashed from their contents."""
    files = sorted(p.relative_to(WEBAPP).as_posix() for p in WEBAPP.rglob("*")
                   if p.is_file() and p.name != WORKER)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (WEBAPP / name).read_bytes())
    return tuple(files), digest.hexdigest()[:16]


@bp.get("/")
def root():
    return redirect("/presensi/")


@bp.get("/presensi")
def without_slash():
    return redirect("/presensi/")


@bp.get("/presensi/")
def index():
    return send_from_directory(WEBAPP, "index.html")


@bp.get(f"/presensi/{WORKER}")
def service_worker():
    files, version = shell()
    urls = ["/presensi/", *(f"/presensi/{name}" for name in files if name != "index.html")]
    text = ((WEBAPP / WORKER).read_text().replace('"__VERSION__"', json.dumps(version))
            .replace('["__SHELL__"]', json.dumps(urls)))
    return Response(text, mimetype="text/javascript")


@bp.get("/presensi/<path:name>")
def asset(name: str):
    if name not in shell()[0]:
        raise ApiError("NOT_FOUND", 404)
    response = send_from_directory(WEBAPP, name)
    response.mimetype = TYPES.get(Path(name).suffix, response.mimetype)
    return response


@bp.after_request
def _headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Permissions-Policy"] = "camera=(self), geolocation=(self)"
    response.headers["Cache-Control"] = "no-cache"  # the service worker caches the shell
    return response
