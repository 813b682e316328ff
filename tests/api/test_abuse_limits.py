"""Abuse limits (issue 16; OWASP API4 and API8): rate limits on login and check-in in memory
and in Redis, request-size and image-pixel limits, files typed by their bytes, the security
headers, CORS only for configured origins, and no secret, password, token or selfie in what
the server logs."""
from __future__ import annotations

import base64
import io
import struct
import uuid
import zlib

import pytest
import requests

from tests.api.checkin_helpers import checkin, enroll
from tests.api.faults.load import gunicorn
from tests.conftest import REDIS, face_photo, redis_up
from tests.factories import OFFICE_A, PASSWORD, PDF_DOCUMENT


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height: what a decompression bomb sends first."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0"))
            + chunk(b"IEND", b""))


@pytest.fixture(params=["memory", "redis"])
def limited(request, app_config):
    """A client of a second app with tight limits: per-process memory, or counters shared in
    Redis. It calls from an address of its own, so no other run's counters are met (the
    limiter's key prefix is process-wide: the first app's wins)."""
    from api import create_app

    config = {**app_config, "RATELIMIT_LOGIN": "3 per minute",
              "RATELIMIT_CHECKIN": "2 per minute"}
    if request.param == "redis":
        if not redis_up():
            pytest.skip("no Redis at 127.0.0.1:6379")
        config["RATELIMIT_STORAGE_URI"] = REDIS
    client = create_app(config).test_client()
    client.environ_base["REMOTE_ADDR"] = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    return client


