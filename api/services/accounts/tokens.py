"""JWT access/refresh tokens: issue, revoke one, revoke all of an account, and the error
shape for token failures. Tokens carry the account's token version (`ver`); raising it
(`revoke_all`) revokes every token issued before (api/services/accounts/revocation.py)."""
from __future__ import annotations

from datetime import UTC, datetime

from flask_jwt_extended import create_access_token, create_refresh_token, decode_token

from api.errors import error_response
from api.models import RevokedToken

from . import revocation


def issue(employee_id: int, must_change_password: bool) -> dict:
    claims = {"mcp": must_change_password, "ver": revocation.version(employee_id)}
    identity = str(employee_id)
    return {
        "access_token": create_access_token(identity=identity, additional_claims=claims),
        "refresh_token": create_refresh_token(identity=identity, additional_claims=claims),
        "token_type": "Bearer",
    }


def revoke(jwt_payload: dict) -> None:
    expires = datetime.fromtimestamp(jwt_payload["exp"], UTC).replace(tzinfo=None)
    revocation.revoke_jti(jwt_payload["jti"], expires)


def revoke_all(employee_id: int) -> None:
    """Every access and refresh token of the account stops working (password change or
    reset, deactivation, a role change)."""
    revocation.bump(employee_id)


def is_revoked(payload: dict) -> bool:
    return (revocation.jti_revoked(payload["jti"])
            or payload.get("ver", 0) < revocation.version(int(payload["sub"])))


def revoke_encoded(token: str) -> None:
    """Revoke a token given in its encoded form (the refresh token at logout)."""
    try:
        payload = decode_token(token, allow_expired=True)
    except Exception:  # noqa: BLE001 - a malformed token has nothing to revoke
        return
    revoke(payload)


def purge_expired(now: datetime) -> int:
    return RevokedToken.delete().where(RevokedToken.expires_at < now).execute()


def register_jwt_callbacks(jwt) -> None:
    @jwt.token_in_blocklist_loader
    def _is_revoked(_header, payload) -> bool:
        return is_revoked(payload)

    @jwt.unauthorized_loader
    def _missing(_reason):
        return error_response("AUTH_REQUIRED", 401)

    @jwt.expired_token_loader
    def _expired(_header, _payload):
        return error_response("TOKEN_EXPIRED", 401)

    @jwt.invalid_token_loader
    def _invalid(_reason):
        return error_response("TOKEN_INVALID", 401)

    @jwt.revoked_token_loader
    def _revoked(_header, _payload):
        return error_response("TOKEN_REVOKED", 401)

    @jwt.needs_fresh_token_loader
    def _fresh(_header, _payload):
        return error_response("TOKEN_INVALID", 401)

    @jwt.user_lookup_error_loader
    def _lookup(_header, _payload):
        return error_response("TOKEN_INVALID", 401)
