"""Fault injection (issue 16): the database cannot be reached. Every request that needs it
is 503 DATABASE_UNAVAILABLE with Retry-After in the one error shape, not a 500; /readyz says
so; the probe that needs no database still answers."""
from __future__ import annotations

from api import create_app


def test_an_unreachable_database_is_503_with_retry_after(app_config, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")  # the database file's folder cannot exist: every connect fails
    app = create_app({**app_config, "DATABASE_URL": f"sqlite:///{blocker}/hadir.db"})
    client = app.test_client()
    login = client.post("/api/v1/auth/login", json={"nip": "199001012015011001",
                                                    "password": "Rahasia#2026"})
    assert login.status_code == 503, login.json
    assert login.json["error"]["code"] == "DATABASE_UNAVAILABLE"
    assert "tidak ada yang tersimpan" in login.json["error"]["message"]
    assert login.headers["Retry-After"] == "5"
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_retry_after_is_only_where_a_retry_is_due(client, world):
    """flask-limiter stamps its window's reset (up to a minute) on every answer of a limited
    route; a 201 needs no Retry-After, and a 503 keeps its own short wait."""
    answer = client.post("/api/v1/auth/login", json={"nip": world.people["pegawai_a"].nip,
                                                      "password": "salah-sekali"})
    assert answer.status_code == 401 and "Retry-After" not in answer.headers
    assert "X-RateLimit-Remaining" in answer.headers
