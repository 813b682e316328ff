"""Probes, the OpenAPI document, the one error shape, and the startup guards."""
from __future__ import annotations

import pytest

from api import create_app
from api.config import Config


def test_healthz(client):
    assert client.get("/healthz").json == {"status": "ok"}


def test_readyz_ready_with_database_and_models(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.json
    assert response.json["checks"] == {"database": "ok", "face_models": "ok"}


def test_readyz_fails_without_face_models(client, monkeypatch, tmp_path):
    monkeypatch.setenv("FACE_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("FACE_BUILD_DIR", str(tmp_path))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["face_models"].startswith("missing")


def test_readyz_fails_without_database(app_config, tmp_path):
    app = create_app({**app_config, "DATABASE_URL": f"sqlite:///{tmp_path}/no/such/dir/x.db"})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["database"].startswith("error")


def test_openapi_lists_the_endpoints_with_their_schemas(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in ("/api/v1/auth/login", "/api/v1/me", "/api/v1/attendance/checkins",
                 "/api/v1/attendance/days", "/api/v1/employees", "/api/v1/opds"):
        assert path in paths, path
    checkin = paths["/api/v1/attendance/checkins"]["post"]
    form = checkin["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form  # generated from the same schema that validates the form
    login = spec["components"]["schemas"]["LoginIn"]
    assert set(login["required"]) == {"nip", "password"}


def test_unknown_route_and_method_use_the_error_shape(client):
    missing = client.get("/api/v1/tidak-ada")
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "NOT_FOUND"
    wrong = client.delete("/api/v1/auth/login")
    assert wrong.status_code == 405 and wrong.json["error"]["code"] == "METHOD_NOT_ALLOWED"


def test_unknown_fields_are_refused(client, world):
    response = client.patch(f"/api/v1/employees/{world.people['pegawai_a'].id}",
                            headers=world.headers("admin"), json={"gaji": 1})
    assert response.status_code == 422
    assert response.json["error"]["details"] == {"gaji": ["Kolom tidak dikenal."]}


def test_fake_clock_is_refused_in_production():
    config = Config(HADIR_ENV="production", JWT_SECRET_KEY="x" * 32,
                    HADIR_FAKE_NOW="2026-03-02T07:00:00+07:00")
    with pytest.raises(RuntimeError, match="HADIR_FAKE_NOW"):
        create_app(config)


def test_production_needs_a_secret():
    with pytest.raises(RuntimeError, match="JWT_SECRET_KEY"):
        create_app(Config(HADIR_ENV="production"))


def test_request_id_is_returned(client):
    response = client.get("/healthz", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"
