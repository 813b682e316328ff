"""Fault injection (issue 16): Redis, configured for revocation and rate limits, goes down and
comes back. A private redis-server is started and killed by the test (never the shared one).

Documented behaviour (docs/RELIABILITY.md):
- revocation fails closed: an authenticated request is 503 SERVICE_UNAVAILABLE, never a token
  waved through, and /readyz says not ready;
- rate limits fall back to each process's memory: logins and check-ins still answer, and the
  limits still hold (per process), never a 500;
- once Redis is back, everything answers again by itself, and the limits count in Redis
  again within seconds."""
from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest
import redis

from tests.dashboard.conftest import free_port
from tests.factories import PASSWORD


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                if client.ping():
                    return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    if not shutil.which("redis-server"):
        pytest.skip("redis-server not installed")
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


@pytest.fixture
def app_config(app_config, redis_server) -> dict:
    return {**app_config, "REDIS_URL": redis_server.url, "RATELIMIT_STORAGE_URI": redis_server.url,
            "RATELIMIT_LOGIN": "3 per minute", "REDIS_PREFIX": f"hadir-{uuid.uuid4().hex[:8]}"}


def login(client, world, password: str):
    return client.post("/api/v1/auth/login", json={"nip": world.people["pegawai_a"].nip,
                                                   "password": password})


def test_redis_down_fails_closed_for_tokens_and_keeps_limits_in_memory(client, world,
                                                                      redis_server):
    token = login(client, world, PASSWORD).json["access_token"]
    me = lambda: client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})  # noqa: E731
    assert me().status_code == 200
    ready = client.get("/readyz").json
    assert ready["checks"]["redis"] == "ok" and ready["checks"]["rate_limit_storage"] == "ok"

    redis_server.kill()
    refused = me()
    assert refused.status_code == 503, refused.json
    assert refused.json["error"]["code"] == "SERVICE_UNAVAILABLE"
    readyz = client.get("/readyz")
    assert readyz.status_code == 503
    assert readyz.json["checks"]["redis"].startswith("error")
    assert readyz.json["checks"]["rate_limit_storage"] == "fallback: memory"
    wrong = [login(client, world, "salah-sekali") for _ in range(4)]
    assert [w.status_code for w in wrong] == [401, 401, 401, 429]  # still limited, no 500
    assert wrong[0].json["error"]["code"] == "INVALID_CREDENTIALS"

    redis_server.start()  # the same port, empty: what a restart without persistence leaves
    assert me().status_code == 200
    assert client.get("/readyz").status_code == 200
    counters = redis.Redis.from_url(redis_server.url)
    deadline = time.monotonic() + 15  # flask-limiter looks again after 1 s, 2 s, 4 s, …
    while not counters.keys("LIMITS*") and time.monotonic() < deadline:
        login(client, world, "salah-sekali")
        time.sleep(0.25)
    assert counters.keys("LIMITS*"), "the limits did not go back to Redis"
