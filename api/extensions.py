"""Extension objects, created unbound and initialised in create_app."""
from __future__ import annotations

from flask import request
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import Api

api = Api()
jwt = JWTManager()


def _rate_key() -> str:
    return request.headers.get("X-Forwarded-For", get_remote_address()).split(",")[0].strip()


limiter = Limiter(key_func=_rate_key, default_limits=[], headers_enabled=True)