def test_login_is_limited_and_says_when_to_retry(limited, world):
    client = limited
    body = {"nip": world.people["pegawai_a"].nip, "password": "salah-sekali"}
    answers = [client.post("/api/v1/auth/login", json=body) for _ in range(4)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    assert answers[3].json["error"]["code"] == "RATE_LIMITED"
    assert "coba lagi" in answers[3].json["error"]["message"]
    assert 0 < int(answers[3].headers["Retry-After"]) <= 60


def test_check_ins_are_limited_per_caller(limited, client, world):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    phone = limited
    answers = [checkin(phone, world, "pegawai_a").status_code for _ in range(3)]
    assert 429 not in answers[:2] and answers[2] == 429


def test_a_request_over_the_size_limit_is_413_in_the_error_shape(app, client, world):
    too_big = b"\xff\xd8\xff\xe0" + bytes(app.config["MAX_CONTENT_LENGTH"] + 1)
    answer = checkin(client, world, "pegawai_a", selfie=too_big)
    assert answer.status_code == 413
    assert answer.json["error"]["code"] == "PAYLOAD_TOO_LARGE"


def test_a_selfie_over_its_own_limit_is_refused_before_any_face_work(app, client, world):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    big = face_photo("webmorph_lisa", 2) + bytes(app.config["MAX_SELFIE_BYTES"])
    answer = checkin(client, world, "pegawai_a", selfie=big)
    assert answer.status_code == 413, answer.json
    assert answer.json["error"]["code"] == "PAYLOAD_TOO_LARGE"


def test_a_decompression_bomb_is_refused_from_its_header(client, world):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    answer = checkin(client, world, "pegawai_a", selfie=png_header(30000, 30000))
    assert answer.json["status"] == "REJECTED", answer.json  # judged and recorded, refused
    assert answer.json["codes"] == ["IMAGE_TOO_LARGE"]


@pytest.mark.parametrize(("data", "name"), [(b"MZ\x90\x00 not a picture", "selfie.jpg"),
                                            (b"<svg onload=alert(1)>", "selfie.png"),
                                            (PDF_DOCUMENT, "selfie.jpg")])
def test_a_file_is_typed_by_its_bytes_not_its_name(client, world, data, name):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    answer = client.post("/api/v1/attendance/checkins", content_type="multipart/form-data",
                         headers={**world.headers("pegawai_a"), "Idempotency-Key": name},
                         data={"kind": "in", "lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]),
                               "accuracy_m": "10", "device_id": "hp-pegawai_a",
                               "selfie": (io.BytesIO(data), name)})
    assert answer.status_code == 415, answer.json
    assert answer.json["error"]["code"] == "UNSUPPORTED_MEDIA"


def test_an_absence_document_must_be_a_pdf_or_picture(client, world):
    answer = client.post("/api/v1/absences", content_type="multipart/form-data",
                         headers=world.headers("pegawai_a"), data={
                             "code": "S", "date_from": "2026-03-03", "date_to": "2026-03-03",
                             "reason": "Sakit",
                             "document": (io.BytesIO(b"#!/bin/sh\nrm -rf /\n"), "surat.pdf")})
    assert answer.status_code == 415 and answer.json["error"]["code"] == "UNSUPPORTED_MEDIA"


def test_a_json_endpoint_refuses_a_form_body_clearly(client, world):
    answer = client.post("/api/v1/auth/login", data={"nip": world.people["pegawai_a"].nip,
                                                      "password": PASSWORD})
    assert answer.status_code in (400, 415, 422)
    assert set(answer.json["error"]) >= {"code", "message"}


def test_security_headers_on_every_answer(app, client, world):
    for answer in (client.get("/api/v1/me", headers=world.headers("pegawai_a")),
                   client.get("/api/v1/me"), client.get("/healthz")):
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in answer.headers  # plain HTTP: no HSTS
    assert app.config["TRUSTED_PROXIES"] == ""
    spoofed = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in spoofed.headers  # not from a trusted proxy
    secure = client.get("/healthz", base_url="https://hadir.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_hsts_behind_a_trusted_tls_proxy(app_config):
    from api import create_app

    app = create_app({**app_config, "TRUSTED_PROXIES": "10.0.0.5"})
    answer = app.test_client().get("/healthz", headers={"X-Forwarded-Proto": "https"},
                                   environ_base={"REMOTE_ADDR": "10.0.0.5"})
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_cors_unless_configured(client):
    answer = client.get("/api/v1/rules/codes", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_cors_only_for_the_configured_origins(app_config, world):
    from api import create_app

    app = create_app({**app_config, "CORS_ORIGINS": "https://presensi.jemberkab.go.id"})
    client = app.test_client()
    preflight = client.options("/api/v1/attendance/checkins", headers={
        "Origin": "https://presensi.jemberkab.go.id", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Idempotency-Key"})
    assert preflight.headers["Access-Control-Allow-Origin"] == \
        "https://presensi.jemberkab.go.id"
    assert "idempotency-key" in preflight.headers["Access-Control-Allow-Headers"].lower()
    other = client.get("/api/v1/me", headers={**world.headers("pegawai_a"),
                                              "Origin": "https://evil.example"})
    assert other.status_code == 200
    assert "Access-Control-Allow-Origin" not in other.headers


def test_the_server_log_holds_no_secret_password_token_or_selfie(app_config, client, world,
                                                                 tmp_path):
    """A morning through a real gunicorn with its access log at DEBUG: logins (one wrong), a
    refresh, a password change, a reset and its one-time password, a check-in with a selfie,
    an absence with its document. Then grep everything the server wrote."""
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    log = tmp_path / "server.log"
    selfie = face_photo("webmorph_lisa", 2)
    secrets = {app_config["JWT_SECRET_KEY"], app_config["AUDIT_CHECKPOINT_KEY"], PASSWORD,
               "salah-sekali-123", "Rahasia-Baru-2026!"}
    with gunicorn({**app_config, "LOG_LEVEL": "DEBUG"}, workers=1, log=log) as (url, _):
        nip = world.people["pegawai_a"].nip
        requests.post(f"{url}/api/v1/auth/login", json={"nip": nip,
                                                        "password": "salah-sekali-123"})
        session = requests.post(f"{url}/api/v1/auth/login",
                                json={"nip": nip, "password": PASSWORD}).json()
        auth = {"Authorization": f"Bearer {session['access_token']}"}
        sent = requests.post(f"{url}/api/v1/attendance/checkins", headers={
            **auth, "Idempotency-Key": "log-1"}, data={
            "kind": "in", "lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]), "accuracy_m": "10",
            "device_id": "hp-pegawai_a"}, files={"selfie": ("s.jpg", selfie, "image/jpeg")})
        assert sent.status_code == 201, sent.text
        requests.post(f"{url}/api/v1/absences", headers=auth, data={
            "code": "S", "date_from": "2026-03-03", "date_to": "2026-03-03", "reason": "Sakit"},
            files={"document": ("surat.pdf", PDF_DOCUMENT, "application/pdf")})
        refreshed = requests.post(f"{url}/api/v1/auth/refresh", headers={
            "Authorization": f"Bearer {session['refresh_token']}"}).json()
        changed = requests.post(f"{url}/api/v1/auth/password", headers={
            "Authorization": f"Bearer {refreshed['access_token']}"},
            json={"old_password": PASSWORD, "new_password": "Rahasia-Baru-2026!"})
        assert changed.status_code < 300, changed.text
        reset = requests.post(
            f"{url}/api/v1/employees/{world.people['pegawai_a2'].id}/password-reset",
            headers={"Authorization": f"Bearer {world.token('operator_a')}"}).json()
        secrets |= {session["access_token"], session["refresh_token"],
                    refreshed["access_token"], reset["default_password"]}
    text = log.read_text(errors="replace")
    assert "POST /api/v1/attendance/checkins" in text  # the access log was captured
    leaked = [secret[:12] + "…" for secret in secrets if secret in text]
    assert leaked == []
    middle = selfie[len(selfie) // 2:len(selfie) // 2 + 24]
    for encoded in (middle.hex(), base64.b64encode(middle).decode()):
        assert encoded not in text
    assert middle.decode("latin-1") not in text
