"""Every token of an account dies with a password change or reset, a deactivation or a role
change — with the database alone, and with Redis in front of it (fail closed when it is down)."""
from __future__ import annotations

import uuid

import pytest
import redis

from tests.conftest import REDIS, redis_up
from tests.factories import PASSWORD


@pytest.fixture(params=["database", "redis"])
def app_config(app_config, request):
    if request.param == "redis":
        if not redis_up():
            pytest.skip("no Redis at 127.0.0.1:6379")
        app_config |= {"REDIS_URL": REDIS, "REDIS_PREFIX": f"hadir-test-{uuid.uuid4().hex}"}
    return app_config


def login(client, world, who, password=PASSWORD) -> dict:
    body = client.post("/api/v1/auth/login", json={"nip": world.people[who].nip,
                                                   "password": password}).json
    return body


def me(client, access: str):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {access}"})


def refresh(client, token: str):
    return client.post("/api/v1/auth/refresh", headers={"Authorization": f"Bearer {token}"})


def assert_revoked(response):
    assert response.status_code == 401 and response.json["error"]["code"] == "TOKEN_REVOKED"


def test_a_password_reset_revokes_every_token_of_the_account(client, world):
    phone, laptop = login(client, world, "pegawai_a"), login(client, world, "pegawai_a")
    assert me(client, phone["access_token"]).status_code == 200
    reset = client.post(f"/api/v1/employees/{world.people['pegawai_a'].id}/password-reset",
                        headers=world.headers("operator_a"))
    assert reset.status_code == 200
    for session in (phone, laptop):
        assert_revoked(me(client, session["access_token"]))
        assert_revoked(refresh(client, session["refresh_token"]))
    # the new one-time password works, and must be changed first
    fresh = login(client, world, "pegawai_a", reset.json["default_password"])
    assert fresh["must_change_password"] is True


def test_my_password_change_ends_my_other_sessions_but_not_this_one(client, world):
    other = login(client, world, "pegawai_a")
    this = login(client, world, "pegawai_a")
    changed = client.post("/api/v1/auth/password", json={
        "old_password": PASSWORD, "new_password": "Presensi#Baru2026"},
        headers={"Authorization": f"Bearer {this['access_token']}"})
    assert changed.status_code == 200
    assert_revoked(me(client, other["access_token"]))
    assert_revoked(me(client, this["access_token"]))  # the old pair of this session too
    assert me(client, changed.json["access_token"]).status_code == 200
    assert refresh(client, changed.json["refresh_token"]).status_code == 200


def test_deactivation_and_role_changes_revoke(client, world):
    pegawai = login(client, world, "pegawai_a")
    off = client.patch(f"/api/v1/employees/{world.people['pegawai_a'].id}",
                       json={"active": False}, headers=world.headers("operator_a"))
    assert off.status_code == 200, off.json
    assert_revoked(me(client, pegawai["access_token"]))
    operator = login(client, world, "operator_a")
    granted = client.post(f"/api/v1/employees/{world.people['operator_a'].id}/roles",
                          json={"role": "analis"}, headers=world.headers("admin"))
    assert granted.status_code == 201, granted.json
    assert_revoked(me(client, operator["access_token"]))
    again = login(client, world, "operator_a")
    assert "analis" in again["roles"] and me(client, again["access_token"]).status_code == 200


def test_logout_still_revokes_just_that_token(client, world):
    one, two = login(client, world, "pegawai_a"), login(client, world, "pegawai_a")
    out = client.post("/api/v1/auth/logout", json={"refresh_token": one["refresh_token"]},
                      headers={"Authorization": f"Bearer {one['access_token']}"})
    assert out.status_code == 204
    assert_revoked(me(client, one["access_token"]))
    assert_revoked(refresh(client, one["refresh_token"]))
    assert me(client, two["access_token"]).status_code == 200


def test_redis_restart_keeps_revocations(app, client, world):
    if not app.config["REDIS_URL"]:
        pytest.skip("Redis only")
    session = login(client, world, "pegawai_a")
    client.post("/api/v1/auth/logout", json={},
                headers={"Authorization": f"Bearer {session['access_token']}"})
    store = redis.Redis.from_url(REDIS)
    for key in store.scan_iter(f"{app.config['REDIS_PREFIX']}:*"):
        store.delete(key)  # what a restart without persistence leaves
    assert_revoked(me(client, session["access_token"]))  # loaded back from the database


def test_redis_down_fails_closed(app, client, world):
    if not app.config["REDIS_URL"]:
        pytest.skip("Redis only")
    session = login(client, world, "pegawai_a")
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    response = me(client, session["access_token"])
    assert response.status_code == 503
    assert response.json["error"]["code"] == "SERVICE_UNAVAILABLE"
