"""Where revoked tokens are remembered: single tokens (logout, a rotated refresh token) by
their jti, and every token of an account at once by its token version (a password change or
reset, deactivation, a role change).

The database is the record. With `REDIS_URL` set, every request's check reads Redis instead:
single revocations are copied there with their expiry, versions are cached. Redis keeps
nothing on disk here, so after a restart the unexpired revocations are loaded back from the
database before the first answer. If Redis cannot be reached, the check fails closed: 503,
never a token waved through."""
from __future__ import annotations

from datetime import UTC, datetime

import redis
from flask import current_app
from peewee import IntegrityError

from api.db import write_transaction
from api.errors import ApiError
from api.models import Credential, RevokedToken

_clients: dict[str, redis.Redis] = {}


def _redis() -> redis.Redis | None:
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
    return _clients[url]


def reachable() -> str:
    """'ok', or why Redis cannot be reached (for /readyz)."""
    try:
        _redis().ping()
    except redis.RedisError as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _key(*parts) -> str:
    return ":".join([current_app.config["REDIS_PREFIX"], "auth", *map(str, parts)])


def _unavailable(exc: Exception) -> ApiError:
    return ApiError("SERVICE_UNAVAILABLE", 503, details={"revocation": type(exc).__name__})


def _loaded(client: redis.Redis) -> None:
    """After a Redis restart: copy the database's unexpired revocations back first."""
    marker = _key("loaded")
    if client.exists(marker):
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    pipe = client.pipeline()
    for jti, expires in RevokedToken.select(RevokedToken.jti, RevokedToken.expires_at).where(
            RevokedToken.expires_at > now).tuples():
        pipe.set(_key("jti", jti), 1, ex=max(1, int((expires - now).total_seconds())))
    pipe.set(marker, 1)
    pipe.execute()


def revoke_jti(jti: str, expires: datetime) -> None:
    try:
        RevokedToken.create(jti=jti, expires_at=expires)
    except IntegrityError:
        pass  # already revoked: logout is idempotent
    client = _redis()
    if client is not None:
        ttl = int((expires - datetime.now(UTC).replace(tzinfo=None)).total_seconds())
        try:
            client.set(_key("jti", jti), 1, ex=max(1, ttl))
        except redis.RedisError as exc:
            raise _unavailable(exc) from exc


def jti_revoked(jti: str) -> bool:
    client = _redis()
    if client is None:
        return RevokedToken.select().where(RevokedToken.jti == jti).exists()
    try:
        _loaded(client)
        return bool(client.exists(_key("jti", jti)))
    except redis.RedisError as exc:
        raise _unavailable(exc) from exc


def version(employee_id: int) -> int:
    """The account's current token version (tokens with a lower one are revoked)."""
    client = _redis()
    if client is not None:
        try:
            cached = client.get(_key("version", employee_id))
        except redis.RedisError as exc:
            raise _unavailable(exc) from exc
        if cached is not None:
            return int(cached)
    current = _stored_version(employee_id)
    if client is not None:
        try:  # NX: a version raised meanwhile by bump() is never overwritten by this older one
            client.set(_key("version", employee_id), current, ex=3600, nx=True)
        except redis.RedisError as exc:
            raise _unavailable(exc) from exc
    return current


def _stored_version(employee_id: int) -> int:
    row = Credential.get_or_none(Credential.employee == employee_id)
    return row.token_version if row else 0


def bump(employee_id: int) -> None:
    """Revoke every token of the account: raise its version. Called last in the caller's
    write, so the cached copy is replaced by the value about to be committed."""
    with write_transaction():
        Credential.update(token_version=Credential.token_version + 1).where(
            Credential.employee == employee_id).execute()
        raised = _stored_version(employee_id)
    client = _redis()
    if client is not None:
        try:
            client.set(_key("version", employee_id), raised, ex=3600)
        except redis.RedisError as exc:
            raise _unavailable(exc) from exc
