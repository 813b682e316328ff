"""The active liveness step's server side: a short-lived, single-use challenge (a nonce and a
random instruction) issued to one employee's device before the capture, and redeemed by the
check-in that carries its frames (docs/FACE_ENGINE.md)."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from flask import current_app

from api import clock
from api.config import split_list
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.models import CheckinEvent, Employee, LivenessChallenge
from face_engine.challenge import INSTRUCTIONS
from face_engine.results import MAX_BURST_FRAMES

from . import devices

__all__ = ["CLIENTS", "CODES", "INSTRUCTIONS", "MAX_BURST_FRAMES", "issue", "purge", "redeem",
           "required_for"]
CLIENTS = ("web", "android", "ios", "kiosk", "other")
# refusals of the challenge step; all but a reused challenge are fixed by asking for a new one
CODES = ("CHALLENGE_REQUIRED", "CHALLENGE_INVALID", "CHALLENGE_EXPIRED", "CHALLENGE_USED")


def required_for(client: str) -> bool:
    """Must a check-in from this kind of client carry a challenge (LIVENESS_CHALLENGE_REQUIRED)?"""
    kinds = split_list(current_app.config["LIVENESS_CHALLENGE_REQUIRED"])
    return "*" in kinds or client in kinds


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def issue(employee: Employee, device_uid: str, now: datetime) -> dict:
    """A new challenge for this employee on this device. Refused for a device nobody may
    check in from as this employee (blocked, another OPD's kiosk, another employee's phone);
    a new phone of one's own still gets one: its check-in asks for the rebinding."""
    outcome = devices.check(employee, device_uid)
    if outcome.code in ("DEVICE_BLOCKED", "DEVICE_NOT_BOUND", "DEVICE_SHARED"):
        raise ApiError(outcome.code, 403)
    instruction = secrets.choice(split_list(
        current_app.config["LIVENESS_CHALLENGE_INSTRUCTIONS"]))
    nonce = secrets.token_urlsafe(24)
    ttl = current_app.config["LIVENESS_CHALLENGE_TTL_S"]
    expires = clock.utc_naive(now + timedelta(seconds=ttl))
    with write_transaction():
        row = LivenessChallenge.create(employee=employee.id, device_uid=device_uid,
                                       nonce_sha256=_digest(nonce), instruction=instruction,
                                       issued_at=clock.utc_naive(now), expires_at=expires)
    return {"challenge_id": row.id, "nonce": nonce, "instruction": instruction,
            "expires_at": iso_z(expires), "ttl_s": ttl}


def redeem(employee_id: int, device_uid: str, challenge_id: int | None, nonce: str,
           key: str, now: datetime) -> tuple[LivenessChallenge | None, str | None]:
    """(challenge, refusal code). The challenge must be this employee's, issued to this
    device, unexpired and unused, and its nonce must match; it is then bound to the check-in's
    Idempotency-Key in one conditional UPDATE, so two requests cannot both use it. A resend
    of the same check-in (same key) may use it again."""
    if challenge_id is None:
        return None, "CHALLENGE_REQUIRED"
    row = LivenessChallenge.get_or_none(LivenessChallenge.id == challenge_id)
    if (row is None or row.employee_id != employee_id or row.device_uid != device_uid
            or not hmac.compare_digest(row.nonce_sha256, _digest(nonce))):
        return None, "CHALLENGE_INVALID"
    if row.used_at is not None:
        return (row, None) if row.used_key == key else (None, "CHALLENGE_USED")
    moment = clock.utc_naive(now)
    if moment >= row.expires_at:
        return None, "CHALLENGE_EXPIRED"
    with write_transaction():
        taken = (LivenessChallenge.update(used_at=moment, used_key=key)
                 .where(LivenessChallenge.id == row.id, LivenessChallenge.used_at.is_null())
                 .execute())
    if not taken:  # a concurrent request took it first
        row = LivenessChallenge.get_by_id(row.id)
        return (row, None) if row.used_key == key else (None, "CHALLENGE_USED")
    row.used_at, row.used_key = moment, key
    return row, None


def purge(now: datetime, keep_days: int = 2) -> int:
    """Challenges older than a couple of days are of no use: an event keeps its result."""
    cutoff = clock.utc_naive(now - timedelta(days=keep_days))
    used = CheckinEvent.select(CheckinEvent.challenge_id).where(
        CheckinEvent.challenge_id.is_null(False))
    return (LivenessChallenge.delete()
            .where(LivenessChallenge.expires_at < cutoff, LivenessChallenge.id.not_in(used))
            .execute())
