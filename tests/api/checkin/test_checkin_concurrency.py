"""Concurrent duplicate submissions against a real threaded HTTP server: one event, one answer."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from werkzeug.serving import make_server

from api.models import CheckinEvent
from tests.api.checkin_helpers import enroll
from tests.conftest import face_photo
from tests.factories import OFFICE_A


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


def test_simultaneous_retries_with_one_key_store_one_event(client, world, live_server):
    enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(1,))
    token = world.token("pegawai_a")
    selfie = face_photo("webmorph_lisa", 2)
    barrier = threading.Barrier(4)

    def post(_):
        barrier.wait()
        return requests.post(
            f"{live_server}/api/v1/attendance/checkins",
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "serentak-1"},
            data={"kind": "in", "lat": OFFICE_A[0], "lon": OFFICE_A[1], "accuracy_m": 8,
                  "device_id": "hp-pegawai-a"},
            files={"selfie": ("s.jpg", selfie, "image/jpeg")}, timeout=60)

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(post, range(4)))
    bodies = [r.json() for r in responses]
    assert all(r.status_code in (200, 201) for r in responses), bodies
    assert all(b == bodies[0] for b in bodies)
    assert bodies[0]["status"] == "ACCEPTED"
    assert CheckinEvent.select().where(
        CheckinEvent.employee == world.people["pegawai_a"].id).count() == 1
    assert sum(r.headers.get("Idempotent-Replay") == "true" for r in responses) == 3
