"""Login, refresh, logout and password change.

API clients carry both tokens themselves. The web app asks for `refresh_cookie`: its refresh
token then lives in an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth/ (script on
the page cannot read it), guarded by a double-submit CSRF token, and the short-lived access
token only in the page's memory (docs/WEBAPP.md)."""
from __future__ import annotations

from flask import after_this_request, current_app, request
from flask_jwt_extended import (
    get_jwt,
    get_jwt_identity,
    get_jwt_request_location,
    jwt_required,
    set_refresh_cookies,
    unset_refresh_cookies,
)
from flask_smorest import Blueprint

from api.errors import ApiError
from api.extensions import limiter
from api.schemas.auth import LoginIn, LogoutIn, PasswordIn, TokensOut
from api.services import accounts
from api.services.accounts import authenticated, current_actor, load_actor, tokens

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Akun dan sesi")


def _login_limit() -> str:
    return current_app.config["RATELIMIT_LOGIN"]


def _session_cookie() -> str | None:
    return request.cookies.get(current_app.config["JWT_REFRESH_COOKIE_NAME"])


def _answer(issued: dict, must_change_password: bool, roles, in_cookie: bool) -> dict:
    """The tokens answer; with `in_cookie` the refresh token goes out as the cookie."""
    if in_cookie:
        refresh = issued.pop("refresh_token")

        @after_this_request
        def _set_cookie(response):
            set_refresh_cookies(response, refresh)
            return response

        issued["refresh_token"] = None
    return {**issued, "must_change_password": must_change_password, "roles": sorted(roles)}


@blp.route("/login", methods=["POST"])
@limiter.limit(_login_limit)
@blp.arguments(LoginIn)
@blp.response(200, TokensOut)
def login(body):
    """Masuk dengan NIP dan kata sandi."""
    employee, credential = accounts.login(body["nip"], body["password"])
    issued = tokens.issue(employee.id, credential.must_change_password)
    return _answer(issued, credential.must_change_password, accounts.profile_roles(employee.id),
                   body["refresh_cookie"])


@blp.route("/refresh", methods=["POST"])
@jwt_required(refresh=True)
@blp.response(200, TokensOut)
@blp.doc(security=[{"bearerAuth": []}])
def refresh():
    """Tukar refresh token (header Authorization, atau cookie aplikasi web dengan header
    X-CSRF-TOKEN) dengan token baru; refresh token lama dicabut."""
    actor = load_actor(int(get_jwt_identity()))
    if actor is None or not actor.active:
        raise ApiError("ACCOUNT_INACTIVE", 403)
    tokens.revoke(get_jwt())
    issued = tokens.issue(actor.id, actor.must_change_password)
    return _answer(issued, actor.must_change_password, actor.roles,
                   get_jwt_request_location() == "cookies")


@blp.route("/logout", methods=["POST"])
@authenticated(allow_default_password=True)
@blp.arguments(LogoutIn)
@blp.response(204)
@blp.doc(security=[{"bearerAuth": []}])
def logout(body):
    """Keluar: access token (dan refresh token bila dikirim, atau cookie-nya) dicabut."""
    tokens.revoke(get_jwt())
    for token in (body.get("refresh_token"), _session_cookie()):
        if token:
            tokens.revoke_encoded(token)
    if _session_cookie():
        after_this_request(_unset_cookie)


def _unset_cookie(response):
    unset_refresh_cookies(response)
    return response


@blp.route("/password", methods=["POST"])
@authenticated(allow_default_password=True)
@blp.arguments(PasswordIn)
@blp.response(200, TokensOut)
@blp.doc(security=[{"bearerAuth": []}])
def change_password(body):
    """Ganti kata sandi; semua token akun ini (semua perangkat) dicabut, token baru
    diberikan."""
    actor = current_actor()
    accounts.change_password(actor.id, body["old_password"], body["new_password"])  # revokes all
    return _answer(tokens.issue(actor.id, False), False, actor.roles,
                   _session_cookie() is not None)
