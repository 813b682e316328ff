"""Operational behaviour: shared rate limits in Redis, retention purge, alternative offices,
re-enrolment audit."""
from __future__ import annotations

import uuid
from datetime import date

import pytest

from api.models import AuditEntry, EmployeeLocation, Location, StoredFile
from tests.api.checkin_helpers import checkin, enroll
from tests.conftest import REDIS, redis_up


@pytest.mark.skipif(not redis_up(), reason="no Redis server on 127.0.0.1:6379")
def test_login_rate_limit_is_shared_through_redis(app_config, world):
    from api import create_app

    prefix = f"hadir-test-{uuid.uuid4().hex[:8]}"
    config = {**app_config, "RATELIMIT_STORAGE_URI": REDIS, "RATELIMIT_LOGIN": "3 per minute",
              "RATELIMIT_KEY_PREFIX": prefix}
    first, second = create_app(config), create_app(config)  # two workers, one Redis
    body = {"nip": world.people["pegawai_a"].nip, "password": "salah-sekali"}
    codes = [first.test_client().post("/api/v1/auth/login", json=body).status_code
             for _ in range(2)]
    codes += [second.test_client().post("/api/v1/auth/login", json=body).status_code
              for _ in range(2)]
    assert codes == [401, 401, 401, 429]
    import redis

    assert redis.Redis.from_url(REDIS).keys(f"*{prefix}*")  # the counters live in Redis


def test_nightly_purges_selfies_past_their_retention(client, world, app):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    assert checkin(client, world, "pegawai_a").json["status"] == "ACCEPTED"
    selfie = StoredFile.get(StoredFile.purpose == "selfie")
    assert selfie.retain_until == date(2026, 5, 31)  # 90 days
    app.config["HADIR_FAKE_NOW"] = "2026-06-01T02:00:00+07:00"
    result = app.test_cli_runner().invoke(args=["nightly"])
    assert "berkas dihapus: 1" in result.output, result.output
    assert StoredFile.get_by_id(selfie.id).purged
    event_id = client.get("/api/v1/attendance/checkins",
                          headers=world.headers("atasan_a")).json["items"][0]["id"]
    gone = client.get(f"/api/v1/attendance/checkins/{event_id}/selfie",
                      headers=world.headers("atasan_a"))
    assert gone.status_code == 404


def test_an_approved_alternative_office_counts_as_inside(client, world):
    kecamatan = Location.create(opd=None, name="Kantor Kecamatan Sumbersari",
                                kind="alternative", lat=-8.1675, lon=113.7226, radius_m=150,
                                tz="Asia/Jakarta")
    response = client.put(f"/api/v1/employees/{world.people['pegawai_a'].id}/locations",
                          headers=world.headers("operator_a"), json={"locations": [
                              {"location_id": world.locations["a"].id, "primary": True},
                              {"location_id": kecamatan.id}]})
    assert response.status_code == 200
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    body = checkin(client, world, "pegawai_a", lat=-8.1676, lon=113.7227).json
    assert body["status"] == "ACCEPTED" and body["codes"] == []
    assert EmployeeLocation.select().where(
        EmployeeLocation.employee == world.people["pegawai_a"].id).count() == 2


def test_reenrolment_is_audited_and_replaces_the_template_once_approved(client, world):
    enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(1,))
    pending = enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(2, 3), status=202)
    assert pending["photo_count"] == 1 and pending["pending"]["template_id"]
    decided = client.post(f"/api/v1/approvals/face/{pending['pending']['template_id']}/approve",
                          json={"reason": ""}, headers=world.headers("kepala_a"))
    assert decided.status_code == 200, decided.json
    actions = [e.action for e in AuditEntry.select().where(
        AuditEntry.entity == "employee",
        AuditEntry.entity_id == str(world.people["pegawai_a"].id)).order_by(AuditEntry.id)]
    assert actions[-3:] == ["face.enrol", "face.reenrol.request", "face.reenrol.approve"]
    face = client.get(f"/api/v1/employees/{world.people['pegawai_a'].id}/face",
                      headers=world.headers("atasan_a")).json
    assert face["enrolled"] and face["photo_count"] == 2 and face["pending"] is None


def test_enrolment_refuses_a_photo_without_a_usable_face(client, world):
    import io

    import cv2
    import numpy as np

    blank = cv2.imencode(".jpg", np.full((400, 400, 3), 200, np.uint8))[1].tobytes()
    response = client.post(f"/api/v1/employees/{world.people['pegawai_a'].id}/face",
                           headers=world.headers("operator_a"),
                           data={"photos": [(io.BytesIO(blank), "a.jpg")]},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "ENROLL_REJECTED"
    assert response.json["error"]["details"]["photos"][0]["reasons"] == ["NO_FACE"]
    assert response.json["error"]["details"]["photos"][0]["messages"] == [
        "Wajah tidak terdeteksi. Pastikan wajah terlihat jelas di kamera."]


def test_forwarded_address_counts_only_behind_a_trusted_proxy(app_config, world):
    """A client cannot dodge the login limit by inventing X-Forwarded-For; the dashboard,
    a trusted proxy, gets one budget per browser it forwards."""
    from api import create_app

    config = {**app_config, "RATELIMIT_LOGIN": "2 per minute", "TRUSTED_PROXIES": "10.0.0.5"}
    client = create_app(config).test_client()
    body = {"nip": world.people["pegawai_a"].nip, "password": "salah-sekali"}

    def status(peer, forwarded):
        return client.post("/api/v1/auth/login", json=body,
                           environ_base={"REMOTE_ADDR": peer},
                           headers={"X-Forwarded-For": forwarded}).status_code

    # from an untrusted peer, a new forwarded address per request changes nothing
    assert [status("203.0.113.9", f"198.51.100.{i}") for i in range(3)] == [401, 401, 429]
    # through the trusted proxy, each forwarded browser has its own budget
    assert [status("10.0.0.5", "192.0.2.1") for _ in range(3)] == [401, 401, 429]
    assert status("10.0.0.5", "192.0.2.2") == 401


def test_every_timestamp_follows_the_business_clock(client, world, app):
    """Under HADIR_FAKE_NOW a device request, an enrolment and a manual entry are stamped
    with the fake time, as check-ins are (not the machine's real clock)."""
    from api.models import DeviceBinding, FaceTemplate

    requested = client.post("/api/v1/devices/requests", headers=world.headers("pegawai_a"),
                            json={"device_id": "hp-baru-uji-jam", "note": "HP lama rusak"})
    assert requested.status_code == 201, requested.json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    binding = DeviceBinding.get_by_id(requested.json["id"])
    template = FaceTemplate.get(FaceTemplate.employee == world.people["pegawai_a"].id)
    for stamp in (binding.requested_at, template.enrolled_at):
        assert stamp.date().isoformat() == "2026-03-02"  # DEFAULT_NOW's date
