"""The web app's session: the refresh token as an HttpOnly, SameSite=Strict cookie guarded by a
CSRF token, rotated on refresh, revoked at logout and at a password change."""
from __future__ import annotations

from tests.factories import PASSWORD


def web_login(client, world, who="pegawai_a"):
    return client.post("/api/v1/auth/login", json={
        "nip": world.people[who].nip, "password": PASSWORD, "refresh_cookie": True})


def set_cookies(response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def csrf(client) -> dict:
    return {"X-CSRF-TOKEN": client.get_cookie("hadir_csrf").value}


def test_the_refresh_token_goes_out_only_as_an_httponly_cookie(client, world):
    response = web_login(client, world)
    assert response.status_code == 200
    assert response.json["access_token"] and response.json["refresh_token"] is None
    cookies = set_cookies(response)
    refresh = cookies["hadir_refresh"]
    assert "HttpOnly" in refresh and "SameSite=Strict" in refresh
    assert "Path=/api/v1/auth/" in refresh and "Max-Age=" in refresh
    assert "HttpOnly" not in cookies["hadir_csrf"]  # the page reads it to prove same origin


def test_refresh_by_cookie_needs_the_csrf_header_and_rotates(client, world):
    web_login(client, world)
    missing = client.post("/api/v1/auth/refresh")
    assert missing.status_code == 401 and missing.json["error"]["code"] == "AUTH_REQUIRED"
    old_cookie = client.get_cookie("hadir_refresh", path="/api/v1/auth/").value
    old_csrf = csrf(client)
    fresh = client.post("/api/v1/auth/refresh", headers=csrf(client))
    assert fresh.status_code == 200 and fresh.json["refresh_token"] is None
    assert client.get_cookie("hadir_refresh", path="/api/v1/auth/").value != old_cookie
    me = client.get("/api/v1/me", headers={
        "Authorization": f"Bearer {fresh.json['access_token']}"})
    assert me.status_code == 200
    # the rotated-out cookie is dead
    client.set_cookie("hadir_refresh", old_cookie, path="/api/v1/auth/")
    replayed = client.post("/api/v1/auth/refresh", headers=old_csrf)
    assert replayed.status_code == 401 and replayed.json["error"]["code"] == "TOKEN_REVOKED"
    # and a cookie with another session's CSRF token is refused
    assert client.post("/api/v1/auth/refresh", headers=csrf(client)).status_code == 401


def test_logout_revokes_and_clears_the_cookie(client, world):
    access = web_login(client, world).json["access_token"]
    cookie, token = client.get_cookie("hadir_refresh", path="/api/v1/auth/").value, csrf(client)
    out = client.post("/api/v1/auth/logout", json={},
                      headers={"Authorization": f"Bearer {access}"})
    assert out.status_code == 204
    assert client.get_cookie("hadir_refresh", path="/api/v1/auth/") is None
    client.set_cookie("hadir_refresh", cookie, path="/api/v1/auth/")
    refused = client.post("/api/v1/auth/refresh", headers=token)
    assert refused.status_code == 401 and refused.json["error"]["code"] == "TOKEN_REVOKED"


def test_a_password_change_replaces_the_cookie(client, world):
    access = web_login(client, world).json["access_token"]
    old_csrf = csrf(client)
    old_cookie = client.get_cookie("hadir_refresh", path="/api/v1/auth/").value
    changed = client.post("/api/v1/auth/password", headers={
        "Authorization": f"Bearer {access}"}, json={
        "old_password": PASSWORD, "new_password": "Presensi#Baru2026"})
    assert changed.status_code == 200 and changed.json["refresh_token"] is None
    assert client.post("/api/v1/auth/refresh", headers=csrf(client)).status_code == 200
    client.set_cookie("hadir_refresh", old_cookie, path="/api/v1/auth/")
    refused = client.post("/api/v1/auth/refresh", headers=old_csrf)
    assert refused.status_code == 401 and refused.json["error"]["code"] == "TOKEN_REVOKED"


def test_api_clients_keep_tokens_in_the_body(client, world):
    body = client.post("/api/v1/auth/login", json={
        "nip": world.people["pegawai_a"].nip, "password": PASSWORD}).json
    assert body["refresh_token"] and client.get_cookie("hadir_refresh") is None
    again = client.post("/api/v1/auth/refresh",
                        headers={"Authorization": f"Bearer {body['refresh_token']}"})
    assert again.status_code == 200 and again.json["refresh_token"]
