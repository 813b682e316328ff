"""Helpers for check-in tests: enrol a dev-set face, post a check-in like the phone app."""
from __future__ import annotations

import io
import itertools
import uuid

from tests.conftest import face_photo
from tests.factories import OFFICE_A

_keys = itertools.count(1)


def enroll(client, world, who: str, identity: str, numbers=(1,), by: str = "operator_a",
           status: int = 201):
    """Enrol through the API; 201 for a first enrolment, 202 for a re-enrolment that waits
    for a second person."""
    photos = [(io.BytesIO(face_photo(identity, n)), f"{n}.jpg") for n in numbers]
    response = client.post(f"/api/v1/employees/{world.people[who].id}/face",
                           headers=world.headers(by), data={"photos": photos},
                           content_type="multipart/form-data")
    assert response.status_code == status, response.json
    return response.json


def checkin(client, world, who: str, *, kind: str = "in", selfie: bytes | None = None,
            identity: str = "webmorph_lisa", number: int = 2, lat: float = OFFICE_A[0],
            lon: float = OFFICE_A[1], accuracy_m: float = 10, device: str | None = None,
            key: str | None = None, note: str = "", purpose: str | None = None,
            is_mock: bool = False, headers=None, offline: bool = False,
            client_time: str = "2026-03-02T07:09:58+07:00", client_kind: str | None = None,
            challenge: dict | None = None, frames: list[bytes] = ()):
    data = {
        "kind": kind, "lat": str(lat), "lon": str(lon), "accuracy_m": str(accuracy_m),
        "is_mock": "true" if is_mock else "false", "device_id": device or f"hp-{who}",
        "client_time": client_time, "note": note, "offline": "true" if offline else "false",
        "selfie": (io.BytesIO(selfie if selfie is not None else face_photo(identity, number)),
                   "selfie.jpg"),
    }
    if purpose is not None:
        data["purpose"] = purpose
    if client_kind is not None:
        data["client"] = client_kind
    if challenge is not None:
        data["challenge_id"], data["challenge_nonce"] = str(challenge["challenge_id"]), \
            challenge["nonce"]
    if frames:
        data["frames"] = [(io.BytesIO(f), f"frame{i}.jpg") for i, f in enumerate(frames)]
    key = key or f"k-{next(_keys)}-{uuid.uuid4().hex[:6]}"
    return client.post("/api/v1/attendance/checkins", data=data,
                       content_type="multipart/form-data",
                       headers={**(headers or world.headers(who)), "Idempotency-Key": key})


def new_challenge(client, world, who: str, device: str | None = None):
    return client.post("/api/v1/attendance/challenges", json={"device_id": device or f"hp-{who}"},
                       headers=world.headers(who))


def reencoded(data: bytes, quality: int = 85, scale: float = 0.9) -> bytes:
    """The same picture, re-encoded and resized: what a replay attacker would send."""
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    image = cv2.resize(image, None, fx=scale, fy=scale)
    return cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()
