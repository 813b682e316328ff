"""What a capture request carries, read the same way for a check-in and a campaign report:
the Idempotency-Key, the selfie, the challenge burst, and the rate limit they share."""
from __future__ import annotations

from flask import current_app, request

from api.errors import ApiError
from api.services import storage
from api.services.checkin import MAX_BURST_FRAMES

# an operation taking an Idempotency-Key says so in the OpenAPI document (api/openapi.py adds
# the header parameter; a `parameters=` here would replace the form fields' ones)
IDEMPOTENT = {"x-idempotency-key": True}


def checkin_limit() -> str:
    return current_app.config["RATELIMIT_CHECKIN"]


def idempotency_key() -> str:
    key = (request.headers.get("Idempotency-Key") or "").strip()
    if not key or len(key) > 128:
        raise ApiError("IDEMPOTENCY_KEY_REQUIRED", 400)
    return key


def image(upload, field: str) -> bytes:
    limit = current_app.config["MAX_SELFIE_BYTES"]
    data = upload.read(limit + 1)
    storage.check(data, storage.IMAGE_TYPES, limit, field)
    return data


def frames(form) -> tuple[bytes, ...]:
    """The challenge burst: 1–3 images with a challenge, none without one."""
    uploads = request.files.getlist("frames")
    if form["challenge_id"] is None:
        if uploads:
            raise ApiError("VALIDATION_ERROR", 422, details={
                "frames": ["Rangkaian foto hanya bersama challenge_id."]})
        return ()
    if not 1 <= len(uploads) <= MAX_BURST_FRAMES:
        raise ApiError("CHALLENGE_FRAMES", 422, details={
            "frames": [f"Kirim 1 sampai {MAX_BURST_FRAMES} foto tantangan."]})
    return tuple(image(upload, "frames") for upload in uploads)
