"""Login, refresh, logout and password change."""
from __future__ import annotations

from flask import current_app
from flask_jwt_extended import get_jwt, get_jwt_identity, jwt_required
from flask_smorest import Blueprint

from api.errors import ApiError
from api.extensions import limiter
from api.schemas.auth import LoginIn, LogoutIn, PasswordIn, TokensOut
from api.services import accounts
from api.services.accounts import authenticated, current_actor, load_actor, tokens

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Akun dan sesi")


def _login_limit() -> str:
    return current_app.config["RATELIMIT_LOGIN"]


@blp.route("/login", methods=["POST"])
@limiter.limit(_login_limit)
@blp.arguments(LoginIn)
@blp.response(200, TokensOut)
def login(body):
    """Masuk dengan NIP dan kata sandi."""
    employee, credential = accounts.login(body["nip"], body["password"])
    issued = tokens.issue(employee.id, credential.must_change_password)
    return {**issued, "must_change_password": credential.must_change_password,
            "roles": accounts.profile_roles(employee.id)}


@blp.route("/refresh", methods=["POST"])
@jwt_required(refresh=True)
@blp.response(200, TokensOut)
@blp.doc(security=[{"bearerAuth": []}])
def refresh():
    """Tukar refresh token dengan token baru (refresh token lama dicabut)."""
    actor = load_actor(int(get_jwt_identity()))
    if actor is None or not actor.active:
        raise ApiError("ACCOUNT_INACTIVE", 403)
    tokens.revoke(get_jwt())
    issued = tokens.issue(actor.id, actor.must_change_password)
    return {**issued, "must_change_password": actor.must_change_password,
            "roles": sorted(actor.roles)}


@blp.route("/logout", methods=["POST"])
@authenticated(allow_default_password=True)
@blp.arguments(LogoutIn)
@blp.response(204)
@blp.doc(security=[{"bearerAuth": []}])
def logout(body):
    """Keluar: access token (dan refresh token bila dikirim) dicabut."""
    tokens.revoke(get_jwt())
    if body.get("refresh_token"):
        tokens.revoke_encoded(body["refresh_token"])


@blp.route("/password", methods=["POST"])
@authenticated(allow_default_password=True)
@blp.arguments(PasswordIn)
@blp.response(200, TokensOut)
@blp.doc(security=[{"bearerAuth": []}])
def change_password(body):
    """Ganti kata sandi; token lama dicabut dan token baru diberikan."""
    actor = current_actor()
    accounts.change_password(actor.id, body["old_password"], body["new_password"])
    tokens.revoke(get_jwt())
    return {**tokens.issue(actor.id, False), "must_change_password": False,
            "roles": sorted(actor.roles)}
