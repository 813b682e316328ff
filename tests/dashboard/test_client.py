"""The API client against a real API: login, silent token renewal, Indonesian errors when the
session ends or the API is down or slow."""
from __future__ import annotations

import socket
import time
import uuid

import jwt
import pytest
import requests

from dashboard import texts
from dashboard.client import ApiError, ApiUnavailable, Client, SessionExpired
from tests.dashboard.conftest import PASSWORD


@pytest.fixture
def kepala(api, demo_logins) -> Client:
    client = Client(api)
    client.login(demo_logins["kepala_opd"]["nip"], PASSWORD)
    return client


def _expired_token(secret: str, employee_id: int) -> str:
    past = int(time.time()) - 3600
    return jwt.encode({"sub": str(employee_id), "type": "access", "fresh": False,
                       "jti": str(uuid.uuid4()), "iat": past, "nbf": past, "exp": past + 60,
                       "mcp": False}, secret, algorithm="HS256")


def test_login_keeps_tokens_and_reads_in_scope(kepala):
    assert kepala.logged_in
    me = kepala.get("/api/v1/me")
    assert "kepala_opd" in me["roles"]
    opds = kepala.get("/api/v1/opds")
    assert [o["code"] for o in opds] == ["DINKES"]


def test_wrong_password_answers_in_indonesian(api, demo_logins):
    with pytest.raises(ApiError) as refused:
        Client(api).login(demo_logins["kepala_opd"]["nip"], "salah-sekali")
    assert refused.value.status == 401
    assert "sandi" in refused.value.message.lower()


def test_an_expired_access_token_is_renewed_once_and_the_call_retried(kepala, demo_env):
    old_refresh = kepala.refresh_token
    me = kepala.get("/api/v1/me")
    kepala.access_token = _expired_token(demo_env["env"]["JWT_SECRET_KEY"], me["id"])
    assert kepala.get("/api/v1/me")["id"] == me["id"]
    assert kepala.refresh_token != old_refresh  # the API rotated the refresh token


def test_a_revoked_session_asks_to_log_in_again(kepala, api):
    other = Client(api, kepala.access_token, kepala.refresh_token)
    other.logout()  # e.g. the user logged out in another tab
    with pytest.raises(SessionExpired) as expired:
        kepala.get("/api/v1/me")
    assert expired.value.message == texts.SESSION_EXPIRED
    assert not kepala.logged_in


def test_an_expired_session_that_cannot_be_renewed_asks_to_log_in(kepala, demo_env, api):
    me = kepala.get("/api/v1/me")
    requests.post(f"{api}/api/v1/auth/logout", json={"refresh_token": kepala.refresh_token},
                  headers={"Authorization": f"Bearer {kepala.access_token}"}, timeout=5)
    kepala.access_token = _expired_token(demo_env["env"]["JWT_SECRET_KEY"], me["id"])
    with pytest.raises(SessionExpired):
        kepala.get("/api/v1/opds")


def test_refusals_carry_the_api_message(api, demo_logins):
    pegawai = Client(api)
    pegawai.login(demo_logins["pegawai"]["nip"], PASSWORD)
    with pytest.raises(ApiError) as refused:
        pegawai.get("/api/v1/recaps/today")  # the board is for heads, operators and BKD
    raw = requests.get(f"{api}/api/v1/recaps/today", timeout=5,
                       headers={"Authorization": f"Bearer {pegawai.access_token}"}).json()
    assert refused.value.status == 403 and not isinstance(refused.value, SessionExpired)
    assert refused.value.message == raw["error"]["message"]


def test_api_down_has_an_indonesian_message():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the socket is closed
    with pytest.raises(ApiUnavailable) as down:
        Client(f"http://127.0.0.1:{port}").login("198", "x")
    assert down.value.message == texts.API_DOWN


def test_a_slow_api_times_out_with_an_indonesian_message(kepala):
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        kepala.base_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(ApiUnavailable) as slow:
            kepala.request("GET", "/api/v1/me", timeout=(1, 0.3))
    assert slow.value.message == texts.API_TIMEOUT


def test_empty_filters_are_left_out(kepala):
    page = kepala.get("/api/v1/employees", {"q": "", "opd": None, "limit": 5})
    assert page["total"] >= len(page["items"]) > 0
