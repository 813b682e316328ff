"""Dashboard fixtures: one demo pemda behind a real API server (gunicorn, a subprocess) for the
whole session, logins per role, AppTest sessions signed in through the login form, and a
real `streamlit run` for the browser test. The test process never opens the demo database."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
FAKE_NOW = "2026-03-10T08:30:00+07:00"  # a Tuesday morning: most are in, some not yet
DEMO_ARGS = ["--employees", "120", "--months", "2", "--seed", "5", "--no-faces"]
PASSWORD = "Hadir#Demo2026"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:4]} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)  # gunicorn: quick shutdown; streamlit: stop
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _private_schema(url: str, schema: str, create: bool) -> None:
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        if create:
            cursor.execute(f'CREATE SCHEMA "{schema}"')
    connection.close()


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory) -> Iterator[dict]:
    """Environment of the demo database and its API server (SQLite, or a private PostgreSQL
    schema when TEST_DATABASE_URL is set)."""
    folder = tmp_path_factory.mktemp("dashboard_demo")
    pg_url = os.environ.get("TEST_DATABASE_URL")
    schema = f"hadir_dash_{os.getpid()}"
    if pg_url:
        _private_schema(pg_url, schema, create=True)
        separator = "&" if "?" in pg_url else "?"
        database_url = f"{pg_url}{separator}options=-csearch_path%3D{schema}"
    else:
        database_url = f"sqlite:///{folder / 'hadir.db'}"
    env = {**os.environ, "HADIR_ENV": "demo", "DATABASE_URL": database_url,
           "UPLOAD_DIR": str(folder / "uploads"), "HADIR_FAKE_NOW": FAKE_NOW,
           "HADIR_CLOCK_RUNNING": "false", "PASSWORD_HASH_PROFILE": "fast",
           "JWT_SECRET_KEY": "dashboard-test-secret-0123456789",
           "RATELIMIT_LOGIN": "10000 per minute", "LOG_LEVEL": "WARNING",
           "JOBS_IMMEDIATE": "true", "JOBS_DB": str(folder / "jobs.db"),
           # one key for the demo build and the server, and a file of the test's own: never
           # the checkpoints a developer's `make run` left in data/audit
           "AUDIT_CHECKPOINT_KEY": "dashboard-test-audit-key-0123456789",
           "AUDIT_CHECKPOINT_FILE": str(folder / "checkpoints.jsonl"),
           "PYTHONPATH": str(ROOT)}
    yield {"env": env, "folder": folder}
    if pg_url:
        _private_schema(pg_url, schema, create=False)


@pytest.fixture(scope="session")
def demo_logins(demo_env) -> dict[str, dict]:
    """The demo pemda (120 employees, February and March 2026); one login per role."""
    path = demo_env["folder"] / "logins.json"
    subprocess.run([sys.executable, "-m", "data.demo", *DEMO_ARGS, "--logins", str(path)],
                   cwd=ROOT, env=demo_env["env"], check=True, capture_output=True)
    return {entry["role"]: entry for entry in json.loads(path.read_text())}


@pytest.fixture(scope="session")
def api_url(demo_env, demo_logins) -> Iterator[str]:
    """A real API (gunicorn, one worker, threads) over the demo database."""
    port = free_port()
    log = open(demo_env["folder"] / "api.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "8", "--bind",
         f"127.0.0.1:{port}", "api:create_app()"],
        cwd=ROOT, env=demo_env["env"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/healthz", process)
        yield url
    finally:
        stop(process)
        log.close()


@pytest.fixture
def api(api_url, monkeypatch) -> str:
    """The API URL, also set as HADIR_API_URL for the dashboard code in this process."""
    monkeypatch.setenv("HADIR_API_URL", api_url)
    return api_url


@pytest.fixture(scope="session")
def pending_pool(demo_env, demo_logins) -> list[dict]:
    """Out-of-office check-ins waiting for the demo's kepala OPD, made once (one process)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.dashboard.seed_pending", "--head-nip",
         demo_logins["kepala_opd"]["nip"], "--count", "8", "--tag", "uji"],
        cwd=ROOT, env=demo_env["env"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def seed_pending(pending_pool):
    """Hand out `count` of the pool's pending check-ins to a test that decides them."""

    def take(count: int = 1) -> list[dict]:
        assert len(pending_pool) >= count, "enlarge the pending pool"
        return [pending_pool.pop() for _ in range(count)]

    return take


@pytest.fixture
def api_login(api, demo_logins):
    """Headers of a real API login for a role (for arranging and checking through the API)."""

    def headers(role: str) -> dict:
        answer = requests.post(f"{api}/api/v1/auth/login", timeout=10,
                               json={"nip": demo_logins[role]["nip"], "password": PASSWORD})
        answer.raise_for_status()
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    return headers


@pytest.fixture
def dashboard(api, demo_logins):
    """An AppTest of the dashboard, signed in as a role through the login form."""
    from tests.dashboard.helpers import sign_in

    def open_as(role: str, page: str | None = None, params: dict | None = None):
        return sign_in(APP, demo_logins[role]["nip"], PASSWORD, page, params)

    return open_as


@pytest.fixture(scope="session")
def streamlit_url(api_url, demo_env) -> Iterator[str]:
    """The dashboard served by a real `streamlit run` (for the browser test)."""
    port = free_port()
    log = open(demo_env["folder"] / "streamlit.log", "wb")  # noqa: SIM115 - closed below
    env = {**os.environ, "HADIR_API_URL": api_url, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
         "--client.toolbarMode", "viewer"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/_stcore/health", process)
        yield url
    finally:
        stop(process)
        log.close()
