"""Web app fixtures: a real API server (gunicorn, a subprocess) over a small pemda seeded by
tests/webapp/seed_world.py, and headless Chromium (Debian's /usr/bin/chromium) at phone size
with a fake camera fed by a dev-set photo and emulated GPS. Browser tests run on SQLite only
(the API behind them is tested on both databases)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import FACES
from tests.dashboard.conftest import free_port, stop, wait_until_up
from tests.webapp.fake_camera import y4m

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CAMERA = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
PHONE = {"width": 390, "height": 844}
FAKE_NOW = "2026-03-02T06:30:00+07:00"  # a Monday: the check-in window is open
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/webapp" in str(item.fspath):
            if os.environ.get("TEST_DATABASE_URL"):
                item.add_marker(pytest.mark.skip(reason="browser tests run on SQLite only"))
            elif not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason="Debian chromium not installed"))


def serve(folder: Path, **settings: str) -> Iterator[dict]:
    """Seed a pemda into `folder` and serve the API over it until the generator is closed."""
    env = {**os.environ, "HADIR_ENV": "test", "DATABASE_URL": f"sqlite:///{folder / 'hadir.db'}",
           "UPLOAD_DIR": str(folder / "uploads"), "HADIR_FAKE_NOW": FAKE_NOW,
           "HADIR_CLOCK_RUNNING": "true", "PASSWORD_HASH_PROFILE": "fast",
           "JWT_SECRET_KEY": "webapp-test-secret-0123456789abcdef", "LOG_LEVEL": "WARNING",
           "RATELIMIT_LOGIN": "1000 per minute", "RATELIMIT_CHECKIN": "1000 per minute",
           "JOBS_IMMEDIATE": "true", "JOBS_DB": str(folder / "jobs.db"),
           "AUDIT_CHECKPOINT_KEY": "webapp-test-audit-key-0123456789",
           "AUDIT_CHECKPOINT_FILE": str(folder / "checkpoints.jsonl"),
           "PYTHONPATH": str(ROOT), **settings}
    logins_path = folder / "logins.json"
    seeded = subprocess.run([sys.executable, "-m", "tests.webapp.seed_world", str(logins_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    port = free_port()
    log = open(folder / "api.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "4", "--bind",
         f"127.0.0.1:{port}", "api:create_app()"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/healthz", process)
        yield {"url": url, "logins": json.loads(logins_path.read_text()), "folder": folder}
    finally:
        stop(process)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[dict]:
    """The API with the passive liveness path for the web app (LIVENESS_CHALLENGE_REQUIRED
    "none"), so that a fake camera showing one still photo can check in; the challenge, the
    production default, has its own server (`challenge_server`)."""
    yield from serve(tmp_path_factory.mktemp("webapp"), LIVENESS_CHALLENGE_REQUIRED="none")


@pytest.fixture(scope="module")
def challenge_server(tmp_path_factory) -> Iterator[dict]:
    """The API as shipped (the web app must follow a challenge), drawing "closer" only so
    that the fake camera's film (far → near) is the right one."""
    yield from serve(tmp_path_factory.mktemp("webapp-challenge"),
                     LIVENESS_CHALLENGE_INSTRUCTIONS="closer")


@pytest.fixture(scope="session")
def playwright_session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def phone(playwright_session, server, tmp_path):
    """phone(face=..., at=(lat, lon), camera=True): a page at phone size, its fake camera
    showing `face` (a dev-set identity, photo 2 by default) or playing `film` (a .y4m)."""
    opened = []

    def open_phone(face: str | None = None, at: tuple[float, float] | None = None,
                   camera: bool = True, accuracy: float = 12.0, photo_number: int = 2,
                   film: Path | None = None, office: dict | None = None):
        office = office or server["logins"]["office"]
        args = [*ARGS]
        if camera:
            photo = FACES / (face or "webmorph_lisa") / f"{photo_number}.jpg"
            video = film or y4m(photo, tmp_path / f"camera-{len(opened)}.y4m")
            args += [*CAMERA, f"--use-file-for-fake-video-capture={video}"]
        browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM),
                                                     headless=True, args=args)
        lat, lon = at or (office["lat"], office["lon"])
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, locale="id-ID",
            geolocation={"latitude": lat, "longitude": lon, "accuracy": accuracy},
            permissions=["geolocation", *(["camera"] if camera else [])])
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda msg: page.errors.append(msg.text)
                if msg.type == "error" and "Content Security Policy" in msg.text else None)
        opened.append(browser)
        return page

    yield open_phone
    for browser in opened:
        browser.close()


@pytest.fixture
def api(server):
    """Log in through the API as a seeded person and call it (for checking what the browser
    did; never for doing it)."""

    def as_person(key: str, password: str | None = None):
        person = server["logins"][key]
        token = requests.post(f"{server['url']}/api/v1/auth/login", timeout=10, json={
            "nip": person["nip"], "password": password or person["password"]}).json()
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token['access_token']}"
        session.base = server["url"]
        return session

    return as_person


def screenshot(page, name: str, focus: str | None = None) -> Path:
    """What the phone's screen shows (390×844), scrolled to `focus` when given."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if focus:
        page.locator(focus).first.evaluate("el => el.scrollIntoView({block: 'center'})")
    path = SCREENSHOTS / f"webapp-{name}.png"
    page.screenshot(path=str(path))
    return path
